import ClaimlintCore

/// Keys of single function words the sentence checkers (SentenceChecker, ClauseAnalyzer) and the claims analysis compare
/// against, made once: building a `WordKey` from a string folds and hashes it, which inside per-word loops was 1.6 percent of a run.
enum WordKeys {
    static let a = WordKey("a")
    static let and = WordKey("and")
    static let by = WordKey("by")
    static let not = WordKey("not")
    static let or = WordKey("or")
    static let empty = WordKey("")
    static let following = WordKey("following")
    static let i = WordKey("i")
    static let listed = WordKey("listed")
    static let many = WordKey("many")
    static let most = WordKey("most")
    static let of = WordKey("of")
    static let that = WordKey("that")
    static let such = WordKey("such")
    static let the = WordKey("the")
    static let there = WordKey("there")
    static let these = WordKey("these")
    static let this = WordKey("this")
    static let to = WordKey("to")
    /// Every reflexive pronoun: an object that is the subject again ("help themselves", "heals by itself").
    static let reflexivePronouns: Set<WordKey> = Set(["myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"].map { WordKey($0) })
}

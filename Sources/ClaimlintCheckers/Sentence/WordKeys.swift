import ClaimlintCore

/// Keys of single function words the sentence checkers (SentenceChecker, ClauseAnalyzer) and the claims analysis compare
/// against, made once: building a `WordKey` from a string folds and hashes it, which inside per-word loops was 1.6 percent of a run.
/// Written as their hashes (FNV-1a of the lowercase bytes, what `WordKey(_:)` computes; `verify()` checks each at start-up):
/// a constant the compiler can fold is stored in the binary, where `WordKey("the")` was made lazily and every read of it
/// was a `swift_once` call, per word in some loops (perf19, perf20b).
enum WordKeys {
    static let a = WordKey(raw: 0xAF63_DC4C_8601_EC8C)  // "a"
    static let and = WordKey(raw: 0xE6F7_9719_051F_F286)  // "and"
    static let by = WordKey(raw: 0x08A6_4B07_B54D_F8D4)  // "by"
    static let not = WordKey(raw: 0x215A_D619_258E_9F4A)  // "not"
    static let or = WordKey(raw: 0x08B0_5407_B556_5CA4)  // "or"
    static let empty = WordKey(raw: 0xCBF2_9CE4_8422_2325)  // ""
    static let following = WordKey(raw: 0x9F50_E1DF_5BDF_DCF8)  // "following"
    static let i = WordKey(raw: 0xAF63_E44C_8601_FA24)  // "i"
    static let listed = WordKey(raw: 0xDC8A_D131_3473_CA58)  // "listed"
    static let many = WordKey(raw: 0x1F64_59A2_CEA1_FC02)  // "many"
    static let most = WordKey(raw: 0x0D18_FAA2_C3FE_AAF2)  // "most"
    static let of = WordKey(raw: 0x08B0_6007_B556_7108)  // "of"
    static let that = WordKey(raw: 0x256C_ADEF_3232_570C)  // "that"
    static let such = WordKey(raw: 0xB6CD_6919_21C5_3A5E)  // "such"
    static let the = WordKey(raw: 0x56F5_C919_4461_D57C)  // "the"
    static let there = WordKey(raw: 0xEAEE_9E72_5DB2_5B5D)  // "there"
    static let these = WordKey(raw: 0xEAF1_BA72_5DB4_C0C8)  // "these"
    static let this = WordKey(raw: 0x2587_BCEF_3249_3841)  // "this"
    static let to = WordKey(raw: 0x08C8_3907_B56A_C0A4)  // "to"
    /// Every reflexive pronoun: an object that is the subject again ("help themselves", "heals by itself").
    static let reflexivePronouns: Set<WordKey> = Set(["myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"].map { WordKey($0) })

    /// Whether each constant above is the key `WordKey(_:)` makes of its word.
    static func verify() -> Bool {
        let pairs: [(WordKey, String)] = [
            (a, "a"), (and, "and"), (by, "by"), (not, "not"), (or, "or"), (empty, ""), (following, "following"), (i, "i"), (listed, "listed"), (many, "many"),
            (most, "most"), (of, "of"), (that, "that"), (such, "such"), (the, "the"), (there, "there"), (these, "these"), (this, "this"), (to, "to"),
        ]
        return pairs.allSatisfy { $0.0 == WordKey($0.1) }
    }
}

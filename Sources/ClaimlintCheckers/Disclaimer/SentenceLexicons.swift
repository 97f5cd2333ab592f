import ClaimlintCore

/// The four lexicons `HealthVocabulary.hits` scans every sentence with (triggers, body-procedure
/// words, dose forms, therapy activities) in one trie: one walk per sentence instead of four.
struct SentenceLexicons: Sendable {
    enum Lexicon: Int, Sendable { case trigger, bodyProcedureWord, doseForm, therapyActivity }
    static let count = 4

    struct Value: Sendable {
        var lexicon: Lexicon
        /// The trigger's kind (`.trigger` only).
        var trigger: HealthTrigger
        /// The phrase's value in its own trie (the other lexicons: `PhraseTrie<Bool>`'s).
        var flag: Bool
    }

    /// Each lexicon's `scan` of a sentence.
    struct Matches {
        var triggers: [PhraseMatch<HealthTrigger>] = []
        var bodyProcedureWords: [PhraseMatch<Bool>] = []
        var doseForms: [PhraseMatch<Bool>] = []
        var therapyActivities: [PhraseMatch<Bool>] = []
    }

    let trie: PhraseTrie<Value>

    /// Each lexicon's phrases in the order its own trie got them (the order decides which value
    /// wins when one phrase has two).
    init(triggers: [(String, HealthTrigger)], bodyProcedureWords: [(String, Bool)], doseForms: [String], therapyActivities: [String]) {
        var trie = PhraseTrie<Value>()
        for (p, kind) in triggers { trie.insert(p, value: Value(lexicon: .trigger, trigger: kind, flag: true)) }
        for (p, flag) in bodyProcedureWords { trie.insert(p, value: Value(lexicon: .bodyProcedureWord, trigger: .procedure, flag: flag)) }
        for p in doseForms { trie.insert(p, value: Value(lexicon: .doseForm, trigger: .procedure, flag: true)) }
        for p in therapyActivities { trie.insert(p, value: Value(lexicon: .therapyActivity, trigger: .procedure, flag: true)) }
        self.trie = trie
    }

    func scan(_ tokens: [Token], in range: Range<Int>) -> Matches {
        var out = Matches()
        trie.forEachLexiconScanMatch(tokens, in: range, lexiconCount: Self.count, lexicon: { $0.lexicon.rawValue }) { _, m in
            switch m.value.lexicon {
            case .trigger: out.triggers.append(PhraseMatch(tokens: m.tokens, value: m.value.trigger))
            case .bodyProcedureWord: out.bodyProcedureWords.append(PhraseMatch(tokens: m.tokens, value: m.value.flag))
            case .doseForm: out.doseForms.append(PhraseMatch(tokens: m.tokens, value: m.value.flag))
            case .therapyActivity: out.therapyActivities.append(PhraseMatch(tokens: m.tokens, value: m.value.flag))
            }
        }
        return out
    }
}

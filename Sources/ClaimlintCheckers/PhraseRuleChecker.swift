import ClaimlintCore

/// Rules that a rule pack defines with a `phrases:` list and no code, like Vale's
/// `existence` rules: a house-style pack can ban "miracle cure" or "detox" without a release.
/// Every occurrence in linted prose is a finding; `{phrase}` in the message is the text found.
public struct PhraseRuleChecker: Checker {
    /// Phrase rules are discovered from the packs, so the static list is empty.
    public static let ruleIDs: [String] = []

    let rules: [RuleDescription]
    let trie: PhraseTrie<Int>

    public init(rules: RuleSet, settings: CheckerSettings) throws {
        let phraseRules = rules.orderedRules.filter { !$0.phrases.isEmpty }
        var trie = PhraseTrie<Int>()
        for (i, r) in phraseRules.enumerated() {
            for p in r.phrases { trie.insert(p, value: i) }
        }
        self.rules = phraseRules
        self.trie = trie
    }

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        guard !trie.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for block in document.blocks where block.inScope {
            for m in trie.scan(block.tokens) {
                let rule = rules[m.value]
                guard !context.disabledRules.contains(rule.id) else { continue }
                let range = block.utf8Range(ofTokens: m.tokens)
                let phrase = block.text(range)
                out.append(Diagnostic(rule: rule.id, location: .text(block: block.index, range: range),
                                      message: rule.render(["phrase": phrase]), details: ["phrase": phrase]))
            }
        }
        return out
    }
}

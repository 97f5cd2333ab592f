@testable import ClaimlintCheckers
import ClaimlintCore
import ClaimlintRules
import Testing

/// The promotional pass's word classes (measuring verbs and sentence openers) are read from
/// Rules/claims-promotional.yml: an empty or missing list must fail, not silently switch a test off.
@Suite struct PromotionalWordClassTests {
    static func builtinRules() throws -> RuleSet {
        try RuleSet(files: BuiltinRuleFiles.all.map { (path: "Rules/" + $0.path, contents: $0.contents) })
    }

    @Test func wordClassesAreReadFromTheRulePacks() throws {
        let vocabulary = try ClaimsVocabulary(rules: Self.builtinRules())
        let classes: [(Set<WordKey>, String)] = [
            (vocabulary.measuringVerbs, "track"), (vocabulary.existentialOpeners, "there"), (vocabulary.nonNameOpeners, "nothing"),
            (vocabulary.superlativeOpeners, "best"), (vocabulary.stageOpeners, "once"), (vocabulary.prohibitionOpeners, "never"),
        ]
        for (words, sample) in classes {
            #expect(!words.isEmpty)
            #expect(words.contains(WordKey(sample)), "\(sample) is missing")
        }
        #expect(vocabulary.prohibitionOpeners.contains(WordKey("don\u{2019}t")))
    }

    @Test func anEmptyWordClassIsAnError() throws {
        var rules = try Self.builtinRules()
        try rules.add(path: "empty.yml", contents: "pack: empty\nlexicons:\n  claims.test.empty-class:\n    entries: []\n")
        #expect(throws: RulePackError.self) { _ = try ClaimsVocabulary.wordSet(rules, "claims.test.empty-class") }
        #expect(throws: RulePackError.self) { _ = try ClaimsVocabulary.wordSet(rules, "claims.test.missing-class") }
        #expect(try ClaimsVocabulary.wordSet(rules, "claims.promotional.measuring-verbs").count >= 20)
    }
}

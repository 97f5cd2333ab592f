import Testing
import ClaimlintCore
@testable import ClaimlintCheckers

@Suite struct SentenceCheckerTests {
    @Test func lexiconLoadsAndTagsCommonWords() throws {
        let v = SentenceTestSupport.checker.vocabulary
        #expect(v.pos.count > 15_000)
        #expect(v.pos.entry(WordKey("causes"))?.tags.contains(.verbS) == true)
        #expect(v.pos.entry(WordKey("causes"))?.tags.contains(.plural) == true)
        #expect(v.pos.entry(WordKey("taken"))?.tags.contains(.participle) == true)
    }

    /// Every text example in Rules/sentence.yml: triggering ones must report their rule,
    /// non-triggering ones must not. (The engine runs all formats once it lands.)
    @Test func ruleExamples() {
        for id in SentenceChecker.ruleIDs {
            guard let rule = SentenceTestSupport.rules.rule(id) else { Issue.record("no rule \(id)"); continue }
            for e in rule.triggering where e.format == .text {
                let found = SentenceTestSupport.rules(in: e.text)
                #expect(found.contains(id), "\(id) should trigger on: \(e.text) (got \(found))")
            }
            for e in rule.nonTriggering where e.format == .text {
                let found = SentenceTestSupport.rules(in: e.text)
                #expect(!found.contains(id), "\(id) should not trigger on: \(e.text) (got \(found))")
            }
        }
    }
}

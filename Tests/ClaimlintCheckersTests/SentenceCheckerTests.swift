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

}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// The disclaimer checker's small word lists live in its packs, not in Swift: `disclaimer.advice-words`
/// (advice that completes a composed disclaimer) and `disclaimer.after-condition-words` ("a cold and a
/// cough" is the illness, "a cold pan" is not). An empty list would silently switch a rule off.
@Suite struct DisclaimerWordListTests {
    @Test func wordListsLoadFromThePacksAndAreNotEmpty() throws {
        let checker = try S.disclaimerChecker()
        #expect(!checker.page.disclaimers.adviceWords.isEmpty)
        #expect(checker.page.disclaimers.adviceWords.contains(WordKey("advice")))
        #expect(!checker.page.health.afterConditionWords.isEmpty)
        #expect(checker.page.health.afterConditionWords.contains(WordKey("and")))
    }

    /// What each list decides, read through the checker: "It is not a personal recommendation."
    /// completes a composed disclaimer; "a cold and a cough" is a health term, "a cold pan" is not.
    @Test func theListsStillDecide() throws {
        let checker = try S.disclaimerChecker()
        let composed = S.text("Take 2,000 IU of vitamin D a day through the winter. This page gives general background on vitamin D only. It is not a personal recommendation.")
        #expect(checker.verdict(composed).found.contains { $0.text.contains("recommendation") })
        let cold = S.text("A cold and a cough.")
        let pan = S.text("A cold pan.")
        let block = { (d: AnalyzedDocument) in d.blocks[0] }
        #expect(!checker.page.health.healthTermMatches(in: block(cold), range: 0..<block(cold).tokens.count).isEmpty)
        #expect(!checker.page.health.healthTermMatches(in: block(pan), range: 0..<block(pan).tokens.count).contains { block(pan).text(block(pan).utf8Range(ofTokens: $0.tokens)).lowercased() == "a cold" })
    }
}

import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 29 (docs/disclaimer.md, "Round 29"): blind batches 139-144 moved to dev.
@Suite struct DisclaimerRound29Tests {
    let pages: DisclaimerTestSupport.PageCheckers
    init() throws { pages = try S.PageCheckers() }
    func fired(_ text: String) -> [String] { pages.fired(text) }

    static let prp = "PRP for thinning eyebrows: we take a small blood sample, spin it and inject the platelet-rich plasma into the brow with a fine needle. PRP may wake dormant hair follicles. Most people need three PRP sessions a month apart."

    @Test(arguments: [
        " None of the answers on this page count as medical advice for your own situation.",
        " These notes do not count as medical advice.",
    ])
    func notCountingAsMedicalAdviceIsADisclaimer(_ line: String) {
        #expect(!fired(Self.prp + line).contains("disclaimer.missing"), "\(line)")
    }

    @Test func withoutOneThePRPPageNeedsOne() {
        #expect(fired(Self.prp).contains("disclaimer.missing"))
    }

    @Test func roosterCombCapsulesAreAPersonsSupplement() {
        let text = "Rooster comb hyaluronic acid, 60 capsules. Extracted from the combs of roosters raised on our farm, for smoother knees and hips when you climb the stairs. Take 1 capsule (120 mg) daily with water for at least three months."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }
}

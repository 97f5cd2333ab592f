import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 35 (docs/disclaimer.md, "Round 35"): blind batches 181-186 moved to dev after their one run.
/// Rule tests run on the rules alone (no topic model).
@Suite struct DisclaimerRound35Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    /// Milk for young animals named by a pet ("kitten milk replacer") names no pet.
    @Test func kittenMilkForFoxCubsNamesNoPet() {
        let page = """
            Fox cub rescue: nursery notes

            Two fox cubs came in on Monday, cold and thin. Feeds are kitten milk replacer every three hours.

            Treatment: fluids under the skin on arrival, then a course of antibiotics, 0.1 ml twice a day for five days. Worming at four weeks with a liquid wormer, 0.5 ml by mouth.
            """
        #expect(!firedByTheRules(page).contains("disclaimer.missing"))
    }

    /// On a page that names wild cats, "our cats" are those cats.
    @Test func catsOnAWildCatPageAreNoPets() {
        let page = """
            Serval and caracal enclosure: vet visit notes

            Our cats had their yearly check this week.

            The older serval was given a long-acting antibiotic injection for a tooth root infection and pain relief for three days. The two caracals were dewormed with a spot-on, one pipette each, and their vaccines were boostered.

            All cats are back on their usual whole-prey diet.
            """
        #expect(!firedByTheRules(page).contains("disclaimer.missing"))
    }

    static let ibuprofen = "Take ibuprofen 400 mg three times a day with food for up to five days to ease back pain."

    /// Another kind of advice before "or medical advice".
    @Test(arguments: ["Nothing posted here is veterinary or medical advice.", "This is not legal, financial or medical advice."])
    func anotherAdviceOrMedicalAdviceCounts(_ line: String) {
        #expect(firedByTheRules(Self.ibuprofen).contains("disclaimer.missing"))
        #expect(!firedByTheRules(Self.ibuprofen + " " + line).contains("disclaimer.missing"), "\(line)")
    }
}

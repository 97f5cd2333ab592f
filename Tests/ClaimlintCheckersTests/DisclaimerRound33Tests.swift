import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 33 (docs/disclaimer.md, "Round 33"): blind batches 163-168 moved to dev after their one run.
/// Rule tests run on the rules alone (no topic model).
@Suite struct DisclaimerRound33Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    /// Shop-window mannequins are repaired things: their "limb surgery" is a workshop's.
    @Test func aMannequinsSurgeryIsARepair() {
        let page = """
            The Figure Hospital: repairs for shop-window mannequins

            Broken arm? Chipped nose? We will have your mannequins back in the window by Friday.

            Limb surgery: snapped fingers and wrists rebuilt with fibreglass and a steel pin. Joint replacement: worn arm and leg fittings swapped for new twist-locks. Skin treatment: scratches filled, sanded and resprayed. Facial reconstruction: noses and ears re-sculpted by hand.

            We send a diagnosis and a fixed quote within a day, and every display figure comes back refinished.
            """
        #expect(!firedByTheRules(page).contains("disclaimer.missing"))
    }

    static let cream = "Urea cream 10% for cracked hands: apply it twice daily after washing and wear cotton gloves overnight. If the splits bleed, a hydrocortisone 1% cream twice a day for a week settles the inflammation."

    /// The not-a-substitute family with a contraction.
    @Test(arguments: ["It isn't meant to replace seeing a GP or pharmacist.", "These notes aren't a replacement for advice from your doctor."])
    func aContractedNotASubstituteCounts(_ line: String) {
        #expect(firedByTheRules(Self.cream).contains("disclaimer.missing"))
        #expect(!firedByTheRules(Self.cream + " " + line).contains("disclaimer.missing"), "\(line)")
    }
}

/// Numbered posts ("[post 3] name, date") make a page a thread: the notice after its end is after the comments.
@Test func numberedPostsMakeAThread() throws {
    let thread = """
        Thread: Tick bite after a field survey

        [post 1] reedbed_rachel, 14 Jul
        A red ring round a tick bite on my thigh, about 6 cm. Do I need antibiotics?

        [post 2] ditch_ecologist, 14 Jul
        An expanding ring is the classic Lyme rash. It is usually treated with doxycycline for three weeks. Get it seen this week.

        [post 3] reedbed_rachel, 15 Jul
        Got an appointment, given doxycycline, 100 mg twice a day.

        ------------------------------------------------------------
        Moderator note: posts here are members' own experiences and are not medical advice. Always check with a doctor before starting any treatment.
        """
    let found = try S.disclaimerFindings(try Linter(), thread, .text, textPath: "a.txt")
    #expect(found.contains { $0.hasPrefix("disclaimer.weak") }, "\(found)")
}

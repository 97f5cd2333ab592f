import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 32 (docs/disclaimer.md, "Round 32"): blind batches 157-162 moved to dev after their one run.
/// Rule tests run on the rules alone (no topic model).
@Suite struct DisclaimerRound32Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func fired(_ doc: AnalyzedDocument) -> [String] { rules.fired(doc) }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    /// A forum name with underscores is one word: "cob_and_chaos" names no horse.
    @Test func anUnderscoredNameIsOneWord() {
        let tokens = Array("cob_and_chaos wrote: took 600 mg".utf8).withUnsafeBufferPointer { Segmenter.tokenize($0) }
        #expect(tokens.first.map { $0.end - $0.start } == 13)
        let thread = """
            Thread: Ashwagandha for build stress - anyone?

            cob_and_chaos wrote: Took KSM-66, 600 mg a day, during our second fix. Slept like a baby within a week.

            stone_mason_sb wrote: Same here, 300 mg twice a day. Takes about a fortnight to kick in.
            """
        #expect(firedByTheRules(thread).contains("disclaimer.missing"))
    }

    /// "Dog fox" is a male fox, not a pet; "our dog" is a pet, whose body counts.
    @Test func aDogFoxIsNotAPet() {
        let rescue = "Picked up a young WHO off the ring road on Sunday and took him to the wildlife rescue. The vet x-rayed him: a pelvic fracture. He is on meloxicam by mouth once a day and had an antibiotic injection for the grazes. Cage rest for four to six weeks should do it."
        #expect(!firedByTheRules(rescue.replacingOccurrences(of: "WHO", with: "dog fox")).contains("disclaimer.missing"))
        #expect(firedByTheRules(rescue.replacingOccurrences(of: "WHO", with: "dog of ours")).contains("disclaimer.missing"))
    }

    static let fitters = [
        "Show cattle fitters set the hair on steers and heifers with aerosol adhesive before the ring.",
        "Use a thick fragrance-free emollient after every wash and overnight under cotton gloves.",
        "For a red, itchy flare, a short course of a moderate-strength steroid cream twice daily for up to a week usually settles it.",
        "Judges at the county show look for a level topline, clean legs and a calm heifer in the ring.",
    ]

    /// A heading that names the reader's own body ("Looking after your hands") makes the page people's,
    /// whatever animals it names; without it, the same sentences read as a show yard's care notes.
    @Test func aHeadingNamingYourBodyMakesThePagePeoples() {
        func page(_ heading: String) -> AnalyzedDocument {
            S.document([S.Part(kind: .heading(level: 1), text: heading)] + Self.fitters.map { S.Part(text: $0) })
        }
        #expect(fired(page("Looking after your hands in the show season")).contains("disclaimer.missing"))
        #expect(!fired(page("Show season at the fitting yard")).contains("disclaimer.missing"))
    }

    static let cream = "Hydrocortisone 1% cream for an itchy rash: apply a thin layer twice daily for up to a week."

    /// "Always" makes a consult a rule; inside a condition ("if one brand always triggers it") it does not.
    @Test func anAlwaysInAConditionIsNotARule() {
        #expect(!firedByTheRules(Self.cream + " Always ask your pharmacist before using a steroid cream on your face.").contains("disclaimer.missing"))
        #expect(firedByTheRules(Self.cream + " If one brand always triggers it, ask a dermatologist about patch testing.").contains("disclaimer.missing"))
    }

    /// Pilots consult their aviation medical examiner before acting on the page.
    @Test func theAviationMedicalExaminerIsAProfessional() {
        let page = "Airsick student pilots: some take ginger capsules, 1 g an hour before the lesson, or an antihistamine the night before."
        #expect(firedByTheRules(page).contains("disclaimer.missing"))
        #expect(!firedByTheRules(page + " Before you take any tablet for airsickness, speak to your aviation medical examiner first.").contains("disclaimer.missing"))
    }

    /// Adaptogens sold by name are supplements.
    @Test func ashwagandhaIsASupplement() {
        #expect(firedByTheRules("Ashwagandha before bed helps me sleep through a stressful build. I take it every night with warm milk.").contains("disclaimer.missing"))
    }
}

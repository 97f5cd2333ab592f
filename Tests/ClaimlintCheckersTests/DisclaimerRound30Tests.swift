import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 30 (docs/disclaimer.md, "Round 30"): the two held-out non-health pages flagged at round 29
/// (a chameleon keepers' forum, a bison herd's vaccination plan) moved to dev. Rule tests run on the rules alone
/// (no topic model), so they pin the rules and not the model's incidental reading.
@Suite struct DisclaimerRound30Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    static let tortoiseThread = """
        Tortoise keepers' board: Hermann's with a runny nose

        Mine has bubbles at the nostrils and stopped eating this week. Any ideas?

        Ours had the same last spring. The vet prescribed antibiotic injections, 0.3 ml every other day for three doses, and it cleared in a fortnight. Do not give him WARNING at home, the dose can be wrong for reptiles.
        """

    /// "Human medicines" on a keeper's page are what not to give the animal, not a person's body.
    @Test func aMedicineMadeForPeopleNamesNoPerson() {
        let page = Self.tortoiseThread.replacingOccurrences(of: "WARNING", with: "human painkillers such as ibuprofen")
        #expect(!firedByTheRules(page).contains("disclaimer.missing"))
    }

    /// People named as people still make the sentence a body's, and the vet's dose then counts.
    @Test func peopleNamedAsPeopleStillCount() {
        let page = Self.tortoiseThread.replacingOccurrences(of: "WARNING", with: "painkillers made for humans, such as ibuprofen,")
        #expect(firedByTheRules(page).contains("disclaimer.missing"))
    }

    /// "Pregnancy" said of ewes is the animal's; said of women or the reader, a person's.
    @Test func anAnimalsPregnancyIsTheAnimals() {
        let ewes = """
            Lambing shed notes, March

            Ewes in late pregnancy get 60 ml of the mineral drench twice a week and a clostridial booster four weeks before lambing. Pregnant ewes showing twin lamb disease: give 60 ml of propylene glycol twice daily and call the farm vet. Lambs get an iodine navel dip within an hour of birth.
            """
        #expect(!firedByTheRules(ewes).contains("disclaimer.missing"))
        let women = """
            Pregnant women and lambing

            Pregnant women should keep away from lambing ewes: the ewes can carry chlamydia and toxoplasma, which can cause miscarriage. If you are pregnant and have helped with lambing, take paracetamol for any fever and call your GP or midwife the same day. Wash your hands after touching lambs.
            """
        #expect(firedByTheRules(women).contains("disclaimer.missing"))
    }

    static let flockPlan = """
        Hill flock plan: orf vaccination, spring

        Flock: 480 Swaledale ewes. Vet: Fell Farm Vets.

        Ewes: orf vaccine by scarification on the inner thigh, 6 weeks before lambing. Lambs: vaccinate at three weeks only if the farm had orf scabs last year. Keep vaccinated ewes off the lambing paddock for 8 weeks while scabs drop.

        After vaccination

        Check the scratch site of each ewe at day 7 for the small scab that shows the vaccine took.

        Shepherd's note

        The orf vaccine is live and can infect people through a cut on the hand; wear gloves.
        """

    /// One note on the people who handle a live vaccine leaves a flock's plan animal care, and the
    /// title's condition the flock's.
    @Test func aHandlersNoteLeavesAFlockPlanAnimalCare() {
        #expect(!firedByTheRules(Self.flockPlan).contains("disclaimer.missing"))
    }

    /// Treatment advice for the handler's own body is more than a note: the page needs one.
    @Test func aHandlersSelfTreatmentStillNeedsOne() {
        let page = Self.flockPlan + "\n\nIf you catch orf, cover the blister with a dry dressing and take ibuprofen for the pain. See your GP if it spreads, and expect it to heal in about six weeks."
        #expect(firedByTheRules(page).contains("disclaimer.missing"))
    }
}

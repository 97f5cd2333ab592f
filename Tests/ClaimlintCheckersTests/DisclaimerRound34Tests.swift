import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 34 (docs/disclaimer.md, "Round 34"): the one non-health page the final held-out
/// run flagged in session 15 (badger vaccinators' course notes) moved to dev. A page that names one
/// non-body species four times or more is animal care, like a page with three distinct animal
/// words, unless a sentence addresses the reader, names a person's body or names an injury the
/// animal gives. Rule tests run on the rules alone (no topic model).
@Suite struct DisclaimerRound34Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    /// One species, named in the title and the steps: the vaccine, the dose and the needles are the squirrels'.
    @Test func oneSpeciesNamedOftenIsAnimalCare() {
        let page = """
            Squirrel pox vaccine trial - field notes, week one

            Week one was trapping and the first round of vaccination.

            Traps go on the feeding platforms, baited with hazelnuts for three days before they are set live. Check every trap within two hours. A squirrel left in a trap for longer gets stressed. Grey squirrels caught by mistake are reported to the estate office.

            The red squirrel is tipped into a handling cone, never held in the hand. Vaccine dose 0.2 ml under the skin at the scruff, drawn up fresh from the vial. Used needles go straight into the sharps box. Keep the vaccine in the cool box between traps and throw away what is left at the end of the day.
            """
        #expect(!firedByTheRules(page).contains("disclaimer.missing"))
    }

    static let volunteersFirstSteps = """
        Handling badgers: a rescue volunteer's first steps

        Badgers fight hard when they are cornered, and a badger's teeth tear deep. The mouths of wild badgers carry many bacteria.

        Report every wound from a badger to the centre manager the same day. Wash any wound under running water with soap for five minutes, then press a clean pad on it. A course of antibiotics is usual for a deep wound.
        """

    /// Without a word about whose wound it is, the repeated species reads as the patient.
    @Test func theImpersonalWoundPageReadsAsAnimalCare() {
        #expect(!firedByTheRules(Self.volunteersFirstSteps + " A tetanus booster is given when the last one was long ago.").contains("disclaimer.missing"))
    }

    /// The reader addressed in a trigger sentence, a person's body named, or a bite: the wound is a person's.
    @Test(arguments: [
        " Get a tetanus booster if you are not up to date.",
        " A tetanus booster is given when the last one was long ago. I cleaned a deep cut on my hand that way last spring.",
        " A tetanus booster is given when the last one was long ago. A badger bite crushes as well as punctures.",
    ])
    func aPersonsWoundStaysAPersons(_ line: String) {
        #expect(firedByTheRules(Self.volunteersFirstSteps + line).contains("disclaimer.missing"), "\(line)")
    }
}

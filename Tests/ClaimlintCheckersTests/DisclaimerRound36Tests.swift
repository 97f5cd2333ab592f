import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 36 (docs/disclaimer.md, "Round 36"): round 34's guards (a trigger sentence that addresses the
/// reader, a sentence that names a person's body, an injury an animal gives) hold for a page with three distinct
/// animal words too, not only for one species named often. Rule tests run on the rules alone (no topic model).
@Suite struct DisclaimerRound36Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    static let firstSteps = """
        Handling foxes and badgers: a rescue volunteer's first steps

        Foxes and badgers fight hard when they are cornered, and their teeth tear deep. The mouths of wild foxes carry many bacteria.

        Report every wound from a badger or a fox to the centre manager the same day. Wash any wound under running water with soap for five minutes, then press a clean pad on it. A course of antibiotics is usual for a deep wound.
        """

    /// Three animal words and nobody named: still read as the animals' care.
    @Test func threeAnimalWordsAndNobodyNamedIsAnimalCare() {
        #expect(!firedByTheRules(Self.firstSteps + " A tetanus booster is given when the last one was long ago.").contains("disclaimer.missing"))
    }

    /// The reader addressed, or the animals' bites: the wound is a person's.
    @Test(arguments: [
        " Get a tetanus booster if you are not up to date.",
        " A tetanus booster is given when the last one was long ago. A fox bite can go deep into the hand.",
    ])
    func aPersonsWoundAmongThreeAnimalWordsStaysAPersons(_ line: String) {
        #expect(firedByTheRules(Self.firstSteps + line).contains("disclaimer.missing"), "\(line)")
    }
}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Round 12 (blind batches 39-42 moved to dev): a thing's skin (an aircraft's, a hull's), "lower"
/// and "calm" as adjectives, medicines named by what they treat, consult verbs split by their
/// object or pointing back to a professional with a pronoun.
@Suite struct DisclaimerThingsAndSplitConsultsTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    func families(_ disclaimer: String) -> [String] {
        checker.verdict(S.text(DisclaimerFamilyTests.page + "\n\n" + disclaimer)).found.map(\.family.rawValue)
    }

    @Test(arguments: [
        // A machine's or a boat's skin, and "lower" as the adjective.
        "The glider came in with worrying symptoms along the lower fuselage. The engineer checked the thickness of the skin on the bare metal panels, and one section of the lower wing skin must be replaced.",
        "Our repair clinic has a new patient: the club dinghy, with symptoms of a tired hull. A dose of epoxy will heal the skin of the hull. The flow coat helps soothe the flaking skin around the keel.",
        // "A calm sea", "the lower deck": adjectives beside domain-neutral words.
        "The ferry crew treat the symptoms of a long crossing on the lower deck with fresh air. A calm sea is the best remedy for a patient who hates boats.",
    ])
    func thingsSkinsAndAdjectivesDrawNothing(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // "Lower" as the verb still counts.
        "Walking every day can lower your blood pressure. Cutting salt helps lower blood pressure too, and potassium-rich food may ease hypertension.",
        // A body's skin, with no vehicle, building or material in the sentence.
        "This balm soothes cracked skin within a week. Rub it into the skin every night to relieve the stinging.",
        // Medicines named by what they treat.
        "I take my blood pressure tablets with breakfast. My optician suggested drops for my dry eyes before long drives.",
        // "Calming" and "easing", not only "calm" and "ease".
        "Blepharitis: calming sore, crusty eyelids. A warm compress held over closed lids is the first step in easing blepharitis.",
        // Haemodialysis, by its ending.
        "Three years on haemodialysis taught me to count every drink. My weight gain between sessions dropped once I cut salt.",
    ])
    func bodyPagesStillNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }

    @Test func printerDropsAndIceTabletsAreNoMedicine() {
        #expect(fired("Two drops for the printer head every month keep it clean. Ice-cube tablets for the dishwasher cut limescale.") == [])
    }

    @Test(arguments: [
        "Please run any new exercise plan, tablet or device past your urology nurse, consultant or GP before you try it.",
        "Clear this return plan and the exercises with your physiotherapist before you put your trainers back on.",
        "A low-residue diet is something to start only with the say-so of your IBD dietitian. Please check with them before changing how you eat.",
        // Three-word entries split before their particle: "talk through * with", "go over * with".
        "Talk through the whole plan with your pharmacist before you try it.",
        "Go over the doses with your GP before you start.",
    ])
    func splitAndPronounConsultsAreDisclaimers(_ sentence: String) {
        #expect(families(sentence).contains("consult-before-acting"), "\(sentence)")
    }

    @Test(arguments: [
        // A split verb with no professional after it, a pronoun with no professional before it.
        "Run the new routine past your training partner before you try it.",
        "My sister loves this bowl. Please check with them before changing how you eat.",
        // Passive "run by": nothing between the halves.
        "The clinic is run by a nurse and opens before you start work.",
    ])
    func splitAndPronounLookAlikesAreNot(_ sentence: String) {
        #expect(!families(sentence).contains("consult-before-acting"), "\(sentence)")
    }
}

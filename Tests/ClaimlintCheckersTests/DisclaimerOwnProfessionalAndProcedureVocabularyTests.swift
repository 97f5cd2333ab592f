import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Consults that name the reader's own professional with no consult verb of the list ("have your
/// midwife check"), and the page as "nothing in it".
@Suite struct DisclaimerOwnProfessionalConsultTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func families(_ disclaimer: String) -> [String] {
        checker.verdict(S.text(DisclaimerFamilyTests.page + "\n\n" + disclaimer)).found.map(\.family.rawValue)
    }

    @Test(arguments: [
        "Before you start any of the exercises below, have your midwife or GP check your tummy and agree the plan with you.",
        "Get your pharmacist to look over the doses before you begin.",
    ])
    func ownProfessionalAndFirstConsultsAreDisclaimers(_ sentence: String) {
        #expect(families(sentence).contains("consult-before-acting"), "\(sentence)")
    }

    @Test func theNewsletterAsNothingInItIsADisclaimer() {
        #expect(families("The newsletter is written for general interest, and nothing in it is individual advice about your health.").contains("informational-only"))
    }

    @Test(arguments: [
        // No professional; "first thing" is a time of day; a symptom, not acting on the page.
        "Before you start, have your trainers and a water bottle ready.",
        "See your GP first thing in the morning if the swelling is worse.",
        "Tell your doctor if the rash spreads to your chest.",
        "Nothing in it was new to me, and the recipe still works.",
    ])
    func lookAlikesAreNot(_ sentence: String) {
        #expect(families(sentence).isEmpty, "\(sentence)")
    }
}

/// Needs signals of blind batches 43-48: local anaesthetics and numbing gels, antifungals,
/// transplants and whitening beside a body part, toe procedures, exercise sets with a frequency,
/// relief as less of a symptom, a heading that names the condition an inferred sentence is about;
/// and the look-alikes of other trades (software updates, roses, hiking poles, pastry).
@Suite struct DisclaimerProcedureAndExerciseVocabularyTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test(arguments: [
        "The procedure takes an hour under local anaesthetic. Toe shortening removes a small piece of bone from the middle of the toe.",
        "A beard transplant moves follicles from the back of your scalp. It is done under local anaesthetic and you go home the same day.",
        "Professional whitening from a dentist changes the shade. Bleaching the teeth at home with a pen is gentler.",
        "Dust your shoes with an antifungal powder once a week. If the skin around the nail turns red or you notice pus, please see your GP.",
        "I did two sets every morning and two after tea. My knees actually ache less than they did.",
        "Apply the numbing gel for 15 minutes. Then press the pen to each lip, and top up the numbing gel if it stings.",
    ])
    func bodyPagesNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }

    @Test(arguments: [
        "RawBench 4.2 brings a rebuilt healing tool and smarter noise treatment. The healing brush removes sensor spots. Known side effects: some older plug-ins no longer load. System requirements: a 64-bit operating system.",
        "Treat the roses with an antifungal spray once a week. Dust the base of each stem with antifungal powder after rain.",
        "Our walking sticks fold to 35 cm. Fit a new rubber ferrule before a rocky hike, and pack crutches only for the mountain rescue kit.",
        "Cream the butter and shortening together. The sun sets every evening behind the pier, and two sets of keys hang by the door.",
    ])
    func otherTradesDrawNothing(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    /// Inferred evidence (a regimen on the wrist) is about a body under a heading that names the
    /// condition; under a heading without one it is not.
    @Test func aHeadingNamingTheConditionCorroboratesInferredEvidence() {
        func page(_ heading: String) -> AnalyzedDocument {
            S.document([S.Part(kind: .heading(level: 1), text: heading),
                        S.Part(text: "Rest the wrist on a table and lower it slowly, three sets of fifteen, once a day on the wrist.")])
        }
        #expect(checker.verdict(page("Does a tennis elbow strap work?")).profile.isAboutBody)
        #expect(!checker.verdict(page("Does a new racket strap work?")).profile.isAboutBody)
    }

    @Test func aStrengthPerMillilitreIsNoSupplementPage() {
        // A serum ampoule's strength and a numbing gel: the US supplement statement does not count.
        let page = "Load an ampoule of hyaluronic acid (24 mg/ml). Apply the numbing gel for 15 minutes before you fire the pen along each lip. "
            + "These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease."
        #expect(fired(page) == ["disclaimer.missing"])
    }
}

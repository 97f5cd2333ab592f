import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 24 (docs/disclaimer.md, "Round 24"): blind batches 117-121 moved to dev.
@Suite struct DisclaimerRound24Tests {
    let pages: DisclaimerTestSupport.PageCheckers
    init() throws { pages = try S.PageCheckers() }
    func fired(_ text: String) -> [String] { pages.fired(text) }

    /// Disclaimer findings only (the opt-in audit off).
    func disclaimerFired(_ text: String) -> [String] {
        S.rulesFired(pages.checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    // MARK: a pet in a livestock medicine's species warning (disclaimer.reader-neutral-phrases)

    static let cattleInjection = "Doramectin injection for cattle, 50 ml. For the treatment of lice, mange mites and gutworms in cattle. Give 1 ml per 50 kg bodyweight (200 micrograms/kg) by injection under the skin of the neck. A single injection kills mites on the skin for up to three weeks."

    @Test(arguments: [
        "Do not use in other species; fatal in some dog breeds.",
        "Toxic to cats.",
        "Do not use in dogs.",
        "Not for use in cats or dogs.",
        "Toxic to dogs.",
    ])
    func speciesWarningNamesNoPatient(_ warning: String) {
        let text = Self.cattleInjection + " " + warning + " Meat withdrawal 70 days."
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A pet named outside a warning is a pet page's patient (the pets rule).
        DisclaimerRound24Tests.cattleInjection + " Keep away from dogs. Meat withdrawal 70 days.",
        // A dog owner's page names its dog again: the warning is risk information, the dog the patient.
        "Never give your dog paracetamol or ibuprofen: both are toxic to dogs. For a limping dog the vet may prescribe meloxicam, 0.1 mg per kg once a day with food, for up to a week. It eases the pain and swelling in the joint.",
        "Our old collie has itchy skin and hair loss. Ivermectin is fatal in some dog breeds, so the vet prescribed a spot-on instead, one pipette a month, and a medicated shampoo twice a week. The itching stopped in a fortnight.",
    ])
    func petPagesStillNeedOne(_ text: String) {
        let rules = fired(text)
        #expect(rules.contains("disclaimer.missing") && rules.contains("balance.no-sources"), "\(text)")
    }

    // MARK: Ayurvedic herbs sold to be taken are supplements (disclaimer.trigger.supplement)

    static let triphala = "Triphala Churna, 200 g. Triphala has long been used in Ayurveda as a gentle tonic for the gut. Many people stir it into warm water at night to support regular digestion and a healthy appetite. Stir 1 level teaspoon into warm water once daily. Not recommended during pregnancy."
    static let statement = " These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease."

    @Test func ayurvedicHerbListingCarriesTheSupplementStatement() {
        #expect(disclaimerFired(Self.triphala + Self.statement) == [])
    }

    @Test(arguments: [
        DisclaimerRound24Tests.triphala,
        "Shatavari Root Powder, 100 g. Shatavari has long been used in Ayurveda as a tonic for women. Nursing mothers stir it into warm milk to support a healthy milk supply and hormonal balance after birth. Stir 1 level teaspoon into warm milk once or twice daily. Avoid if you are allergic to asparagus.",
    ])
    func ayurvedicHerbListingWithoutOneNeedsOne(_ text: String) {
        #expect(disclaimerFired(text) == ["disclaimer.missing"], "\(text)")
    }

    // MARK: an animal's colostrum sold as a supplement (disclaimer.reader-neutral-phrases)

    @Test func colostrumCapsulesAreAPersonsSupplement() {
        let text = "Goat colostrum capsules, 90 pcs. Made from the first milk of our goats, collected after kidding and freeze-dried. Goat colostrum supports the gut lining after a course of antibiotics and strengthens natural defences through the winter. Take 2 capsules daily before breakfast with water."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    @Test func aLambingDiarysColostrumIsTheLambs() {
        let text = "Lambing diary, week two. Twin lambs born at 3 am, the smaller one weak. We tubed her 50 ml per kg of ewe colostrum within the first six hours and gave the ewe her mineral drench. The vet injected both lambs with selenium and the weak twin was sucking by lunchtime."
        #expect(fired(text) == [], "\(text)")
    }

    // MARK: the progressive of an acting cue (disclaimer.acting-cues)

    static let sleepTips = "Take 3 mg of melatonin 30 minutes before bed to sleep better. Magnesium capsules, 200 mg daily, reduce night cramps and help insomnia."

    @Test(arguments: [
        "Before you are starting any of these, please ask your doctor or pharmacist first.",
        "Before you are taking the melatonin, please speak with one qualified health professional.",
    ])
    func progressiveActingCueCounts(_ note: String) {
        let text = Self.sleepTips + " " + note
        #expect(disclaimerFired(text) == [], "\(text)")
    }

    @Test func consultingAboutASymptomIsStillNoDisclaimer() {
        let text = Self.sleepTips + " Please see a doctor if the cramps are getting worse or you are not sleeping after two weeks."
        #expect(disclaimerFired(text) == ["disclaimer.missing"], "\(text)")
    }

    // MARK: never ignore or put off medical advice (disclaimer.family.never-disregard)

    static let skinRoutine = "My skin barrier repair routine after a month of stage makeup: a ceramide cream twice a day and petroleum jelly overnight heal the cracked patches on my cheeks within a week. Retinol and acids are paused until the stinging stops."

    @Test(arguments: [
        "If the patches bleed or spread, see a pharmacist or your GP, and never ignore or put off medical advice because a performer said a cream worked for her.",
        "If it stings for days, see a doctor, and do not ignore medical advice in favour of a routine that worked for one performer.",
    ])
    func ignoringMedicalAdviceIsANeverDisregardNote(_ note: String) {
        let text = Self.skinRoutine + " " + note
        #expect(disclaimerFired(text) == [], "\(text)")
    }

    @Test func ignoringASymptomIsNoDisclaimer() {
        let text = Self.skinRoutine + " If the patches bleed or spread, see a pharmacist or your GP, and never ignore them."
        #expect(disclaimerFired(text) == ["disclaimer.missing"], "\(text)")
    }
}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// The patient of the treatment (disclaimer round 16): doses, injections and symptoms said of an
/// animal other than a pet are animal care, not the reader's health; a page where a person's body is
/// at stake (a zoonosis in pregnancy) or a pet's (the pets rule) still needs a disclaimer.
@Suite struct DisclaimerAnimalPatientTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test(arguments: [
        // Koi with ulcers: the fish are dosed and injected, the vet is the professional.
        "Our koi with ulcers were treated with a topical antiseptic every three days. The vet gave two injections of antibiotic into the muscle below the fin. The dose was 0.2 ml for a 3 kg fish, and the wound healed in a month.",
        // A dairy herd's treatment plan: the sentences with no species noun are the herd's too.
        "The heifers were treated with an antibiotic tube at drying off, as the farm vet advised. The dose is one tube per quarter, 250 mg of cefalonium. Symptoms of mastitis in the herd fell by half over the winter.",
        // Laying hens, and "your hens" is the reader's flock, not the reader's body.
        "If your hens have scaly leg mites, treat the birds with a drop of ivermectin on the skin of the neck. Repeat the dose after ten days. The flock recovered within a fortnight.",
    ])
    func animalCareWithDosesStaysQuiet(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A zoonosis for a pregnant reader: animals in the text, the reader's body at stake.
        "Sheep and goats can pass Q fever to people at lambing time. If you are pregnant, stay away from lambing ewes, because the infection can cause miscarriage. See your GP if you develop a fever; treatment is usually doxycycline 100 mg twice a day.",
        // Pets count as bodies: a dog's and a cat's doses still need one.
        "Give your dog one worming tablet every three months; a 10 kg dog needs 50 mg of praziquantel. Ask your vet about flea treatments for your cat, and treat every pet in the house on the same day.",
        // Hens on the page, but the reader's hands and gut are the patient.
        "Wash your hands after handling the hens or their eggs. Salmonella can cause diarrhoea and stomach cramps in people; drink plenty of fluids and take paracetamol 500 mg for the fever.",
    ])
    func personOrPetPagesStillNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }
}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 19 (docs/disclaimer.md, "Round 19"): patients that are not bodies beyond round 16's
/// animals (plants and crops, materials, reptiles) and political writing's medical metaphors.
@Suite struct DisclaimerRound19Tests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    func fired(title: String, _ text: String) -> [String] {
        let doc = S.document([.init(kind: .heading(level: 1), text: title), .init(text: text)])
        return S.rulesFired(checker.check(doc, context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    // MARK: plants and crops as patients (disclaimer.plant-patients, disclaimer.plant-care-words)

    @Test(arguments: [
        ("Light leaf spot: the autumn dose", "Light leaf spot is the worst disease in northern oilseed rape, and the symptoms show late. Over 15% incidence means the crop needs treatment this side of Christmas: prothioconazole at 0.46 l/ha. Tebuconazole gives some growth regulation as a side effect, useful on forward crops. A half dose on an established infection is mostly wasted. Plants that lose the lower leaves usually recover if the growing point is clean."),
        ("Treating iron chlorosis in hydrangeas", "If your hydrangea has pale yellow leaves with green veins, the diagnosis is iron chlorosis. A foliar dose of chelated iron, 1 sachet in 5 litres of water, greens the leaves within a fortnight. Repeat every three weeks through summer. Pot-grown hydrangeas respond fastest and the symptoms usually clear within a season."),
        ("Emerald ash borer trunk injection", "Emerald ash borer kills untreated ash trees. Emamectin benzoate is dosed by trunk diameter and taken up through the sap in an hour. One injection protects the tree for two years. Side effects for the tree are minor: small wounds at each injection site that seal over."),
    ])
    func plantCareStaysQuiet(_ page: (String, String)) {
        #expect(fired(title: page.0, page.1) == [], "\(page.1)")
    }

    @Test(arguments: [
        // A gardener's or farmer's own body beside the crop: the reader's skin and hands, the GP.
        "If pesticide spray drifts onto your skin while you treat the crop, wash your hands and skin with soap at once. See your GP if a rash or wheezing follows; an antihistamine 10 mg tablet once a day can ease the itch.",
        // A thorn injury in the garden, treated by the reader's doctor.
        "A rose thorn injury in the garden can cause sporotrichosis, a fungal skin infection that spreads up the arm. Clean the puncture, and take itraconazole 200 mg daily only if your doctor prescribes it for the infection.",
        // A plant word in a product's name: "tea tree oil" is a person's remedy.
        "Tea tree oil 5% gel reduces acne spots when applied twice a day to the face. It can irritate sensitive skin, so patch test it on the inner arm first.",
    ])
    func gardenersOwnHealthStillNeedsOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: materials as patients (disclaimer.material-patients)

    @Test func aLeatherRepairLogStaysQuiet() {
        // A suit's knee, hip and elbows, "diagnosis", "treatment", "side effects" and "doses" of conditioner.
        let text = "Diagnosis: abrasion through the hip pocket and right knee of the race suit. Treatment: hip and knee patched with 1.3 mm cowhide, double-stitched. Side effects: the patched knee is stiffer for a few sessions until the new leather breaks in. Symptoms on the touring suit: dry and cracked across the back and elbows; fed with conditioner in three doses over three days."
        #expect(fired(text) == [])
    }

    @Test func aLeatherWorkersSkinStillNeedsOne() {
        // The worker's hands are a body: "your hands", the GP.
        let text = "Leather workers often get hand eczema from tanning chemicals. Apply 1% hydrocortisone cream twice a day to the rash on your hands, and see your GP if it spreads or weeps."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    // MARK: reptiles (disclaimer.exotic-patients; keepers' words in disclaimer.animal-care-words)

    @Test func aReptileRescueDiaryStaysQuiet() {
        let text = "Nacho the bearded dragon came to the reptile rescue from a glass tank with no UV light. Back legs bowed, jaw soft, tremors when he climbed. Treatment started with a calcium gluconate injection, then liquid calcium by mouth daily at the dose the vet worked out for his 180 g, and a vitamin D3 supplement twice a week. New vivarium with a UVB tube and a basking spot at 40 degrees."
        #expect(fired(text) == [])
    }

    @Test func aKeepersOwnHealthStillNeedsOne() {
        // Dragon's blood is a resin a person takes; the keeper's salmonella is a person's.
        #expect(fired("Dragon's blood capsules, 500 mg twice a day, are sold to heal mouth ulcers; take them with food and stop if a rash appears.").contains("disclaimer.missing"))
        #expect(fired("Geckos and bearded dragons carry salmonella. If your child gets diarrhoea and a fever after handling one, give children's paracetamol at 15 mg per kg every six hours and see your GP if it lasts more than two days.").contains("disclaimer.missing"))
    }

    // MARK: political writing (disclaimer.genre.politics)

    @Test func aPoliticalOpEdsMedicineStaysQuiet() {
        let text = "The chancellor's bitter medicine won't cure what ails the economy. The diagnosis is wrong: the symptoms, flat wages and weak investment, are not signs of a country living too well. Prescribing another dose of cuts to that patient is like treating anaemia with bloodletting. The opposition's remedy is not much better: its manifesto promises a recovery plan with no numbers. Voters can handle the truth."
        #expect(fired(text) == [])
    }

    @Test func aHealthPageWithAPoliticsWordStillNeedsOne() {
        let text = "Ibuprofen 400 mg three times a day eases the pain of a sprained ankle. The chancellor's budget gave the NHS more money for physiotherapy, so ask your GP for a referral if the swelling lasts."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    // MARK: consult-before-acting: a specialty's team and dental specialists (disclaimer.professionals)

    static let dosePage = "Take one capsule of 300 mg horsetail extract twice a day after food for the joints."

    @Test(arguments: [
        "Please speak to the endocrine team that requested your test before you stop, skip or change any medicine because of this leaflet.",
        "Check with your periodontist before you book any gum filler.",
    ])
    func aSpecialtyTeamBeforeActingIsADisclaimer(_ sentence: String) {
        let text = "\(Self.dosePage)\n\n\(sentence)"
        #expect(checker.verdict(S.text(text)).found.map(\.family.rawValue) == ["consult-before-acting"], "\(sentence)")
    }

    @Test(arguments: [
        // No consult verb, no acting cue: where to go, not a disclaimer.
        "The endocrine team will see you at 9 am on the day of the test.",
        // About a symptom, not about acting on the page.
        "See the dental hygienist if your gums bleed when you brush.",
    ])
    func aSpecialtyTeamAloneIsNoDisclaimer(_ sentence: String) {
        let text = "\(Self.dosePage)\n\n\(sentence)"
        #expect(checker.verdict(S.text(text)).found.isEmpty, "\(sentence)")
    }

    // MARK: consult verbs with their object between ("talk your options through with")

    @Test(arguments: [
        "Before you book anything: talk your options through with your own dentist first.",
        "Talk the plan over with your pharmacist before you start taking it.",
    ])
    func aConsultVerbWithItsObjectBetweenIsADisclaimer(_ sentence: String) {
        let text = "\(Self.dosePage)\n\n\(sentence)"
        #expect(checker.verdict(S.text(text)).found.map(\.family.rawValue) == ["consult-before-acting"], "\(sentence)")
    }

    @Test(arguments: [
        // No professional: a partner is not one.
        "Talk your options through with your partner before you book.",
        // About a symptom, not about acting on the page.
        "Talk your worries through with your dentist if your gums bleed.",
    ])
    func aConsultVerbWithItsObjectBetweenAloneIsNoDisclaimer(_ sentence: String) {
        let text = "\(Self.dosePage)\n\n\(sentence)"
        #expect(checker.verdict(S.text(text)).found.isEmpty, "\(sentence)")
    }

    // MARK: a voice's health terms (disclaimer.health-terms: "dry throat", "hoarseness", "hoarse voice")

    @Test func aVoiceCareLeafletNeedsOne() {
        #expect(fired("Steam from a bowl of hot water for five minutes can soothe a dry throat. See your GP if the hoarseness gets worse or lasts more than three weeks.") == ["disclaimer.missing"])
    }

    @Test func aHoarseCrowdIsNoHealthPage() {
        #expect(fired("Everyone in the stands was shouting, and by full time half of us had a hoarse voice and a dry throat. The second half was a classic.") == [])
    }
}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 17 (docs/disclaimer.md, "Round 17"): business writing's medical metaphors, a
/// disclaimer note's own consult line, animal care as one mechanism (the animals genre folded into
/// the patient rule; the vet as an animal-care word; pets named in the names of things), comment
/// headings with a modifier, machine-translated substitute frames.
@Suite struct DisclaimerRound17Tests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    func check(_ parts: [DisclaimerTestSupport.Part]) -> [Diagnostic] {
        checker.check(S.document(parts), context: CheckContext(relativePath: "a.html", disabledRules: DisclaimerTestSupport.optInRules))
    }

    // MARK: business writing (disclaimer.genre.business)

    @Test(arguments: [
        // A founder's newsletter: "miracle cure", "symptoms", "painkiller" said of a company's cash.
        "There is no miracle cure for a cash burn problem. Three founders wrote with the same symptoms: revenue growing and the bank balance shrinking. A bridge round is a painkiller, not a cure; fix the unit economics first.",
        // A markets column: "pain relief" and "remedy" for borrowers and the stock market.
        "The rate cut is pain relief for borrowers with a mortgage. Analysts say the stock market has no quick remedy for a recession, and the painkiller of cheap credit wears off.",
    ])
    func businessMetaphorsStayQuiet(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A health page that mentions money once or twice is still a health page.
        "Ibuprofen 400 mg three times a day eases the pain of a sprained ankle. The NHS spends its revenue on physiotherapy, so ask your GP for a referral if the swelling lasts.",
        "Take 10 mg of melatonin an hour before bed to help jet lag. Shift workers on the payroll of a hospital often use it too.",
    ])
    func healthPagesWithAMoneyWordStillNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }

    // MARK: a disclaimer note's own consult line

    @Test func aStrayNotesConsultLineIsPartOfTheNote() {
        // A hot tub's "symptom", "infection", "cure" and "dose" are the pipework's; the only body
        // sentence is the consult line of the note that says the post is not medical advice.
        let text = "The symptom is on the surface; the infection is in the pipework. No amount of extra chlorine dosing will cure the biofilm in the jets. Don't panic when brown foam appears; that is the treatment working.\n\nA quick note: this post is about the tub, not your skin. It isn't medical advice. If you get a rash after bathing, speak to a doctor or pharmacist."
        let v = checker.verdict(S.text(text))
        #expect(!v.profile.needsDisclaimer)
        #expect(fired(text) == [])
    }

    @Test func aConsultLineOutsideTheNoteStillCounts() {
        // The same consult line in a paragraph of its own is the page's health information.
        let text = "Hot tub rash is an itchy skin infection from bacteria in poorly kept water. If you get a rash after bathing, speak to a doctor or pharmacist.\n\nIt usually clears in a week; an antihistamine cream can ease the itch."
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer)
    }

    // MARK: animal care, one mechanism

    @Test(arguments: [
        // Bat rescue case notes: the rescue vet and two species words; the cat is the cause of the wound.
        "Species: common pipistrelle, adult female. Probable cat attack; two small punctures on the flank.\n\nTreatment: wound cleaned with dilute chlorhexidine. Rang the rescue vet, who prescribed a 5-day course of antibiotic due to the cat contact. Antibiotic dose given once daily by fine syringe.\n\nMembrane tears in bats can heal fast. Last antibiotic dose on day 5.",
        // A carp hatchery: "hatchery" (an animal-care word, was the animals genre), "carp" and the vet.
        "Each female was given two injections of carp pituitary extract. Preliminary dose 0.3 mg/kg, then 2.7 mg/kg twelve hours later. Product held under the vet's prescription.\n\nHatch rate at the hatchery was 70%. Jar 2 showed symptoms of fungus so was given a short salt bath treatment.",
        // A hedgehog hospital: "pet shop" and "kitten biscuits" name a shop and a food, not a pet.
        "Most underweight hoglets carry lungworm; the symptoms are a wet cough and a hunched posture. Our vet works out the treatment course and dose by weight for each animal, so finders should never give anything from the pet shop shelf. We get through four kilos of kitten biscuits a day.",
    ])
    func animalCareStaysQuiet(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A person's body at stake beside animal-care words: the beekeeper is a person.
        "Beekeepers at the apiary get stung often. If you are allergic, carry two adrenaline auto-injectors and take an antihistamine 10 mg after a sting; see your GP about venom immunotherapy.",
        // A pet is a body: the vet and a dog's dose.
        "Give your dog one worming tablet every three months; a 10 kg dog needs 50 mg of praziquantel. Ask your vet about flea treatments.",
    ])
    func personOrPetPagesNearAnimalCareStillNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }

    // MARK: comment headings with a modifier

    static let body: [DisclaimerTestSupport.Part] = [
        .init(kind: .title, text: "Ball of foot pain after pointe class"),
        .init(text: "Teacher says it might be sesamoiditis."),
        .init(text: "What fixed mine: ibuprofen 400mg three times a day for a week and ice after class."),
    ]
    static let note = "Forum posts are members' personal experiences and are not medical advice."

    @Test(arguments: ["Quick replies", "Replies below the fold", "Latest comments"])
    func aModifiedCommentHeadingStartsTheComments(_ heading: String) throws {
        let parts = Self.body + [.init(kind: .heading(level: 3), text: heading), .init(text: "leap_year: following"), .init(text: Self.note)]
        let d = try #require(check(parts).first)
        #expect(d.rule == "disclaimer.weak", "\(heading)")
        #expect(d.message.contains("after the comments"), "\(heading)")
    }

    @Test(arguments: ["Comments on dosing", "Immune responses", "Replies to common questions"])
    func aHeadingAboutCommentsOrResponsesIsNotAThread(_ heading: String) {
        let parts = Self.body + [.init(kind: .heading(level: 3), text: heading), .init(text: "Most people take it with food."), .init(text: Self.note)]
        #expect(check(parts).isEmpty, "\(heading)")
    }

    // MARK: machine-translated substitute frames

    @Test(arguments: [
        "It is not made to be used in place of the advice from your doctor.",
        "This leaflet is not intended to be used instead of advice from your pharmacist.",
    ])
    func translatedSubstituteFramesAreDisclaimers(_ sentence: String) {
        let text = "Take one capsule of 300 mg horsetail extract twice a day after food for the joints.\n\n\(sentence)"
        #expect(checker.verdict(S.text(text)).found.map(\.family.rawValue) == ["not-a-substitute"], "\(sentence)")
    }

    @Test func aToolUsedInPlaceOfAnotherIsNoDisclaimer() {
        let text = "Take one capsule of 300 mg horsetail extract twice a day after food for the joints.\n\nA spoon is not made to be used in place of a measuring cup."
        #expect(checker.verdict(S.text(text)).found.isEmpty)
    }

    // MARK: a medicine's strength as a percentage

    @Test(arguments: [
        // A verruca diary: one sentence names the medicine with its strength.
        "Noticed a hard grey spot on the ball of my foot. Bought 26% salicylic acid gel and applied it every night.",
        "The rash was itchy for a week. I used 1% hydrocortisone cream on it.",
    ])
    func aPercentageBeforeAMedicineIsADose(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.hits.contains { $0.kind == .dosage }, "\(text)")
    }

    @Test(arguments: [
        "About 26% of adults have taken ibuprofen this year.",
        "Save 10% on hydrocortisone cream this week.",
    ])
    func aPercentageThatIsNoStrengthIsNoDose(_ text: String) {
        #expect(!checker.verdict(S.text(text)).profile.hits.contains { $0.kind == .dosage }, "\(text)")
    }
}

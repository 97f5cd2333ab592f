import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 23 (docs/disclaimer.md, "Round 23"): blind batches 112-116 moved to dev.
@Suite struct DisclaimerRound23Tests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    // MARK: a person word in a product's name, a pet as the cause (disclaimer.reader-neutral-phrases)

    @Test(arguments: [
        // A goat keeper's mite treatment: "baby oil" is a product, not a baby.
        "Our two pygmy goats have scaly, crusty legs again. The vet confirmed leg mites and gave the first injection of ivermectin. Between injections we soften the scabs with baby oil and apply the spray she prescribed, a dose every week for the whole herd. The symptoms faded after a month.",
        // A hedgehog rescue's admission: the cat caught the hoglet, the hoglet is the patient.
        "Wildlife rescue admission notes. Hoglet, 180 g, cat caught it in a back garden. Cat-caught means antibiotic treatment at once: oral suspension prescribed by the rescue vet, dose 0.1 ml twice daily for seven days. The puncture wounds were cleaned with saline and healed within a fortnight.",
    ])
    func productNamesAndCausesNameNoBody(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A baby's own skin care: the baby is the patient.
        "Cradle cap is common in babies. Rub a little baby oil into the scalp at night and wash it out with baby shampoo in the morning. If the scales spread or the skin looks red, your GP may suggest 1% hydrocortisone cream twice a day for a week.",
        // A pet cat that caught a cold is a pet page.
        "Our cat caught a cold last winter: sneezing, runny eyes and a fever. The vet prescribed doxycycline, 5 mg per kg once a day for ten days, and said to keep her warm. Give your cat the tablet with food to avoid stomach upset.",
    ])
    func babiesAndPetsStillNeedOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: "pregnancy diagnosis" is the stock vet's word (disclaimer.animal-care-words)

    @Test func aStudsPregnancyDiagnosisIsAnimalCare() {
        let text = "Stud diary, May. Both mares were covered last week and the stud vet will scan them at sixteen days. Pregnancy diagnosis for Bella will be done by ultrasound if she stands quietly. The vet gave Rosie an injection of antibiotics for a uterine infection, a dose of 10 ml a day for five days, and her symptoms cleared."
        #expect(fired(text) == [])
    }

    @Test func aWomansPregnancyStillNeedsOne() {
        // "pregnancy" and "your pregnancy" stay a person's body.
        let text = "Early pregnancy tests are accurate from the first day of a missed period. Once your pregnancy is confirmed, take folic acid 400 micrograms a day until week 12, and tell your midwife about any medicines you take. A pregnancy diagnosis is the start of your antenatal care."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    // MARK: horses by type, a horse keeper's feeds and trades (disclaimer.animal-patients, animal-care-words)

    @Test func aCobsRecoveryDiaryIsAnimalCare() {
        // No "horse" on the page: the cob, the farrier and its feeds say whose recovery it is.
        let text = "Jasper's recovery diary. Our old cob came in lame, and the farrier found an infection in the foot. The vet gave an injection of antibiotics and prescribed bute, a dose of one sachet twice a day for five days. Symptoms of pain eased by day three; the diagnosis was an abscess, and recovery took two weeks on soaked grass nuts and sugar beet."
        #expect(fired(text) == [])
    }

    @Test func aYardStaffsDustAsthmaStillNeedsOne() {
        // The yard's work ("mucking out", "haylage") is where the people's dust comes from: not animal words.
        let text = "Dust at work: asthma in yard staff. Mucking out and shaking out haylage fill the air with mould spores, and the horses are not the ones who cough. Staff with wheeze should use their salbutamol inhaler, 100 micrograms per puff, two puffs before mucking out, and wear an FFP3 mask."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    @Test func cornCobsAndCobLoavesNameNoHorse() {
        let text = "Eating for steady blood sugar. Swap white bread for a wholemeal cob loaf and enjoy corn on the cob in summer. If you take metformin 500 mg twice a day, eat regular meals so your blood sugar does not drop, and see your GP if you feel shaky or faint."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    // MARK: an animal's milk is a food; people named by their condition (reader-neutral-phrases, person-body-markers)

    @Test func aMilkListingForDiabeticCustomersNeedsOne() {
        // The herd and the vet are the farm's; the milk, its dose and the diabetic customers are people's.
        let text = "Donkey milk soap and powder from our small farm. Our donkeys graze on the hill and the vet checks the herd every spring. Donkey milk is rich in lactose and calms eczema and dry skin. Many diabetic customers tell us they need less of their medicine after a month of drinking it. How to use: mix 10 g of powder in 100 ml water and drink it twice a day before meals."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    @Test func aCamelDairysHerdLogStaysQuiet() {
        let text = "Camel dairy herd log, March. Three camels had mastitis this month; the vet took milk samples and the diagnosis was a staph infection. Each was given an antibiotic injection, a dose of 10 ml for three days, and their camel milk was discarded for the withdrawal period. All three recovered and are back in the parlour."
        #expect(fired(text) == [])
    }

    // MARK: bee products sold to be taken are supplements (disclaimer.trigger.supplement)

    @Test func aBeePollenListingWithTheSupplementStatementIsCovered() {
        // A supplement page: the US supplement statement counts.
        let text = "Wildflower Bee Pollen, 200 g pouch. Gathered at our hives and dried without heat. Customers say a spoonful each morning eases their hay fever sneezing. Suggested use: begin with a few granules and work up to 1 teaspoon a day over a fortnight, on porridge or in a smoothie. Not for anyone allergic to pollen or bee stings. *These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease."
        #expect(fired(text) == [])
    }

    @Test func aPropolisTinctureWithoutANoticeNeedsOne() {
        let text = "Propolis tincture, 30 ml. Our customers take 10 drops in water twice a day through winter to calm sore throats and ease colds. Made from the resin our bees collect."
        #expect(fired(text).contains("disclaimer.missing"))
    }

    @Test func anApiarysPollenAndVarroaNotesStayQuiet() {
        let text = "Apiary notes, June. The colonies are strong and bringing in bee pollen from the lime trees. Two hives showed varroa symptoms, so we gave an oxalic acid treatment, one dose per hive, and the beekeepers checked the brood a week later. The drench of syrup helped the weaker colony recover."
        #expect(fired(text) == [])
    }
}

/// Round 23: a comment section outside the article headed by a chrome noun alone ("Reactions").
@Suite struct DisclaimerRound23PlacementTests {
    let linter: Linter
    init() throws { linter = try Linter() }

    static let notice = "Replies here are members' own experiences, not medical advice; ask a doctor before starting any treatment mentioned."
    static let article = "<h1>Sore wrist from the mouse?</h1><p>Naproxen 250 mg twice a day with food eased my wrist pain within a week.</p>"
        + "<p>Wrist stretches three times a day, holding each for 20 seconds, helped the tendon pain too.</p>"

    func findings(_ text: String, _ format: InputFormat) throws -> [String] {
        try S.disclaimerFindings(linter, text, format, textPath: "a.txt")
    }

    @Test(arguments: ["Reactions", "Responses", "Discussion"])
    func aNoticeAfterAOneWordChromeSectionIsWeak(_ heading: String) throws {
        let page = "<html><body><main><article>\(Self.article)</article><section class=\"comments\"><h3>\(heading)</h3>"
            + "<p><b>sam_r:</b> Same here, the stretches work.</p></section><p class=\"note\">\(Self.notice)</p></main></body></html>"
        let got = try findings(page, .html)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak") && got[0].contains("after the comments"), "\(heading) -> \(got)")
    }

    @Test func aOneWordHeadingInTheArticleHeadsNoThread() throws {
        // In the article, "Reactions" is the page's own subject (a medicine's reactions).
        let page = "<html><body><main><article>\(Self.article)<h2>Reactions</h2><p>Stop the tablets if a rash appears.</p>"
            + "<p>\(Self.notice)</p></article></main></body></html>"
        #expect(try findings(page, .html).isEmpty)
    }

    // MARK: "first if" asks before acting (disclaimer.acting-cues)

    static let peel = "<h1>Glycolic hand peel at home</h1><p>Our 10% glycolic acid hand peel lifts dead skin and fades age spots in two weeks.</p>"
        + "<p>Apply a thin layer twice a week for ten minutes, then rinse.</p>"

    @Test func aConsultFirstIfLineInAltTextIsWeak() throws {
        let page = "<html><body><main><article>\(Self.peel)<img src=\"a.jpg\" alt=\"Hands after two peels. Results vary; check with a pharmacist or doctor first if your skin is broken or you take retinoids.\"></article></main></body></html>"
        let got = try findings(page, .html)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak"), "\(got)")
    }

    @Test func aConsultFirstIfLineInTheTextIsADisclaimer() throws {
        let page = "<html><body><main><article>\(Self.peel)<p>Speak to your doctor first if you are pregnant or have eczema on your hands.</p></article></main></body></html>"
        #expect(try findings(page, .html).isEmpty)
    }

    @Test func aSeeADoctorIfLineIsStillNone() throws {
        // Consulting about a symptom, not before acting.
        let page = "<html><body><main><article>\(Self.peel)<p>See a doctor if your skin blisters or stays red for more than a day.</p></article></main></body></html>"
        #expect(try findings(page, .html).contains { $0.hasPrefix("disclaimer.missing") })
    }
}

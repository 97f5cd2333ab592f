import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 22 (docs/disclaimer.md, "Round 22"): blind batches 101-105 moved to dev.
@Suite struct DisclaimerRound22Tests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    // MARK: fish called "cats" (disclaimer.animal-patients)

    @Test(arguments: [
        // A catfish farm's diary: "channel cats" are the farmed fish, not pets.
        "Farm diary, September. The channel cats in the north ponds are off their feed and several show swollen bellies and bleeding skin ulcers. The diagnosis from the state lab is enteric septicemia, a bacterial infection that gets in through the gut. We fed medicated pellets with antibiotics last spring and still had losses, because treating the symptoms is hard once they stop eating. Next season the fingerlings get the oral vaccine, one dose in the hatchery ration.",
        // Blue and flathead cats at a lake farm.
        "Blue cats and flathead cats at the lake farm came down with the same infection this autumn: ulcers on the skin and fin rot. The diagnosis from the lab was a bacterial disease. We ran a course of antibiotics in the feed, a dose of 50 mg per kg for a week, and vaccinated the next batch of catfish fry. Most recovered within a month.",
    ])
    func fishCalledCatsAreAnimalCare(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // The angler's own hand: a person's body, a named medicine and its dose.
        "Anglers who handle channel cats often get puncture wounds in the hand from the spines. Wash your hands, run the wound under hot water, and take ibuprofen 400 mg three times a day for the pain. See your GP if the hand swells or turns red.",
        // Pet cats are still pets: their doses need a disclaimer.
        "Both our cats had fleas this summer. Give each cat one flea tablet of 12 mg once a month, and treat the symptoms of itching with the spot-on your vet prescribes. A cat with scabs on the neck may have an allergy to flea bites.",
    ])
    func peopleAndPetCatsStillNeedOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: public relations as company running (disclaimer.genre.business)

    @Test(arguments: [
        // A crisis-communications agency's first aid: triage, wounds, bleeding, a dose, a vaccine.
        "Crisis comms for small brands. When a post about your product goes viral for the wrong reasons, think of the first hour as triage. Our crisis desk makes a fast diagnosis of how far the story will spread and which wounds need stitching now, then we stop the bleeding with a holding statement. Treat the cause, not the symptoms: usually a faulty batch or a careless reply. A dose of honest apology is the best remedy for the injury, and our media training works like a vaccine for your spokespeople.",
        // Reputation work as a health check and a cure (the topic model's veto closed this one already).
        "Reputation management, explained. A bad review is an infection that spreads to the next search result unless you treat it. Our PR agency runs a monthly health check of your brand reputation, diagnoses the symptoms early and prescribes a cure before the news cycle turns. Think of our media training as a vaccine: one dose and your spokespeople stay calm in hostile interviews. The side effects of a slow response hurt more than the original injury.",
    ])
    func aPRAgencysMetaphorsStayQuiet(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A hospital's statement names its press office and media relations team (two genre words, not three).
        "Statement from the hospital press office: the trust's media relations team has confirmed that the new migraine clinic opens on Monday. Patients with chronic migraine may be offered erenumab 70 mg by monthly injection, and those who take sumatriptan 50 mg for attacks should keep doing so. Side effects include constipation and injection-site pain.",
        // A mental health page with a crisis plan and the news: still advice to a reader.
        "Trending on social media this week: journalists asked whether sertraline works for panic attacks. If you take sertraline 50 mg a day, do not stop suddenly; a crisis plan and your GP's advice matter more than the headlines. Breathing exercises can ease the symptoms of a panic attack.",
    ])
    func healthPagesWithPressWordsStillNeedOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: nail enhancements named by their product (disclaimer.trigger.procedure)

    @Test(arguments: [
        // A nail bar's menu: dip powder beside gel nails and weak nails.
        "NAIL MENU. Dip powder lasts up to four weeks and costs £30 a set. Unlike gel nails it needs no UV lamp, and our regulars find it helps weak, peeling nails grow out strong. Apply cuticle oil every evening after your appointment.",
        // Builder in a bottle, with a claim about nail-biting.
        "Builder in a bottle overlays from £28. Our technicians say it stops nail-biting for good, and weak, splitting nails grow longer underneath.",
    ])
    func aNailEnhancementMenuNeedsOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    @Test func aSweetShopsDipPowderIsNoProcedure() {
        let text = "Sweet shop favourites: a sherbet dip powder with a lolly, cola bottles and fizzy laces. The dip powder sachets come in lemon and raspberry."
        #expect(fired(text) == [], "\(text)")
    }

    // MARK: paraffin hand and foot treatments (disclaimer.trigger.procedure)

    @Test(arguments: [
        "Winter hand menu. Our paraffin manicure softens rough knuckles in 30 minutes. The warm paraffin bath eases stiff, aching fingers, and we finish with a rich balm for cracked cuticles.",
        "Foot spa prices: classic pedicure £30; paraffin pedicure £38. A paraffin dip smooths hard skin on the heels and soothes tired, aching feet.",
    ])
    func aParaffinTreatmentMenuNeedsOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    @Test func candleAndWoodParaffinIsNoProcedure() {
        let text = "Candle-making basics: melt the paraffin wax in a double boiler to 80C, then add the fragrance oil. Dip the wicks twice so they stand straight. A paraffin wax treatment also protects wooden boards and ski bases."
        #expect(fired(text) == [], "\(text)")
    }

    /// A price table of paraffin treatments with the salon's notice in a table cell: the need is the
    /// rules' now, so the notice's place is reported.
    @Test func aParaffinPriceTableWithItsNoticeInACellIsWeak() throws {
        let page = "<html><body><main><h1>Hand treatments for gardeners</h1><p>Soil, cold and secateurs leave hands sore by the end of the season. A warm wax treatment makes rough hands feel soft again.</p>"
            + "<table><tr><th>Treatment</th><th>Price</th></tr><tr><td>Paraffin dip, both hands</td><td>£15</td></tr><tr><td>Paraffin wrap with hand massage</td><td>£30</td></tr>"
            + "<tr><td colspan=\"2\">This is a beauty treatment, not medical care: if you have broken skin or poor circulation, check with your GP before booking.</td></tr></table></main></body></html>"
        let got = try S.disclaimerFindings(try Linter(), page, .html, textPath: "a.txt")
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak"), "\(got)")
    }

    // MARK: a diagnosis reported of someone else (disclaimer.reported-diagnoses)

    /// Plain-text pages linted whole (the text front end reads the first line as the title, whose
    /// condition adds the heading bonus).
    func pageFindings(_ text: String) throws -> [String] {
        try S.disclaimerFindings(try Linter(), text, .text, textPath: "a.txt")
    }

    @Test(arguments: [
        // News of compensation cases: the diagnosis is the case's facts.
        "Retired baker wins payout over occupational asthma\n\nA retired baker has won a payout after a tribunal found her employer failed to control flour dust. She was diagnosed with occupational asthma in 2019 after twenty years at an industrial bakery with no extraction. Her union said the case should be a warning to employers.\n",
        "Former docker awarded damages over asbestosis\n\nA former docker from the town has been awarded damages by the High Court. He was first diagnosed with asbestosis in 2015, the court heard, and now uses oxygen at night. The port company said it had since changed its working practices.\n",
    ])
    func aReportedDiagnosisIsAStory(_ page: String) throws {
        #expect(try pageFindings(page) == [], "\(page)")
    }

    @Test(arguments: [
        // The writer's own diagnosis, with advice.
        "Living with asthma\n\nI was diagnosed with asthma at 30. Use your brown preventer inhaler twice a day, even when you feel well, and carry the blue reliever.\n",
        // A parent's story that doses and treats: its own triggers count.
        "When my son was small\n\nHe was diagnosed with eczema at six months. We used an emollient cream three times a day and a mild steroid cream on flares, which cleared the red patches on his knees within a week.\n",
        // The reader's diagnosis.
        "Coeliac disease: the first weeks\n\nIf you were diagnosed with coeliac disease recently, the symptoms of bloating and tiredness usually ease within weeks of a strict gluten-free diet. Ask your GP about calcium and vitamin D supplements.\n",
    ])
    func aStoryWithAdviceOrTheReadersDiagnosisStillNeedsOne(_ page: String) throws {
        let got = try pageFindings(page)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.missing"), "\(page) -> \(got)")
    }
}

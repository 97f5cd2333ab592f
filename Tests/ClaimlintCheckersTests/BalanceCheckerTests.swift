import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

@Suite struct BalanceCheckerTests {
    let checker: BalanceChecker
    init() throws { checker = try BalanceChecker(rules: S.rules, settings: .empty) }

    func rules(_ doc: AnalyzedDocument) -> [String] {
        S.rulesFired(checker.check(doc, context: CheckContext(relativePath: "a.txt")))
    }

    @Test func rulePackTextExamples() throws {
        for id in BalanceChecker.ruleIDs {
            let rule = try S.rules.require(id)
            #expect(rule.severity == .info)
            #expect(rule.triggering.count >= 3 && rule.nonTriggering.count >= 3, "\(id) needs 3 + 3 examples")
            for e in rule.triggering where e.format == .text {
                #expect(rules(S.text(e.text)).contains(id), "\(id) should trigger on: \(e.text)")
            }
            for e in rule.nonTriggering where e.format == .text {
                #expect(!rules(S.text(e.text)).contains(id), "\(id) should not trigger on: \(e.text)")
            }
        }
    }

    static let healthPage = "Collagen supplements repair damaged skin and fade wrinkles. Take 10 g a day in your morning coffee."

    @Test func metadataCountsForDateAndAuthor() {
        #expect(rules(S.text(Self.healthPage)).contains("balance.no-date"))
        #expect(rules(S.text(Self.healthPage)).contains("balance.no-author"))
        var meta = DocumentMetadata()
        meta.dateModified = "2025-02-01"
        meta.reviewers = ["Dr Lena Fischer"]
        let fired = rules(S.text(Self.healthPage, metadata: meta))
        #expect(!fired.contains("balance.no-date"))
        #expect(!fired.contains("balance.no-author"))
        var authorOnly = DocumentMetadata()
        authorOnly.authors = ["Sam Okoro"]
        authorOnly.datePublished = "2024-01-01"
        #expect(!rules(S.text(Self.healthPage, metadata: authorOnly)).contains("balance.no-author"))
    }

    @Test func linksAndCitationMarkersCountAsSources() {
        #expect(rules(S.text(Self.healthPage)).contains("balance.no-sources"))
        let text = Self.healthPage
        let linked = S.document([.init(text: text, links: [InlineLink(range: 0..<8, href: "https://pubmed.ncbi.nlm.nih.gov/123/")])])
        #expect(!rules(linked).contains("balance.no-sources"))
        let nav = S.document([.init(text: text, links: [InlineLink(range: 0..<8, href: "/shop/collagen")])])
        #expect(rules(nav).contains("balance.no-sources"))
        let cited = S.document([.init(text: text, citations: [CitationMarker(range: 10..<11, kind: .superscript, label: "1")])])
        #expect(!rules(cited).contains("balance.no-sources"))
        let heading = S.document([.init(text: text), .init(kind: .heading(level: 2), text: "Further reading"), .init(text: "NHS: collagen and skin")])
        #expect(!rules(heading).contains("balance.no-sources"))
        // A heading that merely starts with a section word is prose, not a sources section.
        for prose in ["Sources of vitamin D", "Evidence on treatments", "Research"] {
            let page = S.document([.init(text: text), .init(kind: .heading(level: 2), text: prose), .init(text: "Oily fish and egg yolks contain some.")])
            #expect(rules(page).contains("balance.no-sources"), "\(prose)")
        }
        let empty = S.document([.init(text: text), .init(kind: .heading(level: 2), text: "References")])
        #expect(rules(empty).contains("balance.no-sources"), "a references heading with nothing under it")
    }

    /// A page that gives doses, procedures or supplements needs sources even without a benefit
    /// claim; a Cochrane review or a meta-analysis named in the text is a source (round 6).
    @Test func doseOnlyPagesNeedSourcesAndNamedReviewsCount() throws {
        let dosing = "Give children over six one 250 mg chewable tablet of paracetamol every six hours. Adults take two 500 mg tablets up to four times a day."
        let d = try #require(checker.check(S.text(dosing), context: CheckContext(relativePath: "a.txt")).first { $0.rule == "balance.no-sources" })
        #expect(d.details["claim"]?.isEmpty == false)
        for named in ["A Cochrane review of nine trials found it worked about as well as ibuprofen.",
                      "The largest meta-analysis so far pooled 40 trials.", "A 2022 systematic review reached the same view."] {
            #expect(!rules(S.text(dosing + " " + named)).contains("balance.no-sources"), "\(named)")
        }
        #expect(rules(S.text(dosing + " Our readers swear by it.")).contains("balance.no-sources"))
    }

    /// Evidence sites are matched word by word in the address: any subdomain or path, any case,
    /// but not a longer word that merely ends the same ("signature.com" is not "nature.com").
    @Test(arguments: [
        ("https://www.nhs.uk/conditions/acne/", true),
        ("HTTPS://PubMed.NCBI.nlm.nih.gov/31234567/", true),
        ("https://doi.org/10.1016/j.jaad.2020.01.001", true),
        ("https://www.nature.com/articles/s41598-020-1", true),
        ("//jamanetwork.com/journals/jama/fullarticle/1", true),
        ("https://example.com/?ref=nhs.uk", true),
        ("https://www.signature.com/collagen", false),
        ("https://shop.example.com/nhs-approved-collagen", false),
        ("/shop/collagen", false),
        ("", false),
    ])
    func evidenceLinksAreMatchedWordByWord(_ href: String, _ counts: Bool) {
        #expect(checker.linksToEvidence(InlineLink(range: 0..<8, href: href)) == counts, "\(href)")
    }

    /// The disclaimer and balance checkers scan a page once between them: the first stores the
    /// analysis in the document's memo and the second reads it.
    @Test func healthPageAnalysisIsSharedThroughTheMemo() throws {
        let disclaimer = try S.disclaimerChecker()
        let doc = S.text(Self.healthPage)
        #expect(doc.memo.count == 0)
        // Three values: the page analysis, the claims links it read (computed by the disclaimer
        // checker itself here, as no claims checker ran first) and the page's sections they used.
        let fromDisclaimer = disclaimer.check(doc, context: CheckContext(relativePath: "a.txt"))
        #expect(doc.memo.count == 3)
        let fromBalance = checker.check(doc, context: CheckContext(relativePath: "a.txt"))
        #expect(doc.memo.count == 3, "the balance checker reused the analysis and the sections")
        #expect(disclaimer.page.memoKey == checker.page.memoKey)
        // Same findings as on fresh documents, each checker computing alone.
        #expect(S.rulesFired(fromDisclaimer) == S.rulesFired(disclaimer.check(S.text(Self.healthPage), context: CheckContext(relativePath: "a.txt"))))
        #expect(S.rulesFired(fromBalance) == rules(S.text(Self.healthPage)))
        #expect(S.rulesFired(fromBalance).contains("balance.no-sources"))
    }

    /// A checker built with different lexicons (a config's extra pack) keeps its own analysis.
    @Test func checkersWithDifferentVocabulariesDoNotShare() throws {
        var extended = S.rules
        try extended.add(path: "extra.yml", contents: "lexicons:\n  disclaimer.health-terms: [\"bunions\"]\n")
        let other = try BalanceChecker(rules: extended, settings: .empty)
        #expect(other.page.memoKey != checker.page.memoKey)
        let doc = S.text(Self.healthPage)
        _ = checker.check(doc, context: CheckContext(relativePath: "a.txt"))
        _ = other.check(doc, context: CheckContext(relativePath: "a.txt"))
        // Two page analyses; the claims links and the sections (same lexicons) are shared.
        #expect(doc.memo.count == 4)
    }

    @Test func risksInChromeDoNotCount() {
        let doc = S.document([.init(text: Self.healthPage), .init(text: "Side effects are listed in our shop's terms.", region: .chrome)])
        #expect(rules(doc).contains("balance.no-risks"))
    }

    @Test func nonHealthPagesDrawNothing() {
        let pages = [
            "Preheat the oven to 200 degrees. Remove the skin from the salmon and season it. Reduce the heat and simmer the cream sauce for ten minutes.",
            "Sales rose by 30% this quarter. The new plant halves the risk of delays, and the team is twice as likely to hit its target.",
            "Our antivirus tool removes the virus and repairs damaged files. Run a scan twice a day.",
        ]
        for p in pages { #expect(rules(S.text(p)) == [], "\(p)") }
    }

    @Test func relativeRiskPointsAtThePhrase() throws {
        let doc = S.text("Statins halve the risk of a second heart attack. Take your statin at night.")
        let d = try #require(checker.check(doc, context: CheckContext(relativePath: "a.txt")).first { $0.rule == "balance.relative-risk" })
        guard case .text(let block, let range) = d.location else { Issue.record("expected a text location"); return }
        #expect(doc.blocks[block].text(range).lowercased().contains("halve"))
    }
}

@Suite struct BalanceSignalTests {
    let checker: BalanceChecker
    init() throws { checker = try BalanceChecker(rules: DisclaimerTestSupport.rules, settings: .empty) }
    static let page = BalanceCheckerTests.healthPage

    func fired(_ text: String) -> [String] {
        DisclaimerTestSupport.rulesFired(checker.check(DisclaimerTestSupport.text(text), context: CheckContext(relativePath: "a.txt")))
    }

    @Test(arguments: ["By Priya Natarajan, 12 January 2025", "Last updated: March 2025", "Published 2024-03-01",
                      "Reviewed on 3 May 2023 by the clinical team", "Date: 12/05/2024"])
    func datelines(_ line: String) {
        #expect(!fired(line + "\n\n" + Self.page).contains("balance.no-date"), "\(line)")
    }

    @Test(arguments: ["Updated regularly by our team.", "Published by Healthy Living Ltd."])
    func notDatelines(_ line: String) {
        #expect(fired(line + "\n\n" + Self.page).contains("balance.no-date"), "\(line)")
    }

    @Test(arguments: ["By Priya Natarajan", "Author: Jo Bell", "Medically reviewed by Dr Ana Costa", "Written by the editorial team.",
                      // Balance round 1: a plain-text byline that runs into the first paragraph, sign-offs, "prepared by".
                      "by Tom Reilly | 21 August 2026 If your knees are still aching after a month or two of collagen, ask your GP to look at them, because a swollen knee that stays stiff may need an X-ray rather than another tub of powder.",
                      "Warmly, Sian and the Hedgerow team", "A self-care guide from the hand therapy team. Prepared by Priya Anand, occupational therapist.",
                      "Answered by Tomas Eriksen, pharmacist", "Posted on 19 August 2026 by Leanne"])
    func bylines(_ line: String) {
        #expect(!fired(line + "\n\n" + Self.page).contains("balance.no-author"), "\(line)")
    }

    @Test(arguments: ["The lead author said collagen is popular.", "Buy now by calling us.", "Original post by quietcoder_88:",
                      "By Friday most of the redness had gone, and by the end of the month my skin felt softer than it had in years, which I put down to the collagen and the extra water I was drinking."])
    func notBylines(_ line: String) {
        #expect(fired(Self.page + "\n\n" + line).contains("balance.no-author"), "\(line)")
    }

    @Test func absoluteNumbersAnywhereClearARelativeRisk() {
        let relative = "Statins halve the risk of a second heart attack. Take your statin at night."
        #expect(fired(relative).contains("balance.relative-risk"))
        #expect(!fired(relative + "\n\nOver five years, about 5 in 100 people on a statin had one, against 10 in 100 without.").contains("balance.relative-risk"))
        #expect(!fired(relative + "\n\nThat is a drop of 5 percentage points.").contains("balance.relative-risk"))
        #expect(!fired(relative + "\n\nThe rate fell from 10% to 5%.").contains("balance.relative-risk"))
        #expect(!fired(relative + "\n\nThat is 50 fewer heart attacks per 1,000 people.").contains("balance.relative-risk"))
    }

    // Balance round 1: what counts as telling readers the risks.

    @Test(arguments: [
        "They can upset your stomach, so take them with food.",
        "Not suitable if you are pregnant.",
        "Stop if your skin stings or turns red.",
        "Skip it if you have broken skin or sunburn.",
        "Some people feel a bit queasy for a day or two afterwards.",
        "Pinkness or redness for a few hours is normal.",
        "Talk to your GP first if you take blood thinners.",
        "Who should avoid it? Anyone with a fish allergy.",
    ])
    func plainRiskWordingCounts(_ risk: String) {
        #expect(fired(Self.page).contains("balance.no-risks"))
        #expect(!fired(Self.page + " " + risk).contains("balance.no-risks"), "\(risk)")
    }

    @Test(arguments: [
        "They have no side effects and are completely risk-free.",
        "Our formula is gentle and not harmful, with zero side effects.",
        "Drops can ease dryness within minutes.",
        "This page is for information only and we accept no liability for any harm.",
    ])
    func safetyClaimsAndBenefitsAreNotRiskInformation(_ claim: String) {
        #expect(fired(Self.page + " " + claim).contains("balance.no-risks"), "\(claim)")
    }

    /// A disclaimer's own caution ("speak to your doctor first if you are pregnant") is not the
    /// page telling readers the risks; a named harm inside it still is.
    @Test func disclaimerCautionIsNotRiskInformationButNamedHarmsAre() {
        let caution = "This is not medical advice; speak to your doctor before use if you are pregnant or have a pacemaker."
        #expect(fired(Self.page + "\n\n" + caution).contains("balance.no-risks"))
        let harm = "Check with your GP before you start, because collagen can cause an upset stomach."
        #expect(!fired(Self.page + "\n\n" + harm).contains("balance.no-risks"))
    }

    /// "See your GP if the pain does not improve" is advice to get care, not a benefit claimed.
    @Test func careAdviceAloneIsNotABenefit() {
        let page = "Sprained ankle: rest the ankle and raise it on a pillow. Hold an ice pack on the swollen ankle for 20 minutes every two hours. See your GP if the pain in the ankle does not improve after a week."
        #expect(fired(page).contains("balance.no-date"), "the page needs a disclaimer, so the balance rules run")
        #expect(!fired(page).contains("balance.no-risks"))
    }

    @Test(arguments: [
        "Daily aspirin cut the chance of a second clot by about half. Take 75 mg with food.",
        "People taking omega-3 capsules were 40% less likely to have a stroke. Take two capsules a day.",
        "In one trial, screening cut deaths from bowel cancer by about 20%. Take the kit's 1 mg tablet with water.",
        "Heart attacks were twice as common in people who stopped their statin. Take 20 mg at night.",
    ])
    func relativeWordingsTheLexiconMissed(_ page: String) {
        #expect(fired(page).contains("balance.relative-risk"), "\(page)")
    }

    /// Without a risk word, only a percentage or multiple followed at once by a comparative
    /// ("23% fewer", "40% less"), or "by 74%" after a change word, is a relative effect:
    /// "30% smoother" (no comparative in the list) and "by 10 points" (no unit) are not.
    @Test func relativeChangesWithoutARiskWordAreNotRelativeRisks() {
        #expect(!fired("Collagen capsules make skin 30% smoother and fade wrinkles. Take 10 g a day.").contains("balance.relative-risk"))
        #expect(!fired("Take one 500 mg magnesium tablet a day; it can lower your blood pressure by 10 points.").contains("balance.relative-risk"))
    }

    // Balance round 2: warnings, interactions and cautions the risk test missed.

    @Test(arguments: [
        "Some people notice mild sensitivity to cold, which usually fades within a week.",
        "Around the end of the first week the skin turns red, and blistering should be reported to the clinic.",
        "Calf swelling or a leaking wound can be signs of a clot or an infection and needs urgent attention.",
        "If you have diabetes and take medication, bear in mind your readings may shift.",
        "People who are allergic to aspirin usually steer clear of it.",
        "Take it two hours away from other medicines.",
        "Tummy upset is the most common complaint.",
        "It is hard on the stomach, so take it with food.",
        "Build up slowly: jumping straight to the full dose gives most people wind.",
    ])
    func warningsInteractionsAndCautionsCount(_ risk: String) {
        #expect(fired(Self.page).contains("balance.no-risks"))
        #expect(!fired(Self.page + " " + risk).contains("balance.no-risks"), "\(risk)")
    }

    /// Harms said not to happen, the complaint the product treats, and risks deferred to a
    /// consultation tell readers nothing about the risks.
    @Test(arguments: [
        "Unlike niacin, it does not cause flushing.",
        "This form is less likely to upset your stomach than magnesium oxide.",
        "For an upset stomach, take three gummies three times a day.",
        "It makes the body more sensitive to insulin and helps stop the sugar cravings.",
        "Your surgeon will discuss your suitability and the risks of surgery at consultation.",
        "All procedures carry risks, which will be discussed at your consultation.",
    ])
    func negatedHarmsTreatedComplaintsAndDeferredRisksDoNotCount(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    /// A risk named in full still counts beside a deferral ("it carries risks of infection").
    @Test func namedRisksStillCountBesideTheDeferral() {
        #expect(!fired(Self.page + " An operation carries risks of infection and a tender scar.").contains("balance.no-risks"))
    }

    @Test(arguments: [
        "Nicotinamide tablets protect sun-damaged skin: people taking them had 23% fewer new skin cancers. Take 500 mg twice a day.",
        "Rhodiola capsules ease burnout: people taking them felt 40% less fatigued. Take 400 mg a day.",
        "Statins lower cholesterol: people taking them had heart attacks 30% less often. Take 20 mg at night.",
        "Glucosamine tablets ease knee pain and reduce flare-ups by 40%. Take 1,500 mg a day.",
    ])
    func relativeEffectsOnAnyOutcome(_ page: String) {
        #expect(fired(page).contains("balance.relative-risk"), "\(page)")
        #expect(!fired(page + " In the trial, 17 in 100 people on it and 22 in 100 on a dummy pill had the outcome.").contains("balance.relative-risk"))
    }

    /// "Pain above about 3 out of 10" is a rating scale, not the absolute numbers a relative risk needs.
    @Test func ratingScalesAreNotAbsoluteNumbers() {
        let page = "Daily aspirin cut the chance of a second clot by about half. Take 75 mg with food."
        #expect(fired(page).contains("balance.relative-risk"))
        #expect(fired(page + " Walk each day, and stop if the pain is above about 3 out of 10.").contains("balance.relative-risk"))
        #expect(!fired(page + " In the trial, 3 out of 10 people who skipped it had another clot.").contains("balance.relative-risk"))
    }

    // Balance round 3: boilerplate, questions and reframed harms are not risk information.

    @Test(arguments: [
        "Do not exceed the stated dose. Keep out of reach of children.",
        "The skin may sting - that means it's working.",
        "Some redness is normal, this shows the treatment is working.",
        "Did anyone get side effects from it? I am thinking of trying it next month.",
        "It repairs skin without the stomach upset of other brands.",
        "Alternate-day dosing is absorbed better and upsets the stomach less.",
        "A patch lighter or darker than normal skin is the main sign.",
        "See a dermatologist to find the cause of hair loss first.",
    ])
    func boilerplateQuestionsAndReframedHarmsAreNotRiskInformation(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    @Test(arguments: [
        "Do not exceed one scoop in 24 hours.",
        "Too much protein can fill a small child up so they eat less of everything else.",
        "There have been reported cases of liver injury in people taking it.",
        "Limits of collagen: some people see no change at all.",
    ])
    func statedLimitsAndReportedHarmsCount(_ risk: String) {
        #expect(!fired(Self.page + " " + risk).contains("balance.no-risks"), "\(risk)")
    }

    /// A rate quoted as a percentage is an absolute number, not a relative change; a percentage
    /// reduction is one; "per 2 capsules" is a dose, not the base of a rate.
    @Test func ratesReductionsAndDosesInRelativeRisk() {
        #expect(!fired(Self.page + " Skin hydration rates are lower in winter, commonly quoted at around 50 per cent.").contains("balance.relative-risk"))
        #expect(fired(Self.page + " Screening rates fell by about 20% after the change.").contains("balance.relative-risk"))
        #expect(fired("Collagen supplements repair damaged skin and fade wrinkles: users saw a 40% reduction in wrinkle depth. Take 10 g a day.").contains("balance.relative-risk"))
        let listing = "Heme iron capsules cut your risk of anaemia relapse by 60%. Take 2 capsules a day."
        #expect(fired(listing + " Ingredients (per 2 capsules): heme iron 36 mg.").contains("balance.relative-risk"))
        #expect(!fired(listing + " That is 30 fewer relapses per 1,000 people.").contains("balance.relative-risk"))
    }

    @Test func percentagesWithoutAComparativeAreNotRelativeEffects() {
        for page in ["Cissus capsules may help fractures heal. Take 3 g a day; the capsules are 20% cheaper this month.",
                     "Cissus capsules help fractures heal about 30% faster. Take 3 g a day split into three doses.",
                     "Collagen capsules fade wrinkles: 80% of users felt 80% better. Take 10 g a day.",
                     "Rhodiola capsules ease burnout. Take one a day: each holds 400 mg of extract with 3% rosavins."] {
            #expect(fired(page).contains("balance.no-sources"), "the page needs a disclaimer, so the balance rules run")
            #expect(!fired(page).contains("balance.relative-risk"), "\(page)")
        }
    }

    // Balance round 4: the EU food-supplement statement is boilerplate, not risk information.

    @Test(arguments: [
        "Food supplements should not be used as a substitute for a varied and balanced diet and a healthy lifestyle.",
        "Keep out of reach of children: accidental iron overdose is dangerous for young children.",
    ])
    func supplementStatementsAreNotRiskInformation(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    @Test func notRecommendedAtATimeIsAWarning() {
        #expect(!fired(Self.page + " Not recommended in the evening as it can be mildly stimulating.").contains("balance.no-risks"))
    }

    // Balance round 4: what makes the condition worse is a trigger of the condition, not a harm of
    // the treatment; "can make it worse", "could make recession worse" is a harm.

    @Test(arguments: [
        "Coffee makes it worse but I need it to function.",
        "Hills made it much worse.",
        "Can the smell make my morning sickness worse?",
    ])
    func triggersOfTheConditionAreNotRiskInformation(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    @Test(arguments: [
        "It is not advised with thin gums, because removing tissue could make recession worse.",
        "Trying to slow your breath can make things worse for some people.",
        "Heel pain has other causes, and what helps one person can aggravate another.",
    ])
    func harmsThatMakeThingsWorseCount(_ risk: String) {
        #expect(!fired(Self.page + " " + risk).contains("balance.no-risks"), "\(risk)")
    }

    // Balance round 4: "stop the" names a risk only before a product ("stop the gummies"); before
    // the complaint it is the benefit ("stop the hair fall"); "don't give up" is no warning.

    @Test(arguments: [
        "Stop the hair fall in just 4 sessions.",
        "A guard does not stop the grinding itself.",
        "It took three weeks before I noticed the difference, so don't give up after a few days.",
    ])
    func stoppingTheComplaintIsNotRiskInformation(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    @Test func stoppingTheProductIsAWarning() {
        #expect(!fired(Self.page + " Stop the gummies a few days before a blood test if you are asked to.").contains("balance.no-risks"))
    }

    // Balance round 4: dizziness and drowsiness are harms only after a harm lead, like redness; in
    // a list of the condition's symptoms they are not a treatment's harm.

    @Test(arguments: [
        "Headaches, dizziness when standing up, and tiredness.",
        "Heavy sweating, cramps in the calves, headache, dizziness, feeling sick.",
        "It eases period pain without the drowsiness of painkillers.",
    ])
    func symptomListsAreNotRiskInformation(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    @Test(arguments: [
        "Antihistamines can make you drowsy, so take them at night.",
        "Some people feel dizzy for a few minutes afterwards.",
        "Sudden hearing loss, ear pain or dizziness need prompt medical attention.",
    ])
    func dizzinessAfterALeadAndRedFlagsCount(_ risk: String) {
        #expect(!fired(Self.page + " " + risk).contains("balance.no-risks"), "\(risk)")
    }

    // Balance round 4: "irritate" is a harm after a harm lead, like "irritation"; in the
    // condition's own mechanism it is none.

    @Test func irritatingTheNerveIsTheConditionNotAHarm() {
        #expect(fired(Self.page + " It happens when a bulging disc presses on or irritates the sciatic nerve.").contains("balance.no-risks"))
        #expect(!fired(Self.page + " Strong acids can irritate sensitive skin.").contains("balance.no-risks"))
    }

    // Balance round 4: "cause", "causes", "caused" before a symptom describe the condition ("low
    // stomach acid causes reflux"); "may cause", "can cause" and ", causing nausea" still name harms.

    @Test(arguments: [
        "The theory is that low stomach acid causes reflux, so topping it up calms things down.",
        "It breaks down the proteins that cause swelling so sprains heal faster.",
    ])
    func causesOfTheConditionAreNotRiskInformation(_ text: String) {
        #expect(fired(Self.page + " " + text).contains("balance.no-risks"), "\(text)")
    }

    @Test(arguments: [
        "Very high doses over long periods can raise calcium levels, causing thirst, nausea and kidney stones.",
        "Repeated injections may thin the surrounding tissue.",
        "The benefit is often short-lived.",
    ])
    func harmsAfterCausingAndThinningCount(_ risk: String) {
        #expect(!fired(Self.page + " " + risk).contains("balance.no-risks"), "\(risk)")
    }
}

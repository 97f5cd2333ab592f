import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Round 9: the disclaimer checker reads the claims analysis (which intervention a sentence links
/// to which condition or body function) for the "needs" decision and the domain gate, shared
/// through the document's memo; and evidence of a body that is only inferred from a word's
/// neighbours needs corroboration.
@Suite struct DisclaimerClaimLinksTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    /// Plain text; a first paragraph without a full stop is the page's title, as the text front end reads it.
    static func document(_ text: String) -> AnalyzedDocument {
        let paragraphs = text.split(separator: "\n\n").map(String.init)
        return S.document(paragraphs.enumerated().map { i, p in
            S.Part(kind: i == 0 && paragraphs.count > 1 && !p.hasSuffix(".") ? .title : .paragraph, text: p)
        })
    }
    func profile(_ text: String) -> HealthProfile { checker.verdict(Self.document(text)).profile }
    func run(_ text: String) -> [Diagnostic] { checker.check(Self.document(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)) }

    static let linkedPage = "Bedwetting tablets\n\nDesmopressin is a tablet that reduces how much urine the kidneys make overnight. Children usually take it an hour before bed on sleepover nights."

    /// A sentence the claims analysis reads as an intervention acting on a condition scores as a
    /// claim, about a body when the intervention is something only bodies take (a tablet), even
    /// though its object ("the kidneys") is a word other trades use too.
    @Test func aClaimLinkScoresAsAClaimAboutABody() throws {
        let p = profile(Self.linkedPage)
        let claim = try #require(p.hits.first { $0.kind == .claim })
        #expect(claim.aboutBody)
        #expect(claim.phrase.contains("tablet"))
        #expect(p.needsDisclaimer)
    }

    /// Pages the round-9 rules make need one (a claim link, a counted dose form, a kitchen measure
    /// beside a supplement, "risk of stroke", continence terms).
    @Test(arguments: [
        linkedPage,
        "Take two drops every evening under the tongue. The drops help you fall asleep faster.",
        "My flaxseed routine\n\nI take 1 tablespoon every morning, stirred into porridge. Flaxseed oil is the easiest omega-3 for vegans.",
        "Hibiscus tea for blood pressure\n\nRegular hibiscus drinkers cut their risk of stroke by a quarter, one review claimed. I drank three mugs a day for eight weeks.",
    ])
    func roundNinePagesNeedADisclaimer(_ text: String) {
        #expect(run(text).contains { $0.rule == "disclaimer.missing" }, "\(text)")
    }

    /// One sentence whose body is only inferred ("fuel injection ... gums up", a Wi-Fi signal that
    /// "drops offline every evening", a tablespoon of flour every morning) does not open the
    /// domain gate; nor do a farm diary's or a wildlife survey's symptoms, doses and vaccines.
    @Test(arguments: [
        "Stale fuel gums up the fuel injection system over winter. Add stabiliser to the tank and run the engine for ten minutes. The symptoms of a neglected outboard are a rough idle and a weak tell-tale stream.",
        "Why your Wi-Fi drops offline every evening\n\nThe symptoms are slow pages and dropped calls. The cure is usually a second access point, and the treatment for a dead zone is a wired backhaul.",
        "Sourdough diary\n\nFeed the starter 1 tablespoon of rye flour every morning. The loaf rises best after a week.",
        "Lambing diary, week two\n\nThe ewes are on a propylene glycol drench twice a day and the lambs got their first vaccine. Two ewes showed symptoms of twin lamb disease, so the vet gave a glucose injection. The flock goes out to the home field on Sunday, and the livestock trailer needs new tyres.",
    ])
    func inferredOrHusbandryEvidenceIsNotAHealthPage(_ text: String) {
        #expect(run(text).isEmpty, "\(text)")
    }

    /// In a full run the claims checker computes the links and the disclaimer checker reads them
    /// from the memo: the claims analysis runs once per document.
    @Test func aFullRunAnalysesClaimsOnce() throws {
        let claims = try ClaimsChecker(rules: S.rules, settings: .empty)
        let disclaimer = try S.disclaimerChecker()
        let document = Self.document(Self.linkedPage)
        _ = claims.check(document, context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules))
        #expect(document.memo.count == 2, "the claim links and the page's sections")
        let findings = disclaimer.check(document, context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules))
        #expect(findings.contains { $0.rule == "disclaimer.missing" })
        #expect(document.memo.count == 3)
        #expect(!disclaimer.page.claims.hasBuiltChecker)
    }

    /// With every claims rule off for the file (or the disclaimer checker alone) the disclaimer
    /// checker computes the links itself, and decides the same.
    @Test func withClaimsRulesOffTheDisclaimerCheckerComputesTheLinks() throws {
        let claims = try ClaimsChecker(rules: S.rules, settings: .empty)
        let disclaimer = try S.disclaimerChecker()
        let document = Self.document(Self.linkedPage)
        let off = CheckContext(relativePath: "a.txt", disabledRules: Set(ClaimsChecker.ruleIDs).union(DisclaimerTestSupport.optInRules))
        #expect(claims.check(document, context: off).isEmpty)
        #expect(document.memo.count == 0)
        let profile = disclaimer.verdict(document).profile
        #expect(profile.hits.contains { $0.kind == .claim && $0.aboutBody })
        #expect(disclaimer.page.claims.hasBuiltChecker)
        #expect(document.memo.count == 3, "the page analysis, the claim links and the sections")
    }

    // Round 9 families.
    static let page = "Magnesium glycinate eases night cramps in the legs. Take 300 mg with your evening meal. Stretch your calves before bed to relieve the cramps."

    fileprivate func families(_ parts: [S.Part]) -> [String] {
        checker.verdict(S.document([S.Part(text: Self.page)] + parts)).found.map(\.family.rawValue)
    }

    /// Consulting before a consent decision, consulting by having something "looked at by" a
    /// professional before acting, and consulting under a heading that says when to act.
    @Test func consultBeforeActingRoundNine() {
        #expect(families([S.Part(text: "If you are unsure, please talk it through with the school nursing team or your family doctor before you fill in the consent form.")]) == ["consult-before-acting"])
        #expect(families([S.Part(text: "None of us are doctors, so please get your results looked at by a fertility specialist before changing meds or starting supplements.")]).contains("consult-before-acting"))
        #expect(families([S.Part(kind: .heading(level: 2), text: "Before you book"),
                          S.Part(text: "Please talk to your GP or dermatologist first if you use prescription retinoids or are pregnant.")]) == ["consult-before-acting"])
    }

    /// Look-alikes: the same consult sentence under a heading that is not about acting, a
    /// symptom consult, and a consent form without a professional.
    @Test func consultLookAlikesRoundNine() {
        #expect(families([S.Part(kind: .heading(level: 2), text: "Aftercare"),
                          S.Part(text: "Please talk to your GP or dermatologist first if the redness lasts.")]).isEmpty)
        #expect(families([S.Part(text: "See your school nurse if the arm is still sore after three days.")]).isEmpty)
        #expect(families([S.Part(text: "Read the leaflet before you fill in the consent form.")]).isEmpty)
    }

    /// The US supplement statement counts on supplement pages only: a scalp oil's "30 ml" and
    /// "every night along the parting" are a cosmetic's, so the statement does not clear it.
    @Test func supplementStatementOnATopicalPageIsNotCounted() {
        let oil = "Scalp rescue oil, 30 ml. It soothes chemical burns and calms inflammation of the scalp. Apply six drops to the scalp every night for a week.\n\nThis product is not intended to diagnose, treat, cure, or prevent any disease."
        #expect(run(oil).contains { $0.rule == "disclaimer.missing" })
        let capsules = "Magnesium capsules, 300 mg. Take one capsule every night to relieve leg cramps.\n\nThis product is not intended to diagnose, treat, cure, or prevent any disease."
        #expect(!run(capsules).contains { $0.rule.hasPrefix("disclaimer") })
    }
}

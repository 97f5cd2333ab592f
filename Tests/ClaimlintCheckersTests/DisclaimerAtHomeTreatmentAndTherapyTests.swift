import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Needs signals of blind batches 51-58: at-home cosmetic treatments that act on the body
/// (chemicals, wax, adhesives, lenses in the eye), an activity named by the condition it is for,
/// a regimen on a page titled by a condition; and the look-alikes of other trades (car wax and
/// window tint, furniture stripping, boxing results) and of medical paperwork (an insurer's
/// document list, a translation agency).
@Suite struct DisclaimerAtHomeTreatmentAndTherapyTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test(arguments: [
        "Stir the cinnamon oil into the balm to make a lip plumping gloss. Swipe the lip plumper on three times a day for fuller lips.",
        "Our coloured contact lenses cover the whole iris. Rinse each lens in fresh solution and wear the coloured lenses for no more than eight hours.",
        "The brow lamination kit has two lotions. Leave the first on for eight minutes, then the second; brow lamination lasts about six weeks.",
        "The home peel kit layers glycolic acid under a booster. Repeat the neck peel every two weeks for up to six sessions.",
        "Non-contact boxing for Parkinson's runs on Tuesdays. Members take their medication about 45 minutes before the class.",
        "Body wraps use warm seaweed paste brushed over the hips. Clients book a course of six seaweed wraps before a holiday.",
        // Area and process joined, with no entry of their own.
        "Brow henna stains the skin under the hairs for about a week. Mix the powder and leave the eyebrow henna on for ten minutes.",
    ])
    func atHomeTreatmentsAndTherapiesNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }

    @Test(arguments: [
        "Our carnauba hot wax goes on the body panels in thin coats. Window tinting on the rear windscreen blocks glare, and tan leather arm rests are fed and sealed in one session.",
        "Brush the stripper on the sideboard and wait for the old varnish to peel. Wax the table legs twice a week until the grain shines, then glue the loose veneer.",
        "Results from the club's Saturday boxing classes: the blue corner won six bouts. Sessions run twice a week at the community gym.",
        "Do a patch test on a hidden panel to see whether the polish hazes. Apply the sealant twice a week in winter and buff the lamination seam dry.",
        "Send copies of vaccination certificates, medication lists and the discharge summary with your claim. Vaccination and immunisation records can be scanned.",
        "Glue the loose leg, then wax the table top twice a week. Table leg wax and face wax for the surfboard are in aisle four.",
        "Our Dance for Dementia gala raised 4,000 pounds for the hospice. The Swimming for Parkinson's relay starts at the lido in May.",
        "Our certified translators render prescriptions, a diagnosis or a dose exactly as written. Each translation carries a certificate of accuracy, and notarised copies cost extra.",
    ])
    func otherTradesAndPaperworkDrawNothing(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    /// "Go twice a week for an hour" is said of the condition the title names; under a title that
    /// names none it is a timetable.
    @Test func aRegimenUnderAConditionTitleIsAboutABody() {
        func page(_ heading: String) -> AnalyzedDocument {
            S.document([S.Part(kind: .heading(level: 1), text: heading),
                        S.Part(text: "Find a class that welcomes beginners. Go twice a week for an hour and practise the steps in your kitchen.")])
        }
        #expect(checker.verdict(page("Why I took up tango after my Parkinson's diagnosis")).profile.needsDisclaimer)
        #expect(!checker.verdict(page("Why I took up tango after moving to Leeds")).profile.needsDisclaimer)
    }

    @Test func aDocumentNamedByItsSubjectIsNoTrigger() {
        let records = checker.verdict(S.text("Bring your vaccination certificates and medication lists to the desk.")).profile
        #expect(!records.hits.contains { $0.kind == .procedure || $0.kind == .medicine })
        let advice = checker.verdict(S.text("The vaccination is given in the upper arm, and the medication is taken with food.")).profile
        #expect(advice.hits.contains { $0.kind == .procedure } && advice.hits.contains { $0.kind == .medicine })
    }
}

/// Disclaimers of blind batches 51-58 the finder missed: a split consult that swallowed a plain one,
/// "go through ... with", "before you rely on", "not a personal recommendation", "written for general
/// interest and education".
@Suite struct DisclaimerSplitConsultAndRecommendationTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func families(_ disclaimer: String) -> [String] {
        checker.verdict(S.text(DisclaimerFamilyTests.page + "\n\n" + disclaimer)).found.map(\.family.rawValue)
    }

    @Test(arguments: [
        "Before you start any new cream on your nose while you heal, check with your GP or with our surgical team.",
        "Before you rely on this leaflet, go through the care plan with the prescriber or epilepsy nurse.",
    ])
    func consultsAreDisclaimers(_ sentence: String) {
        #expect(families(sentence).contains("consult-before-acting"), "\(sentence)")
    }

    @Test(arguments: [
        "It is not a personal recommendation.",
        "Everything in the newsletter is written for general interest and education.",
    ])
    func informationalLimitsAreDisclaimers(_ sentence: String) {
        #expect(!families(sentence).isEmpty, "\(sentence)")
    }

    @Test(arguments: [
        "We went through the accounts with the treasurer before the meeting.",
        "Check with the box office or with our front desk before you book.",
        "It is not a recommended route in winter.",
        "The report was written for general readers.",
    ])
    func lookAlikesAreNot(_ sentence: String) {
        #expect(families(sentence).isEmpty, "\(sentence)")
    }
}

/// `disclaimer.topical-words` (products put on the body, for which the US supplement statement does
/// not count) comes from the pack: an empty or missing lexicon would silently count the statement
/// on every numbing-gel listing.
@Suite struct DisclaimerTopicalWordsTests {
    @Test func theTopicalWordsComeFromThePack() throws {
        let checker = try S.disclaimerChecker()
        #expect(!checker.topicalWords.isEmpty)
        #expect(checker.isTopical("numbing gel") && checker.isTopical("Antifungal Cream"))
        #expect(!checker.isTopical("melatonin gummies") && !checker.isTopical("gelatin capsules"))
    }
}

import ClaimlintCore
import ClaimlintIngest
import Testing
@testable import ClaimlintCheckers

/// Who wrote a page, when, and what it rests on, read through the text front end so that the
/// source's line breaks inside a block are kept (a title block, a forum post under its header, a
/// sign-off under "Best wishes,").
@Suite struct BalanceAttributionTests {
    let checker: BalanceChecker
    init() throws { checker = try BalanceChecker(rules: DisclaimerTestSupport.rules, settings: .empty) }
    static let page = BalanceCheckerTests.healthPage
    static let secondParagraph = "Most people notice softer skin after about eight weeks, and the powder mixes easily into tea."

    func fired(_ text: String) throws -> [String] {
        let document = try TextFrontEnd().parse(SourceText(path: "t.txt", string: text), options: IngestOptions())
        return DisclaimerTestSupport.rulesFired(checker.check(AnalyzedDocument(document: document), context: CheckContext(relativePath: "t.txt")))
    }

    // MARK: no-author

    @Test(arguments: [
        // A byline on a later line of a title block.
        "COLLAGEN FOR YOUR SKIN\nThe Skin Desk - Buyer's Guide no. 7\nBy Anneke Vos, nutritionist. Updated 14 October 2026.",
        "ASK THE PHARMACIST\nCollagen for older skin: does it help?\nAnswered by Tomas Eriksen, pharmacist, Brookfield Pharmacy",
        // "by" after a separator in a masthead line; a name over a dateline; a role and a full name.
        "THE GLOW UP LETTER\nIssue 112 | Friday 9 October 2026 | by Amara Osei",
        "Fiona Beck · 2 November 2026",
        "Studio aftercare sheet\nPractitioner: Aisling Moran, Level 7 Aesthetic Practitioner",
        "THE DISPENSARY LETTER - Issue 41, November 2026\nFrom Marcus Oyelaran, MPharm, independent prescriber",
        "Leaflet reviewed January 2026 by Daniel Frost, MPharm.",
        "Answer from R. Mensah, registered dietitian",
    ])
    func bylinesOnAnyLine(_ header: String) throws {
        #expect(try fired(Self.page).contains("balance.no-author"))
        #expect(try !fired(header + "\n\n" + Self.page).contains("balance.no-author"), "\(header)")
    }

    @Test(arguments: [
        "Until next Friday,\nAmara x",
        "Best wishes,\nTom Aldous, Editor\nThe Skin Letter",
        "See you soon,\nDani & the Revive team",
        "Love, Jess x",
    ])
    func signOffsThatNameSomeone(_ signOff: String) throws {
        #expect(try !fired(Self.page + "\n\n" + Self.secondParagraph + "\n\n" + signOff).contains("balance.no-author"), "\(signOff)")
    }

    /// Forum handles, "admin", plain nouns and a team's sign-off name no author (the labels agree);
    /// neither does a greeting, a weekday after "By" or a dialogue line.
    @Test(arguments: [
        "Posted by drifter_77\nHad a rash for a month and the clinic gave me a cream.",
        "Posted by admin",
        "Reply from BlueHeronMum:\nI did one last spring and it was fine.",
        "Posted by KitchenCupboardCures",
        "Reply from Hollis72, 3 Sep 2026",
        "Moderator note: answers here are written by members sharing their own experiences.",
        "By Monday the swelling had gone down.",
        "Pharmacist: Take it with food.",
    ])
    func handlesAndNounsAreNoAuthor(_ line: String) throws {
        #expect(try fired(line + "\n\n" + Self.page).contains("balance.no-author"), "\(line)")
    }

    @Test func teamSignOffsAndGreetingsAreNoAuthor() throws {
        for signOff in ["Warm wishes,\nThe Clear Path team", "Until next week,\nThe Greenleaf team"] {
            #expect(try fired(Self.page + "\n\n" + Self.secondParagraph + "\n\n" + signOff).contains("balance.no-author"), "\(signOff)")
        }
        #expect(try fired("Dear Sam,\nThanks for writing in about collagen.\n\n" + Self.page).contains("balance.no-author"))
    }

    // MARK: no-date

    @Test(arguments: [
        "Column by Okonkwo Adeyemi, registered dietitian, for the Strength and Fuel newsletter, issue 47, August 2026",
        "--- Original post by gradstudent_k (22 Apr 2026)\nWriting up my dissertation and sitting two finals, so I bought collagen and a shaker and I take it every morning before the library.",
        "Patient information leaflet - Day Unit, Aldbury General Hospital. Leaflet reference DOU-044, version 3, issued January 2026.",
        "Heart Failure Nurse Service - Patient Newsletter, Issue 12 (Autumn 2026)",
    ])
    func mastheadsAndPostLinesDateAPage(_ line: String) throws {
        #expect(try fired(Self.page).contains("balance.no-date"))
        #expect(try !fired(line + "\n\n" + Self.page).contains("balance.no-date"), "\(line)")
    }

    @Test func aMonthInProseIsNoDate() throws {
        let prose = "Prices checked in January 2026, and we may earn a commission if you buy through the links on this page."
        #expect(try fired(Self.page + "\n\n" + prose).contains("balance.no-date"))
    }

    // MARK: no-sources

    @Test(arguments: [
        "Prepared by the pharmacy team, October 2026.\nReference: Smith J, Collagen peptides and skin ageing, 2021.",
        "Leaflet reviewed by Dr S. Okafor, January 2026. Sources: UKHSA Green Book chapter 30.",
        "The most interesting trial is small. Stapleton and colleagues (Clinical Infectious Diseases, 2011) gave 100 women a capsule or a placebo.",
        "A widely cited review by Horowitz and Taylor in The Lancet Psychiatry (2019) suggests smaller steps.",
        "Trials such as CSAW (Lancet, 2018) found that surgery did no better.",
        "Sources I have found useful: the NICE psoriasis guideline and the patient association leaflets.",
    ])
    func sourcesNamedInTheText(_ line: String) throws {
        #expect(try fired(Self.page).contains("balance.no-sources"))
        #expect(try !fired(Self.page + "\n\n" + line).contains("balance.no-sources"), "\(line)")
    }

    @Test(arguments: [
        "Research shows our own blend works better than the rest.",
        "Our in-house study found most customers loved it.",
        "Family run since the start (Est. 2015) and proud of it.",
        "Our guidance: take it with food and plenty of water.",
        "Skin Care Tips For Busy Mums (2026)",
    ])
    func noSourceNamed(_ line: String) throws {
        #expect(try fired(Self.page + "\n\n" + line).contains("balance.no-sources"), "\(line)")
    }
}

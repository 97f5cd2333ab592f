import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 21 (docs/disclaimer.md, "Round 21"): the repair trades' pages (a thing's care, like
/// round 19's plants and leathers) and where a disclaimer sits after a comment thread.
@Suite struct DisclaimerRound21Tests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    // MARK: the repair trades (disclaimer.repair-care-words)

    @Test(arguments: [
        // A cobbler's bench log: a shoe's heel "surgery", a "dose" of renovating spray, a "prescribed" gusset.
        "Ferris & Son Shoe Repairs, bench log. Brown brogues: the patient came in with the classic symptoms, welt stitching rotted at the toe. Diagnosis: full Goodyear resole. Chelsea boots: heel surgery, the stack built up with three new lifts; prescribed new gussets. Suede loafers: water-stain treatment, one dose of renovating spray. Side effect: colour slightly deeper. Toe cap scuffs given a dubbin therapy.",
        // A restorers' newsletter: a finish's "symptoms", "diagnosis", "dose" of meths, "surgery" and "recovery".
        "The restorer's bench, members' newsletter: a winter clinic. A freshly French-polished table top has gone milky. The symptoms are a white haze in the finish; the diagnosis is moisture trapped in the shellac. A light dose of meths on a rubber re-dissolves the top skin. Surgery as a last resort: cut back with wire wool and body up the polish again. Give a new top two weeks' recovery, and prescribe coasters. Side effects of over-treating: dull patches.",
        // An upholsterer's job notes: a chair's arms and legs.
        "Hall & Daughter Upholsterers, workshop notes. The wing chair came in with the usual symptoms: sagging seat, springs through the hessian, the arms worn to the frame. Diagnosis: full reupholstery. Treatment for the woodworm: two coats of fluid. Side effect: the old finish darkened, so the legs went to the french polisher. No cure for the split rail.",
        // A luthier's clinic log: a guitar's neck, a dose of lemon oil.
        "Guitar clinic log. An acoustic with the classic symptoms: high action and buzzing. Diagnosis: the neck has pulled forward. The luthier prescribed a truss rod adjustment and a full refret. Treatment of the dry fretboard: lemon oil, one dose every six months. Recovery time before the next gig: two days.",
    ])
    func aRepairTradesPageStaysQuiet(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // The trade's own health: solvent fumes in the worker's chest, "your GP", "your skin".
        "French polishers and furniture restorers breathe meths, shellac and oil varnish fumes every working day. Headaches and a dry cough are common symptoms of solvent exposure. If you get wheeze, see your GP; a salbutamol inhaler, two puffs of 100 mcg when needed, is often prescribed. Solvents strip the oils from your skin and cause dermatitis.",
        // Hand injuries at the bench: a dose of a named medicine, "wash your hands". (Left: the same
        // page with no person's body named in any trigger sentence reads as the trade's care; docs, "Round 21".)
        "Wire wool splinters and chisel cuts are the commonest injuries among furniture restorers and upholsterers. Wash your hands, clean the cut, close it with adhesive strips, and take ibuprofen 400 mg three times a day with food for the pain and swelling. A finger that will not bend needs A&E the same day.",
        // A cobbler's hands and back, with the trade's words on the page.
        "Cobblers who resole all day with contact adhesive often get hand eczema. Apply 1% hydrocortisone cream twice a day to the rash on your hands, and see your GP if it spreads. Dubbin and renovating spray can irritate the skin too.",
    ])
    func aTradesOwnHealthStillNeedsOne(_ text: String) {
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }
}

/// Round 21: a notice after a comment thread, as the front ends give it (DisclaimerFinder.threadEnd,
/// `disclaimer.chrome-thread-nouns`, and longer comment headings outside the article text).
@Suite struct DisclaimerRound21PlacementTests {
    let linter: Linter
    init() throws { linter = try Linter() }

    static let notice = "Posts here are members' own experiences and not medical advice; check with a doctor before you start any treatment mentioned."
    static let thread = "Knee Talk Forum > Sprains\n\nPosted by rob_k, 2 Feb\n  Twisted my knee on Saturday. Ibuprofen 400 mg three times a day with food has eased the knee pain a bit.\n\n"
        + "Reply from hazel_b\n  Rest the knee and use an ice pack for twenty minutes every two hours to reduce the swelling.\n\n"
        + "Reply from ditchman\n  Knee support and an elevated leg at night helped my sprain.\n\n"
    static let article = "<h1>Knee sprain care</h1><p>Ibuprofen 400 mg three times a day with food can ease knee pain after a sprain.</p>"
        + "<p>Rest the knee and use an ice pack for twenty minutes every two hours to reduce the swelling.</p>"

    func findings(_ text: String, _ format: InputFormat) throws -> [String] {
        try S.disclaimerFindings(linter, text, format, textPath: "a.txt")
    }

    @Test(arguments: [
        // Plain text: a rule line over the notice, or a thread-end marker, after the last post.
        "\(thread)------------------------------------------------------------\nForum rules: \(notice)\n",
        "\(thread)------------------------------\n\n\(notice)\n",
        "\(thread)-- end of replies (3) --\n\nKnee Talk Forum | Rules | Contact\n\(notice)\n",
    ])
    func aNoticeAfterATextThreadIsWeak(_ page: String) throws {
        let got = try findings(page, .text)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak") && got[0].contains("after the comments"), "\(page) -> \(got)")
    }

    @Test(arguments: [
        // In a post (a moderator's reply, the first post): the thread is the page's text.
        "\(thread)Reply by Moderator_Jules\n  \(notice)\n",
        "Knee Talk Forum > Sprains\n\nPosted by rob_k, 2 Feb\n  \(notice) Twisted my knee on Saturday. Ibuprofen 400 mg three times a day with food has eased the knee pain a bit.\n\n"
            + "Reply from hazel_b\n  Rest the knee and use an ice pack for twenty minutes every two hours to reduce the swelling.\n\nReply from ditchman\n  Knee support helped.\n",
        // An article with no reply headers puts its own notice under a rule line.
        "Knee sprain care\n\nIbuprofen 400 mg three times a day with food can ease knee pain after a sprain. Rest the knee and use an ice pack for twenty minutes every two hours.\n\n------------------------------\n\(notice)\n",
        // An expert Q&A page's answers are the article ("Answered by" is no reply header).
        "Ask the pharmacist\n\nQ: Can I take ibuprofen 400 mg three times a day for a sprained knee?\n\nAnswered by Priya\n  Yes, with food, for up to three days; rest the knee and use an ice pack for twenty minutes every two hours.\n\n"
            + "Answered by Tom\n  Ice and rest for the swelling.\n\n------------------------------\n\(notice)\n",
        // One reply header is no thread.
        "Knee sprain care\n\nIbuprofen 400 mg three times a day with food can ease knee pain after a sprain.\n\nReply from the clinic\n  Rest the knee and use an ice pack for twenty minutes every two hours.\n\n------------------------------\n\(notice)\n",
    ])
    func aNoticeInTheThreadOrAnArticleIsProminent(_ page: String) throws {
        #expect(try findings(page, .text).isEmpty, "\(page)")
    }

    @Test(arguments: [
        "<section class=\"comments\"><h3>Replies from the blog feed</h3><p><b>Jen:</b> Same with my thumb.</p></section>",
        "<section class=\"comments\"><h3>Quick reactions</h3><p><b>dan:</b> Cheers all.</p></section>",
    ])
    func aNoticeAfterACommentSectionIsWeak(_ comments: String) throws {
        let page = "<html><body><main><article>\(Self.article)</article>\(comments)<p class=\"mod-note\">\(Self.notice)</p></main></body></html>"
        let got = try findings(page, .html)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak") && got[0].contains("after the comments"), "\(comments) -> \(got)")
    }

    @Test(arguments: [
        // In the article, "reactions" and a longer heading are the page's own subject.
        "<h2>Allergic reactions</h2><p>Stop the tablets if a rash appears.</p><p>\(notice)</p>",
        "<h2>Replies from our physiotherapist to readers</h2><p>\(notice)</p>",
    ])
    func aHeadingInTheArticleHeadsNoThread(_ extra: String) throws {
        let page = "<html><body><main><article>\(Self.article)\(extra)</article></main></body></html>"
        #expect(try findings(page, .html).isEmpty, "\(extra)")
    }

    // MARK: a page whose only disclaimer is weak (DisclaimerChecker.weakDisclaimerThreshold)

    static let deskReset = "# A five-minute desk reset\n\nRoll your shoulders back ten times, then squeeze the shoulder blades together and hold for five seconds. "
        + "Tuck your chin and lengthen the back of your neck. Stand, reach both arms overhead and lean gently to each side. "
        + "Sit back down with your feet flat and the screen at eye level.\n\n"
    static let deskNotice = "For general information only, not medical advice: check with a physiotherapist before starting if you have neck or back pain."

    @Test func aRoutineWithItsNoticeInACaptionIsWeak() throws {
        // The rules see no need (no dose, no treatment word) and the model reads p 0.71, under its 0.95:
        // the writer's own notice, hidden in an image caption, opens the need at even odds.
        let page = Self.deskReset + "![Shoulder squeeze at the desk](squeeze.jpg)\n*\(Self.deskNotice)*\n\nSet a reminder every hour.\n"
        let got = try linter.lint(text: page, format: .markdown, path: "a.md").findings.filter { $0.rule.hasPrefix("disclaimer.") }.map(\.rule)
        #expect(got == ["disclaimer.weak"], "\(got)")
    }

    @Test(arguments: [
        // The same notice in the text: prominent. No notice at all: the model's 0.95 decides (no need).
        deskReset + deskNotice + "\n\nSet a reminder every hour.\n",
        deskReset + "Set a reminder every hour.\n",
    ])
    func theSameRoutineOtherwiseDrawsNothing(_ page: String) throws {
        #expect(try linter.lint(text: page, format: .markdown, path: "a.md").findings.filter { $0.rule.hasPrefix("disclaimer.") }.isEmpty, "\(page)")
    }

    @Test func aNonHealthPageWithASiteFooterNoticeDrawsNothing() throws {
        // A site-wide footer on a tax page (p 0.30): below even odds.
        let page = "<html><body><main><article><h1>Filing a late tax return</h1><p>If you missed the 31 January deadline, file as soon as you can: "
            + "the first penalty is fixed at 100 pounds, and daily penalties start after three months. Pay what you owe first to stop interest growing, "
            + "and ask for a time to pay arrangement if you cannot pay in full.</p><p>Keep your records for five years.</p></article></main><footer><p>All "
            + "content on this site is for general information only and is not medical, legal or financial advice; consult a qualified professional "
            + "before acting on it.</p></footer></body></html>"
        #expect(try findings(page, .html).isEmpty)
    }
}

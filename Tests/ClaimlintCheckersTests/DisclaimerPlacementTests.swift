import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Where a disclaimer sits decides between no finding and `disclaimer.weak`.
@Suite struct DisclaimerPlacementTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    static let body: [DisclaimerTestSupport.Part] = [
        .init(kind: .title, text: "PRP for thinning hair"),
        .init(text: "Platelet-rich plasma injections treat thinning hair."),
        .init(text: "Most clinics give three injections a month apart to the scalp."),
        .init(text: "New hair growth shows after about three months."),
    ]
    static let notice = "This page is not medical advice; consult your doctor before any procedure."

    func check(_ parts: [DisclaimerTestSupport.Part]) -> [Diagnostic] { checker.check(S.document(parts), context: CheckContext(relativePath: "a.html", disabledRules: DisclaimerTestSupport.optInRules)) }

    @Test func inTheArticleIsFine() {
        #expect(check(Self.body + [.init(text: Self.notice)]).isEmpty)
        #expect(check([Self.body[0], .init(text: Self.notice)] + Self.body.dropFirst()).isEmpty)
    }

    @Test func captionIsWeak() throws {
        let d = try #require(check(Self.body + [.init(kind: .figcaption, text: Self.notice)]).first)
        #expect(d.rule == "disclaimer.weak")
        #expect(d.message.contains("caption"))
        #expect(d.details["position"] == "end")
    }

    @Test func footerOnlyIsWeak() throws {
        let d = try #require(check(Self.body + [.init(text: Self.notice, region: .chrome)]).first)
        #expect(d.rule == "disclaimer.weak")
        #expect(d.message.contains("outside the article"))
        #expect(d.details["position"] == "end")
        let top = try #require(check([.init(text: Self.notice, region: .chrome)] + Self.body).first)
        #expect(top.details["position"] == "top")
    }

    @Test func afterCommentsIsWeak() throws {
        let parts = Self.body + [.init(kind: .heading(level: 2), text: "12 Comments"), .init(text: "Ana: worked for me!"), .init(text: Self.notice)]
        let d = try #require(check(parts).first)
        #expect(d.rule == "disclaimer.weak")
        #expect(d.message.contains("after the comments"))
    }

    @Test func aProminentOneBeatsAWeakOne() {
        #expect(check(Self.body + [.init(kind: .figcaption, text: Self.notice), .init(text: Self.notice)]).isEmpty)
    }

    @Test func frontMatterFlagDecides() {
        var carries = DocumentMetadata()
        carries.disclaimerFlag = true
        #expect(checker.check(S.document(Self.body, metadata: carries), context: CheckContext(relativePath: "a.md", disabledRules: DisclaimerTestSupport.optInRules)).isEmpty)
        var waived = DocumentMetadata()
        waived.disclaimerFlag = false
        #expect(checker.check(S.document(Self.body, metadata: waived), context: CheckContext(relativePath: "a.md", disabledRules: DisclaimerTestSupport.optInRules)).isEmpty)
        #expect(S.rulesFired(check(Self.body)) == ["disclaimer.missing"])
    }
}

/// Placement as the front ends expose it: every way HTML and Markdown put a disclaimer in a
/// caption, a table cell or alt text reaches the checker as a caption, cell or alt-text block
/// (or, for Markdown, as the caption line under an image), and is weak; the same sentence in
/// the article's text is not.
@Suite struct DisclaimerFrontEndPlacementTests {
    let linter: Linter
    init() throws { linter = try Linter() }

    static let notice = "This page is for general information only and is not medical advice."
    static let htmlBody = "<h1>Knee sprain care</h1><p>Ibuprofen 400 mg three times a day with food can ease knee pain after a sprain.</p>"
        + "<p>Rest the knee and use an ice pack for twenty minutes every two hours to reduce the swelling.</p>"
    static let markdownBody = "# Knee sprain care\n\nIbuprofen 400 mg three times a day with food can ease knee pain after a sprain.\n\n"
        + "Rest the knee and use an ice pack for twenty minutes every two hours to reduce the swelling.\n\n"

    /// The disclaimer findings of a page, and the placement the message names.
    func findings(_ text: String, _ format: InputFormat) throws -> [String] {
        try S.disclaimerFindings(linter, text, format, textPath: "a.md")
    }

    func html(_ extra: String) -> String { "<html><body><main><article>\(Self.htmlBody)\(extra)</article></main></body></html>" }

    @Test(arguments: [
        ("<figure><img src=a.jpg alt=knee><figcaption>\(notice)</figcaption></figure>", "caption"),
        ("<figure><img src=a.jpg alt=knee><figcaption><p>\(notice)</p></figcaption></figure>", "caption"),
        ("<figure><img src=a.jpg alt=knee><figcaption><span>Photo: J. Ames.</span> \(notice)</figcaption></figure>", "caption"),
        ("<table><caption>\(notice)</caption><tr><td>Rest</td></tr></table>", "caption"),
        ("<table><tr><td>Rest</td><td>\(notice)</td></tr></table>", "table cell"),
        ("<table><tr><td><p>\(notice)</p></td></tr></table>", "table cell"),
        ("<table><tr><td><div>\(notice)</div></td></tr></table>", "table cell"),
        ("<table><tr><th>\(notice)</th></tr></table>", "table cell"),
        ("<p><img src=a.jpg alt='\(notice)'></p>", "alt text"),
        ("<p>Photo: <img src=a.jpg alt='\(notice)'> the brace.</p>", "alt text"),
        ("<img src=a.jpg alt='\(notice)'>", "alt text"),
        ("<a href=/brace><img src=a.jpg alt='\(notice)'></a>", "alt text"),
        ("<picture><source srcset=a.webp><img src=a.jpg alt='\(notice)'></picture>", "alt text"),
    ])
    func htmlPlacementIsWeak(_ extra: String, _ place: String) throws {
        let got = try findings(html(extra), .html)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak") && got[0].contains(place), "\(extra) -> \(got)")
    }

    @Test(arguments: [
        ("![\(notice)](brace.jpg)\n", "alt text"),
        ("- ![\(notice)](brace.jpg)\n", "alt text"),
        ("[![\(notice)](brace.jpg)](https://example.org/brace)\n", "alt text"),
        ("| Step | Note |\n|---|---|\n| Rest | \(notice) |\n", "table cell"),
        ("| Step | Note |\n|---|---|\n| Rest | ![\(notice)](brace.jpg) |\n", "alt text"),
        ("<figure><img src=a.jpg alt=knee><figcaption>\(notice)</figcaption></figure>\n", "caption"),
        // The caption line under an image that opens its paragraph (round 7).
        ("![Knee brace on a bench](brace.jpg)\n*\(notice)*\n", "caption"),
        ("![Knee brace on a bench](brace.jpg)\nPhoto: J. Ames. \(notice)\n", "caption"),
    ])
    func markdownPlacementIsWeak(_ extra: String, _ place: String) throws {
        let got = try findings(Self.markdownBody + extra, .markdown)
        #expect(got.count == 1 && got[0].hasPrefix("disclaimer.weak") && got[0].contains(place), "\(extra) -> \(got)")
    }

    @Test(arguments: [
        // An icon on the same line as a callout; an image, a blank line, then the text; an image
        // in the middle of a sentence; a hero image above a paragraph longer than a caption.
        "![Note](info.png) **Note:** \(notice)\n",
        "![Knee brace on a bench](brace.jpg)\n\n*\(notice)*\n",
        "Here is the brace ![knee](brace.jpg)\n\(notice)\n",
        "![Knee brace](brace.jpg)\nA brace helps after the first week. Wear it for walks. Take it off at night. Loosen it if your toes tingle. \(notice)\n",
    ])
    func markdownTextNextToAnImageIsProminent(_ extra: String) throws {
        #expect(try findings(Self.markdownBody + extra, .markdown).isEmpty, "\(extra)")
    }

    @Test func theSameSentenceInTheTextIsProminent() throws {
        #expect(try findings(html("<p>\(Self.notice)</p>"), .html).isEmpty)
        #expect(try findings(Self.markdownBody + Self.notice + "\n", .markdown).isEmpty)
        #expect(try findings(html(""), .html).first?.hasPrefix("disclaimer.missing") == true)
    }
}

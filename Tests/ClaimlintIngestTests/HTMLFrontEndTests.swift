import ClaimlintCore
import Foundation
import Testing

@testable import ClaimlintIngest

@Suite struct HTMLFrontEndTests {
    typealias S = HTMLTestSupport

    @Test func realisticPageBlocksAndKinds() throws {
        let doc = try S.parse(bytes: try S.fixture("article-landmark.html"))
        let main = doc.blocks.filter { $0.region == .main }
        #expect(doc.hasMainLandmark)
        #expect(main.map(\.kind.name) == [
            "h1", "paragraph", "paragraph", "h2", "list-item", "list-item", "ordered-item", "ordered-item",
            "image-alt", "figcaption", "blockquote", "figcaption", "table-header", "table-header", "table-cell",
            "table-cell", "paragraph", "paragraph",
        ])
        #expect(main[2].text == "Vitamin D helps the body absorb calcium & phosphate[1]. Adults in the UK are advised to consider a daily supplement in autumn and winter.")
        #expect(main[4].kind == .listItem(ordered: false, index: 1, listID: main[4].kind.listID))
        #expect(main[5].kind == .listItem(ordered: false, index: 2, listID: main[4].kind.listID))
        #expect(main[7].kind == .listItem(ordered: true, index: 2, listID: main[6].kind.listID))
        #expect(main[6].kind.listID != main[4].kind.listID)
        #expect(main[7].text == "Do not exceed 100 micrograms a day.")
        #expect(main[8].text == "A person walking in winter sun & wind")
        #expect(main[10].text == "Most people can get enough vitamin D from sunlight in summer." && main[10].quoted)
        #expect(main[11].text == "Recommended intake")
        #expect(main[12].kind == .tableCell(header: true) && main[14].kind == .tableCell(header: false))
        // Skipped: pre, code; <br> is a space.
        #expect(main[17].text == "Inline code is dropped. After a break.")
        let all = doc.blocks.map(\.text).joined(separator: "\n")
        for absent in ["cures everything", "color: red", "must be skipped", "x = 1", "Enable JavaScript"] {
            #expect(!all.contains(absent), "\(absent) should be skipped")
        }
        S.checkEveryWord(doc)
    }

    @Test func linksAndCitationMarkers() throws {
        let doc = try S.parse(bytes: try S.fixture("article-landmark.html"))
        let calcium = try #require(doc.blocks.first { $0.text.hasPrefix("Vitamin D helps") })
        let bytes = Array(calcium.text.utf8)
        #expect(calcium.links.count == 1 && calcium.links[0].href == "#cite-1")
        #expect(String(decoding: bytes[calcium.links[0].range], as: UTF8.self) == "[1]")
        #expect(calcium.citations == [CitationMarker(range: calcium.links[0].range, kind: .superscript, label: "1")])
        let reading = try #require(doc.blocks.first { $0.text.hasPrefix("Read the") })
        let rb = Array(reading.text.utf8)
        #expect(String(decoding: rb[reading.links[0].range], as: UTF8.self) == "NHS guidance")
        #expect(reading.citations.count == 1 && reading.citations[0].kind == .cite)
        #expect(String(decoding: rb[reading.citations[0].range], as: UTF8.self) == "the 2016 SACN report")

        let footnotes = try S.parse("<p>Sleep improves recall<a href=\"#fn2\">2</a> and <a href=\"#ref-7\">[7]</a>.</p>")
        #expect(footnotes.blocks[0].citations.map(\.label) == ["2", "7"])
        #expect(footnotes.blocks[0].citations.allSatisfy { $0.kind == .footnote })
    }

    @Test func nestedListsNumberTheirOwnItems() throws {
        let doc = try S.parse("<ol><li>One<ol><li>Inner A</li><li>Inner B</li></ol></li><li>Two</li></ol><li>Stray</li>")
        let items = doc.blocks.map { ($0.text, $0.kind) }
        #expect(items.map(\.0) == ["One", "Inner A", "Inner B", "Two", "Stray"])
        guard case .listItem(true, 1, let outer) = items[0].1, case .listItem(true, 2, let inner) = items[2].1,
              case .listItem(true, 2, let outerAgain) = items[3].1, case .listItem(false, 1, let stray) = items[4].1
        else {
            Issue.record("unexpected kinds \(items.map(\.1))")
            return
        }
        #expect(outer == outerAgain && outer != inner && stray != outer && stray != inner)
    }

    @Test func linkAcrossBlocksCoversEachPart() throws {
        let doc = try S.parse("<a href=\"/card\"><h3>Card title</h3><p>Card text</p></a><p>x <a href=\"/y\"> spaced </a> z</p>")
        #expect(doc.blocks.map(\.text) == ["Card title", "Card text", "x spaced z"])
        #expect(doc.blocks[0].links == [InlineLink(range: 0..<10, href: "/card")])
        #expect(doc.blocks[1].links == [InlineLink(range: 0..<9, href: "/card")])
        #expect(doc.blocks[2].links == [InlineLink(range: 2..<8, href: "/y")])
    }

    @Test func doubleLineBreakSeparatesParagraphs() throws {
        let doc = try S.parse("<div>Key facts<br>\n<br>Vitamin D helps bones.<br>It comes from sunlight.</div><p>A<br><br></p>")
        #expect(doc.blocks.map(\.text) == ["Key facts", "Vitamin D helps bones. It comes from sunlight.", "A"])
        S.checkEveryWord(doc)
    }

    @Test func hiddenContentIsSkipped() throws {
        let doc = try S.parse("""
            <p>Seen<span hidden> unseen</span> text.</p><div style="color:red; DISPLAY: None"><p>Invisible.</p></div>
            <p style="display:block">Shown.</p>
            <p>Read the <a href="/g">guide<span class="nhsuk-u-visually-hidden"> (opens in a new tab)</span></a>.</p>
            <p><span class="sr-only">Warning:</span> Do not exceed the dose.</p>
            """)
        #expect(doc.blocks.map(\.text) == ["Seen text.", "Shown.", "Read the guide.", "Do not exceed the dose."])
    }

    @Test func inlineQuoteMarksBlockQuoted() throws {
        let doc = try S.parse("<p>She said <q>it works</q> once.</p><p>Plain.</p>")
        #expect(doc.blocks.map(\.quoted) == [true, false])
    }

    @Test func chromeWithLandmark() throws {
        let doc = try S.parse(bytes: try S.fixture("article-landmark.html"))
        let chrome = Set(doc.blocks.filter { $0.region == .chrome }.map(\.text))
        for text in ["HealthDesk", "Miracle tips", "We use cookies to improve your visit.", "This tea cures cancer.",
                     "My aunt says it cures flu.", "Best detox pills, guaranteed results!", "© 2024 HealthDesk"] {
            #expect(chrome.contains(text), "\(text) should be chrome")
        }
        // The article's own header (h1, byline) stays main content.
        #expect(doc.blocks.first { $0.text == "Vitamin D and bone health" }?.region == .main)
    }

    @Test func chromeWithoutLandmark() throws {
        let doc = try S.parse(bytes: try S.fixture("no-landmark.html"))
        #expect(!doc.hasMainLandmark)
        let main = doc.blocks.filter { $0.region == .main }.map(\.text)
        #expect(main == [
            "Zinc and colds: a careful look", "Zinc lozenges and the common cold",
            "Zinc lozenges taken early may shorten a cold by about a day in some trials.",
            "Side effects include a bad taste and nausea.",
        ])
        let chrome = doc.blocks.filter { $0.region == .chrome }.map(\.text)
        for text in ["Home", "Subscribe for weekly miracle cures", "Accept all cookies to continue.", "Share on social media",
                     "Great post, zinc cured my flu!", "Health > Colds", "Email", "Sign up", "Contact us"] {
            #expect(chrome.contains(text), "\(text) should be chrome; chrome = \(chrome)")
        }
    }

    @Test func classedHeaderFooterAndNavWithoutLandmark() throws {
        let doc = try S.parse("""
            <div id="header"><p>Site name</p></div><div class="main-menu"><p>Shop</p></div>
            <div class="entry-header"><h1>Title</h1></div><div class="entry"><p>Body.</p></div>
            <div id="footer"><p>Legal text</p></div><div class="navigation-bar"><p>Next</p></div>
            """)
        #expect(doc.blocks.map(\.region) == [.chrome, .chrome, .main, .main, .chrome, .chrome])
        // With a landmark, a classed footer inside the article (references, notes) stays main.
        let article = try S.parse("<article><p>Body.</p><div class=\"article-footer\"><p>Sources: NHS.</p></div></article>")
        #expect(article.blocks.map(\.region) == [.main, .main])
    }

    @Test func articlesInChromeAreNotTheLandmark() throws {
        // Teaser cards in a sidebar and WordPress-style comments are <article>s too.
        let doc = try S.parse("""
            <div class="post"><h1>Sleep and memory</h1><p>Sleep helps memory.</p></div>
            <aside><article><p>Teaser: sleep hacks.</p></article></aside>
            <ol class="comment-list"><li><article class="comment-body"><p>Nice post!</p></article></li></ol>
            """)
        #expect(!doc.hasMainLandmark)
        #expect(doc.blocks.map(\.region) == [.main, .main, .chrome, .chrome])
    }

    @Test func anAsideInsideTheArticleIsPartOfIt() throws {
        // A note or callout box in the article's flow is the article's; a classed related-posts
        // box and a sidebar beside the article stay chrome.
        let doc = try S.parse("""
            <main><article><p>Body.</p><aside class="note"><p>Not medical advice.</p></aside>
            <aside class="related-posts"><p>Read next: more tips.</p></aside></article>
            <aside><p>Sidebar.</p></aside></main>
            """)
        #expect(doc.blocks.map(\.region) == [.main, .main, .chrome, .chrome])
    }

    @Test func roleMainIsALandmark() throws {
        let doc = try S.parse("""
            <div class="top"><p>Outside text.</p></div>
            <div role="main"><p>Inside text.</p><nav><p>Inner nav.</p></nav></div>
            """)
        #expect(doc.hasMainLandmark)
        #expect(doc.blocks.map(\.region) == [.chrome, .main, .chrome])
    }

    @Test func wrappersThatHoldTheArticleAreNotChrome() throws {
        // ASP.NET wraps whole pages in one <form>; themes put "has-sidebar" on wrappers.
        let aspnet = try S.parse("""
            <body><form id="aspnetForm"><div class="nav"><a href="/">Home</a></div>
            <h1>Iron and fatigue</h1><p>Low iron can cause tiredness.</p>
            <div class="newsletter"><p>Sign up now</p></div></form></body>
            """)
        #expect(aspnet.blocks.map(\.region) == [.chrome, .main, .main, .chrome])
        let wrapped = try S.parse("""
            <div class="page has-sidebar comments-open"><article><h1>Title</h1><p>Body text.</p></article>
            <div class="sidebar"><article><p>Ads here.</p></article></div></div>
            """)
        #expect(wrapped.hasMainLandmark)
        #expect(wrapped.blocks.map(\.text) == ["Title", "Body text.", "Ads here."])
        #expect(wrapped.blocks.map(\.region) == [.main, .main, .chrome])
    }

    @Test func html5SectioningClosesRunsInsideUnclosedParagraph() throws {
        let doc = try S.parse("<body><p>Intro text<section><h2>Part</h2>Inner words</section><dialog>Pop</dialog><p>Last")
        #expect(doc.blocks.map(\.text) == ["Intro text", "Part", "Inner words", "Pop", "Last"])
        #expect(doc.blocks.map(\.kind.name) == ["paragraph", "h2", "paragraph", "paragraph", "paragraph"])
    }

    @Test func nestedBlockFlushesOuterRun() throws {
        let doc = try S.parse("<ul><li>Two<p>nested</p>tail</li></ul><div>Loose <b>bold</b> text<div>inner</div></div>")
        #expect(doc.blocks.map(\.text) == ["Two", "nested", "tail", "Loose bold text", "inner"])
        #expect(doc.blocks[1].kind.isListItem)  // a <p> inside <li> keeps the item kind
    }

    @Test func metadata() throws {
        let doc = try S.parse(bytes: try S.fixture("article-landmark.html"))
        let m = doc.metadata
        #expect(m.title == "Vitamin D and bone health: what the evidence says")
        #expect(m.authors == ["Dr Ana Ruiz", "Tom Okafor"])
        #expect(m.reviewers == ["Prof. Lena Haas"])
        #expect(m.datePublished == "2024-03-02T09:00:00Z")
        #expect(m.dateModified == "2024-05-10")
        #expect(m.language == "en-GB")
        #expect(m.description == "A plain-language review of vitamin D supplements.")
        #expect(m.disclaimerFlag == true)

        let timeOnly = try S.parse("""
            <html><head><script type="application/ld+json">{ broken json</script>
            <meta name="claimlint:disclaimer" content="false"></head>
            <body><nav><time datetime="2020-01-01">old</time></nav><article><p>Posted <time datetime="2023-07-04">4 July</time></p></article></body></html>
            """)
        #expect(timeOnly.metadata.datePublished == "2023-07-04")
        #expect(timeOnly.metadata.disclaimerFlag == false)

        let graph = try S.parse("""
            <script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, {"@type": "Article", "datePublished": "2022-02-02", "author": "Sam Lee", "lastReviewed": "2023-01-09"}]}</script><p>x</p>
            """)
        #expect(graph.metadata.datePublished == "2022-02-02")
        #expect(graph.metadata.authors == ["Sam Lee"])
        #expect(graph.metadata.extra["schema:lastReviewed"] == "2023-01-09")
    }

    @Test func suppressionCommentWithRange() throws {
        let html = "<p>One.</p>\r\n<!-- claimlint-disable-next-line claims.cure -->\n<p>Two.</p><!-- an ordinary comment -->"
        let doc = try S.parse(html)
        #expect(doc.directives.count == 1)
        let d = try #require(doc.directives.first)
        #expect(d.kind == .disableNextLine && d.rules == ["claims.cure"])
        #expect(String(decoding: doc.source.utf8[d.range], as: UTF8.self) == "<!-- claimlint-disable-next-line claims.cure -->")
        #expect(doc.source.span(utf8: d.range).line == 2)
    }

    @Test func emptyAndWhitespaceFilesGiveEmptyDocuments() throws {
        for text in ["", "  \n\r\n\t", "<html></html>", "<!-- nothing -->"] {
            let doc = try S.parse(text)
            #expect(doc.blocks.isEmpty)
        }
        let decoded = try S.parse(bytes: [])
        #expect(decoded.blocks.isEmpty && decoded.directives.isEmpty)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        #expect(throws: IngestError.self) { try S.parse(html) }
        do {
            _ = try S.parse(html)
        } catch let e as IngestError {
            #expect(e.message == "nesting deeper than 1000 elements")
        }
        // Allowed that deep, it parses and walks without recursion.
        var options = IngestOptions()
        options.maxNestingDepth = 200_000
        let doc = try S.parse(html + "<p>after</p>", options: options)
        #expect(doc.blocks.map(\.text) == ["deep", "after"])
        // Just under the default limit is fine.
        let ok = String(repeating: "<span>", count: 900) + "fine" + String(repeating: "</span>", count: 900)
        #expect(try S.parse(ok).blocks.map(\.text) == ["fine"])
    }

    @Test func imageAltRangeIsTheAttributeValue() throws {
        let html = "<p>See <IMG class=x ALT='Caf&eacute; &amp; tea' src=a.png> here</p><img alt=\"\"><img src=b alt=plain>"
        let doc = try S.parse(html)
        #expect(doc.blocks.map(\.text) == ["See here", "Café & tea", "plain"])
        let alt = doc.blocks[1]
        let r = alt.sourceMap.utf8Range(forText: 0..<alt.text.utf8.count)
        #expect(String(decoding: doc.source.utf8[r], as: UTF8.self) == "Caf&eacute; &amp; tea")
        S.checkEveryWord(doc)
    }
}

extension BlockKind {
    var listID: Int {
        if case .listItem(_, _, let id) = self { return id }
        return -1
    }
}

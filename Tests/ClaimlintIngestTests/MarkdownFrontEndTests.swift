import ClaimlintCore
import ClaimlintIngest
import Testing

@Suite struct MarkdownArticleTests {
    let doc: Document

    init() throws {
        doc = try parseMarkdown(try MarkdownFixtures.text("seasonal-allergies.md"), path: "seasonal-allergies.md")
    }

    @Test func blockKindsAndTextFollowTheArticle() {
        let expected: [(String, String)] = [
            ("title", "Seasonal allergies: what helps & what doesn't"),
            ("h1", "Seasonal allergies: what helps"),
            ("paragraph", "Hay fever affects many adults each spring. Pollen counts rise when the air is warm and dry, and symptoms often follow within hours.[1]"),
            ("h2", "Common symptoms"),
            ("list-item", "Sneezing and a runny nose"),
            ("list-item", "Itchy, watery eyes"),
            ("list-item", "A blocked nose that makes sleep harder"),
            ("h2", "Options to discuss with a pharmacist"),
            ("ordered-item", "Non-drowsy antihistamine tablets"),
            ("ordered-item", "Steroid nasal sprays, used daily"),
            ("ordered-item", "Eye drops for itching"),
            ("table-header", "Option"), ("table-header", "How often"),
            ("table-cell", "Nasal spray"), ("table-cell", "Once a day"),
            ("table-cell", "Tablets"), ("table-cell", "As needed"),
            ("blockquote", "Start the spray two weeks before the season, one pharmacist told us."),
            ("paragraph", "Read the NHS guidance on hay fever for details. Keep windows closed on high\u{2011}pollen days & shower after being outside. Check the forecast each morning."),
            // The code span leaves a word break; the code block and the comment are gone.
            ("paragraph", "Set your reminder with if you use the app."),
            // A raw HTML block is read as HTML.
            ("paragraph", "This note is raw HTML inside the Markdown."),
            // Inline tags dropped, their text kept.
            ("paragraph", "Some readers say local honey eases symptoms, but studies found no clear benefit."),
            ("image-alt", "A field of grass in *full* bloom"),
            // Struck-through text is deleted text.
            ("paragraph", "Honey has not been shown to help."),
            ("paragraph", "Share this article with a friend."),
            // Footnote definitions: items of one ordered list, as cmark renders them.
            ("ordered-item", "Pollen forecasts are published daily in spring."),
        ]
        #expect(doc.blocks.count == expected.count, "\(dump(doc))")
        for (block, (kind, text)) in zip(doc.blocks, expected) {
            #expect(block.kind.name == kind && block.text == text, "got \(block.kind.name): \(block.text)")
        }
        #expect(doc.format == .markdown)
        #expect(doc.warnings.isEmpty)
    }

    @Test func listsHeadingsQuotesAndCells() {
        let kinds = doc.blocks.map(\.kind)
        #expect(kinds[1] == .heading(level: 1) && kinds[3] == .heading(level: 2))
        guard case .listItem(false, 1, let bullets) = kinds[4], case .listItem(false, 3, bullets) = kinds[6],
              case .listItem(true, 1, let numbered) = kinds[8], case .listItem(true, 3, numbered) = kinds[10],
              case .listItem(true, 1, let notes) = kinds[25] else {
            Issue.record("list kinds: \(kinds)")
            return
        }
        #expect(Set([bullets, numbered, notes]).count == 3)
        #expect(kinds[11] == .tableCell(header: true) && kinds[13] == .tableCell(header: false))
        #expect(doc.blocks[17].kind == .blockquote && doc.blocks[17].quoted)
        #expect(doc.blocks.filter(\.quoted).count == 1)
    }

    @Test func linksAndFootnoteCitations() {
        let para = doc.blocks[18]
        #expect(para.links.count == 1)
        let link = para.links[0]
        #expect(link.href == "https://www.nhs.uk/conditions/hay-fever/")
        #expect(para.text.utf8Slice(link.range) == "NHS guidance on hay fever")

        let first = doc.blocks[2]
        #expect(first.citations.count == 1)
        let cite = first.citations[0]
        #expect(cite.kind == .footnote && cite.label == "1")
        #expect(first.text.utf8Slice(cite.range) == "[1]")
        #expect(doc.source.excerpt(utf8: first.sourceMap.utf8Range(forText: cite.range)) == "[^1]")
    }

    @Test func frontMatterFeedsMetadataAndIsNotProse() {
        let m = doc.metadata
        #expect(m.title == "Seasonal allergies: what helps & what doesn't")
        #expect(m.authors == ["Priya Nair", "Tom Okafor"])
        #expect(m.reviewers == ["Dr. Lena Brandt"])
        #expect(m.datePublished == "2026-03-02" && m.dateModified == "2026-04-18")
        #expect(m.description == "A plain guide to hay fever relief.")
        #expect(m.disclaimerFlag == true)
        #expect(m.extra == ["category": "allergy"])
        // Only the title is text; no other front-matter value reaches a block.
        for value in ["Priya", "Brandt", "2026", "plain guide", "allergy"] {
            #expect(!doc.blocks.contains { $0.text.contains(value) }, "\(value) leaked into prose")
        }
        // The title block points at the title inside its quotes on line 2.
        let title = doc.blocks[0]
        #expect(title.kind == .title)
        let r = title.sourceMap.utf8Range(forText: 0..<title.text.utf8.count)
        #expect(doc.source.excerpt(utf8: r) == "Seasonal allergies: what helps & what doesn't")
        #expect(doc.source.location(ofUTF8: r.lowerBound) == (2, 9))
    }

    @Test func directiveCommentFoundWithItsExactRange() {
        #expect(doc.directives.count == 1)
        let d = doc.directives[0]
        #expect(d.kind == .disable && d.rules == ["claims.unsupported"])
        #expect(doc.source.excerpt(utf8: d.range) == "<!-- claimlint-disable claims.unsupported -- quoted from a review -->")
    }

    @Test func everyTokenMapsToItsSourceBytes() throws {
        let checked = expectTokensMapExactly(doc)
        #expect(checked > 150)
        // A few spot checks by hand: line and scalar column in the file.
        func location(of word: String, in index: Int) throws -> (Int, Int) {
            let t = try #require(tokens(of: doc.blocks[index]).first(where: { $0.text == word }))
            return doc.source.location(ofUTF8: t.source.lowerBound)
        }
        #expect(try location(of: "warm", in: 2) == (17, 1))
        #expect(try location(of: "hours.[1]", in: 2) == (17, 50))
        #expect(try location(of: "high\u{2011}pollen", in: 18) == (41, 33))
        #expect(try location(of: "&", in: 18) == (41, 56))
        #expect(try location(of: "one", in: 17) == (38, 3))
        #expect(try location(of: "raw", in: 20) == (51, 14))
        #expect(try location(of: "*full*", in: 22) == (58, 23))
    }
}

extension String {
    func utf8Slice(_ r: Range<Int>) -> String { String(decoding: Array(utf8)[r], as: UTF8.self) }
}

@Test func escapesEntitiesAndBreaksMapToTheirSpelling() throws {
    let src = "Caf&eacute; \\*not bold\\* &amp; AT&T &#x1F600; &unknownname; x\\\ny  \r\nz\\q\n"
    let doc = try parseMarkdown(src)
    #expect(doc.blocks.map(\.text) == ["Café *not bold* & AT&T 😀 &unknownname; x y z\\q"])
    expectTokensMapExactly(doc)
    let b = doc.blocks[0]
    func source(of word: String) -> String {
        let t = tokens(of: b).first { $0.text == word }!
        return doc.source.excerpt(utf8: t.source)
    }
    #expect(source(of: "Café") == "Caf&eacute;")
    #expect(source(of: "*not") == "\\*not")
    #expect(source(of: "😀") == "&#x1F600;")
    #expect(source(of: "AT&T") == "AT&T")
    #expect(source(of: "z\\q") == "z\\q")
    // The hard breaks are spaces mapped to the backslash + LF and to the spaces + CRLF.
    let bytes = Array(b.text.utf8)
    let spaces = bytes.indices.filter { bytes[$0] == 0x20 }
    let breaks = spaces.suffix(2).map { doc.source.excerpt(utf8: b.sourceMap.utf8Range(forText: $0..<$0 + 1)) }
    #expect(breaks == ["\\\n", "  \r\n"])
}

@Test func cmarkInlinePositionBugsDoNotLeak() throws {
    // cmark reports the line after a backslash break, lazy continuation columns and text after
    // a leading link reference definition wrongly; positions here come from the source.
    let src = "line one\\\nline two\n\n> quoted start\nlazy line\n\n[ref]: https://example.org\nAfter the [ref] definition.\n"
    let doc = try parseMarkdown(src)
    #expect(doc.blocks.map(\.text) == ["line one line two", "quoted start lazy line", "After the ref definition."])
    expectTokensMapExactly(doc)
    let lazy = tokens(of: doc.blocks[1]).first { $0.text == "lazy" }!
    #expect(doc.source.location(ofUTF8: lazy.source.lowerBound) == (5, 1))
    let two = tokens(of: doc.blocks[0]).first { $0.text == "two" }!
    #expect(doc.source.location(ofUTF8: two.source.lowerBound) == (2, 6))
    #expect(doc.blocks[2].links.map(\.href) == ["https://example.org"])
}

@Test func codeIsSkippedAndLinkDestinationsAreNotText() throws {
    let src = """
    Use `the` word the [link (with parens)](https://x.org/a_(b) "a title") then ``a ` b`` end.

        indented code is skipped

    Tail *[emph link](u)* and <https://auto.example> and www.example.com done.
    """
    let doc = try parseMarkdown(src)
    #expect(doc.blocks.map(\.text) == ["Use word the link (with parens) then end.",
                                       "Tail emph link and https://auto.example and www.example.com done."])
    expectTokensMapExactly(doc)
    // "the" after the code span is the second "the" in the source, not the one inside backticks.
    let the = tokens(of: doc.blocks[0]).first { $0.text == "the" }!
    #expect(doc.source.location(ofUTF8: the.source.lowerBound) == (1, 16))
    let then = tokens(of: doc.blocks[0]).first { $0.text == "then" }!
    #expect(doc.source.location(ofUTF8: then.source.lowerBound) == (1, 72))
    #expect(doc.blocks[1].links.map(\.href) == ["u", "https://auto.example", "http://www.example.com"])
}

@Test func inlineAndBlockDirectivesInsideContainers() throws {
    let src = "> <!-- claimlint-disable-next-line boilerplate -->\n> Share this.\n\n- item <!-- claimlint-enable -->\n\n<!--\nclaimlint-disable claims\n-->\n"
    let doc = try parseMarkdown(src)
    #expect(doc.directives.map(\.kind) == [.disableNextLine, .enable, .disable])
    #expect(doc.directives.map(\.rules) == [["boilerplate"], [], ["claims"]])
    for d in doc.directives {
        let text = doc.source.excerpt(utf8: d.range)
        #expect(text.hasPrefix("<!--") && text.hasSuffix("-->"))
    }
    #expect(doc.blocks.map(\.text) == ["Share this.", "item"])
}

@Test func frontMatterEdgeCases() throws {
    // Invalid YAML: a warning naming the line; the body is still Markdown, the YAML is not prose.
    let bad = try parseMarkdown("---\ntitle: [unclosed\nauthor: x\n---\nBody text here.\n")
    #expect(bad.blocks.map(\.text) == ["Body text here."])
    #expect(bad.warnings.count == 1 && bad.warnings[0].contains("not valid YAML"))
    #expect(bad.metadata.title == nil)

    // Escaped title: the text is mapped over the whole quoted value; CRLF lines.
    let escaped = try parseMarkdown("---\r\ntitle: \"Caf\\u00e9 \\\"guide\\\"\"\r\nauthors: [A, B]\r\nreviewer: {name: C}\r\ndisclaimer: no\r\n---\r\n\r\nText.\r\n")
    #expect(escaped.blocks.map(\.text) == ["Café \"guide\"", "Text."])
    let t = escaped.blocks[0]
    #expect(escaped.source.excerpt(utf8: t.sourceMap.utf8Range(forText: 0..<t.text.utf8.count)) == "\"Caf\\u00e9 \\\"guide\\\"\"")
    #expect(escaped.metadata.authors == ["A", "B"] && escaped.metadata.reviewers == ["C"])
    #expect(escaped.metadata.disclaimerFlag == false)
    let text = tokens(of: escaped.blocks[1])[0]
    #expect(escaped.source.location(ofUTF8: text.source.lowerBound) == (8, 1))

    // No closing fence: `---` is a thematic break and the rest is prose.
    let open = try parseMarkdown("---\ntitle: x\n")
    #expect(open.blocks.map(\.text) == ["title: x"])

    // Aliases are refused (exponential expansion), with a warning.
    let alias = try parseMarkdown("---\na: &x [1, 2]\nb: *x\ntitle: T\n---\nOk.\n")
    #expect(alias.warnings.count == 1 && alias.metadata.title == nil)
    #expect(alias.blocks.map(\.text) == ["Ok."])

    // A string disclaimer is the disclaimer itself.
    let string = try parseMarkdown("---\ndisclaimer: Not medical advice.\n---\n")
    #expect(string.metadata.disclaimerFlag == true && string.metadata.extra["disclaimer"] == "Not medical advice.")
    #expect(string.blocks.isEmpty)

    // Without front matter the first H1 is the title.
    let plain = try parseMarkdown("Intro.\n\n# Main title\n")
    #expect(plain.metadata.title == "Main title")
}

@Test func hostileInputDoesNotCrash() throws {
    // Deep nesting is refused by the shared limit, with the line, not recursed into.
    let deep = String(repeating: ">", count: 50_000) + " deep\n"
    #expect(throws: IngestError.self) { try parseMarkdown(deep) }
    var roomy = IngestOptions()
    roomy.maxNestingDepth = 1_000_000
    let parsed = try parseMarkdown(deep, options: roomy)
    #expect(parsed.blocks.map(\.text) == ["deep"])
    let lists = String(repeating: "- ", count: 5_000) + "x\n"
    _ = try parseMarkdown(lists, options: roomy)
    // Inline nesting and unmatched delimiters.
    let inline = String(repeating: "*a ", count: 20_000) + String(repeating: "[", count: 20_000) + " text " + String(repeating: "](u)", count: 100)
    let doc = try parseMarkdown(inline)
    #expect(doc.blocks.count == 1)
    #expect(doc.warnings.isEmpty)
    #expect(doc.blocks[0].text.contains(" text"))
    // Deep YAML is refused before Yams recurses.
    let yaml = try parseMarkdown("---\nk: " + String(repeating: "[", count: 10_000) + "\n---\nBody.\n")
    #expect(yaml.warnings.count == 1 && yaml.blocks.map(\.text) == ["Body."])
}

@Test func tomlFrontMatterAndFencedParagraphs() throws {
    let toml = try parseMarkdown("+++\r\ntitle = \"Hugo \\\"page\\\"\"\r\nauthors = [\"A\", 'B']\r\ndate = 2026-01-02T10:00:00Z # published\r\ndraft = false\r\n[params]\r\nsubtitle = \"x\"\r\n+++\r\nBody.\r\n")
    #expect(toml.blocks.map(\.text) == ["Hugo \"page\"", "Body."])
    #expect(toml.metadata.authors == ["A", "B"] && toml.metadata.datePublished == "2026-01-02T10:00:00Z")
    #expect(toml.metadata.extra == ["draft": "false"])
    let t = toml.blocks[0]
    // An escaped title maps as a whole onto its quoted source.
    #expect(toml.source.excerpt(utf8: t.sourceMap.utf8Range(forText: 0..<t.text.utf8.count)) == "\"Hugo \\\"page\\\"\"")

    // `---` lines around a paragraph that YAML reads as a plain string: Markdown after all.
    let fenced = try parseMarkdown("---\nJust a paragraph between rules.\n---\n\nMore text.\n")
    #expect(fenced.blocks.map(\.text) == ["Just a paragraph between rules.", "More text."])
    #expect(fenced.warnings.isEmpty)

    // Empty front matter, a plain title with a comment, lone CR line ends.
    let empty = try parseMarkdown("---\n---\nText.\n")
    #expect(empty.blocks.map(\.text) == ["Text."])
    let comment = try parseMarkdown("---\rtitle: Plain title # draft\r---\rA\rB\r\rC\r")
    #expect(comment.blocks.map(\.text) == ["Plain title", "A B", "C"])
    #expect(comment.blocks[0].kind == .title)
    expectTokensMapExactly(comment)
}

@Test func inputsThatStallCmarkAreRefusedWithTheReason() throws {
    // cmark-gfm 0.29.0.gfm.6 is quadratic on these; a real article is far below the limits.
    let images = String(repeating: "![[]()", count: 600)
    #expect { try parseMarkdown("Intro.\n\n" + images + "\n") } throws: { ($0 as? IngestError)?.message.contains("more than 500 images ending at line 3") == true }
    let row = "|" + String(repeating: " a |", count: 1_200) + "\n"
    #expect { try parseMarkdown(row + row) } throws: { ($0 as? IngestError)?.message.contains("line 1") == true }
    // The same images split into paragraphs, and an ordinary wide table, are fine.
    let split = (0..<3).map { _ in String(repeating: "![a](b.png) ", count: 200) }.joined(separator: "\n\n")
    #expect(try parseMarkdown(split).blocks.count == 600)
    let wide = "|" + String(repeating: " h |", count: 60) + "\n|" + String(repeating: "---|", count: 60) + "\n"
    #expect(try parseMarkdown(wide).blocks.count == 60)
}

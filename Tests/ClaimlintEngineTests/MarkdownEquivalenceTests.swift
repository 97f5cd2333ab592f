import ClaimlintTestSupport
import ClaimlintCore
import ClaimlintEngine
import ClaimlintIngest
import Foundation
import Testing

/// One article written by hand as Markdown, plain text and HTML, with the rules it must draw
/// so the comparison can never pass on empty reports.
struct EquivalentArticle: Sendable, CustomStringConvertible {
    var name: String
    var requiredRules: Set<String>
    /// One finding checked by hand in the Markdown file: rule, line, column, excerpt.
    var spotCheck: (rule: String, line: Int, column: Int, excerpt: String)
    var description: String { name }

    static let directory = CLI.packageRoot.appendingPathComponent("Fixtures/markdown/equivalence")
    func path(_ format: InputFormat) -> String {
        let ext = switch format {
        case .markdown: "md"
        case .text: "txt"
        case .html: "html"
        }
        return Self.directory.appendingPathComponent("\(name).\(ext)").path
    }
}

private let equivalentArticles = [
    EquivalentArticle(name: "zinc-and-colds", requiredRules: [
        "boilerplate.ad-label", "boilerplate.read-more", "boilerplate.image-credit", "boilerplate.engagement",
        "claims.unsupported", "balance.no-sources", "sentence.subordinate-fragment",
    ], spotCheck: ("boilerplate.read-more", 12, 1, "Read more: [How zinc helps your skin")),
    // Lists, a footnote reference and its note, furniture inside a list.
    EquivalentArticle(name: "sunscreen-basics", requiredRules: [
        "boilerplate.engagement", "boilerplate.cookie-notice", "boilerplate.ad-label",
    ], spotCheck: ("boilerplate.engagement", 15, 3, "Share this article on Facebook")),
]

/// Formats whose front end has landed. HTML joins once `HTMLFrontEnd` replaces the text
/// stand-in; every checker registered in `BuiltinCheckers` takes part automatically.
private var comparedFormats: [InputFormat] {
    var formats: [InputFormat] = [.markdown, .text]
    if !(FrontEnds.frontEnd(for: .html) is TextFrontEnd) { formats.append(.html) }
    return formats
}

private func report(_ linter: Linter, _ path: String, _ format: InputFormat) throws -> FileReport {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    return try linter.lint(bytes: bytes, path: path, format: format).get().report
}

/// What must agree across formats: the rule, its category and the text it flags.
private func keys(_ r: FileReport) -> [String] {
    r.findings.map { "\($0.rule) [\($0.category)] \($0.fingerprintText)" }.sorted()
}

@Test(arguments: equivalentArticles)
func sameArticleDrawsTheSameFindingsInEveryFormat(_ article: EquivalentArticle) throws {
    let linter = try Linter()
    let markdown = try report(linter, article.path(.markdown), .markdown)
    let expected = keys(markdown)
    // Required rules whose checker is registered must fire (so the comparison is never empty).
    let required = article.requiredRules.filter { linter.rules.rule($0) != nil }
    #expect(required.isSubset(of: Set(markdown.findings.map(\.rule))), "\(expected)")
    // The front ends agree on the text itself, whatever checkers exist.
    let texts = markdown.document?.blocks.filter { $0.kind != .title }.map(\.text) ?? []
    #expect(texts.count > 5)
    for format in comparedFormats where format != .markdown {
        let r = try report(linter, article.path(format), format)
        #expect(keys(r) == expected, "\(format) differs from Markdown:\n\(keys(r))\nvs\n\(expected)")
        let otherTexts = r.document?.blocks.filter { $0.kind != .title }.map(\.text) ?? []
        #expect(otherTexts == texts, "\(format) text differs from Markdown")
    }
}

/// The Markdown spelling of a flagged slice read as text: link destinations, brackets,
/// emphasis delimiters and backslash escapes removed, the entities these tests write decoded.
private func markdownText(_ slice: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    var i = slice.startIndex
    while i < slice.endIndex {
        let b = slice[i]
        if b == UInt8(ascii: "]"), i + 1 < slice.endIndex, slice[i + 1] == UInt8(ascii: "(") {
            i = (slice[i...].firstIndex(of: UInt8(ascii: ")")) ?? slice.endIndex - 1) + 1
            continue
        }
        if b == UInt8(ascii: "\\"), i + 1 < slice.endIndex, slice[i + 1] < 0x80, !(slice[i + 1] == 0x20) {
            out.append(slice[i + 1]); i += 2; continue
        }
        if let (entity, decoded) = [("&amp;", "&"), ("&shy;", "\u{AD}")].first(where: { slice[i...].starts(with: Array($0.0.utf8)) }) {
            out += Array(decoded.utf8); i += entity.utf8.count; continue
        }
        if [UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~")].contains(b) { i += 1; continue }
        out.append(b)
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}

@Test(arguments: equivalentArticles)
func markdownFindingsSliceToTheFlaggedText(_ article: EquivalentArticle) throws {
    let linter = try Linter()
    let path = article.path(.markdown)
    let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let r = try report(linter, path, .markdown)
    #expect(!r.findings.isEmpty)
    for f in r.findings {
        let end = f.span.offset + f.span.length
        guard end <= original.count else { Issue.record("\(f.rule) past the end"); continue }
        let slice = original[f.span.offset..<end]
        #expect(String(decoding: slice, as: UTF8.self) == f.excerpt)
        // An independent line and scalar-column count over the original bytes.
        var line = 1, column = 1
        for b in original[..<f.span.offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        #expect((f.span.line, f.span.column) == (line, column), "\(f.rule) at \(f.span.line):\(f.span.column), counted \(line):\(column)")
        if f.fingerprintText != "(document)" {
            #expect(Linter.normalize(markdownText(slice)) == f.fingerprintText, "\(f.rule): \(f.excerpt.debugDescription)")
        }
    }
    // Checked by hand (a link's range ends with its text, before `](url)`).
    let spot = article.spotCheck
    let f = try #require(r.findings.first { $0.rule == spot.rule })
    #expect(f.span.line == spot.line && f.span.column == spot.column)
    #expect(f.excerpt == spot.excerpt)
}

@Test func stdinMarkdownSkipsCodeAndDirectoriesPickUpMarkdownFiles() throws {
    // An empty working directory, so nothing but stdin can be linted.
    let empty = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: empty) }
    let input = "# Tips\n\nRead more: [zinc](https://example.org)\n\n```\nRead more: this is code\n```\n"
    let rule = "\"rule\": \"boilerplate.read-more\""
    let md = try CLI.run(["lint", "-", "--stdin-format", "markdown", "--format", "json", "--fail-on", "never"], cwd: empty, stdin: input)
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout.components(separatedBy: rule).count - 1 == 1, "\(md.stdout)")
    #expect(md.stdout.contains("\"line\": 3"))
    // Read as text, the fenced line counts too: the format really switched the front end.
    let text = try CLI.run(["lint", "-", "--stdin-format", "text", "--format", "json", "--fail-on", "never"], cwd: empty, stdin: input)
    #expect(text.stdout.components(separatedBy: rule).count - 1 == 2, "\(text.stdout)")

    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["a.md", "b.markdown", "c.txt"] {
        try "Intro.\n\nShare this article on Facebook\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try "notes".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    let scan = try CLI.run(["lint", ".", "--format", "json", "--fail-on", "never"], cwd: dir)
    #expect(scan.status == 0, "\(scan.stderr)")
    for name in ["a.md", "b.markdown", "c.txt"] { #expect(scan.stdout.contains(name), "\(name) not linted") }
    #expect(!scan.stdout.contains("d.csv"))
}

/// Front-matter fields reach the document-level checks: each row's rule fires on the article
/// body alone and is satisfied by one front-matter line. Rows whose rule is not registered
/// (its checker not merged yet) are skipped.
@Test func frontMatterFieldsFeedDocumentLevelChecks() throws {
    let rows: [(rule: String, line: String)] = [
        ("balance.no-author", "author: Priya Nair"),
        ("balance.no-date", "date: 2026-03-02"),
        ("disclaimer.missing", "disclaimer: true"),
    ]
    let linter = try Linter()
    let article = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Fixtures/markdown/seasonal-allergies.md").path, encoding: .utf8)
    // The body: everything after the closing `---`.
    let body = article.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
    let bare = Set(try linter.lint(text: body, format: .markdown, path: "a.md").findings.map(\.rule))
    for row in rows where linter.rules.rule(row.rule) != nil {
        #expect(bare.contains(row.rule), "\(row.rule) should fire without front matter")
        let withField = "---\ntitle: Seasonal allergies\n\(row.line)\n---\n" + body
        let rules = Set(try linter.lint(text: withField, format: .markdown, path: "a.md").findings.map(\.rule))
        #expect(!rules.contains(row.rule), "'\(row.line)' should satisfy \(row.rule)")
    }
    // The full front matter satisfies them all at once.
    let full = Set(try linter.lint(text: article, format: .markdown, path: "a.md").findings.map(\.rule))
    #expect(full.isDisjoint(with: rows.map(\.rule)))
}

/// The lead's random-document check for text, in Markdown: every finding's offset and length
/// slice the original to its excerpt, at an independently counted line and column, and the
/// slice read as Markdown is the flagged text.
@Test func markdownFindingPositionsAreExactOnRandomDocuments() throws {
    let linter = try Linter()
    var rng = SplitMix64(state: 7)
    let words = ["café", "日本語", "naïve", "*skin*", "👩‍⚕️", "**water**", "crème", "sle&shy;ep", "Ω", "[zinc](https://example.org/z)", "AT&amp;T", "\\*note"]
    let furniture = ["Read more: [the zinc guide](https://example.org/zinc)", "Share this article on *Facebook*", "Photo: Shutterstock",
                     "Advertisement", "**Subscribe** to our newsletter for weekly tips.", "Accept all cookies"]
    var checked = 0
    for _ in 0..<200 {
        let eol = Bool.random(using: &rng) ? "\r\n" : "\n"
        var text = Bool.random(using: &rng) ? "---" + eol + "title: Random page" + eol + "---" + eol : ""
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let prefix = ["", "", "- ", "1. ", "> ", "## "].randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) == 0 {
                text += prefix + furniture.randomElement(using: &rng)!
            } else {
                let n = Int.random(in: 3...14, using: &rng)
                let separator = prefix == "## " ? " " : (Bool.random(using: &rng) ? " " : eol + String(repeating: " ", count: prefix == "> " ? 0 : prefix.count))
                text += prefix + (0..<n).map { _ in words.randomElement(using: &rng)! }.joined(separator: separator) + "."
            }
            text += eol + eol
        }
        let report = try linter.lint(text: text, format: .markdown, path: "random.md")
        let bytes = Array(text.utf8)
        expectFindingsAreExact(report, original: bytes)
        for f in report.findings where f.fingerprintText != "(document)" {
            let slice = bytes[f.span.offset..<(f.span.offset + f.span.length)]
            #expect(Linter.normalize(markdownText(slice)) == f.fingerprintText, "\(f.rule): \(f.excerpt.debugDescription)")
            checked += 1
        }
    }
    #expect(checked > 50)
}

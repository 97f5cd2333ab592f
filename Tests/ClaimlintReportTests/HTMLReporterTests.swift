import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation
import Testing

/// A hostile article: markup smuggled in as entity-encoded text (it decodes to "<script>" in
/// the block text), attribute break-outs, a hostile file name, and a rule pack whose message
/// carries markup. If anything reached the page unescaped, the payload would change the
/// title, add a <pwned> element, or add script/img/svg elements.
enum HostileArticle {
    static let payload = "document.title='pwned';document.body.appendChild(document.createElement('pwned'))"
    static let html = """
    <!DOCTYPE html><html><head><title>Skin &lt;/title&gt;&lt;script&gt;\(payload)&lt;/script&gt;</title></head><body><article>
    <h1>Night creams &lt;script&gt;\(payload)&lt;/script&gt;</h1>
    <p>This cream cures rosacea &lt;script&gt;\(payload)&lt;/script&gt; in a week.</p>
    <p>&quot;&gt;&lt;img src=x onerror=&quot;\(payload)&quot;&gt; The balm cures rosacea for good.</p>
    <p>'&gt;&lt;svg onload=\(payload)&gt; Read more: &lt;a href=javascript:alert(1)&gt;cures rosacea&lt;/a&gt;</p>
    <!-- A real script in the article is skipped by the front end, but must not survive either. -->
    <script>\(payload)</script>
    </article></body></html>
    """
    static let pack = """
    rules:
      - id: house.cure
        category: "claim\\"><img src=x onerror=alert(1)>"
        severity: warning
        summary: "Cure <b>claims</b>"
        message: "Unsupported: '{phrase}' <img src=x onerror=\\"\(payload)\\">"
        what: Flags cures.
        why: "Because <script>\(payload)</script>"
        use_instead: "<script>\(payload)</script>"
        references:
          - title: "<img src=x onerror=alert(1)>"
            url: "javascript:alert(1)"
        phrases: [cures rosacea, in a week]
        triggering: ["It cures rosacea."]
        non_triggering: ["It may calm redness."]
    """

    static func report() throws -> (html: String, dir: URL) {
        let dir = try Tooling.tempDir()
        try pack.write(to: dir.appendingPathComponent("house.yml"), atomically: true, encoding: .utf8)
        var config = Configuration(baseDirectory: dir.path)
        config.packs = ["house.yml"]
        let linter = try Linter(configuration: config)
        let name = "\"><svg onload=alert(1)>.html"
        let file = try linter.lint(bytes: Array(html.utf8), path: name, format: .html).get()
        let text = try linter.lint(bytes: Array("A tonic that cures rosacea <script>\(payload)</script>\n".utf8), path: "notes.txt", format: .text).get()
        let run = RunReport(files: [file.report, text.report], errors: [LintError(path: "<img src=x onerror=alert(1)>.html", message: "<script>\(payload)</script>")])
        let out = try HTMLReporter().render(run, context: ReportContext(rules: linter.rules, toolVersion: "<b>1</b>", workingDirectory: dir.path))
        return (out, dir)
    }
}

private func occurrences(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

@Test func htmlReportEscapesEverythingFromTheArticle() throws {
    let (html, dir) = try HostileArticle.report()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The findings are there (the payload did not stop the lint)...
    #expect(occurrences("class=\"note ", in: html) >= 4)
    // ...and the only live markup is the report's own: one script, no img, svg or javascript: link.
    #expect(occurrences("<script", in: html.lowercased()) == 1)
    #expect(!html.lowercased().contains("<img") && !html.lowercased().contains("<svg"))
    #expect(!html.contains("href=\"javascript:"))
    #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;"))
    // Self-contained: no external resources.
    #expect(!html.contains("src=\"http") && !html.contains("<link"))
    #expect(html.contains("Content-Security-Policy"))
}

@Test func htmlReportFromSourceTextOnlyIsEscapedToo() throws {
    // Hand-made run: files with source text but no document, hostile messages and paths.
    let html = try HTMLReporter().render(Fixture.run, context: Fixture.context)
    #expect(occurrences("<script", in: html.lowercased()) == 1)
    #expect(html.contains("100% cure: &quot;guaranteed&quot;, &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
    #expect(html.contains("Café <mark class=\"c0 sev-warning\" data-f=\"f-0-1\""))
    #expect(html.contains("content/&lt;bad&gt;.html"))
}

@Test func htmlReportShowsArticleTextHighlightsScorecardAndFilters() throws {
    let linter = try Fixture.boilerplateLinter()
    let article = "<html><body><article><h1>Zinc</h1><p>Zinc helps wounds heal.</p><p>Read more: our zinc guide</p><p>Advertisement</p></article></body></html>"
    let file = try linter.lint(bytes: Array(article.utf8), path: "zinc.html", format: .html).get().report
    let clean = try linter.lint(bytes: Array("Sleep helps recovery.\n".utf8), path: "sleep.txt", format: .text).get().report
    let html = try HTMLReporter().render(RunReport(files: [file, clean], errors: []), context: ReportContext(rules: linter.rules, toolVersion: "1", workingDirectory: "/"))
    #expect(html.contains("<p class=\"blk k-h1\">Zinc</p>"))
    #expect(html.contains("Zinc helps wounds heal."))
    // The promo is highlighted, numbered and linked to its note.
    #expect(html.contains("data-f=\"f-0-1\"") && html.contains("id=\"f-0-1\""))
    #expect(html.contains(">Read more: our zinc guide<a class=\"ref\" href=\"#f-0-1\">1</a></mark>"))
    #expect(html.contains("page furniture"))
    #expect(html.contains("data-hide=\"hide-warning\"") && html.contains("data-hide=\"hide-c0\""))
    #expect(html.contains("No findings."))
    #expect(file.findings.count == 2)
}

/// Renders the hostile report in headless Chromium and reads the DOM after scripts ran.
@Test(.enabled(if: Tooling.chromium != nil, "chromium is not installed (apt-get install -y chromium): skipping the browser check of the HTML report"))
func hostileHTMLReportRunsNoInjectedScriptInChromium() throws {
    let (html, dir) = try HostileArticle.report()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Twice: as shipped, and with the Content-Security-Policy removed, so escaping alone is
    // shown to hold (the CSP is only a second fence).
    let withoutCSP = html.split(separator: "\n").filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
    #expect(withoutCSP != html)
    for (name, page) in [("report.html", html), ("no-csp.html", withoutCSP)] {
        let file = dir.appendingPathComponent(name)
        try page.write(to: file, atomically: true, encoding: .utf8)
        let r = try Tooling.run(Tooling.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000",
                                                    "--user-data-dir=" + dir.appendingPathComponent("profile-\(name)").path, "--dump-dom", file.absoluteString])
        let dom = r.out
        try #require(dom.contains("</html>"), "chromium produced no DOM (\(r.status)): \(r.err.suffix(500))")
        // Our own script ran (so scripts were not simply all blocked)...
        #expect(dom.contains("data-ready=\"1\""), "\(name): the report's own script did not run")
        // ...and nothing injected did.
        #expect(dom.contains("<title>claimlint review report</title>"), "\(name): title changed")
        #expect(!dom.contains("pwned</title>") && !dom.contains("<pwned"), "\(name): injected script ran")
        #expect(occurrences("<script", in: dom) == 1, "\(name): extra script elements")
        #expect(!dom.contains("<img") && !dom.contains("<svg"), "\(name): injected elements")
    }
}

/// Unticking a category hides its notes and un-highlights its marks; the others stay.
@Test(.enabled(if: Tooling.chromium != nil, "chromium is not installed (apt-get install -y chromium): skipping the browser check of the HTML filters"))
func htmlReportFiltersWorkInChromium() throws {
    let linter = try Fixture.boilerplateLinter()
    let article = "<html><body><article><h1>Zinc</h1><p>Read more: our zinc guide</p><p>Advertisement</p><p>Photo: Shutterstock</p></article></body></html>"
    let file = try linter.lint(bytes: Array(article.utf8), path: "zinc.html", format: .html).get().report
    var html = try HTMLReporter().render(RunReport(files: [file], errors: []), context: ReportContext(rules: linter.rules, toolVersion: "1", workingDirectory: "/"))
    let nonce = try #require(html.range(of: "script-src 'nonce-").map { html[$0.upperBound...].prefix { $0 != "'" } })
    // Simulate the editor: untick "warning" after the report's script has wired the boxes.
    html = html.replacingOccurrences(of: "</body>", with: "<script nonce=\"\(nonce)\">document.querySelector('input[data-hide=hide-warning]').click();</script></body>")
    let dir = try Tooling.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("filters.html")
    try html.write(to: url, atomically: true, encoding: .utf8)
    let r = try Tooling.run(Tooling.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000",
                                                "--user-data-dir=" + dir.appendingPathComponent("profile").path, "--dump-dom", url.absoluteString])
    let dom = r.out
    try #require(dom.contains("</html>"), "chromium produced no DOM: \(r.err.suffix(500))")
    let warnings = file.findings.filter { $0.severity == .warning }.count
    let infos = file.findings.filter { $0.severity == .info }.count
    #expect(warnings >= 2 && infos >= 1)
    #expect(occurrences("hidden-by-filter\" id=", in: dom) == warnings, "warning notes not hidden")
    #expect(occurrences("sev-warning dimmed", in: dom) == warnings, "warning marks still highlighted")
    #expect(!dom.contains("sev-info dimmed"))
}

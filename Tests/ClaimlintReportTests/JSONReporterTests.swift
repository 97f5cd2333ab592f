import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation
import Testing

@Test func jsonFollowsTheContractShape() throws {
    let linter = try Linter()
    var report = RunReport(files: [try linter.lint(text: "Read more: \"quoted\" \\ tab\tend\n\nAdvertisement\n", format: .text, path: "a.txt")],
                           errors: [LintError(path: "missing.html", message: "no such file")])
    report.warnings = []
    let context = ReportContext(rules: linter.rules, toolVersion: "9.9.9", workingDirectory: "/")
    let json = try JSONReporter().render(report, context: context)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(Array(object.keys).sorted() == ["errors", "files", "summary", "tool"])
    let tool = try #require(object["tool"] as? [String: Any])
    #expect(tool["name"] as? String == "claimlint" && tool["version"] as? String == "9.9.9")
    let files = try #require(object["files"] as? [[String: Any]])
    let findings = try #require(files.first?["findings"] as? [[String: Any]])
    #expect(findings.count == 2)
    for key in ["rule", "category", "severity", "message", "line", "column", "endLine", "endColumn", "offset", "length", "excerpt"] {
        #expect(findings[0][key] != nil, "missing \(key)")
    }
    #expect(findings[0]["excerpt"] as? String == "Read more: \"quoted\" \\ tab\tend")
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary == ["files": 1, "findings": 2, "error": 0, "warning": 1, "info": 1])
    let errors = try #require(object["errors"] as? [[String: String]])
    #expect(errors == [["path": "missing.html", "message": "no such file"]])
    // Key order is the contract's, so diffs of reports stay readable.
    #expect(json.range(of: "\"tool\"")!.lowerBound < json.range(of: "\"files\"")!.lowerBound)
}

@Test func textReportUnderlinesTheSpanAndSummarises() throws {
    let linter = try Linter()
    let report = RunReport(files: [try linter.lint(text: "Intro line.\n\nRead more: the zinc guide\n", format: .text, path: "a.txt")], errors: [])
    let text = try TextReporter().render(report, context: ReportContext(rules: linter.rules, toolVersion: "0", workingDirectory: "/"))
    #expect(text.contains("a.txt:3:1: warning"))
    #expect(text.contains("  3 | Read more: the zinc guide\n    | ^^^^^^^^^^^^^^^^^^^^^^^^^\n"))
    #expect(text.contains("1 finding (0 error, 1 warning, 0 info) in 1 file"))
    #expect(!text.contains("\u{1B}["))
}

@Test func jsonEscapingCoversQuotesControlBytesAndLineSeparators() throws {
    #expect(JSONWriter.escape("plain — text · Zürich") == "\"plain — text · Zürich\"")
    #expect(JSONWriter.escape("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(JSONWriter.escape("l1\nl2\r\tx\u{1}\u{1F}") == "\"l1\\nl2\\r\\tx\\u0001\\u001f\"")
    #expect(JSONWriter.escape("a\u{2028}b\u{2029}c — d") == "\"a\\u2028b\\u2029c — d\"")
    // Every escaped string parses back to itself.
    for s in ["\u{0}\u{7F}\u{2027}\u{202A}", "é\"\\\u{2028}", String(repeating: "x\n", count: 50)] {
        let parsed = try JSONSerialization.jsonObject(with: Data(JSONWriter.escape(s).utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == s)
    }
}

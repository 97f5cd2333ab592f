import ClaimlintCore
import ClaimlintEngine
import Foundation
import Testing

/// The sample articles `make run` lints, each with its expected findings in `NAME.expected`
/// (one `RULE LINE:COLUMN` per line). Regenerate after a deliberate change with
/// `UPDATE_EXPECTED=1 swift test --filter SampleFixture` and review the diff.
enum Samples {
    static let directory = CLI.packageRoot.appendingPathComponent("Fixtures/samples")
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { InputFormat(pathExtension: ($0 as NSString).pathExtension) != nil }
            .sorted()
    }
}

@Test(arguments: Samples.files)
func sampleFixtureMatchesExpectedFindings(_ name: String) throws {
    let url = Samples.directory.appendingPathComponent(name)
    let bytes = Array(try Data(contentsOf: url))
    let format = InputFormat(pathExtension: url.pathExtension)!
    let linter = try Linter()
    let result = linter.lint(bytes: bytes, path: name, format: format)
    let report = try result.get().report
    expectFindingsAreExact(report, original: bytes)
    let actual = report.findings.map { "\($0.rule) \($0.span.line):\($0.span.column)" }.joined(separator: "\n") + "\n"
    let expectedURL = Samples.directory.appendingPathComponent(name + ".expected")
    if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] == "1" {
        try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(actual == expected, "findings of \(name) changed; review and regenerate with UPDATE_EXPECTED=1")
}

/// Navigation, scripts, a sidebar, comments and a footer full of claim-like text: every
/// finding must come from the article element.
@Test func pageChromeProducesNoFindings() throws {
    let url = Samples.directory.appendingPathComponent("stem-cell-clinic.html")
    let text = try String(contentsOf: url, encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let articleStart = try #require(lines.firstIndex { $0.contains("<article>") }) + 1
    let articleEnd = try #require(lines.firstIndex { $0.contains("</article>") }) + 1
    let report = try Linter().lint(text: text, format: .html, path: "stem-cell-clinic.html")
    #expect(!report.findings.isEmpty)
    for f in report.findings where f.span.length > 0 {
        #expect((articleStart...articleEnd).contains(f.span.line), "\(f.rule) at line \(f.span.line) is outside the article")
    }
    // With scope: page the chrome is linted too.
    var config = Configuration()
    config.scope = .page
    let page = try Linter(configuration: config).lint(text: text, format: .html, path: "stem-cell-clinic.html")
    #expect(page.findings.contains { !(articleStart...articleEnd).contains($0.span.line) })
}

import ClaimlintCore
import ClaimlintEngine
import Foundation
import Testing

private func finding(_ rule: String, _ text: String, line: Int) -> Finding {
    Finding(rule: rule, category: .claim, severity: .warning, message: "m", span: SourceSpan(offset: line * 10, length: text.utf8.count, line: line, column: 1, endLine: line, endColumn: 9),
            excerpt: text, fingerprintText: Linter.normalize(text))
}

@Test func baselineKeysOnTextNotLinesAndCountsDuplicates() throws {
    let today = RunReport(files: [FileReport(path: "/repo/a.txt", format: .text, findings: [
        finding("house.cure", "cures acne", line: 3), finding("house.cure", "cures acne", line: 9), finding("house.cure", "melts belly fat", line: 12),
    ])], errors: [])
    let baseline = Baseline(recording: today, workingDirectory: "/repo")
    #expect(baseline.entryCount == 3)

    // Lines shifted, text reflowed (case and whitespace), and a third "cures acne": only that is new.
    let tomorrow = RunReport(files: [FileReport(path: "a.txt", format: .text, findings: [
        finding("house.cure", "Cures\n  acne", line: 5), finding("house.cure", "cures acne", line: 11), finding("house.cure", "cures acne", line: 20),
        finding("house.cure", "melts belly fat", line: 14), finding("house.cure", "reverses ageing", line: 30),
    ])], errors: [])
    let (filtered, hidden) = baseline.filter(tomorrow, workingDirectory: "/repo")
    #expect(hidden == 3)
    #expect(filtered.files[0].findings.map(\.span.line) == [20, 30])

    // Another file with the same text is not covered.
    let other = RunReport(files: [FileReport(path: "b.txt", format: .text, findings: [finding("house.cure", "cures acne", line: 1)])], errors: [])
    #expect(baseline.filter(other, workingDirectory: "/repo").hidden == 0)
}

@Test func baselineFileIsSortedStableJSONAndRoundTrips() throws {
    let report = RunReport(files: [
        FileReport(path: "z.txt", format: .text, findings: [finding("b.rule", "x", line: 1)]),
        FileReport(path: "a.txt", format: .text, findings: [finding("b.rule", "y \"quoted\"", line: 1), finding("a.rule", "y", line: 2), finding("a.rule", "y", line: 3)]),
    ], errors: [])
    let baseline = Baseline(recording: report, workingDirectory: "/repo")
    let text = baseline.encoded()
    #expect(text == """
    {
      "version": 1,
      "entries": [
        {
          "path": "a.txt",
          "rule": "a.rule",
          "text": "y",
          "count": 2
        },
        {
          "path": "a.txt",
          "rule": "b.rule",
          "text": "y \\"quoted\\"",
          "count": 1
        },
        {
          "path": "z.txt",
          "rule": "b.rule",
          "text": "x",
          "count": 1
        }
      ]
    }

    """)
    let decoded = try Baseline.decode(Data(text.utf8), file: "b.json")
    #expect(decoded == baseline)
    #expect(decoded.encoded() == text)
    #expect(throws: BaselineError.self) { try Baseline.decode(Data("{\"entries\": 3}".utf8), file: "bad.json") }
    #expect(throws: BaselineError.self) { try Baseline.decode(Data("{\"version\": 9, \"entries\": []}".utf8), file: "new.json") }
}

@Test func baselineEndToEndReportsOnlyTheNewClaimAfterAnEdit() throws {
    let article = """
    Skin care in winter

    Cold air dries the skin, so a thicker moisturiser helps many people. This balm cures eczema, the label says.

    Wash with lukewarm water and pat the skin dry.

    """
    let dir = try SurfaceProject.make(files: ["content/winter.txt": article])
    defer { try? FileManager.default.removeItem(at: dir) }
    let write = try CLI.run(["lint", "content", "--format", "json", "--write-baseline", "baseline.json"], cwd: dir)
    #expect(write.status == 0, "\(write.stderr)")
    #expect(try SurfaceProject.findings(write.stdout).count == 1)
    let saved = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
    #expect(saved.contains("\"path\": \"content/winter.txt\"") && saved.contains("\"text\": \"cures eczema\""))

    // Unchanged: nothing to report.
    let same = try CLI.run(["lint", "content", "--format", "json", "--baseline", "baseline.json"], cwd: dir)
    #expect(try SurfaceProject.findings(same.stdout).isEmpty)

    // Edited: a paragraph inserted above (every line shifts) and one new claim added.
    let edited = """
    Skin care in winter

    Central heating lowers indoor humidity, which many readers notice first on their hands.

    Cold air dries the skin, so a thicker moisturiser helps many people. This balm cures eczema, the label says.

    Wash with lukewarm water and pat the skin dry. A night cream that reverses ageing is not needed.

    """
    try edited.write(to: dir.appendingPathComponent("content/winter.txt"), atomically: true, encoding: .utf8)
    let after = try CLI.run(["lint", "content", "--format", "json", "--baseline", "baseline.json", "--fail-on", "warning"], cwd: dir)
    let findings = try SurfaceProject.findings(after.stdout)
    #expect(findings.count == 1)
    #expect(findings.first?["excerpt"] as? String == "reverses ageing")
    #expect(after.status == 1)
    // Without the baseline both claims are there, at their new lines.
    let all = try SurfaceProject.findings(try CLI.run(["lint", "content", "--format", "json"], cwd: dir).stdout)
    #expect(all.map { $0["line"] as? Int } == [5, 7])

    let missing = try CLI.run(["lint", "content", "--baseline", "nope.json"], cwd: dir)
    #expect(missing.status == 2 && missing.stderr.contains("nope.json"))
}

import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation
import Testing

private func finding(_ rule: String, line: Int) -> Finding {
    Finding(rule: rule, category: .claim, severity: .warning, message: "m \(line)",
            span: SourceSpan(offset: line, length: 3, line: line, column: 1, endLine: line, endColumn: 4),
            excerpt: "abc", fingerprintText: "abc")
}

private func render(_ reporter: any Reporter, _ files: [FileReport], errors: [LintError] = [], rules: RuleSet = RuleSet()) throws -> Data {
    Data(try reporter.render(RunReport(files: files, errors: errors), context: ReportContext(rules: rules, toolVersion: "1", workingDirectory: "/w")).utf8)
}

@Test func jsonMergeOrdersFilesAsADirectoryWalkAndKeepsOneCopyOfSharedErrors() throws {
    let missing = LintError(path: "gone.html", message: "no such file or directory")
    // A walk lists "a/b.txt" before "a.txt" (the folder "a" sorts before "a.txt").
    let one = try render(JSONReporter(), [FileReport(path: "a.txt", format: .text, findings: [finding("x.r", line: 2)])], errors: [missing])
    let two = try render(JSONReporter(), [FileReport(path: "a/b.txt", format: .text, findings: [finding("x.r", line: 1)])], errors: [missing])
    let merged = try ReportMerger.merge([("one.json", one), ("two.json", two)])
    #expect(merged.format == .json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(merged.output.utf8)) as? [String: Any])
    #expect((object["files"] as? [[String: Any]])?.map { $0["path"] as? String } == ["a/b.txt", "a.txt"])
    #expect((object["errors"] as? [Any])?.count == 1)
    #expect((object["summary"] as? [String: Int])?["findings"] == 2)
    // The same file in two reports means the shards overlapped: refuse rather than double count.
    #expect(throws: MergeError.self) { try ReportMerger.merge([("one.json", one), ("again.json", one)]) }
    #expect(throws: MergeError.self) { try ReportMerger.merge([("x.json", Data("[1]".utf8))]) }
    #expect(throws: MergeError.self) { try ReportMerger.merge([]) }
}

@Test func sarifMergeReindexesRulesByID() throws {
    // Each shard met a different rule no pack describes, so their rule lists differ.
    let one = try render(SARIFReporter(), [FileReport(path: "b.txt", format: .text, findings: [finding("only.one", line: 1)])])
    let two = try render(SARIFReporter(), [FileReport(path: "a.txt", format: .text, findings: [finding("only.two", line: 1), finding("only.one", line: 2)])])
    let merged = try ReportMerger.merge([("one.sarif", one), ("two.sarif", two)])
    #expect(merged.format == .sarif)
    let run = try #require(((try JSONSerialization.jsonObject(with: Data(merged.output.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
    let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(ids == ["only.one", "only.two"])
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 3)
    for r in results {
        let id = try #require(r["ruleId"] as? String)
        #expect(r["ruleIndex"] as? Int == ids.firstIndex(of: id))
    }
    // a.txt's results come first, as a single run would list them.
    let uris = results.map { (((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String) }
    #expect(uris == ["a.txt", "a.txt", "b.txt"])
}

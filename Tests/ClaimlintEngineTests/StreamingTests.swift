@testable import ClaimlintCore
@testable import ClaimlintEngine
import ClaimlintReport
import Foundation
import Testing

/// A streamed run writes each file as it is delivered; these pin the order, the window and
/// that the streamed report is the same document a whole-run render gives.

@Test func deliveryKeepsInputOrderWhateverOrderFilesFinishIn() async throws {
    let dir = try Scratch.dir("stream-order")
    defer { try? FileManager.default.removeItem(at: dir) }
    // Big and small files alternate, so later small files finish before earlier big ones.
    var inputs: [FileDiscovery.Input] = []
    for i in 0..<40 {
        let body = i % 3 == 0 ? String(repeating: "Sleep helps the body recover after exercise. ", count: 3_000) : "Read more: our zinc guide\n"
        let name = String(format: "f%02d.txt", i)
        try Scratch.write(body, name, in: dir)
        inputs.append(FileDiscovery.Input(path: dir.appendingPathComponent(name).path, relativePath: name, format: .text))
    }
    let linter = try Linter()
    var delivered: [String] = []
    await linter.lint(inputs: inputs, window: 4) { result in
        if case .success(let ok) = result { delivered.append(ok.report.path) }
    }
    #expect(delivered == inputs.map(\.path))
}

@Test func streamedCLIReportEqualsTheSameRunCollected() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for i in 0..<12 {
        try "Read more: our zinc guide\n\nTurmeric cures arthritis.\n".write(to: dir.appendingPathComponent("a\(i).txt"), atomically: true, encoding: .utf8)
    }
    try "no\u{0}pe".write(to: dir.appendingPathComponent("binary.txt"), atomically: true, encoding: .utf8)
    for format in ["json", "sarif", "checkstyle", "rdjsonl", "github", "text"] {
        let streamed = try CLI.run(["lint", ".", "--format", format, "--fail-on", "never"], cwd: dir)
        #expect(streamed.status == 2, "an unreadable file is exit 2 (\(format))")
        // The HTML report is rendered whole; JSON from `merge` re-renders a collected run.
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [String: Any]
            let files = try #require(object?["files"] as? [[String: Any]])
            #expect(files.count == 12)
            #expect(files.map { $0["path"] as? String } == files.map { $0["path"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") })
            let summary = try #require(object?["summary"] as? [String: Any])
            #expect(summary["files"] as? Int == 12)
            #expect((object?["errors"] as? [[String: Any]])?.count == 1)
        }
        if format == "sarif" {
            let object = try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [String: Any]
            let run = try #require((object?["runs"] as? [[String: Any]])?.first)
            #expect((run["results"] as? [[String: Any]])?.isEmpty == false)
            #expect((run["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == false)
        }
        // --output writes the same bytes as stdout, and no temporary file is left behind.
        let out = dir.appendingPathComponent("report.out").path
        let written = try CLI.run(["lint", ".", "--format", format, "--fail-on", "never", "--output", out, "--no-color"], cwd: dir)
        #expect(written.status == 2)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text == streamed.stdout, "\(format)")
        try FileManager.default.removeItem(atPath: out)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}

@Test func quietCleanRunPrintsNothingAndADirtyOneStillPrintsEverything() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Sleep helps the body recover after exercise.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let clean = try CLI.run(["lint", "a.txt", "--format", "json", "--quiet"], cwd: dir)
    #expect(clean.status == 0)
    #expect(clean.stdout.isEmpty)
    try "Read more: our zinc guide\n".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    let dirty = try CLI.run(["lint", "a.txt", "b.txt", "--format", "json", "--quiet"], cwd: dir)
    let object = try JSONSerialization.jsonObject(with: Data(dirty.stdout.utf8)) as? [String: Any]
    #expect((object?["files"] as? [[String: Any]])?.count == 2, "files held back before the first finding are written too")
}

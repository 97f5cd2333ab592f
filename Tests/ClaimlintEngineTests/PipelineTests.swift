import ClaimlintTestSupport
import ClaimlintCore
import ClaimlintEngine
import Foundation
import Testing

/// Checks the contract's promise for every finding: the original bytes at offset..<offset+length
/// are the flagged text, and line/column agree with an independent count over those bytes.
func expectFindingsAreExact(_ report: FileReport, original: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    for f in report.findings {
        let end = f.span.offset + f.span.length
        #expect(end <= original.count, sourceLocation: sourceLocation)
        guard end <= original.count else { continue }
        // Independent line/column count over the original bytes (UTF-8 files here).
        var line = 1, column = 1, i = 0
        while i < f.span.offset {
            let b = original[i]
            if b == 0x0A { line += 1; column = 1 } else if b == 0x0D {
                if i + 1 < original.count && original[i + 1] == 0x0A { i += 1 }
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        #expect(f.span.line == line && f.span.column == column, "\(f.rule) at \(f.span) but counted \(line):\(column)", sourceLocation: sourceLocation)
        let flagged = String(decoding: original[f.span.offset..<end], as: UTF8.self)
        #expect(flagged == f.excerpt, sourceLocation: sourceLocation)
    }
}

@Test func textFrontEndPositionsAreExactOnRandomDocuments() throws {
    let linter = try Linter()
    var rng = SplitMix64(state: 42)
    let words = ["café", "日本語", "naïve", "skin", "👩‍⚕️", "water", "crème", "sleep", "Ω", "zinc"]
    let furniture = ["Read more: the zinc guide", "Share this article on Facebook", "Photo: Shutterstock", "Advertisement"]
    var checked = 0
    for _ in 0..<300 {
        var text = ""
        let eol = Bool.random(using: &rng) ? "\r\n" : "\n"
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            if Int.random(in: 0..<3, using: &rng) == 0 {
                text += String(repeating: " ", count: Int.random(in: 0...2, using: &rng)) + (["", "- ", "• ", "1. "].randomElement(using: &rng)!) + furniture.randomElement(using: &rng)!
            } else {
                let n = Int.random(in: 3...14, using: &rng)
                text += (0..<n).map { _ in words.randomElement(using: &rng)! }.joined(separator: Bool.random(using: &rng) ? " " : eol) + "."
            }
            text += eol + (Bool.random(using: &rng) ? eol : "")
        }
        let bytes = Array(text.utf8)
        let report = try linter.lint(text: text, format: .text)
        checked += report.findings.count
        expectFindingsAreExact(report, original: bytes)
    }
    #expect(checked > 50)
}

@Test func missingFileAmongGoodOnesIsReportedAsErrorAndOthersLinted() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimlint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Read more: our zinc guide\n".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try "Share this article on Facebook\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "ignored".write(to: dir.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
    try Data([0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("c.txt"))
    let linter = try Linter()
    let report = await linter.run(paths: [dir.path, dir.appendingPathComponent("missing.html").path])
    #expect(report.files.map { ($0.path as NSString).lastPathComponent } == ["a.txt", "b.txt"])
    #expect(report.files.allSatisfy { $0.findings.count == 1 })
    let errorNames = report.errors.map { ($0.path as NSString).lastPathComponent }
    #expect(errorNames.sorted() == ["c.txt", "missing.html"])
    #expect(report.errors.first { $0.path.hasSuffix("c.txt") }?.message.contains("binary") == true)
}

@Test func symlinkLoopIsSkipped() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimlint-loop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("sub/loop").path, withDestinationPath: dir.path)
    try "Advertisement\n".write(to: dir.appendingPathComponent("sub/a.txt"), atomically: true, encoding: .utf8)
    let report = await (try Linter()).run(paths: [dir.path])
    #expect(report.files.count >= 1)
    #expect(report.errors.isEmpty)
}

@Test func suppressionCommentsInText() throws {
    let text = """
    <!-- claimlint-disable-next-line boilerplate.read-more -->
    Read more: the zinc guide

    Read more: the iron guide

    <!-- claimlint-disable boilerplate -->
    Share this article on Facebook
    <!-- claimlint-enable boilerplate -->

    Advertisement

    <!-- claimlint-disable-next-line sentence.run-on -->
    Nothing here trips anything at all.
    """
    let linter = try Linter()
    let source = SourceText(path: "s.txt", string: text)
    let (report, warnings) = try linter.lint(source: source, format: .text)
    #expect(report.findings.map(\.rule) == ["boilerplate.read-more", "boilerplate.ad-label"])
    #expect(report.findings.first?.span.line == 4)
    #expect(warnings.count == 1 && warnings[0].contains("suppressed nothing"))
}

@Test func fileLargerThanLimitIsAnError() throws {
    var c = Configuration()
    c.maxFileSize = 100
    let linter = try Linter(configuration: c)
    let result = linter.lint(bytes: Array(repeating: 0x61, count: 101), path: "big.txt", format: .text)
    guard case .failure(let e) = result else { Issue.record("expected failure"); return }
    #expect(e.message.contains("limit"))
}

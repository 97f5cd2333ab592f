import ClaimlintCore
import ClaimlintIngest
import Testing

/// cmark-gfm 0.29 keeps its table of special inline characters in a process-wide array and
/// adds and removes extension characters (`~`, `|`, ...) around every inline parse and table
/// row. Files are linted in parallel, so parses must not see each other's changes. Without the
/// lock in `MarkdownWalker.parseTree` this fails on every run (struck text leaks into blocks).
@Test func parallelParsesAgreeWithSequentialOnes() async throws {
    let row = "| ~~old~~ new | www.example.com |\n"
    let doc = "Text ~~struck~~ kept, www.example.org and x@example.com.\n\n| a | b |\n|---|---|\n" + String(repeating: row, count: 200)
        + "\n" + String(repeating: "More ~~gone~~ here and ~~there~~.\n\n", count: 200)
    let expected = try parseMarkdown(doc).blocks.map(\.text)
    #expect(!expected.contains { $0.contains("~") })
    let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<8 {
            group.addTask {
                var bad = 0
                for _ in 0..<25 {
                    let got = try parseMarkdown(doc).blocks.map(\.text)
                    if got != expected {
                        bad += 1
                        if bad == 1, let diff = zip(got, expected).first(where: { $0 != $1 }) {
                            Issue.record("parallel parse read \(diff.0.debugDescription), sequential \(diff.1.debugDescription)")
                        }
                    }
                }
                return bad
            }
        }
        return try await group.reduce(0, +)
    }
    #expect(mismatches == 0)
}

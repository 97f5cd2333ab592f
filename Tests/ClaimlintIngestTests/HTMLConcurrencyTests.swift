import ClaimlintTestSupport
import ClaimlintCore
import Foundation
import Testing

@testable import ClaimlintIngest

/// The engine parses files in parallel: documents parsed on many threads at once must come
/// out exactly as when parsed one by one.
@Suite struct HTMLConcurrencyTests {
    @Test func parallelParsesMatchSequentialOnes() async throws {
        var rng = SplitMix64(seed: 42)
        var pages: [String] = []
        for _ in 0..<64 { pages.append(RandomHTML.document(&rng).0) }
        pages.append(String(decoding: try HTMLTestSupport.fixture("article-landmark.html"), as: UTF8.self))
        func digest(_ html: String) throws -> [String] {
            let doc = try HTMLTestSupport.parse(html)
            return doc.blocks.map { b in
                "\(b.kind.name)|\(b.region)|\(b.text)|\(b.sourceMap.segments.map { "\($0.sourceStart)-\($0.sourceEnd)" })"
            } + doc.directives.map { "\($0.range)" }
        }
        let sequential = try pages.map(digest)
        let parallel = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for _ in 0..<4 {
                for (i, page) in pages.enumerated() {
                    group.addTask { (i, try digest(page)) }
                }
            }
            var out: [(Int, [String])] = []
            for try await r in group { out.append(r) }
            return out
        }
        #expect(parallel.count == pages.count * 4)
        for (i, d) in parallel { #expect(d == sequential[i]) }
    }
}

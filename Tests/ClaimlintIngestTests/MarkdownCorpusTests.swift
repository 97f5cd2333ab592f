import ClaimlintCore
import ClaimlintIngest
import Foundation
import Testing

/// Opt-in: point `CLAIMLINT_MARKDOWN_CORPUS` at a directory of real-world `.md` files (for
/// example every README on the machine) to check the front end on Markdown nobody wrote for
/// it. Every token whose source has no markup characters must be its source bytes exactly,
/// and no text may go unmatched.
@Test(.enabled(if: ProcessInfo.processInfo.environment["CLAIMLINT_MARKDOWN_CORPUS"] != nil))
func markdownCorpusMapsExactly() throws {
    let directory = ProcessInfo.processInfo.environment["CLAIMLINT_MARKDOWN_CORPUS"] ?? ""
    var files = 0, bytes = 0, tokensSeen = 0, exact = 0, mismatched = 0, warned = 0
    var elapsed = Duration.zero
    let clock = ContinuousClock()
    let names = try FileManager.default.subpathsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }
    for name in names.sorted() {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path),
              let source = try? SourceDecoder.decode(path: path, bytes: Array(data), format: .markdown) else { continue }
        files += 1
        bytes += data.count
        var parsed: Document?
        var failure: Error?
        elapsed += clock.measure {
            do { parsed = try MarkdownFrontEnd().parse(source, options: IngestOptions()) } catch { failure = error }
        }
        guard let doc = parsed else { Issue.record("\(name): \(String(describing: failure))"); continue }
        if !doc.warnings.filter({ $0.contains("could not be matched") }).isEmpty { warned += 1; Issue.record("\(name): \(doc.warnings)") }
        for block in doc.blocks {
            for t in tokens(of: block) {
                tokensSeen += 1
                let slice = doc.source.utf8[t.source]
                if slice.contains(where: { "[]<>`&\\*_~".utf8.contains($0) }) { continue }
                exact += 1
                if String(decoding: slice, as: UTF8.self) != t.text {
                    mismatched += 1
                    if mismatched <= 20 { Issue.record("\(name): \(t.text.debugDescription) maps to \(String(decoding: slice, as: UTF8.self).debugDescription)") }
                }
            }
        }
    }
    print("markdown corpus: files=\(files) bytes=\(bytes) tokens=\(tokensSeen) exact-checked=\(exact) mismatched=\(mismatched) files-with-unmatched-text=\(warned) parse=\(elapsed)")
    #expect(files > 0)
    #expect(mismatched == 0 && warned == 0)
}

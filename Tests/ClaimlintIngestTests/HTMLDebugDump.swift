import Testing
import Foundation
@testable import ClaimlintIngest
import ClaimlintCore

@Test func debugDump() throws {
    let path = ProcessInfo.processInfo.environment["DUMP_HTML"] ?? ""
    guard !path.isEmpty else { return }
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let src = try SourceDecoder.decode(path: path, bytes: bytes, format: .html)
    let doc = try HTMLFrontEnd().parse(src, options: IngestOptions())
    for b in doc.blocks {
        let r = b.sourceMap.utf8Range(forText: 0..<b.text.utf8.count)
        let loc = src.location(ofUTF8: r.lowerBound)
        print("\(b.kind.name) \(b.region) q=\(b.quoted) @\(loc.line):\(loc.column) \(b.text.debugDescription) links=\(b.links.map { "\($0.range):\($0.href)" }) cites=\(b.citations.map { "\($0.kind):\($0.label)" })")
    }
    print(doc.metadata, doc.directives, doc.hasMainLandmark, doc.warnings)
}

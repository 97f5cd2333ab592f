import ClaimlintCore
import ClaimlintEngine
import ClaimlintIngest
import Foundation

// Each stage runs over every file of the corpus, repeated until it has taken at least
// `minimum` (and at least once), on one thread. MB/s is per input byte of the stage: HTML or
// text file bytes for decoding, front ends and whole-file lint; block-text bytes for the
// segmenter and the checkers. Numbers are in-process, one core; see docs/performance.md.

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpus = arguments.count > 1 ? arguments[1] : root.appendingPathComponent(".bench/corpus-1x").path
let limit = arguments.count > 2 ? Int(arguments[2]) ?? 300 : 300
let minimum = Duration.milliseconds(1500)

func files(_ dir: String) -> [(path: String, bytes: [UInt8])] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted().prefix(limit)
    return names.map { name in
        let path = dir + "/" + name
        return (path, Array(FileManager.default.contents(atPath: path) ?? Data()))
    }
}

let html = files(corpus + "/html")
let text = files(corpus + "/text")
guard !html.isEmpty, !text.isEmpty else {
    print("no corpus in \(corpus): run `python3 Scripts/gen_corpus.py --out .bench/corpus-1x --articles 2000` first")
    exit(2)
}

/// Runs `body` until `minimum` has passed; prints MB/s for `bytes` per pass, from the mean
/// and from the fastest pass (the fastest is the steadier figure on a shared, loaded machine).
@discardableResult
func measure(_ name: String, bytes: Int, _ body: () -> Int) -> Double {
    var passes = 0
    var sink = 0
    let clock = ContinuousClock()
    let start = clock.now
    var best = Duration.seconds(1_000_000)
    repeat {
        let t0 = clock.now
        sink &+= body()
        best = min(best, clock.now - t0)
        passes += 1
    } while clock.now - start < minimum
    func secs(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    let mean = Double(bytes * passes) / 1e6 / secs(clock.now - start)
    let fastest = Double(bytes) / 1e6 / secs(best)
    let padded = name.padding(toLength: 36, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%8.1f", fastest)) MB/s best  \(String(format: "%8.1f", mean)) MB/s mean  (\(passes) passes, check \(sink % 997))")
    return fastest
}

let htmlBytes = html.reduce(0) { $0 + $1.bytes.count }
let textBytes = text.reduce(0) { $0 + $1.bytes.count }
print("corpus: \(corpus): \(html.count) HTML files (\(htmlBytes / 1000) KB), \(text.count) text files (\(textBytes / 1000) KB)")

let linter = try Linter()
let options = IngestOptions()

// Decode + source map construction (line starts, column checkpoints).
let htmlSources = html.map { try! SourceDecoder.decode(path: $0.path, bytes: $0.bytes, format: .html) }
let textSources = text.map { try! SourceDecoder.decode(path: $0.path, bytes: $0.bytes, format: .text) }
measure("decode + SourceText (HTML files)", bytes: htmlBytes) {
    html.reduce(0) { $0 + (try! SourceDecoder.decode(path: $1.path, bytes: $1.bytes, format: .html)).lineCount }
}

// Front ends.
let htmlDocs = htmlSources.map { try! FrontEnds.frontEnd(for: .html).parse($0, options: options) }
let textDocs = textSources.map { try! FrontEnds.frontEnd(for: .text).parse($0, options: options) }
measure("front end: HTML", bytes: htmlBytes) {
    htmlSources.reduce(0) { $0 + (try! FrontEnds.frontEnd(for: .html).parse($1, options: options)).blocks.count }
}
measure("front end: text", bytes: textBytes) {
    textSources.reduce(0) { $0 + (try! FrontEnds.frontEnd(for: .text).parse($1, options: options)).blocks.count }
}

// Source map look-ups: every 50th block-text offset to a file span.
let blockBytes = htmlDocs.reduce(0) { $0 + $1.blocks.reduce(0) { $0 + $1.text.utf8.count } }
measure("source map: block text -> file span", bytes: blockBytes) {
    var n = 0
    for doc in htmlDocs {
        for block in doc.blocks {
            let count = block.text.utf8.count
            var t = 0
            while t < count {
                let r = block.sourceMap.utf8Range(forText: t..<min(count, t + 8))
                n &+= doc.source.span(utf8: r).column
                t += 50
            }
        }
    }
    return n
}

// Segmenter over every block of the HTML documents.
measure("segmenter (HTML block text)", bytes: blockBytes) {
    htmlDocs.reduce(0) { acc, doc in acc + doc.blocks.reduce(0) { $0 + Segmenter.shared.segment($1.text).tokens.count } }
}
let analyzed = htmlDocs.map { AnalyzedDocument(document: $0, scope: .article) }
measure("AnalyzedDocument (segment all)", bytes: blockBytes) {
    htmlDocs.reduce(0) { $0 + AnalyzedDocument(document: $1, scope: .article).blocks.count }
}

// Each checker family on its own. Every pass gets documents with an empty memo (the same
// blocks, no re-segmenting), as in a run where each document is checked once: otherwise the
// disclaimer and balance checkers would read the page analysis stored by an earlier pass.
func fresh(_ d: AnalyzedDocument) -> AnalyzedDocument { AnalyzedDocument(document: d.document, blocks: d.blocks) }
let settings = CheckerSettings.empty
for type in BuiltinCheckers.all {
    let checker = try type.init(rules: linter.rules, settings: settings)
    measure("checker: \(type)", bytes: blockBytes) {
        analyzed.reduce(0) { $0 + checker.check(fresh($1), context: CheckContext(relativePath: $1.document.source.path)).count }
    }
}
// The disclaimer and balance checkers together on each document, sharing one scan of the page
// through its memo; compare with the two single-checker lines above (each scans alone).
let pagePair = try BuiltinCheckers.all.filter { ["disclaimer", "balance"].contains($0.ruleIDs[0].prefix { $0 != "." }) }
    .map { try $0.init(rules: linter.rules, settings: settings) }
measure("checkers: disclaimer + balance", bytes: blockBytes) {
    analyzed.reduce(0) { acc, d in
        let doc = fresh(d)
        let context = CheckContext(relativePath: d.document.source.path)
        return acc + pagePair.reduce(0) { $0 + $1.check(doc, context: context).count }
    }
}

// Whole file, one thread: decode, front end, segment, check, filter, positions.
measure("lint(bytes:) HTML, whole file", bytes: htmlBytes) {
    html.reduce(0) { acc, f in
        if case .success(let r) = linter.lint(bytes: f.bytes, path: f.path, format: .html) { return acc + r.report.findings.count }
        return acc
    }
}
measure("lint(bytes:) text, whole file", bytes: textBytes) {
    text.reduce(0) { acc, f in
        if case .success(let r) = linter.lint(bytes: f.bytes, path: f.path, format: .text) { return acc + r.report.findings.count }
        return acc
    }
}
_ = textDocs

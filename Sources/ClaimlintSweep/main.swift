// claimlint-sweep: the boundary sweep (`make sweep`; a sample runs in `make test`).
//
// Traps live in index arithmetic at sentence and block edges (`t[i + 1]`, `end - 1`, a range
// built from a min and a max), which whole fixture pages rarely reach: their sentences end
// with a full stop and sit in the middle of a page. For every paragraph (block) of the labelled
// fixtures this lints, in process, one input per edge case:
//   a. the paragraph with its final punctuation removed (text);
//   b. the paragraph cut after every token (every prefix), as text and as the last item of an
//      HTML list, while the cut budget lasts;
//   c. each sentence alone: as text, without its final punctuation, as an HTML <li>, <h2> and
//      <td>, and as a Markdown list item and heading;
//   d. the paragraph cut before every token (every suffix: a sentence opening on any word).
// Each input is linted, every checker on, under a label as its path ("FILE#pN:prefixK:text"), so when one traps
// the crash note (CrashNotice) names it; `--only LABEL` writes that input to stdout to keep as
// a regression. Identical inputs are linted once.
//
// Usage: claimlint-sweep [--root DIR] [--sample K] [--cut-budget BYTES] [--skip TEXT]... [--match TEXT]... [--only LABEL]
//   --sample K        every Kth paragraph only (the test suite's deterministic sample)
//   --cut-budget      bytes of prefix and suffix inputs (b, d) to lint in all; default 512 MB, more
//                     than the whole sweep needs (about 230 MB)
//   --skip TEXT       skip inputs whose label contains TEXT (find the next bug before fixing one)
//   --match TEXT      lint only inputs whose label contains TEXT
import ClaimlintCore
import ClaimlintEngine
import ClaimlintIngest
import ClaimlintReport
import ArgumentParser
import Foundation

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claimlint-sweep", abstract: "The boundary sweep over the fixture paragraphs.")
    @Option(help: "The package root.") var root = FileManager.default.currentDirectoryPath
    @Option(help: "Every Kth paragraph only (the test suite's deterministic sample).") var sample = 1
    @Option(name: .customLong("cut-budget"), help: "Bytes of prefix and suffix inputs to lint in all.") var cutBudget = 512 << 20
    @Option(help: "Skip inputs whose label contains this text (repeatable).") var skip: [String] = []
    @Option(help: "Lint only inputs whose label contains this text (repeatable).") var match: [String] = []
    @Option(help: "Write the input with this label to stdout instead of linting.") var only: String?

    mutating func validate() throws {
        guard sample >= 1 else { throw ValidationError("--sample must be 1 or more") }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("claimlint-sweep: \(message)\n".utf8))
    exit(2)
}

/// The fixtures swept, relative to the package root. Held-out claim sets from heldout52 on and
/// the disclaimer held-out set are never read (they are scored blind).
func fixtureFiles(root: String) -> [String] {
    let fm = FileManager.default
    func files(_ dir: String, _ extensions: Set<String>) -> [String] {
        let names = (try? fm.contentsOfDirectory(atPath: root + "/" + dir)) ?? []
        return names.filter { extensions.contains(($0 as NSString).pathExtension) }.sorted().map { dir + "/" + $0 }
    }
    var result: [String] = []
    let pages: Set<String> = ["txt", "html", "md"]
    result += files("Fixtures/samples", pages)
    result += files("Fixtures/claims", pages)
    let claimSets = ((try? fm.contentsOfDirectory(atPath: root + "/Fixtures/claims")) ?? []).filter { name in
        guard name.hasPrefix("heldout") else { return false }
        let suffix = name.dropFirst("heldout".count)
        if suffix.isEmpty { return true }                  // the first set (heldout1)
        if let n = Int(suffix) { return n <= 51 }          // heldout52 on: blind, never read
        return suffix.hasPrefix("-claims3")                // the claims3 owner's dev sets
    }.sorted()
    for set in claimSets { result += files("Fixtures/claims/" + set, pages) }
    result += files("Fixtures/disclaimer/dev", pages)
    result += files("Fixtures/sentences", ["txt", "tsv"])
    result += files("Fixtures/html-ingest", pages)  // front-end fixtures: landmarks, tables, entities
    result += files("Fixtures/markdown", pages)
    return result
}

/// The paragraphs of one fixture: its blocks' text as the front end reads them, or the blocks of
/// a sentence-label table (LABEL<TAB>block || block, with kind prefixes).
func paragraphs(of path: String, root: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: root + "/" + path) else { fail("cannot read \(path)") }
    let bytes = Array(data)
    if path.hasSuffix(".tsv") {
        var result: [String] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            for block in line[line.index(after: tab)...].components(separatedBy: " || ") {
                var text = Substring(block)
                for kind in ["h:", "cap:", "li:", "oli:", "q:"] where text.hasPrefix(kind) { text = text.dropFirst(kind.count); break }
                result.append(String(text))
            }
        }
        return result
    }
    let format = InputFormat(pathExtension: (path as NSString).pathExtension) ?? .text
    guard let source = try? SourceDecoder.decode(path: path, bytes: bytes, format: format),
          let document = try? FrontEnds.frontEnd(for: format).parse(source, options: IngestOptions())
    else { return [] }
    return document.blocks.map(\.text)
}

/// Drops the final punctuation (and closing quotes, brackets and spaces after it).
func withoutFinalPunctuation(_ s: Substring) -> Substring {
    var end = s.endIndex
    while end > s.startIndex {
        let c = s[s.index(before: end)]
        guard c.isPunctuation || c.isWhitespace || "\"'”’)]".contains(c) else { break }
        end = s.index(before: end)
    }
    return s[s.startIndex..<end]
}

struct Counts {
    var files = 0, paragraphs = 0, inputs = 0, duplicates = 0, bytes = 0, cutBytes = 0, findings = 0, errors = 0
    var byKind: [String: Int] = [:]
    var cutsCapped = 0
}

/// The inputs linted so far, deduplicated, and what they gave.
struct Sweep {
    let options: Options
    let linter: Linter
    var counts = Counts()
    var seen = Set<Int>()

    /// Lints one input (or, with --only, writes it out when its label matches).
    mutating func lint(_ text: String, format: InputFormat, label: String, kind: String) {
        if let only = options.only {
            if label == only { FileHandle.standardOutput.write(Data(text.utf8)); exit(0) }
            return
        }
        if options.skip.contains(where: { label.contains($0) }) { return }
        if !options.match.isEmpty && !options.match.contains(where: { label.contains($0) }) { return }
        var h = Hasher()
        h.combine(text)
        h.combine(format)
        guard seen.insert(h.finalize()).inserted else { counts.duplicates += 1; return }
        counts.inputs += 1
        counts.byKind[kind, default: 0] += 1
        counts.bytes += text.utf8.count
        switch linter.lint(bytes: Array(text.utf8), path: label, format: format) {
        case .success(let ok): counts.findings += ok.report.findings.count
        case .failure: counts.errors += 1
        }
    }
}

let options = Options.parseOrExit()
CrashNotice.install()
let started = ContinuousClock.now
var sweep: Sweep
do { sweep = Sweep(options: options, linter: try Linter()) } catch { fail("cannot build the linter: \(error)") }

var paragraphIndex = 0
for file in fixtureFiles(root: options.root) {
    sweep.counts.files += 1
    for (p, paragraph) in paragraphs(of: file, root: options.root).enumerated() {
        defer { paragraphIndex += 1 }
        guard paragraphIndex % options.sample == 0 else { continue }
        let text = Substring(paragraph)
        guard !text.allSatisfy(\.isWhitespace) else { continue }
        sweep.counts.paragraphs += 1
        let place = "\(file)#p\(p)"
        let utf8 = Array(paragraph.utf8)
        let (tokens, sentences) = Segmenter.shared.segment(utf8: utf8)

        // a. No final punctuation.
        sweep.lint(String(withoutFinalPunctuation(text)), format: .text, label: "\(place):unterminated:text", kind: "unterminated")

        // b. Every prefix, cut after each token.
        for (k, token) in tokens.enumerated() {
            let cut = Int(token.end)
            if sweep.counts.cutBytes + cut > options.cutBudget { sweep.counts.cutsCapped += 1; continue }
            sweep.counts.cutBytes += cut
            let prefix = String(decoding: utf8[0..<cut], as: UTF8.self)
            sweep.lint(prefix, format: .text, label: "\(place):prefix\(k):text", kind: "prefix")
            // The same cut as the last item of a list: an unpunctuated shop bullet, the shape of
            // the 6 Dec trap, read by the list-item paths (item titles, promotional lists).
            sweep.lint("<ul><li>Fragrance free</li><li>\(XML.escape(prefix, attribute: false))</li></ul>\n", format: .html,
                       label: "\(place):prefix\(k):li:html", kind: "prefix-li")
        }

        // c. Each sentence alone, as text and as an HTML list item, heading and table cell.
        for (s, sentence) in sentences.enumerated() {
            let piece = Substring(String(decoding: utf8[sentence.range], as: UTF8.self))
            sweep.lint(String(piece), format: .text, label: "\(place):s\(s):text", kind: "sentence")
            sweep.lint(String(withoutFinalPunctuation(piece)), format: .text, label: "\(place):s\(s):unterminated:text", kind: "sentence")
            let html = XML.escape(String(piece), attribute: false)
            sweep.lint("<ul><li>\(html)</li></ul>\n", format: .html, label: "\(place):s\(s):li:html", kind: "sentence-html")
            sweep.lint("<h2>\(html)</h2>\n", format: .html, label: "\(place):s\(s):h2:html", kind: "sentence-html")
            sweep.lint("<table><tr><td>\(html)</td></tr></table>\n", format: .html, label: "\(place):s\(s):td:html", kind: "sentence-html")
            // Markdown: the same sentence as a list item and a heading (cmark's blocks, not libxml2's).
            let markdown = piece.replacingOccurrences(of: "\n", with: " ")
            sweep.lint("- \(markdown)\n", format: .markdown, label: "\(place):s\(s):li:md", kind: "sentence-markdown")
            sweep.lint("## \(markdown)\n", format: .markdown, label: "\(place):s\(s):h2:md", kind: "sentence-markdown")
        }

        // d. Every suffix, cut before each token: a sentence that opens on any word (the mirror of
        //    b: `t[i - 1]` at a sentence's or block's first token).
        for (k, token) in tokens.enumerated() where k > 0 {
            let cut = Int(token.start)
            if sweep.counts.cutBytes + (utf8.count - cut) > options.cutBudget { sweep.counts.cutsCapped += 1; continue }
            sweep.counts.cutBytes += utf8.count - cut
            sweep.lint(String(decoding: utf8[cut...], as: UTF8.self), format: .text, label: "\(place):suffix\(k):text", kind: "suffix")
        }
    }
}

if options.only != nil { fail("no input labelled \(options.only!)") }
let d = ContinuousClock.now - started
let elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
let kinds = sweep.counts.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
print("""
    sweep: \(sweep.counts.files) files, \(sweep.counts.paragraphs) paragraphs (sample 1/\(options.sample)), \(sweep.counts.inputs) inputs linted (\(kinds)), \
    \(sweep.counts.duplicates) duplicates skipped, \(sweep.counts.bytes) bytes, \(sweep.counts.cutsCapped) cuts over the budget, \
    \(sweep.counts.findings) findings, \(sweep.counts.errors) refused, no crash, \(String(format: "%.1f", elapsed)) s
    """)

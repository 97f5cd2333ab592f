import ClaimlintCore
import ClaimlintIngest
import Testing

/// A seeded generator so the random documents are the same on every run.
struct MarkdownRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds a Markdown document piece by piece and remembers, for every word it writes, the
/// text the front end should produce and the exact source bytes that text must map to.
private struct MarkdownDocumentBuilder {
    struct ExpectedWord { var text: String; var source: Range<Int> }
    struct ExpectedBlock { var kind: String; var quoted: Bool; var words: [ExpectedWord] }

    var source: [UInt8] = []
    var blocks: [ExpectedBlock] = []
    var rng: MarkdownRNG
    let eol: String

    static let words = ["pollen", "Café", "naïve", "日本語", "😀", "dose", "crème", "zinc", "Ω", "x2"]

    init(seed: UInt64) {
        rng = MarkdownRNG(state: seed)
        eol = Bool.random(using: &rng) ? "\r\n" : "\n"
    }

    mutating func write(_ s: String) { source += Array(s.utf8) }

    /// Writes one word in a random Markdown spelling; returns what it should read as, or nil
    /// when the spelling is not text (a code span).
    mutating func word() -> ExpectedWord? {
        let w = Self.words.randomElement(using: &rng)!
        let start = source.count
        let n = w.utf8.count
        switch Int.random(in: 0..<15, using: &rng) {
        case 0:
            write("*\(w)*"); return ExpectedWord(text: w, source: start + 1..<start + 1 + n)
        case 1:
            write("**\(w)**"); return ExpectedWord(text: w, source: start + 2..<start + 2 + n)
        case 2:
            write("_\(w)_"); return ExpectedWord(text: w, source: start + 1..<start + 1 + n)
        case 3:
            write("[\(w)](https://example.org/a_(b) \"t\")"); return ExpectedWord(text: w, source: start + 1..<start + 1 + n)
        case 4:
            write("AT&amp;\(w)"); return ExpectedWord(text: "AT&\(w)", source: start..<source.count)
        case 5:
            write("caf&eacute;&#x2011;\(w)"); return ExpectedWord(text: "café\u{2011}\(w)", source: start..<source.count)
        case 6:
            write("&#8220;\(w)&#8221;"); return ExpectedWord(text: "“\(w)”", source: start..<source.count)
        case 7:
            write("\\*\(w)\\_"); return ExpectedWord(text: "*\(w)_", source: start..<source.count)
        case 8:
            write("<span class=\"a\">\(w)</span>"); return ExpectedWord(text: w, source: start + 16..<start + 16 + n)
        case 9:
            write("`\(w) code`"); return nil
        case 10:
            write("~~\(w)~~"); return nil
        case 11:
            write("{{< ref \"\(w).md\" >}}"); return nil
        default:
            write(w); return ExpectedWord(text: w, source: start..<start + n)
        }
    }

    /// A paragraph-like run of words with spaces, soft breaks and hard breaks. `prefix` starts
    /// continuation lines (`> `, indentation); `lazy` lines may drop it.
    mutating func run(prefix: String, lazy: Bool, breaks: Bool) -> [ExpectedWord] {
        var out: [ExpectedWord] = []
        let count = Int.random(in: 1...8, using: &rng)
        var i = 0
        while i < count || out.isEmpty {
            if i > 0 {
                let roll = breaks ? Int.random(in: 0..<10, using: &rng) : 0
                let linePrefix = lazy && Bool.random(using: &rng) ? "" : prefix
                switch roll {
                case 6: write(eol + linePrefix)  // soft break
                case 7: write(" " + eol + linePrefix)  // soft break after a trailing space
                case 8: write("  " + eol + linePrefix)  // hard break: two spaces
                case 9: write("\\" + eol + linePrefix)  // hard break: backslash
                default: write(" ")
                }
            }
            if let w = word() { out.append(w) }
            i += 1
        }
        return out
    }

    /// A GFM table: every cell is a block; a cell may hold an escaped pipe.
    mutating func table() {
        let columns = Int.random(in: 1...3, using: &rng)
        let rows = Int.random(in: 1...3, using: &rng)
        for row in 0...rows {
            if row == 1 { write("|" + String(repeating: "---|", count: columns) + eol) }
            write("|")
            for _ in 0..<columns {
                write(" ")
                var words: [ExpectedWord] = []
                for k in 0..<Int.random(in: 1...3, using: &rng) {
                    if k > 0 { write(" ") }
                    if Int.random(in: 0..<5, using: &rng) == 0 {
                        let start = source.count
                        write("a\\|b")
                        words.append(ExpectedWord(text: "a|b", source: start..<source.count))
                    } else if let w = word() {
                        words.append(w)
                    }
                }
                write(" |")
                blocks.append(.init(kind: row == 0 ? "table-header" : "table-cell", quoted: false, words: words))
            }
            write(eol)
        }
        write(eol)
    }

    mutating func block() {
        switch Int.random(in: 0..<8, using: &rng) {
        case 6:
            // A list inside a block quote.
            write("> - ")
            blocks.append(.init(kind: "list-item", quoted: true, words: run(prefix: ">   ", lazy: false, breaks: true)))
        case 7:
            table()
        case 0:
            let level = Int.random(in: 1...3, using: &rng)
            write(String(repeating: "#", count: level) + " ")
            blocks.append(.init(kind: "h\(level)", quoted: false, words: run(prefix: "", lazy: false, breaks: false)))
        case 1:
            write("- ")
            blocks.append(.init(kind: "list-item", quoted: false, words: run(prefix: "  ", lazy: true, breaks: true)))
        case 2:
            write("1. ")
            blocks.append(.init(kind: "ordered-item", quoted: false, words: run(prefix: "   ", lazy: false, breaks: true)))
        case 3:
            write("> ")
            blocks.append(.init(kind: "blockquote", quoted: true, words: run(prefix: "> ", lazy: true, breaks: true)))
        default:
            blocks.append(.init(kind: "paragraph", quoted: false, words: run(prefix: "", lazy: false, breaks: true)))
        }
        write(eol + eol)
    }
}

@Test func randomDocumentsMapEveryWordToItsExactSource() throws {
    var checkedWords = 0
    var kindsSeen = Set<String>()
    for seed in UInt64(1)...300 {
        var b = MarkdownDocumentBuilder(seed: seed)
        if seed % 3 == 0 { b.write("---" + b.eol + "title: Random \(seed)" + b.eol + "---" + b.eol) }
        for _ in 0..<Int.random(in: 1...5, using: &b.rng) { b.block() }
        let text = String(decoding: b.source, as: UTF8.self)
        let doc = try parseMarkdown(text, path: "random-\(seed).md")
        let blocks = doc.blocks.filter { $0.kind != .title }
        let expected = b.blocks.filter { !$0.words.isEmpty }
        #expect(doc.warnings.isEmpty, "seed \(seed): \(doc.warnings)")
        guard blocks.count == expected.count else {
            Issue.record("seed \(seed): \(blocks.count) blocks, expected \(expected.count)\n\(text)\n\(dump(doc))")
            continue
        }
        for (block, want) in zip(blocks, expected) {
            kindsSeen.insert(want.kind + (want.quoted ? " quoted" : ""))
            #expect(block.kind.name == want.kind && block.quoted == want.quoted, "seed \(seed): \(block.kind.name) vs \(want.kind)")
            let got = tokens(of: block)
            guard got.map(\.text) == want.words.map(\.text) else {
                Issue.record("seed \(seed): \(got.map(\.text)) vs \(want.words.map(\.text))\n\(text.debugDescription)")
                continue
            }
            for (token, word) in zip(got, want.words) {
                #expect(token.source == word.source, "seed \(seed): \(word.text) at \(token.source) expected \(word.source)")
                let counted = countedLocation(b.source, token.source.lowerBound)
                let reported = doc.source.location(ofUTF8: token.source.lowerBound)
                #expect(counted == reported, "seed \(seed): \(word.text)")
                checkedWords += 1
            }
        }
    }
    #expect(checkedWords > 2000)
    #expect(kindsSeen.count == 10, "\(kindsSeen)")
}

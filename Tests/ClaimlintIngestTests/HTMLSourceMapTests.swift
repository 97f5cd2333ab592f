import ClaimlintTestSupport
import ClaimlintCore
import Foundation
import Testing

@testable import ClaimlintIngest

/// Every word of every block maps back to exactly the source that spells it.
@Suite struct HTMLSourceMapTests {
    typealias S = HTMLTestSupport

    @Test func entitiesMultiByteAndCRLF() throws {
        let html = "<html>\r\n<body>\r\n<h1>Caf&eacute; &amp; Cr&egrave;me</h1>\r\n"
            + "<p>It&rsquo;s 9&#8217;s and 10&#x2014;12&nbsp;mg,\r\n naïve 日本語 text 🧪 tested&#x1F9EA;.</p>\r\n"
            + "<ul><li>A&nbsp;&nbsp;B</li><li>\tx&lt;y &quot;q&quot;</li></ul>\r\n</body></html>"
        let doc = try S.parse(html)
        #expect(doc.blocks.map(\.text) == [
            "Café & Crème", "It’s 9’s and 10—12 mg, naïve 日本語 text 🧪 tested🧪.", "A B", "x<y \"q\"",
        ])
        let checked = S.checkEveryWord(doc)
        #expect(checked == 17)
        // Spot checks against hand-counted positions.
        let p = doc.blocks[1]
        func locate(_ word: String) -> (Int, Int) {
            let text = Array(p.text.utf8)
            let w = Array(word.utf8)
            let start = (0...(text.count - w.count)).first { Array(text[$0..<$0 + w.count]) == w }!
            let span = doc.source.span(utf8: p.sourceMap.utf8Range(forText: start..<start + w.count))
            return (span.line, span.column)
        }
        #expect(locate("It’s") == (4, 4))
        #expect(locate("naïve") == (5, 2))
        #expect(locate("日本語") == (5, 8))
        #expect(locate("text") == (5, 12))
        #expect(locate("🧪") == (5, 17))
    }

    @Test func lonelyCarriageReturnsCountAsLineBreaks() throws {
        let doc = try S.parse("<p>one\rtwo\r\rthree</p>")
        #expect(doc.blocks[0].text == "one two three")
        S.checkEveryWord(doc)
        let b = doc.blocks[0]
        let span = doc.source.span(utf8: b.sourceMap.utf8Range(forText: 8..<13))
        #expect(span.line == 4 && span.column == 1)
    }

    @Test func largeDocumentPositionsStayExact() throws {
        // Past the 32 KB re-encoding window where libxml2's xmlByteConsumed goes wrong.
        var html = "<html><body>\n"
        for i in 0..<1500 {
            html += "<p>Paragraph \(i) has caf&eacute; cr&egrave;me, 日本語 and&nbsp;text&#8217;s end.</p>\r\n"
        }
        let doc = try S.parse(html)
        #expect(doc.blocks.count == 1500)
        #expect(S.checkEveryWord(doc) == 1500 * 9)
    }

    /// Random documents from a seeded generator: entities, multi-byte words, inline tags, CRLF,
    /// tabs and `<br>` between words. The block text must equal the generated words joined by
    /// single spaces, and every word must map back to its own source.
    @Test func randomDocumentsKeepExactPositions() throws {
        var rng = SplitMix64(seed: 0x5EED_C1A1)
        var totalWords = 0
        for _ in 0..<300 {
            let (html, expected) = RandomHTML.document(&rng)
            let doc = try S.parse(html)
            #expect(doc.blocks.map(\.text) == expected, "\(html.debugDescription)")
            totalWords += S.checkEveryWord(doc)
        }
        #expect(totalWords > 5000)
    }
}

/// A random-document generator: each word is built from pieces (plain, multi-byte, entity),
/// sometimes wrapped in an inline element, and words are separated by varied whitespace.
enum RandomHTML {
    /// (source spelling, decoded text)
    static let pieces: [(String, String)] = [
        ("sleep", "sleep"), ("Vitamin", "Vitamin"), ("dose", "dose"), ("42", "42"), ("mg", "mg"), ("trial", "trial"),
        ("é", "é"), ("naïve", "naïve"), ("日本語", "日本語"), ("🧪", "🧪"), ("Ω", "Ω"), ("“q”", "“q”"),
        ("&amp;", "&"), ("&rsquo;", "\u{2019}"), ("&#8217;", "\u{2019}"), ("&#x2014;", "\u{2014}"), ("&eacute;", "é"),
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x1F9EA;", "🧪"), ("&hellip;", "…"), (".", "."), (",", ","),
    ]
    static let separators = [" ", "  ", "\r\n", "\n", "\t", " \r\n  ", "&nbsp;", "<br>", " <br/> ", "\u{A0}"]
    static let inlineTags = ["b", "em", "span", "strong", "i", "mark"]
    static let blockTags = ["p", "h2", "li", "td", "blockquote", "figcaption", "dd"]

    static func word(_ rng: inout SplitMix64) -> (String, String) {
        var src = "", text = ""
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let p = pieces.randomElement(using: &rng)!
            src += p.0
            text += p.1
        }
        if Int.random(in: 0..<6, using: &rng) == 0 {
            let t = inlineTags.randomElement(using: &rng)!
            src = "<\(t)>\(src)</\(t)>"
        } else if Int.random(in: 0..<12, using: &rng) == 0 {
            src = "<a href=\"/x?a=1&amp;b=2\">\(src)</a>"
        }
        return (src, text)
    }

    static func document(_ rng: inout SplitMix64) -> (String, [String]) {
        var html = Bool.random(using: &rng) ? "<!DOCTYPE html>\r\n<html><body>\r\n" : ""
        var expected: [String] = []
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let tag = blockTags.randomElement(using: &rng)!
            var src = "", words: [String] = []
            for k in 0..<Int.random(in: 1...12, using: &rng) {
                let (s, t) = word(&rng)
                if k > 0 { src += separators.randomElement(using: &rng)! }
                src += s
                words.append(t)
            }
            let lead = Bool.random(using: &rng) ? "\r\n  " : ""
            switch tag {
            case "li": html += "<ul><li>\(lead)\(src)</li></ul>\r\n"
            case "td": html += "<table><tr><td>\(lead)\(src)</td></tr></table>\n"
            case "dd": html += "<dl><dd>\(src)</dd></dl>"
            default: html += "<\(tag)>\(lead)\(src)</\(tag)>\r\n"
            }
            expected.append(words.joined(separator: " "))
        }
        return (html, expected)
    }
}

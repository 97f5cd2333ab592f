import ClaimlintCore
import Foundation
import Testing

@testable import ClaimlintIngest

/// Shared helpers for the HTML and decoder tests.
enum HTMLTestSupport {
    static func fixture(_ name: String) throws -> [UInt8] {
        // Tests/ClaimlintIngestTests/<this file> -> package root
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return Array(try Data(contentsOf: root.appendingPathComponent("Fixtures/html-ingest/\(name)")))
    }

    static func parse(_ html: String, options: IngestOptions = IngestOptions()) throws -> Document {
        try HTMLFrontEnd().parse(SourceText(path: "test.html", string: html), options: options)
    }

    static func parse(bytes: [UInt8], path: String = "test.html") throws -> Document {
        let source = try SourceDecoder.decode(path: path, bytes: bytes, format: .html)
        return try HTMLFrontEnd().parse(source, options: IngestOptions())
    }

    /// Word ranges (UTF-8, in block text) split at spaces.
    static func words(_ text: String) -> [Range<Int>] {
        let b = Array(text.utf8)
        var out: [Range<Int>] = []
        var i = 0
        while i < b.count {
            while i < b.count && b[i] == 0x20 { i += 1 }
            let s = i
            while i < b.count && b[i] != 0x20 { i += 1 }
            if i > s { out.append(s..<i) }
        }
        return out
    }

    /// An independent reading of a source slice: tags removed, character references decoded.
    /// What a word's source bytes must read as.
    static func readSource(_ bytes: ArraySlice<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "<", let close = s[i...].firstIndex(of: ">") {
                i = s.index(after: close)
            } else if c == "&", let semi = s[i...].firstIndex(of: ";"), s.distance(from: i, to: semi) < 12 {
                let name = String(s[s.index(after: i)..<semi])
                out += decodeReference(name) ?? String(s[i...semi])
                i = s.index(after: semi)
            } else {
                out.append(c)
                i = s.index(after: i)
            }
        }
        return out
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "eacute": "é", "egrave": "è", "copy": "©", "hellip": "…", "micro": "µ",
    ]

    static func decodeReference(_ name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
            return String(Character(u))
        }
        if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { return String(Character(u)) }
        return namedReferences[name]
    }

    /// Line and column (Unicode scalars) of every original byte offset, counted from scratch
    /// over UTF-8 bytes: LF, CRLF and a lone CR end a line.
    static func independentLocations(_ bytes: [UInt8], skip: Int = 0) -> [(line: Int, column: Int)] {
        var out = Array(repeating: (line: 1, column: 1), count: bytes.count + 1)
        var line = 1, column = 1
        var i = skip
        while i < bytes.count {
            out[i] = (line, column)
            let c = bytes[i]
            if c == 0x0A || (c == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if c == 0x0D {
                // CR of a CRLF: the LF ends the line.
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        out[bytes.count] = (line, column)
        return out
    }

    /// A weaker check for tag soup, where the parser's idea of text is not a simple reading of
    /// the source: each character of block text maps either to the same bytes (verbatim) or
    /// to a source range that spells it (a reference decoding to it, or a broken reference
    /// whose text holds it), or it is a folded space. Returns the number of characters checked.
    @discardableResult
    static func checkEveryCharacter(_ doc: Document, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let src = doc.source
        var checked = 0
        for block in doc.blocks {
            var t = 0
            for ch in block.text.unicodeScalars {
                let n = String(ch).utf8.count
                defer { t += n; checked += 1 }
                if ch == " " { continue }
                let r = block.sourceMap.utf8Range(forText: t..<t + n)
                let slice = String(decoding: src.utf8[r], as: UTF8.self)
                let ok = slice == String(ch) || referenceText(slice).contains(String(ch)) || slice.contains(String(ch))
                #expect(ok, "\(String(ch).debugDescription) maps to \(slice.debugDescription) in \(block.text.debugDescription)",
                        sourceLocation: sourceLocation)
            }
        }
        return checked
    }

    /// References decoded, nothing else touched.
    static func referenceText(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].firstIndex(of: ";"), let d = decodeReference(String(s[s.index(after: i)..<semi])) {
                out += d
                i = s.index(after: semi)
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }

    /// For every word of every block: the source bytes it maps to read as the word, and the
    /// reported line/column agree with an independent count. Returns the number of words checked.
    @discardableResult
    static func checkEveryWord(_ doc: Document, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let src = doc.source
        var checked = 0
        let locations = src.encoding == "utf-8" ? independentLocations(src.original, skip: src.originalOffset(ofUTF8: 0)) : []
        for block in doc.blocks {
            let textBytes = Array(block.text.utf8)
            for w in words(block.text) {
                let word = String(decoding: textBytes[w], as: UTF8.self)
                let r = block.sourceMap.utf8Range(forText: w)
                let read = readSource(src.utf8[r]).replacingOccurrences(of: "\u{A0}", with: " ")
                #expect(read == word, "word \(word.debugDescription) maps to \(String(decoding: src.utf8[r], as: UTF8.self).debugDescription)",
                        sourceLocation: sourceLocation)
                let span = src.span(utf8: r)
                if src.encoding == "utf-8" {
                    let expected = locations[span.offset]
                    #expect(span.line == expected.line && span.column == expected.column,
                            "word \(word.debugDescription) at \(span.line):\(span.column), expected \(expected.line):\(expected.column)",
                            sourceLocation: sourceLocation)
                    #expect(Array(src.original[span.offset..<span.offset + span.length]) == Array(src.utf8[r]),
                            sourceLocation: sourceLocation)
                }
                checked += 1
            }
        }
        return checked
    }
}

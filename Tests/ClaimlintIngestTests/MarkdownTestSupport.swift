import ClaimlintCore
import ClaimlintIngest
import Foundation
import Testing

func parseMarkdown(_ s: String, path: String = "t.md", options: IngestOptions = IngestOptions()) throws -> Document {
    try MarkdownFrontEnd().parse(SourceText(path: path, string: s), options: options)
}

enum MarkdownFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ name: String) -> String { root.appendingPathComponent("Fixtures/markdown/\(name)").path }
    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}

/// A space-separated token of a block with the UTF-8 source range it maps to.
struct MappedToken {
    var text: String
    var textRange: Range<Int>
    var source: Range<Int>
}

func tokens(of block: Block) -> [MappedToken] {
    var out: [MappedToken] = []
    let bytes = Array(block.text.utf8)
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x20 { i += 1; continue }
        let s = i
        while i < bytes.count && bytes[i] != 0x20 { i += 1 }
        out.append(MappedToken(text: String(decoding: bytes[s..<i], as: UTF8.self), textRange: s..<i,
                               source: block.sourceMap.utf8Range(forText: s..<i)))
    }
    return out
}

/// Line and scalar column of a UTF-8 offset, counted from the start of the bytes: an
/// independent check on `SourceText.location`.
func countedLocation(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
    var line = 1, column = 1, i = 0
    while i < offset {
        let b = bytes[i]
        if b == 0x0A {
            line += 1; column = 1
        } else if b == 0x0D {
            if i + 1 < bytes.count && bytes[i + 1] == 0x0A && i + 1 < offset { i += 1 }
            line += 1; column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        i += 1
    }
    return (line, column)
}

/// What a slice of Markdown source spells as text: backslash escapes and the entities used in
/// the fixtures decoded, `[^n]` read as `[n]`, emphasis and strikethrough delimiters dropped.
/// Written independently of the front end's aligner.
func spelled(_ slice: ArraySlice<UInt8>) -> String {
    let entities = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "nbsp": "\u{A0}", "eacute": "é", "copy": "©", "mdash": "—"]
    var out: [UInt8] = []
    var i = slice.startIndex
    while i < slice.endIndex {
        let b = slice[i]
        if b == UInt8(ascii: "\\"), i + 1 < slice.endIndex, slice[i + 1] < 0x80, !slice[i + 1].isLetterOrDigit, slice[i + 1] > 0x20 {
            out.append(slice[i + 1]); i += 2; continue
        }
        if b == UInt8(ascii: "&"), let semi = slice[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
            let name = String(decoding: slice[(i + 1)..<semi], as: UTF8.self)
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") { decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } }
            else if name.hasPrefix("#") { decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
            else { decoded = entities[name] }
            if let decoded { out += Array(decoded.utf8); i = semi + 1; continue }
        }
        if b == UInt8(ascii: "["), i + 1 < slice.endIndex, slice[i + 1] == UInt8(ascii: "^") {
            out.append(b); i += 2; continue
        }
        if b == UInt8(ascii: "*") || b == UInt8(ascii: "~") { i += 1; continue }
        // `_` is a delimiter except inside a word (snake_case).
        if b == UInt8(ascii: "_") {
            let inWord = i > slice.startIndex && i + 1 < slice.endIndex && slice[i - 1].isWordByte && slice[i + 1].isWordByte
            if !inWord { i += 1; continue }
        }
        out.append(b)
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}

extension UInt8 {
    fileprivate var isWordByte: Bool { isLetterOrDigit || self >= 0x80 }
    fileprivate var isLetterOrDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}

/// Checks every token of every block: its source bytes spell it, and `SourceText.location`
/// agrees with an independent count. Returns how many tokens were checked.
@discardableResult
func expectTokensMapExactly(_ doc: Document, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    let src = doc.source.utf8
    var checked = 0
    for block in doc.blocks {
        for t in tokens(of: block) {
            let slice = src[t.source]
            #expect(spelled(slice) == t.text, "\(block.kind.name) token \(t.text.debugDescription) maps to \(String(decoding: slice, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
            let counted = countedLocation(src, t.source.lowerBound)
            let reported = doc.source.location(ofUTF8: t.source.lowerBound)
            #expect(counted == reported, "\(t.text) at \(reported) but counted \(counted)", sourceLocation: sourceLocation)
            checked += 1
        }
        // Verbatim segments copy their source byte for byte (a one-byte line break or tab
        // becomes a space).
        let text = Array(block.text.utf8)
        for seg in block.sourceMap.segments where seg.verbatim {
            let source = src[seg.sourceStart..<seg.sourceEnd].map { isSpaceByte($0) ? 0x20 : $0 }
            #expect(Array(text[seg.textStart..<seg.textEnd]) == source, sourceLocation: sourceLocation)
        }
    }
    return checked
}

/// A readable dump for failure messages: one line per block.
func dump(_ doc: Document) -> String {
    doc.blocks.map { "\($0.kind.name)\($0.quoted ? " (quoted)" : ""): \($0.text)" }.joined(separator: "\n")
}

import ClaimlintCore

/// Plain text: blank lines separate blocks; a line starting with "-", "*", "•", "+" or "1." /
/// "1)" starts a list item; a lone short line without closing punctuation is a heading; line
/// breaks inside a paragraph are soft. A line holding only `<!-- claimlint-... -->` is a
/// suppression directive, not text.
public struct TextFrontEnd: FrontEnd {
    /// A heading line has at most this many words.
    static let maxHeadingWords = 12

    public init() {}

    public func parse(_ source: SourceText, options: IngestOptions) throws -> Document {
        let lines = Self.lines(of: source.utf8)
        var blocks: [Block] = []
        var directives: [SuppressionDirective] = []
        var listID = 0
        var lastWasList = false
        var group: [Line] = []

        func flushGroup() {
            defer { group.removeAll(keepingCapacity: true) }
            guard !group.isEmpty else { return }
            // Split the group into list items and runs of prose lines.
            var current: [Line] = []
            var currentMarker: ListMarker?
            var itemIndex = 0
            func emit() {
                guard !current.isEmpty else { return }
                defer { current.removeAll(); currentMarker = nil }
                if let marker = currentMarker {
                    if !lastWasList { listID += 1; itemIndex = 0 }
                    itemIndex += 1
                    let index = marker.number ?? itemIndex
                    if let b = makeBlock(current, firstLineSkip: marker.length, kind: .listItem(ordered: marker.number != nil, index: index, listID: listID), source: source) {
                        blocks.append(b)
                    }
                    lastWasList = true
                } else {
                    let isHeading = current.count == 1 && Self.looksLikeHeading(source.utf8, current[0])
                    let kind: BlockKind = isHeading ? .heading(level: blocks.isEmpty ? 1 : 2) : .paragraph
                    if let b = makeBlock(current, firstLineSkip: 0, kind: kind, source: source) { blocks.append(b) }
                    lastWasList = false
                }
            }
            for line in group {
                if let marker = Self.listMarker(source.utf8, line) {
                    emit()
                    currentMarker = marker
                    current = [line]
                } else {
                    current.append(line)
                }
            }
            emit()
        }

        for line in lines {
            if let d = Self.directive(source.utf8, line) {
                flushGroup()
                directives.append(d)
                continue
            }
            if line.isBlank(source.utf8) {
                flushGroup()
                lastWasList = false
                continue
            }
            group.append(line)
        }
        flushGroup()
        return Document(source: source, format: .text, blocks: blocks, directives: directives)
    }

    struct Line {
        var start: Int
        var end: Int  // excludes the line terminator
        func isBlank(_ b: [UInt8]) -> Bool {
            for i in start..<end where !isSpaceByte(b[i]) { return false }
            return true
        }
    }

    struct ListMarker {
        /// Bytes from the line start to the item text.
        var length: Int
        var number: Int?
    }

    /// Lines without their terminators (LF, CR or CRLF), from Core's one line-start scanner.
    static func lines(of b: [UInt8]) -> [Line] {
        let starts = b.withUnsafeBufferPointer { SourceText.lineStarts(in: $0, from: 0, to: $0.count) }
        var out: [Line] = []
        out.reserveCapacity(starts.count)
        for (k, start) in starts.enumerated() {
            guard k + 1 < starts.count else {
                if start < b.count { out.append(Line(start: start, end: b.count)) }
                break
            }
            var end = starts[k + 1]
            if b[end - 1] == 0x0A { end -= 1 }
            if end > start && b[end - 1] == 0x0D { end -= 1 }
            out.append(Line(start: start, end: end))
        }
        return out
    }

    static func listMarker(_ b: [UInt8], _ line: Line) -> ListMarker? {
        var i = line.start
        while i < line.end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        guard i < line.end else { return nil }
        func followedBySpace(_ j: Int) -> Bool { j < line.end && (b[j] == 0x20 || b[j] == 0x09) }
        switch b[i] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return followedBySpace(i + 1) ? ListMarker(length: i + 2 - line.start, number: nil) : nil
        case 0xE2 where i + 2 < line.end && b[i + 1] == 0x80 && b[i + 2] == 0xA2:  // •
            return followedBySpace(i + 3) ? ListMarker(length: i + 4 - line.start, number: nil) : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var j = i, value = 0
            while j < line.end && j - i < 4, b[j] >= 0x30 && b[j] <= 0x39 { value = value * 10 + Int(b[j] - 0x30); j += 1 }
            guard j < line.end, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ")"), followedBySpace(j + 1) else { return nil }
            return ListMarker(length: j + 2 - line.start, number: value)
        default:
            return nil
        }
    }

    static func looksLikeHeading(_ b: [UInt8], _ line: Line) -> Bool {
        var end = line.end
        while end > line.start && isSpaceByte(b[end - 1]) { end -= 1 }
        guard end > line.start else { return false }
        let last = b[end - 1]
        // Closing punctuation (. ! ? : ; ,) or a closing quote after it makes it a sentence.
        if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ",")].contains(last) { return false }
        if end - line.start >= 3 && b[end - 3] == 0xE2 && b[end - 2] == 0x80 && (b[end - 1] == 0xA6 || b[end - 1] == 0x9D) { return false }  // … ”
        var words = 0, inWord = false
        for i in line.start..<end {
            if isSpaceByte(b[i]) { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words <= maxHeadingWords
    }

    static func directive(_ b: [UInt8], _ line: Line) -> SuppressionDirective? {
        var s = line.start, e = line.end
        while s < e && isSpaceByte(b[s]) { s += 1 }
        while e > s && isSpaceByte(b[e - 1]) { e -= 1 }
        guard e - s >= 7, b[s] == UInt8(ascii: "<"), b[s + 1] == UInt8(ascii: "!"), b[s + 2] == UInt8(ascii: "-"), b[s + 3] == UInt8(ascii: "-"),
              b[e - 1] == UInt8(ascii: ">"), b[e - 2] == UInt8(ascii: "-"), b[e - 3] == UInt8(ascii: "-") else { return nil }
        let body = String(decoding: b[(s + 4)..<(e - 3)], as: UTF8.self)
        return SuppressionDirective.parse(commentBody: body, range: s..<e)
    }

    private func makeBlock(_ lines: [Line], firstLineSkip: Int, kind: BlockKind, source: SourceText) -> Block? {
        var builder = BlockTextBuilder()
        source.utf8.withUnsafeBufferPointer { b in
            for (i, line) in lines.enumerated() {
                let start = i == 0 ? line.start + firstLineSkip : line.start
                if i > 0 { builder.appendSpace(range: lines[i - 1].end..<line.start, lineBreak: true) }
                guard start < line.end else { continue }
                builder.appendVerbatim(UnsafeBufferPointer(rebasing: b[start..<line.end]), range: start..<line.end)
            }
        }
        guard !builder.isEmpty else { return nil }
        let (text, map) = builder.build()
        return Block(kind: kind, text: text, sourceMap: map, lineStarts: builder.lineStarts)
    }
}

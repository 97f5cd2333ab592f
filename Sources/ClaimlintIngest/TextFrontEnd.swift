import ClaimlintCore

/// Plain text: blank lines separate blocks; a line starting with "-", "*", "•", "+", "1." /
/// "1)" or a reference number ("[1]", "[a]", "(1)", "*1", "¹") starts a list item; a lone short line
/// without closing punctuation is a heading, and so is such a line opening a group when the next
/// line opens a sentence and would have fitted after it (a line break made on purpose, not a
/// hard wrap); line breaks inside a paragraph are soft. A line opening with "#" to "######" and a
/// space is a heading of that level, its text after the marker. Lines read one by one when the
/// layout says so: a stack of label lines (brand, name, price) gives one paragraph per line, and
/// short sentence lines broken on purpose (a list written without bullets) give one list item per
/// line (`lineByLineKind`). A line holding only `<!-- claimlint-... -->` is a suppression
/// directive, not text.
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
            var body = group[...]
            if group.count > 1, Self.isHeadingOverParagraph(source.utf8, group) {
                if let b = makeBlock([group[0]], firstLineSkip: 0, kind: .heading(level: blocks.isEmpty ? 1 : 2), source: source) { blocks.append(b) }
                lastWasList = false
                body = group.dropFirst()
            }
            let lineKind = Self.lineByLineKind(source.utf8, body)
            if lineKind == .labels {
                // A stack of label lines (brand, product name, size and price): one paragraph each.
                for line in body {
                    if let b = makeBlock([line], firstLineSkip: 0, kind: .paragraph, source: source) { blocks.append(b) }
                }
                lastWasList = false
                return
            }
            if lineKind == .items {
                // One sentence per line, broken on purpose: the lines of a list written without bullets.
                if !lastWasList { listID += 1; itemIndex = 0 }
                for line in body {
                    itemIndex += 1
                    if let b = makeBlock([line], firstLineSkip: 0, kind: .listItem(ordered: false, index: itemIndex, listID: listID), source: source) {
                        blocks.append(b)
                    }
                }
                lastWasList = true
                return
            }
            for line in body {
                if let marker = Self.listMarker(source.utf8, line) ?? Self.referenceMarker(source.utf8, line) {
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
            // "## Side effects": a heading line with Markdown's marker; the heading text is what
            // follows the marker.
            if let marker = Self.hashHeadingMarker(source.utf8, line) {
                flushGroup()
                if let b = makeBlock([line], firstLineSkip: marker.length, kind: .heading(level: marker.number ?? 1), source: source) { blocks.append(b) }
                lastWasList = false
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

    /// A reference number opening a line, as in a references list with no blank lines between
    /// entries: "[1] NHS. ...", "[a] ...", "(2) ...", "*4 ...". Numbered ones are ordered items.
    /// Unlike a bullet, the label stays in the item's text: it is part of the entry, the name
    /// the page's citation markers ("[a]") point to.
    static func referenceMarker(_ b: [UInt8], _ line: Line) -> ListMarker? {
        var i = line.start
        while i < line.end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        guard i + 2 < line.end else { return nil }
        func followedBySpace(_ j: Int) -> Bool { j < line.end && (b[j] == 0x20 || b[j] == 0x09) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isLowerLetter(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
        let indent = i - line.start
        // "¹ NHS. Croup.", "⁴ MHRA. ...": a superscript number (¹ ² ³ are C2 B9/B2/B3, ⁰ ⁴-⁹ E2 81 B0/B4-B9).
        var k = i, superscript = 0, superscriptDigits = 0
        while k + 1 < line.end && superscriptDigits < 3 {
            superscriptDigits += 1
            if b[k] == 0xC2, b[k + 1] == 0xB9 || b[k + 1] == 0xB2 || b[k + 1] == 0xB3 {
                superscript = superscript * 10 + (b[k + 1] == 0xB9 ? 1 : Int(b[k + 1] - 0xB0)); k += 2
            } else if k + 2 < line.end, b[k] == 0xE2, b[k + 1] == 0x81, b[k + 2] == 0xB0 || (b[k + 2] >= 0xB4 && b[k + 2] <= 0xB9) {
                superscript = superscript * 10 + Int(b[k + 2] - 0xB0); k += 3
            } else {
                break
            }
        }
        if k > i { return followedBySpace(k) ? ListMarker(length: indent, number: superscript) : nil }
        let open = b[i]
        let close: UInt8
        switch open {
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        case UInt8(ascii: "*"): close = 0
        default: return nil
        }
        var j = i + 1, value = 0
        while j < line.end && j - i <= 3, isDigit(b[j]) { value = value * 10 + Int(b[j] - 0x30); j += 1 }
        let digits = j - i - 1
        if close == 0 {
            // "*4 Pompoli A ...": a star and a number; "*Based on" and "* item" are not references.
            guard digits > 0, followedBySpace(j) else { return nil }
            return ListMarker(length: indent, number: value)
        }
        // "[1]", "(12)", or one lowercase letter "[a]".
        if digits == 0 {
            guard isLowerLetter(b[j]), j + 1 < line.end, b[j + 1] == close, followedBySpace(j + 2) else { return nil }
            return ListMarker(length: indent, number: nil)
        }
        guard j < line.end, b[j] == close, followedBySpace(j + 1) else { return nil }
        return ListMarker(length: indent, number: value)
    }

    /// Bytes of a line without trailing white space.
    static func trimmedLength(_ b: [UInt8], _ line: Line) -> Int {
        var end = line.end
        while end > line.start && isSpaceByte(b[end - 1]) { end -= 1 }
        return end - line.start
    }

    /// Hard-wrapped prose is wrapped at no less than this many bytes; a narrower paragraph is
    /// measured against this width.
    static let minWrapWidth = 60

    /// A heading line directly over its paragraph ("When to get help\nSee a dentist if ..."):
    /// the group's first line is heading-shaped (short, no closing punctuation), starts with a
    /// capital letter and is not a "Field: value" line (no colon); the next line opens a sentence
    /// (a capital, digit or opening quote) and is not a list item; the rest of the group ends
    /// like a paragraph (closing punctuation); and the next line's first word would have fitted
    /// on the first line at the group's wrap width, so the break was made on purpose. A
    /// hard-wrapped paragraph fails the last test: its first line ends where the next word did
    /// not fit. A stack of short label lines (title, subtitle, price) fails the ending test.
    static func isHeadingOverParagraph(_ b: [UInt8], _ group: [Line]) -> Bool {
        guard group.count > 1, looksLikeHeading(b, group[0]) else { return false }
        var h = group[0].start
        while h < group[0].end && (b[h] == 0x20 || b[h] == 0x09) { h += 1 }
        guard h < group[0].end, b[h] >= UInt8(ascii: "A") && b[h] <= UInt8(ascii: "Z"),
              !b[h..<group[0].end].contains(UInt8(ascii: ":")) else { return false }
        let next = group[1]
        guard listMarker(b, next) == nil, referenceMarker(b, next) == nil, endsLikeSentence(b, group[group.count - 1]),
              let i = textStart(b, next), opensSentence(b, at: i, end: next.end) else { return false }
        // The widest line stands for the wrap width (the heading's own line included).
        return nextWordFits(b, after: group[0], line: next, textStart: i, width: wrapWidth(b, group[...]))
    }

    /// Where the line's text starts, after leading spaces and tabs; nil for a blank line.
    static func textStart(_ b: [UInt8], _ line: Line) -> Int? {
        var i = line.start
        while i < line.end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        return i < line.end ? i : nil
    }

    /// Text at `i` opens a sentence: a capital, a digit or an opening quote.
    static func opensSentence(_ b: [UInt8], at i: Int, end: Int) -> Bool {
        let c = b[i]
        return (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "\"")
            || (c == 0xE2 && i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x9C)  // “
    }

    /// The wrap width of a run of lines: its widest line, and no less than `minWrapWidth`.
    static func wrapWidth(_ b: [UInt8], _ lines: ArraySlice<Line>) -> Int {
        var width = minWrapWidth
        for line in lines { width = max(width, trimmedLength(b, line)) }
        return width
    }

    /// Whether the first word of `line` (its text starting at `textStart`) would have fitted at the
    /// end of `previous` at `width`: if so, the line break was made on purpose, not by wrapping.
    static func nextWordFits(_ b: [UInt8], after previous: Line, line: Line, textStart i: Int, width: Int) -> Bool {
        var wordEnd = i
        while wordEnd < line.end && !isSpaceByte(b[wordEnd]) { wordEnd += 1 }
        return trimmedLength(b, previous) + 1 + (wordEnd - i) <= width
    }

    /// "# Title", "### Side effects": one to six "#", a space, then text. The marker's length
    /// (spaces after it included) and the number of "#" as the level.
    static func hashHeadingMarker(_ b: [UInt8], _ line: Line) -> ListMarker? {
        var i = line.start
        while i < line.end && i - line.start < 3 && b[i] == 0x20 { i += 1 }
        var level = 0
        while i < line.end && b[i] == UInt8(ascii: "#") { level += 1; i += 1 }
        guard (1...6).contains(level), i < line.end, b[i] == 0x20 || b[i] == 0x09 else { return nil }
        while i < line.end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        guard i < line.end else { return nil }
        return ListMarker(length: i - line.start, number: level)
    }

    /// How a run of lines with no list markers reads when each line stands alone.
    enum LineByLine { case prose, labels, items }

    /// A list written without bullets has at least this many lines.
    static let minUnbulletedItems = 3

    static func endsWithQuestionMark(_ b: [UInt8], _ line: Line) -> Bool {
        let n = trimmedLength(b, line)
        return n > 0 && b[line.start + n - 1] == UInt8(ascii: "?")
    }

    /// A list item written without a bullet has at most this many words.
    static let maxUnbulletedItemWords = 25

    /// `.labels`: two or more lines, each heading-shaped (short, no closing punctuation), as in
    /// the brand, product name and price lines that open a product page. `.items`: three or more
    /// lines, the first not a question (a question over its answer is a Q&A), each opening like a sentence (a capital, a digit or a quote), ending like one,
    /// at most `maxUnbulletedItemWords` words, and each break made on purpose (the next line's
    /// first word would have fitted on the line at the run's wrap width), as in "Key points",
    /// care instructions or FAQ lines without bullets. A hard-wrapped paragraph breaks where the
    /// next word did not fit, and its lines do not all end a sentence.
    static func lineByLineKind(_ b: [UInt8], _ lines: ArraySlice<Line>) -> LineByLine {
        guard lines.count > 1 else { return .prose }
        for line in lines where listMarker(b, line) != nil || referenceMarker(b, line) != nil { return .prose }
        if lines.allSatisfy({ looksLikeHeading(b, $0) }) { return .labels }
        // Two sentence lines, or a question over its answer, are too little to call a list.
        guard lines.count >= minUnbulletedItems, !endsWithQuestionMark(b, lines[lines.startIndex]) else { return .prose }
        let width = wrapWidth(b, lines)
        var previous: Line?
        for line in lines {
            guard endsLikeSentence(b, line), wordCount(b, line) <= maxUnbulletedItemWords,
                  let i = textStart(b, line), opensSentence(b, at: i, end: line.end) else { return .prose }
            if let previous, !nextWordFits(b, after: previous, line: line, textStart: i, width: width) { return .prose }
            previous = line
        }
        return .items
    }

    static func wordCount(_ b: [UInt8], _ line: Line) -> Int {
        var words = 0, inWord = false
        for i in line.start..<line.end {
            if isSpaceByte(b[i]) { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words
    }

    /// The line ends with ".", "!", "?" or "…", possibly followed by closing quotes or brackets.
    static func endsLikeSentence(_ b: [UInt8], _ line: Line) -> Bool {
        var end = line.start + trimmedLength(b, line)
        while end > line.start {
            let c = b[end - 1]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") {
                end -= 1
            } else if end - line.start >= 3, b[end - 3] == 0xE2, b[end - 2] == 0x80, b[end - 1] == 0x9D || b[end - 1] == 0x99 {
                end -= 3  // ” ’
            } else {
                break
            }
        }
        guard end > line.start else { return false }
        let c = b[end - 1]
        if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return true }
        return end - line.start >= 3 && b[end - 3] == 0xE2 && b[end - 2] == 0x80 && b[end - 1] == 0xA6  // …
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

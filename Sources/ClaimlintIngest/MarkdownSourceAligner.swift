import ClaimlintCore

/// Finds where cmark's decoded text came from in the Markdown source.
///
/// cmark-gfm's inline positions are only hints: they are wrong after a backslash hard break,
/// on lazy continuation lines and when a paragraph starts with a link reference definition,
/// and merged text nodes hide the escapes and entities inside them. Inline content comes out
/// in source order, though, so the aligner keeps a cursor per block and reads each literal
/// forward from it, undoing backslash escapes and entity references as it goes. Markup it
/// does not read (emphasis delimiters, line prefixes) is simply stepped over; markup whose
/// bytes could look like text (code spans, link destinations, raw HTML) is skipped exactly.
struct MarkdownSourceAligner {
    /// One run of a literal and the source bytes it came from.
    enum Piece {
        /// `literal[lit]` equals `source[src]` byte for byte.
        case verbatim(src: Range<Int>)
        /// `literal[lit]` is the decoding of `source[src]` (an escape or an entity).
        case mapped(lit: Range<Int>, src: Range<Int>)
    }

    let src: UnsafeBufferPointer<UInt8>

    // MARK: Reading a literal

    /// Reads `lit` from the first position at or after `from` (and before `limit`) where it
    /// matches. Returns the pieces and the end offset, or nil when it does not occur.
    func find(_ lit: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, into pieces: inout [Piece]) -> Int? {
        guard !lit.isEmpty else { return from }
        let first = lit[0]
        var p = from
        let end = min(limit, src.count)
        while p < end {
            let c = src[p]
            if c == first || c == UInt8(ascii: "\\") || c == UInt8(ascii: "&") {
                let mark = pieces.count
                if let e = match(lit, at: p, limit: end, into: &pieces) { return e }
                pieces.removeSubrange(mark...)
            }
            p += 1
        }
        return nil
    }

    /// Reads `lit` starting exactly at `p`.
    func match(_ lit: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int, into pieces: inout [Piece]) -> Int? {
        var i = 0, j = p
        let n = lit.count
        var verbatimStart = -1
        func closeVerbatim(_ pieces: inout [Piece]) {
            if verbatimStart >= 0 { pieces.append(.verbatim(src: verbatimStart..<j)); verbatimStart = -1 }
        }
        while i < n {
            guard j < limit else { return nil }
            let c = src[j]
            if c == UInt8(ascii: "\\"), j + 1 < limit, isASCIIPunctuation(src[j + 1]) {
                // A backslash escape: the literal holds the escaped character alone.
                guard lit[i] == src[j + 1] else { return nil }
                closeVerbatim(&pieces)
                pieces.append(.mapped(lit: i..<i + 1, src: j..<j + 2))
                i += 1
                j += 2
                continue
            }
            if c == UInt8(ascii: "&"), let entity = entityEnd(at: j, limit: limit) {
                if let decodedLength = decodedEntityLength(src: j..<entity, lit: lit, at: i) {
                    closeVerbatim(&pieces)
                    pieces.append(.mapped(lit: i..<i + decodedLength, src: j..<entity))
                    i += decodedLength
                    j = entity
                    continue
                }
                // Not an entity cmark knows: it stays literal text, read on byte by byte.
            }
            guard c == lit[i] else { return nil }
            if verbatimStart < 0 { verbatimStart = j }
            i += 1
            j += 1
        }
        closeVerbatim(&pieces)
        return j
    }

    /// The end of an entity or numeric character reference starting at `p` (`&name;`,
    /// `&#123;`, `&#x1F;`), or nil.
    func entityEnd(at p: Int, limit: Int) -> Int? {
        var j = p + 1
        guard j < limit else { return nil }
        if src[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < limit && (src[j] == UInt8(ascii: "x") || src[j] == UInt8(ascii: "X")) { hex = true; j += 1 }
            let digitsStart = j
            while j < limit && j - digitsStart < 8 && (hex ? isHexDigit(src[j]) : isDigit(src[j])) { j += 1 }
            guard j > digitsStart, j < limit, src[j] == UInt8(ascii: ";") else { return nil }
            return j + 1
        }
        let nameStart = j
        while j < limit && j - nameStart < 32 && isAlphanumeric(src[j]) { j += 1 }
        guard j > nameStart, j < limit, src[j] == UInt8(ascii: ";") else { return nil }
        return j + 1
    }

    /// How many bytes of `lit` starting at `i` the entity `src[range]` decoded to, or nil when
    /// the entity is not decoded there (cmark left it as literal text).
    func decodedEntityLength(src range: Range<Int>, lit: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let raw = UnsafeBufferPointer(rebasing: src[range])
        if raw[1] == UInt8(ascii: "#") {
            var value: UInt32 = 0
            let hex = raw[2] == UInt8(ascii: "x") || raw[2] == UInt8(ascii: "X")
            for b in raw[(hex ? 3 : 2)..<(raw.count - 1)] {
                let d = UInt32(hex ? hexValue(b) : b - 0x30)
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
            }
            // cmark replaces NUL, surrogates and out-of-range values with U+FFFD.
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
            let bytes = Array(String(scalar).utf8)
            return hasPrefix(lit, at: i, bytes) ? bytes.count : nil
        }
        let name = String(decoding: raw[1..<(raw.count - 1)], as: UTF8.self)
        if let known = Self.commonEntities[name] {
            let bytes = Array(known.utf8)
            return hasPrefix(lit, at: i, bytes) ? bytes.count : nil
        }
        // An entity outside the short table. If the literal spells it out, cmark did not
        // know it; otherwise it decoded to the next one or two scalars of the literal.
        if hasPrefix(lit, at: i, Array(raw)) { return nil }
        var end = i
        for _ in 0..<2 {
            guard end < lit.count else { break }
            end += utf8Width(lit[end])
            let next = range.upperBound < src.count ? src[range.upperBound] : nil
            if end >= lit.count || next == nil || lit[end] == next || next == UInt8(ascii: "&") || next == UInt8(ascii: "\\") {
                return min(end, lit.count) - i
            }
        }
        return end > i ? min(end, lit.count) - i : nil
    }

    private func hasPrefix(_ lit: UnsafeBufferPointer<UInt8>, at i: Int, _ bytes: [UInt8]) -> Bool {
        guard lit.count - i >= bytes.count else { return false }
        for k in 0..<bytes.count where lit[i + k] != bytes[k] { return false }
        return true
    }

    /// Entities common in articles. Others are decoded by looking at the literal.
    static let commonEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "deg": "°", "micro": "µ", "times": "×", "plusmn": "±", "middot": "·", "eacute": "é",
        "egrave": "è", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "ccedil": "ç", "euro": "€",
    ]

    // MARK: Skipping markup exactly

    /// The source range of the code span that starts at the first backtick at or after `from`.
    func codeSpan(from: Int, limit: Int) -> Range<Int>? {
        var p = from
        while p < limit && src[p] != UInt8(ascii: "`") { p += 1 }
        guard p < limit else { return nil }
        let open = p
        while p < limit && src[p] == UInt8(ascii: "`") { p += 1 }
        let length = p - open
        while p < limit {
            if src[p] == UInt8(ascii: "`") {
                let runStart = p
                while p < limit && src[p] == UInt8(ascii: "`") { p += 1 }
                if p - runStart == length { return open..<p }
            } else {
                p += 1
            }
        }
        return nil
    }

    /// Where a link or image ends, given the cursor after its text: steps over closing
    /// emphasis delimiters, `]`, and an inline destination `(url "title")` or a reference
    /// label `[ref]`; an angle autolink's `>`. Returns `from` when nothing fits.
    func linkTail(from: Int, limit: Int, angle: Bool) -> Int {
        var p = from
        if angle { return p < limit && src[p] == UInt8(ascii: ">") ? p + 1 : from }
        while p < limit && (src[p] == UInt8(ascii: "*") || src[p] == UInt8(ascii: "_") || src[p] == UInt8(ascii: "~")) { p += 1 }
        guard p < limit else { return from }
        guard src[p] == UInt8(ascii: "]") else { return from }
        p += 1
        guard p < limit else { return p }
        if src[p] == UInt8(ascii: "(") {
            return inlineDestination(from: p + 1, limit: limit) ?? p
        }
        if src[p] == UInt8(ascii: "[") {
            var q = p + 1
            while q < limit && src[q] != UInt8(ascii: "]") {
                if src[q] == UInt8(ascii: "\\") { q += 1 }
                q += 1
            }
            return q < limit ? q + 1 : p
        }
        return p
    }

    /// Whether the link that starts at `from` (after any emphasis delimiters) is an angle
    /// autolink `<scheme:...>` rather than `[text](...)` or a bare GFM autolink.
    func opensAngleAutolink(from: Int, limit: Int) -> Bool {
        var p = from
        while p < limit && (src[p] == UInt8(ascii: "*") || src[p] == UInt8(ascii: "_") || src[p] == UInt8(ascii: "~")) { p += 1 }
        return p < limit && src[p] == UInt8(ascii: "<")
    }

    /// After `(`: destination, optional title, `)`. Returns the offset after `)`.
    private func inlineDestination(from: Int, limit: Int) -> Int? {
        var p = from
        func skipSpace() { while p < limit && isSpaceByte(src[p]) { p += 1 } }
        skipSpace()
        guard p < limit else { return nil }
        if src[p] == UInt8(ascii: "<") {
            p += 1
            while p < limit && src[p] != UInt8(ascii: ">") {
                if src[p] == UInt8(ascii: "\\") { p += 1 }
                p += 1
            }
            p += 1
        } else {
            var depth = 0
            while p < limit && !isSpaceByte(src[p]) {
                let c = src[p]
                if c == UInt8(ascii: "\\") { p += 2; continue }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                p += 1
            }
        }
        skipSpace()
        guard p < limit else { return nil }
        let c = src[p]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") {
            let close = c == UInt8(ascii: "(") ? UInt8(ascii: ")") : c
            p += 1
            while p < limit && src[p] != close {
                if src[p] == UInt8(ascii: "\\") { p += 1 }
                p += 1
            }
            p += 1
            skipSpace()
        }
        guard p < limit, src[p] == UInt8(ascii: ")") else { return nil }
        return p + 1
    }

    /// The range of raw inline HTML whose literal is `lit`, looked for from `from`.
    func inlineHTML(_ lit: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Range<Int>? {
        var p = from
        while p < limit && src[p] != UInt8(ascii: "<") { p += 1 }
        guard p < limit else { return nil }
        // Usually verbatim; inside a block quote a multi-line tag loses its `>` prefixes.
        if limit - p >= lit.count && (0..<lit.count).allSatisfy({ src[p + $0] == lit[$0] }) { return p..<p + lit.count }
        guard let lastNewline = lit.lastIndex(of: 0x0A) else { return nil }
        let tail = UnsafeBufferPointer(rebasing: lit[(lastNewline + 1)...])
        var q = p + 1
        while q + tail.count <= limit {
            if (0..<tail.count).allSatisfy({ src[q + $0] == tail[$0] }) { return p..<q + tail.count }
            q += 1
        }
        return nil
    }

    /// The offset just after the next line terminator at or after `from`, or nil.
    func afterLineBreak(from: Int, limit: Int) -> Int? {
        var p = from
        while p < limit {
            if src[p] == 0x0A { return p + 1 }
            if src[p] == 0x0D { return p + 1 < src.count && src[p + 1] == 0x0A ? p + 2 : p + 1 }
            p += 1
        }
        return nil
    }

    /// The range of a footnote reference `[^label]` at or after `from`.
    func footnoteReference(from: Int, limit: Int) -> Range<Int>? {
        var p = from
        while p + 1 < limit && !(src[p] == UInt8(ascii: "[") && src[p + 1] == UInt8(ascii: "^")) { p += 1 }
        guard p + 1 < limit else { return nil }
        var q = p + 2
        while q < limit && src[q] != UInt8(ascii: "]") { q += 1 }
        return q < limit ? p..<q + 1 : nil
    }
}

/// Line starts of a UTF-8 buffer (LF, CRLF or a lone CR end a line, as in CommonMark), to turn
/// cmark's 1-based line and byte column into offsets.
struct LineTable {
    private(set) var starts: [Int]
    let base: Int
    let end: Int

    /// Lines of `src[base..<end]`; line 1 starts at `base`.
    init(_ src: UnsafeBufferPointer<UInt8>, base: Int, end: Int) {
        self.base = base
        self.end = end
        self.starts = SourceText.lineStarts(in: src, from: base, to: end)
    }

    /// The offset of line `line` (1-based), clamped to the buffer.
    func lineStart(_ line: Int) -> Int {
        guard line >= 1 else { return base }
        return line <= starts.count ? starts[line - 1] : end
    }

    /// The offset just after line `line`'s terminator (the next line's start).
    func lineEnd(_ line: Int) -> Int { lineStart(line + 1) }

    /// The offset just after the terminator of the line that holds `offset`.
    func lineEnd(containing offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1 < starts.count ? starts[lo + 1] : end
    }

    /// The offset of a 1-based line and byte column, kept inside that line.
    func offset(line: Int, column: Int) -> Int {
        let start = lineStart(line)
        return min(start + max(0, column - 1), lineEnd(line))
    }
}

@inline(__always) func isASCIIPunctuation(_ b: UInt8) -> Bool {
    (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
}
@inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) private func isHexDigit(_ b: UInt8) -> Bool {
    isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
}
@inline(__always) private func hexValue(_ b: UInt8) -> UInt8 {
    isDigit(b) ? b - 0x30 : (b | 0x20) - 0x61 + 10
}
@inline(__always) private func isAlphanumeric(_ b: UInt8) -> Bool {
    isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
}
/// Bytes in the UTF-8 sequence that starts with `lead`.
@inline(__always) func utf8Width(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}

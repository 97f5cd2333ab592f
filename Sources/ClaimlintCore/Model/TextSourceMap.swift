/// Maps each UTF-8 byte of a block's text to the UTF-8 source it came from.
///
/// The text is built from segments. A verbatim segment copies source bytes one for one; any
/// other segment (a decoded entity, a folded whitespace run, a soft line break) maps its
/// whole text range to its whole source range.
public struct TextSourceMap: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var textStart: Int
        public var textEnd: Int
        public var sourceStart: Int
        public var sourceEnd: Int
        public var verbatim: Bool
    }

    public private(set) var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }

    /// The index of the segment that holds text offset `t` (the last one starting at or before it).
    private func segmentIndex(containing t: Int) -> Int? {
        guard !segments.isEmpty else { return nil }
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].textStart <= t { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The source range for a text range. An empty text range maps to an empty source range
    /// at the start of its position.
    public func utf8Range(forText range: Range<Int>) -> Range<Int> {
        guard let first = segmentIndex(containing: range.lowerBound) else { return 0..<0 }
        let s = segments[first]
        let start: Int
        if s.verbatim {
            start = s.sourceStart + min(max(0, range.lowerBound - s.textStart), s.sourceEnd - s.sourceStart)
        } else {
            start = range.lowerBound >= s.textEnd ? s.sourceEnd : s.sourceStart
        }
        if range.isEmpty { return start..<start }
        let lastIndex = segmentIndex(containing: range.upperBound - 1) ?? first
        let l = segments[lastIndex]
        let end: Int
        if l.verbatim {
            end = l.sourceStart + min(max(0, range.upperBound - l.textStart), l.sourceEnd - l.sourceStart)
        } else {
            end = l.sourceEnd
        }
        return start..<max(start, end)
    }
}

/// Builds a block's text and its source map together, folding whitespace as it goes.
///
/// Front ends append what they read in source order; the builder keeps text and map in step
/// so a position can never drift.
public struct BlockTextBuilder {
    public private(set) var bytes: [UInt8] = []
    private var segments: [TextSourceMap.Segment] = []
    /// A whitespace run waiting to become one space, with the source it covers.
    private var pendingSpace: Range<Int>?
    /// Whether that run holds a line break of the source.
    private var pendingLineBreak = false
    /// Text offsets where a source line starts inside the block: the text after a folded run of
    /// whitespace that held a line feed or carriage return, or a break the front end marked as
    /// one (`appendSpace(range:lineBreak:)`). The block's start is not listed.
    public private(set) var lineStarts: [Int] = []

    public init() {}

    public var isEmpty: Bool { bytes.isEmpty }
    /// The current text length in UTF-8 bytes (pending whitespace not yet counted).
    public var count: Int { bytes.count }

    /// Appends source bytes that appear verbatim in the text; whitespace inside is folded.
    public mutating func appendVerbatim(_ source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        precondition(source.count == range.count)
        var i = 0
        let n = source.count
        while i < n {
            if isSpaceByte(source[i]) {
                let start = i
                var lineBreak = false
                while i < n && isSpaceByte(source[i]) {
                    if source[i] == 0x0A || source[i] == 0x0D { lineBreak = true }
                    i += 1
                }
                noteSpace(range.lowerBound + start..<range.lowerBound + i, lineBreak: lineBreak)
            } else {
                // A run of words joined by single ASCII spaces maps one to one, so it goes in
                // whole, as one segment (word by word it was 18% of a rules-off run).
                let start = i
                while i < n {
                    let c = source[i]
                    if !isSpaceByte(c) || (c == 0x20 && i + 1 < n && !isSpaceByte(source[i + 1])) {
                        i += 1
                    } else {
                        break
                    }
                }
                flushSpace()
                let t = bytes.count
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<i]))
                appendSegment(.init(textStart: t, textEnd: bytes.count,
                                    sourceStart: range.lowerBound + start, sourceEnd: range.lowerBound + i, verbatim: true))
            }
        }
    }

    public mutating func appendVerbatim(_ source: [UInt8], range: Range<Int>) {
        source.withUnsafeBufferPointer { appendVerbatim($0, range: range) }
    }

    /// Appends text that stands for a differently spelled source range (an entity, a
    /// character reference). Whitespace in `text` (e.g. from `&#32;`) counts as space.
    public mutating func appendMapped(_ text: String, range: Range<Int>) {
        let utf8 = Array(text.utf8)
        if !utf8.isEmpty && utf8.allSatisfy(isSpaceByte) {
            noteSpace(range)
            return
        }
        flushSpace()
        let t = bytes.count
        bytes.append(contentsOf: utf8)
        appendSegment(.init(textStart: t, textEnd: bytes.count, sourceStart: range.lowerBound, sourceEnd: range.upperBound, verbatim: false))
    }

    /// Records a break between words (a `<br>`, a soft line break, a block boundary inside a run).
    /// `lineBreak`: the break ends a line of the source (plain text's and Markdown's soft breaks).
    public mutating func appendSpace(range: Range<Int>, lineBreak: Bool = false) { noteSpace(range, lineBreak: lineBreak) }

    /// The finished text and map; trailing whitespace is dropped.
    public func build() -> (text: String, map: TextSourceMap) {
        (String(decoding: bytes, as: UTF8.self), TextSourceMap(segments: segments))
    }

    private mutating func noteSpace(_ range: Range<Int>, lineBreak: Bool = false) {
        guard !bytes.isEmpty else { return }  // leading whitespace is trimmed
        if lineBreak { pendingLineBreak = true }
        if let p = pendingSpace {
            pendingSpace = min(p.lowerBound, range.lowerBound)..<max(p.upperBound, range.upperBound)
        } else {
            pendingSpace = range
        }
    }

    private mutating func flushSpace() {
        guard let p = pendingSpace else { return }
        pendingSpace = nil
        let t = bytes.count
        if pendingLineBreak {
            lineStarts.append(t + 1)
            pendingLineBreak = false
        }
        bytes.append(0x20)
        let verbatim = p.count == 1  // a single source space byte maps one to one
        appendSegment(.init(textStart: t, textEnd: t + 1, sourceStart: p.lowerBound, sourceEnd: p.upperBound, verbatim: verbatim))
    }

    private mutating func appendSegment(_ s: TextSourceMap.Segment) {
        // Merge with the previous verbatim segment when both text and source are contiguous.
        if s.verbatim, var last = segments.last, last.verbatim, last.textEnd == s.textStart, last.sourceEnd == s.sourceStart {
            last.textEnd = s.textEnd
            last.sourceEnd = s.sourceEnd
            segments[segments.count - 1] = last
        } else {
            segments.append(s)
        }
    }
}

/// ASCII whitespace that text folding treats as a word break.
@inline(__always)
public func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

/// One input file: the bytes as read from disk and their UTF-8 decoding, with the maps
/// that turn a UTF-8 offset back into an original byte offset, a line and a column.
///
/// Front ends work on `utf8` only. Positions they report are UTF-8 offsets into it; the
/// engine turns them into `SourceSpan`s against the original file.
public struct SourceText: Sendable {
    /// The path as the user named it (or the stdin name).
    public let path: String
    /// The file exactly as read.
    public let original: [UInt8]
    /// The content as UTF-8, byte-order mark removed.
    public let utf8: [UInt8]
    /// The encoding the original was decoded from (`utf-8`, `windows-1252`, `utf-16le`, ...).
    public let encoding: String
    private let offsetMap: OffsetMap
    /// UTF-8 offset at which each line starts; lines end at LF, CRLF or a lone CR.
    private let lineStarts: [Int]
    /// Scalars before every multiple of `checkpointStride` bytes, so a column on a very long
    /// line costs at most one stride of counting instead of a scan from the line start (which
    /// made many findings on one multi-megabyte line quadratic).
    private let scalarCheckpoints: [Int]
    static let checkpointStride = 4096

    /// How UTF-8 offsets relate to original offsets.
    public enum OffsetMap: Sendable {
        /// original = utf8 + shift (UTF-8 input, `shift` is the BOM length).
        case shift(Int)
        /// original = table[utf8]; the table has `utf8.count + 1` entries (transcoded input).
        case table([Int])
    }

    public init(path: String, original: [UInt8], utf8: [UInt8], encoding: String, offsetMap: OffsetMap) {
        self.path = path
        self.original = original
        self.utf8 = utf8
        self.encoding = encoding
        self.offsetMap = offsetMap
        let n = utf8.count
        self.lineStarts = utf8.withUnsafeBufferPointer { SourceText.lineStarts(in: $0, from: 0, to: n) }
        var checkpoints = [Int]()
        checkpoints.reserveCapacity(n / Self.checkpointStride + 1)
        utf8.withUnsafeBufferPointer { b in
            var scalars = 0
            var k = 0
            while k < n {
                if k % Self.checkpointStride == 0 { checkpoints.append(scalars) }
                if b[k] & 0xC0 != 0x80 { scalars += 1 }
                k += 1
            }
        }
        self.scalarCheckpoints = checkpoints
    }

    /// Unicode scalars that start in `utf8[0..<offset]`.
    private func scalarCount(before offset: Int) -> Int {
        let c = offset / Self.checkpointStride
        guard c < scalarCheckpoints.count else { return scalarCheckpoints.isEmpty ? 0 : scalarCount(from: (scalarCheckpoints.count - 1) * Self.checkpointStride, base: scalarCheckpoints[scalarCheckpoints.count - 1], to: offset) }
        return scalarCount(from: c * Self.checkpointStride, base: scalarCheckpoints[c], to: offset)
    }

    private func scalarCount(from start: Int, base: Int, to end: Int) -> Int {
        var count = base
        utf8.withUnsafeBufferPointer { b in
            var i = start
            while i < end {
                if b[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
        }
        return count
    }

    /// Offsets at which lines of `b[from..<to]` start (the first is `from`); a line ends at LF,
    /// CRLF or a lone CR. Shared by every component that counts lines, so they agree.
    public static func lineStarts(in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [Int] {
        var starts = [from]
        var i = from
        while i < to {
            let c = b[i]
            if c == 0x0A {
                starts.append(i + 1)
            } else if c == 0x0D {
                if i + 1 < to && b[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// A source for text that is already UTF-8 (tests, stdin, generated examples).
    public init(path: String, string: String) {
        let bytes = Array(string.utf8)
        self.init(path: path, original: bytes, utf8: bytes, encoding: "utf-8", offsetMap: .shift(0))
    }

    /// The byte offset in the original file of a UTF-8 offset.
    public func originalOffset(ofUTF8 offset: Int) -> Int {
        switch offsetMap {
        case .shift(let s): return offset + s
        case .table(let t): return t[max(0, min(offset, t.count - 1))]
        }
    }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 offset.
    public func location(ofUTF8 offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, utf8.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = lineStarts[lo]
        if offset - lineStart <= Self.checkpointStride {
            return (lo + 1, 1 + scalarCount(from: lineStart, base: 0, to: offset))
        }
        return (lo + 1, 1 + scalarCount(before: offset) - scalarCount(before: lineStart))
    }

    /// The span in the original file that covers `range` of `utf8`.
    public func span(utf8 range: Range<Int>) -> SourceSpan {
        let start = location(ofUTF8: range.lowerBound)
        let end = location(ofUTF8: range.upperBound)
        let from = originalOffset(ofUTF8: range.lowerBound)
        let to = originalOffset(ofUTF8: range.upperBound)
        return SourceSpan(offset: from, length: max(0, to - from),
                          line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
    }

    /// The text of the original file at `span`, decoded for display.
    public func excerpt(utf8 range: Range<Int>) -> String {
        let r = max(0, range.lowerBound)..<min(utf8.count, max(range.lowerBound, range.upperBound))
        return String(decoding: utf8[r], as: UTF8.self)
    }

    /// The whole line (without its terminator) that contains a UTF-8 offset, for reports.
    public func lineText(containingUTF8 offset: Int) -> String {
        let (line, _) = location(ofUTF8: offset)
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start && (utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The `utf8` range of a 1-based line without its terminator (nil when out of range), for
    /// reporters that slice the bytes instead of decoding the line into a `String`.
    public func lineUTF8Range(line: Int) -> Range<Int>? {
        guard line >= 1 && line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start && (utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }

    /// The text of a 1-based line, without its terminator ("" when out of range).
    public func lineText(line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        return lineText(containingUTF8: lineStarts[line - 1])
    }

    public var lineCount: Int { lineStarts.count }
}

/// A located range in the original file, as the JSON contract spells it.
public struct SourceSpan: Sendable, Codable, Hashable {
    /// UTF-8 byte offset in the original file.
    public var offset: Int
    public var length: Int
    /// 1-based; columns count Unicode scalars.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(offset: Int, length: Int, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.offset = offset
        self.length = length
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

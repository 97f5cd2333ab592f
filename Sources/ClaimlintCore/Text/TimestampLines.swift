/// Chapter lists written as lines. A podcast's show notes list chapters one a line ("04:15 Why
/// creatine ...", "(24:40) ...", "[12:40] ...", "1:02:15 ..."); plain text and Markdown fold the
/// lines into one paragraph, where they would read as one long sentence. A line that opens with a
/// clock time is an item, like a bulleted line: the segmenter ends the unit before it and starts
/// the item's unit after the time, which is its marker (layout, like a bullet, in no unit).
/// Where lines start is the front end's record (`Block.lineStarts`); the block's start opens one.
/// A time inside a line ("take it at 08:30 daily") is text.
extension Segmenter {
    /// `sentences` with every line-opening timestamp cut out as above; the units after a timestamp
    /// are `isItemLine`. A unit cut before a timestamp has no terminator.
    static func splittingAtTimestampLines(_ sentences: [Sentence], tokens t: [Token], bytes: UnsafeBufferPointer<UInt8>,
                                          lineStarts: [Int]) -> [Sentence] {
        guard !t.isEmpty else { return sentences }
        // Fast path: only the tokens that open a line are looked at, and only when their first
        // byte can open a timestamp (a digit, "(" or "[").
        @inline(__always) func mayOpenStamp(_ offset: Int) -> Bool {
            let c = bytes[offset]
            return c &- 0x30 < 10 || c == 0x28 || c == 0x5B
        }
        var openers: [Int] = []
        if mayOpenStamp(Int(t[0].start)) { openers.append(0) }
        for offset in lineStarts where offset > 0 && offset < bytes.count && mayOpenStamp(offset) {
            // The token that starts at `offset` (tokens are sorted by start).
            var lo = 0, hi = t.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(t[mid].start) < offset { lo = mid + 1 } else { hi = mid }
            }
            if lo < t.count, Int(t[lo].start) == offset, lo > (openers.last ?? -1) { openers.append(lo) }
        }
        guard !openers.isEmpty else { return sentences }

        func byte(_ i: Int) -> UInt8 { bytes[Int(t[i].start)] }
        func isSingle(_ i: Int, _ c: UInt8) -> Bool { i < t.count && t[i].length == 1 && byte(i) == c }
        func isNumber(_ i: Int, length: ClosedRange<Int>) -> Bool { i < t.count && t[i].kind == .number && length.contains(t[i].length) }
        func adjacent(_ i: Int) -> Bool { t[i].start == t[i - 1].end }
        func isOpenBracket(_ i: Int) -> Bool { isSingle(i, 0x28) || isSingle(i, 0x5B) }
        func isCloseBracket(_ i: Int) -> Bool { isSingle(i, 0x29) || isSingle(i, 0x5D) }
        /// The first token after a clock time ("4:15", "04:15", "1:02:15") that starts at `i`, or nil.
        /// "2: 15 minutes" (spaced) and "Step 2:" are no clock times.
        func afterClock(_ i: Int) -> Int? {
            guard isNumber(i, length: 1...2), isSingle(i + 1, 0x3A), adjacent(i + 1), isNumber(i + 2, length: 2...2), adjacent(i + 2) else { return nil }
            var k = i + 3
            if isSingle(k, 0x3A), adjacent(k), isNumber(k + 1, length: 2...2), adjacent(k + 1) { k += 2 }
            return k
        }
        /// The first token of the item after a timestamp opening at `i`, or nil when there is none.
        /// `end`: the end of the segmenter's unit the timestamp is in.
        func afterStamp(_ i: Int, end: Int) -> Int? {
            let bracketed = isOpenBracket(i)
            guard var after = afterClock(bracketed ? i + 1 : i) else { return nil }
            if bracketed {
                guard isCloseBracket(after) else { return nil }
                after += 1
            }
            // "**04:15**" in plain text: markup kept as symbols; "04:15 -": a dash after the time.
            while after < end && t[after].kind != .word && t[after].kind != .number && !isOpenBracket(after) { after += 1 }
            return after <= end ? after : nil
        }

        var out: [Sentence] = []
        out.reserveCapacity(sentences.count + openers.count)
        var next = 0
        for s in sentences {
            // Timestamps opening a line in this unit: (first token of the stamp, first token after it).
            var stamps: [(Int, Int)] = []
            while next < openers.count && openers[next] < s.tokens.upperBound {
                let i = openers[next]
                next += 1
                guard i >= s.tokens.lowerBound, i >= (stamps.last?.1 ?? 0), let after = afterStamp(i, end: s.tokens.upperBound) else { continue }
                stamps.append((i, after))
            }
            guard !stamps.isEmpty else { out.append(s); continue }
            if stamps[0].0 > s.tokens.lowerBound {
                let end = stamps[0].0
                out.append(Sentence(range: Int(t[s.tokens.lowerBound].start)..<Int(t[end - 1].end), tokens: s.tokens.lowerBound..<end, terminator: nil))
            }
            for (n, stamp) in stamps.enumerated() {
                let more = n + 1 < stamps.count
                let end = more ? stamps[n + 1].0 : s.tokens.upperBound
                guard stamp.1 < end else { continue }
                let upper = more ? Int(t[end - 1].end) : s.range.upperBound
                out.append(Sentence(range: Int(t[stamp.1].start)..<upper, tokens: stamp.1..<end,
                                    terminator: more ? nil : s.terminator, isItemLine: true))
            }
        }
        return out
    }
}

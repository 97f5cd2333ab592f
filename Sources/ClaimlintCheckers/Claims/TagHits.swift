import ClaimlintCore

/// Every lexicon hit in one sentence, by tag, as token ranges of the block.
///
/// One flat array per sentence (none when it has no hit): first one entry per tag present (in
/// tag order) holding the bounds of that tag's hits further on, then the hits, tag after tag, in
/// scan order. A bit per tag answers `has` without touching the array, and a tag's bounds entry
/// is found by counting the bits below it. An array per tag (and an array of them) cost about
/// a dozen `malloc` calls per sentence and as many releases when the page's analyses were freed.
struct TagHits {
    private var flat: [Range<Int>] = []
    /// Bit `tag.rawValue` (of the two words, low then high) set when the tag has at least one hit.
    private var present: (UInt64, UInt64) = (0, 0)

    // (Inlined into its caller, so the trie is read in place from the vocabulary object: passed as an
    // argument, it was copied out of it, six arrays retained and released, on every sentence.)
    @inline(__always)
    init(trie: PhraseTrie<ClaimTag>, tokens: [Token], range: Range<Int>) {
        // Matches packed as tag << 56 | lower << 28 | upper; a block of 2^28 tokens or more takes
        // the slow path through `add`.
        let limit = 1 << 28
        guard range.upperBound < limit else {
            trie.forEachMatch(tokens, in: range) { r, tag in add(tag, r) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 120) { stack in
            var overflow: [UInt64] = []
            var n = 0
            var present = (UInt64(0), UInt64(0))
            trie.forEachMatch(tokens, in: range) { r, tag in
                let packed = UInt64(tag.rawValue) << 56 | UInt64(r.lowerBound) << 28 | UInt64(r.upperBound)
                if n < stack.count { stack[n] = packed } else { overflow.append(packed) }
                n += 1
                if tag.rawValue < 64 { present.0 |= Self.bit(tag) } else { present.1 |= Self.bit(tag) }
            }
            guard n > 0 else { return }
            self.present = present
            let tagCount = present.0.nonzeroBitCount + present.1.nonzeroBitCount
            func match(_ k: Int) -> UInt64 { k < stack.count ? stack[k] : overflow[k - stack.count] }
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { cursor in
                // Hits per tag, then each tag's first slot.
                for k in 0..<128 { cursor[k] = 0 }
                for k in 0..<n { cursor[Int(match(k) >> 56)] += 1 }
                flat = [Range<Int>](unsafeUninitializedCapacity: tagCount + n) { out, count in
                    var next = tagCount
                    var j = 0
                    for word in 0..<2 {
                        var bits = word == 0 ? present.0 : present.1
                        while bits != 0 {
                            let tag = word * 64 + bits.trailingZeroBitCount
                            bits &= bits - 1
                            let c = cursor[tag]
                            out.initializeElement(at: j, to: next..<(next + c))
                            cursor[tag] = next
                            next += c
                            j += 1
                        }
                    }
                    for k in 0..<n {
                        let m = match(k)
                        let tag = Int(m >> 56)
                        let lower = Int((m >> 28) & 0xFFF_FFFF), upper = Int(m & 0xFFF_FFFF)
                        out.initializeElement(at: cursor[tag], to: lower..<upper)
                        cursor[tag] += 1
                    }
                    count = tagCount + n
                }
            }
        }
    }

    /// No hit of any tag.
    var isEmpty: Bool { present.0 | present.1 == 0 }

    @inline(__always) private static func bit(_ tag: ClaimTag) -> UInt64 { 1 << UInt64(tag.rawValue & 63) }

    /// The index in `flat` of a present tag's bounds entry: the number of present tags below it.
    @inline(__always) private func slot(_ tag: ClaimTag) -> Int {
        let below = Self.bit(tag) &- 1
        return tag.rawValue < 64 ? (present.0 & below).nonzeroBitCount : present.0.nonzeroBitCount + (present.1 & below).nonzeroBitCount
    }

    subscript(_ tag: ClaimTag) -> ArraySlice<Range<Int>> { has(tag) ? flat[flat[slot(tag)]] : [] }

    // Queries over one tag's hits, read in place (perf18): `self[tag].first(where:)` and the like built a slice
    // (the array retained, the subscript a call) and ran a generic search the optimiser specialised for each
    // closure, its captures passed at +1 (retained before the call and released after), in dozens of places per
    // sentence. Inlined, each is a plain loop over `flat` with the test in it.

    /// The first hit of `tag`, if any (`self[tag].first`).
    @inline(__always) func first(_ tag: ClaimTag) -> Range<Int>? {
        guard has(tag) else { return nil }
        let b = flat[slot(tag)]
        return b.isEmpty ? nil : flat[b.lowerBound]
    }

    /// The first hit of `tag` that passes `test` (`self[tag].first(where: test)`).
    @inline(__always) func first(_ tag: ClaimTag, where test: (Range<Int>) -> Bool) -> Range<Int>? {
        guard has(tag) else { return nil }
        let b = flat[slot(tag)]
        var k = b.lowerBound
        while k < b.upperBound {
            let r = flat[k]
            if test(r) { return r }
            k += 1
        }
        return nil
    }

    /// The last hit of `tag` that passes `test` (`self[tag].last(where: test)`).
    @inline(__always) func last(_ tag: ClaimTag, where test: (Range<Int>) -> Bool) -> Range<Int>? {
        guard has(tag) else { return nil }
        let b = flat[slot(tag)]
        var k = b.upperBound
        while k > b.lowerBound {
            k -= 1
            let r = flat[k]
            if test(r) { return r }
        }
        return nil
    }

    /// Whether a hit of `tag` passes `test` (`self[tag].contains(where: test)`).
    @inline(__always) func contains(_ tag: ClaimTag, where test: (Range<Int>) -> Bool) -> Bool {
        first(tag, where: test) != nil
    }
    @inline(__always) func has(_ tag: ClaimTag) -> Bool { (tag.rawValue < 64 ? present.0 : present.1) & Self.bit(tag) != 0 }
    func contains(_ tag: ClaimTag, exactly r: Range<Int>) -> Bool { contains(tag) { $0 == r } }
    func any(_ tag: ClaimTag, overlapping r: Range<Int>) -> Bool { contains(tag) { $0.overlaps(r) } }

    /// The hits of two or three tags, one tag after another (what `self[a] + self[b] + self[c]` gives).
    /// When only one of the tags has hits, that tag's hits are read in place (`self[tag]`, no array
    /// built): a sentence's entities are nearly always interventions alone, and the joined array was
    /// one `malloc` per analysed sentence with a hit. Otherwise one array of the final size: the
    /// chained `+` built an intermediate array per operator.
    func ranges(_ a: ClaimTag, _ b: ClaimTag, _ c: ClaimTag? = nil) -> ArraySlice<Range<Int>> {
        switch (has(a), has(b), c.map { has($0) } ?? false) {
        case (false, false, false): return []
        case (true, false, false): return self[a]
        case (false, true, false): return self[b]
        case (false, false, true): return self[c!]
        default:
            let first = self[a], second = self[b], third = c.map { self[$0] } ?? []
            var out: [Range<Int>] = []
            out.reserveCapacity(first.count + second.count + third.count)
            out.append(contentsOf: first)
            out.append(contentsOf: second)
            out.append(contentsOf: third)
            return out[...]
        }
    }

    /// The number of tags present (bounds entries at the front of `flat`).
    private var tagCount: Int { present.0.nonzeroBitCount + present.1.nonzeroBitCount }

    /// Moves every bounds entry from `from` on by `by` slots (hits inserted or removed before them).
    private mutating func shiftBounds(from: Int, by: Int) {
        for j in from..<tagCount { flat[j] = (flat[j].lowerBound + by)..<(flat[j].upperBound + by) }
    }

    mutating func remove(_ tag: ClaimTag, where drop: (Range<Int>) -> Bool) {
        guard has(tag) else { return }
        let s = slot(tag)
        let b = flat[s]
        // Nothing is written before the first hit dropped: callers hold slices of `flat` (`cleanUp`), so a
        // write, even of a hit onto itself, copies the whole array, and most calls drop nothing.
        guard let firstDropped = b.first(where: { drop(flat[$0]) }) else { return }
        var kept = firstDropped
        for k in (firstDropped + 1)..<b.upperBound {
            let r = flat[k]
            if !drop(r) { flat[kept] = r; kept += 1 }
        }
        let removed = b.upperBound - kept
        guard removed > 0 else { return }
        flat.removeSubrange(kept..<b.upperBound)
        flat[s] = b.lowerBound..<kept
        shiftBounds(from: s + 1, by: -removed)
        if kept == b.lowerBound {
            // No hit left: the tag's bounds entry goes, and every slice moves down one slot.
            flat.remove(at: s)
            if tag.rawValue < 64 { present.0 &= ~Self.bit(tag) } else { present.1 &= ~Self.bit(tag) }
            shiftBounds(from: 0, by: -1)
        }
    }

    mutating func add(_ tag: ClaimTag, _ r: Range<Int>) {
        if !has(tag) {
            // A new bounds entry at the tag's slot: every slice moves up one slot, and the new
            // (empty) slice sits where the next tag's begins.
            let s = slot(tag)
            let at = s < tagCount ? flat[s].lowerBound : flat.count
            flat.insert(at..<at, at: s)
            if tag.rawValue < 64 { present.0 |= Self.bit(tag) } else { present.1 |= Self.bit(tag) }
            shiftBounds(from: 0, by: 1)
        }
        let s = slot(tag)
        let end = flat[s].upperBound
        flat.insert(r, at: end)
        flat[s] = flat[s].lowerBound..<(end + 1)
        shiftBounds(from: s + 1, by: 1)
    }
}

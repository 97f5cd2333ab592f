/// A filter over word keys, one bit per value of a key's top bits (keys are FNV-1a hashes, so the
/// bits spread well): 64K bits unless sized smaller. "No" is exact and "maybe" may be wrong: a
/// caller looks a word up in its real set or trie only when the filter says maybe, and most words
/// of a page are turned away with one load from a table of at most 8 kB.
public struct WordKeyFilter: Sendable {
    @usableFromInline var bits: [UInt64]
    /// 64 minus the number of key bits used: a key's bit is `key.raw >> shift`.
    @usableFromInline var shift: UInt64

    /// `bitCount` a power of two from 64 to 2^16.
    public init(bitCount: Int = 1 << 16) {
        precondition(bitCount >= 64 && bitCount <= 1 << 16 && bitCount & (bitCount - 1) == 0, "WordKeyFilter: bitCount must be a power of two in 64...65536")
        bits = [UInt64](repeating: 0, count: bitCount / 64)
        shift = UInt64(64 - bitCount.trailingZeroBitCount)
    }

    public init(_ keys: some Sequence<WordKey>) {
        self.init()
        for key in keys { insert(key) }
    }

    /// The number of bits (a power of two).
    public var bitCount: Int { bits.count * 64 }

    public mutating func insert(_ key: WordKey) {
        let b = bit(key)
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    @inlinable @inline(__always)
    public func mayContain(_ key: WordKey) -> Bool {
        let b = bit(key)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    @inlinable @inline(__always)
    func bit(_ key: WordKey) -> Int { Int(truncatingIfNeeded: key.raw >> shift) }
}

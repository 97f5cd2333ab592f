/// A 64K-bit filter over word keys, one bit per value of a key's top 16 bits (keys are FNV-1a
/// hashes, so the bits spread well). "No" is exact and "maybe" may be wrong: a caller looks a
/// word up in its real set or trie only when the filter says maybe, and most words of a page are
/// turned away with one load from an 8 kB table.
public struct WordKeyFilter: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 1024)

    public init() {}

    public init(_ keys: some Sequence<WordKey>) {
        for key in keys { insert(key) }
    }

    public mutating func insert(_ key: WordKey) {
        let b = Self.bit(key)
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    @inlinable @inline(__always)
    public func mayContain(_ key: WordKey) -> Bool {
        let b = Self.bit(key)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    @inlinable @inline(__always)
    @usableFromInline static func bit(_ key: WordKey) -> Int { Int(truncatingIfNeeded: key.raw >> 48) }
}

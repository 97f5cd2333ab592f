/// A map from word keys to small values for the hottest per-word look-ups: open addressing
/// with the key and its value in one slot, so a look-up touches one cache line. A `Dictionary`
/// keeps keys and values in separate arrays, and on a lexicon of tens of thousands of words the
/// value load missed the cache on nearly every word (`perf annotate` of the clause analyser).
/// Keys are already 64-bit hashes, so a multiply-xorshift spreads them; the table is built once
/// and never more than half full.
public struct WordKeyMap<Value: Sendable>: Sendable {
    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var key: UInt64
        /// Nil: an empty slot.
        @usableFromInline var value: Value?
        @usableFromInline init(key: UInt64, value: Value?) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var slots: [Slot]
    @usableFromInline var mask: Int
    public private(set) var count = 0

    public init(_ entries: [WordKey: Value]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
        mask = size - 1
        for (key, value) in entries {
            var i = Self.slot(key.raw, mask: mask)
            while slots[i].value != nil { i = (i + 1) & mask }
            slots[i] = Slot(key: key.raw, value: value)
            count += 1
        }
    }

    /// The first slot a key probes in a table of `mask + 1` slots; shared with the sentence checker's
    /// packed word table, which must probe in the same order.
    @inlinable @inline(__always)
    public static func slot(_ key: UInt64, mask: Int) -> Int {
        let h = (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 20) & mask
    }

    @inlinable
    public subscript(key: WordKey) -> Value? {
        let raw = key.raw
        var i = Self.slot(raw, mask: mask)
        return slots.withUnsafeBufferPointer { table in
            while true {
                guard let value = table[i].value else { return nil }
                if table[i].key == raw { return value }
                i = (i + 1) & mask
            }
        }
    }
}

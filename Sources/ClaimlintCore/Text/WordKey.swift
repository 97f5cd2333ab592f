/// A word's identity for lexicon and trie look-ups: a 64-bit FNV-1a hash of its case-folded
/// form, with typographic apostrophes folded to ASCII, so matching needs no String per token.
public struct WordKey: Hashable, Sendable {
    public let raw: UInt64
    @inlinable public init(raw: UInt64) { self.raw = raw }

    public static func == (a: WordKey, b: WordKey) -> Bool { a.raw == b.raw }

    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    /// `Set<WordKey>` and `Dictionary` look-ups hash with this: `raw` is already a 64-bit hash,
    /// so one multiply-xorshift with the per-process seed spreads it, and the lexicon checks
    /// skip SipHash (about 7% of a whole run's CPU time in `Hasher`). The seed keeps bucket
    /// positions unpredictable from outside.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        var h = raw ^ UInt64(bitPattern: Int64(seed))
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The key of a UTF-8 byte range. ASCII folds byte-wise; other text through `lowercased()`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h = WordKey.offsetBasis
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            for var b in bytes {
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                h = (h ^ UInt64(b)) &* WordKey.prime
            }
        } else {
            let folded = WordKey.fold(String(decoding: bytes, as: UTF8.self))
            for b in folded.utf8 { h = (h ^ UInt64(b)) &* WordKey.prime }
        }
        raw = h
    }

    /// The key of a word given as a string (lexicon entries).
    public init(_ word: some StringProtocol) {
        var h = WordKey.offsetBasis
        // ASCII (nearly every lexicon entry): `fold` only lowercases A-Z there, so the bytes are
        // hashed as they come, without the two Strings `fold` builds (start-up makes tens of
        // thousands of keys).
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            for var b in word.utf8 {
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                h = (h ^ UInt64(b)) &* WordKey.prime
            }
            raw = h
            return
        }
        for b in WordKey.fold(String(word)).utf8 { h = (h ^ UInt64(b)) &* WordKey.prime }
        raw = h
    }

    /// Lowercase, typographic apostrophes to "'", typographic hyphens to "-".
    public static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.lowercased().unicodeScalars {
            switch ch {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.unicodeScalars.append("'")
            case "\u{2010}", "\u{2011}": out.unicodeScalars.append("-")
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// A word's identity for lexicon and trie look-ups: a 64-bit FNV-1a hash of its case-folded
/// form, with typographic apostrophes folded to ASCII, so matching needs no String per token.
public struct WordKey: Hashable, Sendable {
    public let raw: UInt64
    public init(raw: UInt64) { self.raw = raw }

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

/// A token of a block's text. Offsets are UTF-8 offsets into the block text.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly with digits, internal hyphens, apostrophes or dots ("anti-ageing",
        /// "don't", "U.S.", "COVID-19", "B12").
        case word
        /// Digits with internal separators ("3.5", "1,000", "2024").
        case number
        /// Sentence and clause punctuation (. , ; : ! ? … and dashes).
        case punctuation
        /// Quotes, brackets and other symbols (% & / + ...).
        case symbol
    }

    public var start: Int32
    public var end: Int32
    public var kind: Kind
    /// Shape of the first letter, for casing checks.
    public var isCapitalized: Bool
    /// Every letter uppercase and at least two letters ("FDA", "DNA").
    public var isAllCaps: Bool
    public var key: WordKey

    public var range: Range<Int> { Int(start)..<Int(end) }
    public var length: Int { Int(end - start) }
    public var isWord: Bool { kind == .word }
}

/// A sentence (or sentence-like unit) inside a block.
public struct Sentence: Sendable, Hashable {
    /// UTF-8 range in the block text, from the first character to the terminator and any
    /// closing quotes or brackets after it.
    public var range: Range<Int>
    /// Index range into the block's tokens.
    public var tokens: Range<Int>
    /// The final punctuation (".", "!", "?", "…", ":"), or nil when the unit has none.
    public var terminator: Unicode.Scalar?
    /// The unit is an item line: it follows a timestamp that opens a line of the source ("04:15
    /// Why creatine ...", a chapter of show notes). The timestamp is its marker, like a bullet, and
    /// is in no unit. A unit cut before such a line has no terminator.
    public var isItemLine: Bool

    public init(range: Range<Int>, tokens: Range<Int>, terminator: Unicode.Scalar?, isItemLine: Bool = false) {
        self.range = range
        self.tokens = tokens
        self.terminator = terminator
        self.isItemLine = isItemLine
    }
}

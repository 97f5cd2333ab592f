/// Splits a block's text into word tokens and sentences with one scan over its UTF-8 bytes.
///
/// No regular expressions: a byte scanner is about 170 MB/s here, and offsets come out as
/// UTF-8 positions that the block's source map turns into file positions.
public struct Segmenter: Sendable {
    /// Title abbreviations that are always followed by a name ("Dr. Patel").
    var titleAbbreviations: Set<WordKey>
    /// Abbreviations that never end a sentence ("vs.", "approx.", "cf.").
    var inlineAbbreviations: Set<WordKey>
    /// Abbreviations that do not end a sentence before a number ("No. 5", "Fig. 2").
    var numberAbbreviations: Set<WordKey>
    /// Abbreviations that end a sentence only before a capitalised word ("etc.", "et al.").
    var softAbbreviations: Set<WordKey>
    /// Words after which a single capital letter is a name, not an initial ("vitamin C.").
    var letterNamers: Set<WordKey>

    public init(extraAbbreviations: [String] = []) {
        func keys(_ words: [String]) -> Set<WordKey> { Set(words.map { WordKey($0) }) }
        titleAbbreviations = keys(["dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "rev", "gen", "hon", "mt", "ft", "drs", "messrs", "sen", "rep", "gov", "capt", "col", "lt", "sgt"])
        inlineAbbreviations = keys(["vs", "approx", "ca", "cf", "incl", "esp", "viz", "resp", "min", "max", "avg", "dept", "est", "inc", "ltd", "co", "corp", "mfg", "univ", "assn"] + extraAbbreviations)
        numberAbbreviations = keys(["no", "nos", "vol", "vols", "pp", "p", "fig", "figs", "ref", "refs", "eq", "ch", "sec", "art", "tab", "para", "op", "ed", "n"])
        softAbbreviations = keys(["etc", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        letterNamers = keys(["vitamin", "vitamins", "hepatitis", "type", "group", "stage", "grade", "class", "phase", "omega", "plan", "zone", "factor", "complex", "schedule", "part", "appendix", "section", "level", "strep", "protein", "cell", "cells", "t", "b"])
    }

    public static let shared = Segmenter()

    /// Tokens and sentences of `text`.
    public func segment(_ text: String) -> (tokens: [Token], sentences: [Sentence]) {
        segment(utf8: Array(text.utf8))
    }

    /// Tokens and sentences of UTF-8 bytes (callers that keep the bytes avoid a second copy).
    /// `lineStarts`: the block's `Block.lineStarts`; a line opening with a timestamp is a unit of
    /// its own (`splittingAtTimestampLines`).
    public func segment(utf8: [UInt8], lineStarts: [Int] = []) -> (tokens: [Token], sentences: [Sentence]) {
        utf8.withUnsafeBufferPointer { b in
            let tokens = Segmenter.tokenize(b)
            let units = sentences(tokens: tokens, bytes: b)
            return (tokens, Segmenter.splittingAtTimestampLines(units, tokens: tokens, bytes: b, lineStarts: lineStarts))
        }
    }

    // MARK: Tokens

    /// Word, number, punctuation and symbol tokens of UTF-8 text.
    public static func tokenize(_ b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        // About one token per 5.2 bytes of prose: a fifth was short for half the blocks, which
        // then grew (a second allocation and a copy); a quarter is short for few.
        tokens.reserveCapacity(b.count / 4 + 1)
        let n = b.count
        var i = 0
        while i < n {
            let (scalar, width) = decode(b, i)
            let cls = classify(scalar)
            switch cls {
            case .space:
                i += width
            case .letter, .digit:
                let start = i
                // Words of ASCII letters and digits only (most words) are finished in this one
                // scan: case counts and the key's hash are built as the bytes go by.
                if scalar.value < 0x80, let (token, end) = asciiWord(b, start) {
                    tokens.append(token)
                    i = end
                    continue
                }
                var sawLetter = cls == .letter
                // Tracked as we go: rescanning the word at every dot made "a.a.a.…" quadratic.
                var sawASCIIDigit = scalar.value >= 0x30 && scalar.value <= 0x39
                var j = i + width
                // Parts separated by "." so far; a dot joins only single-letter parts (U.S., e.g.).
                var partLength = 1
                var dotted = false
                while j < n {
                    let (s, w) = decode(b, j)
                    let c = classify(s)
                    if c == .letter || c == .digit {
                        if c == .letter { sawLetter = true } else if s.value < 0x80 { sawASCIIDigit = true }
                        partLength += 1
                        j += w
                        continue
                    }
                    // Connectors inside a word: apostrophes, hyphens and underscores between letters or
                    // digits ("cob_and_chaos", a forum name, is one word: round 32), "." between single
                    // letters, "." or "," inside numbers.
                    guard j + w < n else { break }
                    let (next, _) = decode(b, j + w)
                    let nextClass = classify(next)
                    let nextIsAlnum = nextClass == .letter || nextClass == .digit
                    if (s == "'" || s == "\u{2019}" || s == "-" || s == "\u{2011}" || s == "\u{2010}" || s == "_") && nextIsAlnum {
                        partLength = 0
                        j += w
                        continue
                    }
                    if s == "." && nextClass == .letter && partLength == 1 && sawLetter && !sawASCIIDigit {
                        dotted = true
                        partLength = 0
                        j += w
                        continue
                    }
                    if (s == "." || s == ",") && !sawLetter && nextClass == .digit {
                        // "3.5", "1,000" (a comma only before exactly three digits).
                        if s == "," {
                            var k = j + 1, digits = 0
                            while k < n && b[k] >= 0x30 && b[k] <= 0x39 { digits += 1; k += 1 }
                            if digits != 3 { break }
                        }
                        j += w
                        continue
                    }
                    break
                }
                // "U.S." and "e.g." keep their final dot.
                if dotted && j < n && b[j] == 0x2E && partLength == 1 { j += 1 }
                let kind: Token.Kind = sawLetter ? .word : .number
                tokens.append(makeToken(b, start, j, kind))
                i = j
            case .punctuation:
                // A run of dots is one ellipsis token.
                var j = i + width
                if scalar == "." { while j < n && b[j] == 0x2E { j += 1 } }
                tokens.append(makeToken(b, i, j, .punctuation))
                i = j
            case .symbol:
                tokens.append(makeToken(b, i, i + width, .symbol))
                i += width
            }
        }
        return tokens
    }

    /// The token of a plain ASCII word or number at `start`, if it has no connector (hyphen,
    /// apostrophe, dot or comma followed by a letter or digit) and is not followed by a
    /// non-ASCII letter, digit or connector; otherwise nil, and the general scan handles it.
    /// Produces exactly what the general scan and `makeToken` would.
    @inline(__always)
    private static func asciiWord(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Token, Int)? {
        let n = b.count
        var h = WordKey.offsetBasis
        var upper = 0, lower = 0
        var capitalized = false, sawAlpha = false, sawLetter = false
        var j = start
        while j < n {
            var c = b[j]
            if c &- 0x61 < 26 {
                lower += 1; sawAlpha = true; sawLetter = true
            } else if c &- 0x41 < 26 {
                upper += 1
                if !sawAlpha { capitalized = true }
                sawAlpha = true; sawLetter = true
                c |= 0x20
            } else if c &- 0x30 < 10 {
            } else {
                break
            }
            h = (h ^ UInt64(c)) &* WordKey.prime
            j += 1
        }
        // What follows must plainly end the word: space, end of text, or ASCII punctuation or
        // symbol that is not a connector before a letter or digit.
        if j < n {
            let c = b[j]
            if c >= 0x80 { return nil }
            if c == 0x27 || c == 0x2D || c == 0x2E || c == 0x2C || c == 0x5F {
                if j + 1 < n {
                    let d = b[j + 1]
                    if d >= 0x80 || (d | 0x20) &- 0x61 < 26 || d &- 0x30 < 10 { return nil }
                }
            }
        }
        let kind: Token.Kind = sawLetter ? .word : .number
        let token = Token(start: Int32(start), end: Int32(j), kind: kind,
                          isCapitalized: kind == .word && capitalized,
                          isAllCaps: kind == .word && upper >= 2 && lower == 0, key: WordKey(raw: h))
        return (token, j)
    }

    private static func makeToken(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: Token.Kind) -> Token {
        var capitalized = false, upper = 0, lower = 0
        if kind == .word {
            var k = start
            var first = true
            while k < end {
                // ASCII by byte ranges: Unicode.Scalar.Properties lookups cost more than all the rest of the tokenizer.
                let c = b[k]
                if c < 0x80 {
                    if c >= 0x41 && c <= 0x5A {
                        upper += 1
                        if first { capitalized = true }
                        first = false
                    } else if c >= 0x61 && c <= 0x7A {
                        lower += 1
                        first = false
                    }
                    k += 1
                    continue
                }
                let (s, w) = decode(b, k)
                let (isUpper, isLower, isAlpha) = caseFlags(s)
                if isUpper { upper += 1; if first { capitalized = true } } else if isLower { lower += 1 }
                if isAlpha { first = false }
                k += w
            }
        }
        let key = WordKey(UnsafeBufferPointer(rebasing: b[start..<end]))
        return Token(start: Int32(start), end: Int32(end), kind: kind, isCapitalized: capitalized,
                     isAllCaps: upper >= 2 && lower == 0, key: key)
    }

    enum CharClass { case space, letter, digit, punctuation, symbol }

    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        let n = b.count
        var value: UInt32, width: Int
        if c0 & 0xE0 == 0xC0 { value = UInt32(c0 & 0x1F); width = 2 }
        else if c0 & 0xF0 == 0xE0 { value = UInt32(c0 & 0x0F); width = 3 }
        else if c0 & 0xF8 == 0xF0 { value = UInt32(c0 & 0x07); width = 4 }
        else { return ("\u{FFFD}", 1) }
        guard i + width <= n else { return ("\u{FFFD}", 1) }
        for k in 1..<width {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// ASCII by arithmetic, most frequent classes first: the `switch` over ranges it replaces
    /// was the hottest function of a whole run (12% of CPU time).
    @inline(__always)
    static func asciiClass(_ b: UInt8) -> CharClass {
        if (b | 0x20) &- 0x61 < 26 { return .letter }  // A-Z, a-z
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return .space }
        if b &- 0x30 < 10 { return .digit }
        switch b {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: return .punctuation  // . , ; : ! ?
        case 0x2D: return .punctuation  // a free-standing hyphen acts as a dash
        default: return .symbol
        }
    }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> CharClass {
        let v = s.value
        if v < 0x80 { return asciiClass(UInt8(truncatingIfNeeded: v)) }
        return nonASCIIClass(s)
    }

    /// A non-ASCII scalar's class: from a table for the two-byte range and the general
    /// punctuation block (accented Latin, Greek, Cyrillic letters, dashes, quotes: nearly every
    /// non-ASCII character of the pages linted), else from its Unicode properties. The table is
    /// filled by `propertyClass`, so both give the same answer.
    @inline(__always)
    static func nonASCIIClass(_ s: Unicode.Scalar) -> CharClass {
        let v = s.value
        if v < 0x800 { return twoByteTables.classes[Int(v) - 0x80] }
        if v >= 0x2000 && v < 0x2100 { return punctuationBlockClasses[Int(v) - 0x2000] }
        return propertyClass(s)
    }

    /// (isUppercase, isLowercase, isAlphabetic) of a non-ASCII scalar: a table for the two-byte
    /// range, filled from the same properties.
    @inline(__always)
    static func caseFlags(_ s: Unicode.Scalar) -> (Bool, Bool, Bool) {
        let v = s.value
        if v < 0x800 {
            let f = twoByteTables.caseFlags[Int(v) - 0x80]
            return (f & 1 != 0, f & 2 != 0, f & 4 != 0)
        }
        let p = s.properties
        return (p.isUppercase, p.isLowercase, p.isAlphabetic)
    }

    /// U+0080..U+07FF: classes and case flags (bit 0 uppercase, 1 lowercase, 2 alphabetic).
    /// Unicode property look-ups per character were 0.35% of a whole run on the HTML corpus.
    static let twoByteTables: (classes: [CharClass], caseFlags: [UInt8]) = {
        var classes: [CharClass] = [], flags: [UInt8] = []
        for v in UInt32(0x80)..<0x800 {
            let s = Unicode.Scalar(v)!
            classes.append(propertyClass(s))
            let p = s.properties
            flags.append((p.isUppercase ? 1 : 0) | (p.isLowercase ? 2 : 0) | (p.isAlphabetic ? 4 : 0))
        }
        return (classes, flags)
    }()
    /// U+2000..U+20FF (general punctuation, super- and subscripts, currency signs).
    static let punctuationBlockClasses: [CharClass] = (UInt32(0x2000)..<0x2100).map { propertyClass(Unicode.Scalar($0)!) }

    /// Kept out of line: its `Unicode.NumericType?` made every call, ASCII ones included, look
    /// up type metadata and grow the stack (19% of a rules-off run).
    @inline(never)
    static func propertyClass(_ s: Unicode.Scalar) -> CharClass {
        let v = s.value
        switch v {
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x2026, 0x2013, 0x2014, 0x2015: return .punctuation  // … – — ―
        default: break
        }
        let p = s.properties
        if p.isAlphabetic { return .letter }
        if p.numericType != nil { return .digit }
        return .symbol
    }

    // MARK: Sentences

    /// Closing quotes and brackets that stay with the sentence before them. A switch, not a
    /// `Set`: hashing showed up in profiles.
    @inline(__always)
    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB, 0x203A: return true
        default: return false
        }
    }

    private func sentences(tokens: [Token], bytes b: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var result: [Sentence] = []
        guard !tokens.isEmpty else { return result }
        // Room for units of a dozen tokens (most are longer): grown from empty, a paragraph's
        // list was allocated three or four times.
        result.reserveCapacity(tokens.count / 12 + 1)
        var sentenceStart = 0
        var t = 0
        let count = tokens.count
        func scalar(_ tok: Token) -> Unicode.Scalar { Segmenter.decode(b, Int(tok.start)).0 }
        func close(_ lastToken: Int, _ terminator: Unicode.Scalar?) {
            let r = Int(tokens[sentenceStart].start)..<Int(tokens[lastToken].end)
            result.append(Sentence(range: r, tokens: sentenceStart..<(lastToken + 1), terminator: terminator))
            sentenceStart = lastToken + 1
        }
        while t < count {
            let tok = tokens[t]
            let s = scalar(tok)
            let isTerminator = tok.kind == .punctuation && (s == "." || s == "!" || s == "?" || s == "\u{2026}")
            guard isTerminator else { t += 1; continue }
            // The run of terminators ("?!", "...") and closing quotes or brackets after it.
            var last = t
            while last + 1 < count, tokens[last + 1].start == tokens[last].end, tokens[last + 1].kind == .punctuation {
                let ns = scalar(tokens[last + 1])
                guard ns == "." || ns == "!" || ns == "?" || ns == "\u{2026}" else { break }
                last += 1
            }
            var closedByQuote = false
            while last + 1 < count, tokens[last + 1].start == tokens[last].end,
                  Segmenter.isCloser(scalar(tokens[last + 1]).value) {
                last += 1
                closedByQuote = true
            }
            let terminatorScalar = scalar(tokens[t])
            let isEllipsis = terminatorScalar == "\u{2026}" || (terminatorScalar == "." && tok.length > 1)
            guard last + 1 < count else {
                close(last, terminatorScalar)
                break
            }
            let next = tokens[last + 1]
            if isBoundary(tokens: tokens, at: t, next: next, sentenceStart: sentenceStart, terminator: terminatorScalar,
                          isEllipsis: isEllipsis, closedByQuote: closedByQuote, spaced: next.start > tokens[last].end) {
                close(last, terminatorScalar)
            }
            t = last + 1
        }
        if sentenceStart < count {
            let lastTok = tokens[count - 1]
            let s = scalar(lastTok)
            let term: Unicode.Scalar? = lastTok.kind == .punctuation && (s == ":" || s == ";") ? s : nil
            close(count - 1, term)
        }
        return result
    }

    private func isBoundary(tokens: [Token], at t: Int, next: Token, sentenceStart: Int, terminator: Unicode.Scalar,
                            isEllipsis: Bool, closedByQuote: Bool, spaced: Bool) -> Bool {
        let nextStartsUpper = next.isCapitalized
        let nextIsLowerWord = next.kind == .word && !next.isCapitalized
        if !spaced {
            // "Ph.D." keeps its dots.
            if t > sentenceStart && tokens[t - 1].key == Segmenter.phKey && next.length == 1 { return false }
            // "cells.Many": a missing space before a capitalised word still ends the sentence;
            // "example.com" and "3.5" do not.
            return next.kind == .word && nextStartsUpper && t > sentenceStart && tokens[t - 1].kind == .word && tokens[t - 1].length > 1
        }
        if isEllipsis { return nextStartsUpper }
        if terminator == "?" || terminator == "!" {
            // "'Why?' she asked." is one sentence.
            return !(closedByQuote && nextIsLowerWord)
        }
        // terminator is "."
        guard t > sentenceStart else { return true }
        let prev = tokens[t - 1]
        if prev.kind == .number && t - 1 == sentenceStart { return false }  // "1. Wash the area"
        if prev.kind == .word {
            if titleAbbreviations.contains(prev.key) { return false }
            if inlineAbbreviations.contains(prev.key) { return false }
            if numberAbbreviations.contains(prev.key) && next.kind == .number { return false }
            if softAbbreviations.contains(prev.key) { return nextStartsUpper && !Self.isLowercaseLetter(next) }
            // "Ph. D." (Ph.D. split at its first dot).
            if prev.key == Segmenter.phKey && next.kind == .word && next.length == 1 && next.isCapitalized { return false }
            // A genus abbreviation: "E. coli", "H. pylori" (but "vitamin C. then" still ends one).
            if prev.length == 1 && prev.isCapitalized && next.kind == .word && !nextStartsUpper {
                let named = t - 2 >= sentenceStart && tokens[t - 2].kind == .word && letterNamers.contains(tokens[t - 2].key)
                if !named { return false }
            }
            // An initial: "J. Smith", "John F. Kennedy" (but "vitamin C. Many" ends a sentence).
            if prev.length == 1 && prev.isCapitalized && nextStartsUpper {
                if t - 2 >= sentenceStart {
                    let before = tokens[t - 2]
                    if before.kind == .word && before.isCapitalized && !letterNamers.contains(before.key) { return false }
                    if before.kind == .punctuation && t - 3 >= sentenceStart && tokens[t - 3].length == 1 && tokens[t - 3].isCapitalized {
                        return false  // "J. R. Smith"
                    }
                } else {
                    return false  // "A. Smith" at the start of a unit
                }
            }
        }
        return true
    }

    static let phKey = WordKey("ph")

    private static func isLowercaseLetter(_ t: Token) -> Bool { t.kind == .word && !t.isCapitalized }
}

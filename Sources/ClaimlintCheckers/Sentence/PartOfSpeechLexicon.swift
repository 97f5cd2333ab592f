import ClaimlintCore

/// The parts of speech a word can take, as a bit set. Codes match Rules/pos-lexicon.tsv.
struct POSTags: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let noun = POSTags(rawValue: 1 << 0)          // n
    static let plural = POSTags(rawValue: 1 << 1)        // p
    static let verbBase = POSTags(rawValue: 1 << 2)      // v
    static let verbS = POSTags(rawValue: 1 << 3)         // z
    static let past = POSTags(rawValue: 1 << 4)          // d
    static let participle = POSTags(rawValue: 1 << 5)    // e
    static let gerund = POSTags(rawValue: 1 << 6)        // g
    static let modal = POSTags(rawValue: 1 << 7)         // m
    static let adjective = POSTags(rawValue: 1 << 8)     // a
    static let adverb = POSTags(rawValue: 1 << 9)        // r
    static let preposition = POSTags(rawValue: 1 << 10)  // i
    static let coordinator = POSTags(rawValue: 1 << 11)  // c
    static let determiner = POSTags(rawValue: 1 << 12)   // t
    static let pronoun = POSTags(rawValue: 1 << 13)      // o
    static let possessive = POSTags(rawValue: 1 << 14)   // s
    static let wh = POSTags(rawValue: 1 << 15)           // w
    static let to = POSTags(rawValue: 1 << 16)           // x
    static let number = POSTags(rawValue: 1 << 17)       // k
    static let existential = POSTags(rawValue: 1 << 18)  // h
    static let interjection = POSTags(rawValue: 1 << 19) // u

    static let nominal: POSTags = [.noun, .plural]
    static let anyVerb: POSTags = [.verbBase, .verbS, .past, .participle, .gerund]

    init(rawValue: UInt32) { self.rawValue = rawValue }

    // The set operations the clause analyser and the claims analysis ask per word, as plain bit tests the optimiser
    // always inlines: the protocol's default implementations were called out of line (specialised, not inlined) from
    // `ClauseAnalyzer.analyze` and other large functions (perf19). Same results as the defaults.
    @inline(__always) func contains(_ member: POSTags) -> Bool { rawValue & member.rawValue == member.rawValue }
    @inline(__always) func isDisjoint(with other: POSTags) -> Bool { rawValue & other.rawValue == 0 }
    @inline(__always) func intersection(_ other: POSTags) -> POSTags { POSTags(rawValue: rawValue & other.rawValue) }
    @inline(__always) func union(_ other: POSTags) -> POSTags { POSTags(rawValue: rawValue | other.rawValue) }
    @inline(__always) var isEmpty: Bool { rawValue == 0 }

    init?(code: UInt8) {
        switch code {
        case UInt8(ascii: "n"): self = .noun
        case UInt8(ascii: "p"): self = .plural
        case UInt8(ascii: "v"): self = .verbBase
        case UInt8(ascii: "z"): self = .verbS
        case UInt8(ascii: "d"): self = .past
        case UInt8(ascii: "e"): self = .participle
        case UInt8(ascii: "g"): self = .gerund
        case UInt8(ascii: "m"): self = .modal
        case UInt8(ascii: "a"): self = .adjective
        case UInt8(ascii: "r"): self = .adverb
        case UInt8(ascii: "i"): self = .preposition
        case UInt8(ascii: "c"): self = .coordinator
        case UInt8(ascii: "t"): self = .determiner
        case UInt8(ascii: "o"): self = .pronoun
        case UInt8(ascii: "s"): self = .possessive
        case UInt8(ascii: "w"): self = .wh
        case UInt8(ascii: "x"): self = .to
        case UInt8(ascii: "k"): self = .number
        case UInt8(ascii: "h"): self = .existential
        case UInt8(ascii: "u"): self = .interjection
        default: return nil
        }
    }
}

/// A word's possible tags and its most frequent one.
struct POSEntry: Sendable, Hashable {
    var tags: POSTags
    var primary: POSTags
}

/// Rules/pos-lexicon.tsv loaded into a hash map keyed like tokens, so tagging a token is one
/// look-up with no String made.
struct PartOfSpeechLexicon: Sendable {
    static let fileName = "pos-lexicon.tsv"
    private(set) var entries: [WordKey: POSEntry] = [:]

    var count: Int { entries.count }

    /// Parses `word<TAB>codes` lines; `#` lines are comments. Bad lines are reported with their number.
    init(tsv: String) throws {
        var bytes = Array(tsv.utf8)
        var table: [WordKey: POSEntry] = [:]
        table.reserveCapacity(bytes.count / 11)
        try bytes.withUnsafeMutableBufferPointer { b in
            let n = b.count
            var i = 0, line = 0
            while i < n {
                line += 1
                var end = i
                while end < n && b[end] != 0x0A { end += 1 }
                defer { i = end + 1 }
                if end == i || b[i] == UInt8(ascii: "#") { continue }
                var tab = i
                while tab < end && b[tab] != 0x09 { tab += 1 }
                guard tab < end, tab > i else {
                    throw RulePackError(file: "Rules/\(Self.fileName)", line: line, message: "expected word<TAB>tags")
                }
                var entry = POSEntry(tags: [], primary: [])
                var k = tab + 1
                while k < end {
                    if b[k] != 0x0D {
                        guard let tag = POSTags(code: b[k]) else {
                            throw RulePackError(file: "Rules/\(Self.fileName)", line: line, message: "unknown tag code '\(Character(Unicode.Scalar(b[k])))'")
                        }
                        if entry.tags.isEmpty { entry.primary = tag }
                        entry.tags.insert(tag)
                    }
                    k += 1
                }
                table[WordKey(UnsafeBufferPointer(rebasing: b[i..<tab]))] = entry
            }
        }
        entries = table
    }

    func entry(_ key: WordKey) -> POSEntry? { entries[key] }
}

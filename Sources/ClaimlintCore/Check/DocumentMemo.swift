import Synchronization

/// Results that more than one checker derives from the same document, computed by the first
/// checker that asks and reused by the others. The disclaimer and balance checkers both need
/// the page's health triggers and disclaimer sentences; with the memo the page is scanned once.
///
/// Checkers stay independent: each asks the memo and computes on a miss, so a checker run alone
/// (or from a test) behaves exactly as in a full run. One memo belongs to one `AnalyzedDocument`
/// (copies share it) and goes away with it.
public final class DocumentMemo: Sendable {
    private let values = Mutex<[MemoKey: any Sendable]>([:])

    public init() {}

    /// The value stored under `key`, or `compute()`'s result, stored for the next caller.
    /// `compute` runs outside the lock (it may itself use the memo); if two threads race on one
    /// key, the first value stored wins and both callers get it.
    public func value<T: Sendable>(for key: MemoKey, compute: () -> T) -> T {
        if let stored = values.withLock({ $0[key] }) as? T { return stored }
        let computed = compute()
        return values.withLock { values -> T in
            if let stored = values[key] as? T { return stored }
            values[key] = computed
            return computed
        }
    }

    /// How many values are stored (for tests).
    public var count: Int { values.withLock { $0.count } }
}

/// Names one shared analysis and the vocabulary it was computed with: checkers built from
/// different rule packs (a config's extra lexicons) never read each other's results.
public struct MemoKey: Hashable, Sendable {
    public var analysis: String
    /// A hash of the vocabulary the analysis used (`RuleSet.fingerprint(lexiconsWithPrefix:)`).
    public var vocabulary: UInt64

    public init(analysis: String, vocabulary: UInt64) {
        self.analysis = analysis
        self.vocabulary = vocabulary
    }
}

extension RuleSet {
    /// A 64-bit FNV-1a hash of every lexicon whose name starts with `prefix` (names and entries,
    /// in name order): equal for checkers that read the same vocabulary.
    public func fingerprint(lexiconsWithPrefix prefix: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3  // separator: ["ab", "c"] differs from ["a", "bc"]
        }
        for name in lexicons.keys.filter({ $0.hasPrefix(prefix) }).sorted() {
            mix(name)
            for entry in lexicons[name] ?? [] { mix(entry) }
        }
        return h
    }
}

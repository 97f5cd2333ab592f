/// A node of a `PhraseTrie`.
@usableFromInline
struct PhraseTrieNode: Sendable {
    @usableFromInline var wildcard: Int32 = -1
    /// First and last index into `values` of this node's values (-1: none), in insertion order.
    @usableFromInline var firstValue: Int32 = -1
    @usableFromInline var lastValue: Int32 = -1
    /// One bit per child edge (`childBit` of its word key, 64 bits): a walk skips the edge table when
    /// the next word's bit is clear. Most nodes a walk reaches are leaves (no bit set) or have
    /// one or two children, and the probe it saves is a cache miss in a large table.
    @usableFromInline var childBits: UInt64 = 0
    @usableFromInline init() {}
}

/// A trie of phrases keyed by word, matched over tokens.
///
/// Phrases are tokenized with the same tokenizer as the text, so "anti-ageing" or
/// "read more:" match exactly what the segmenter produces. A `*` stands for any one token.
/// Matching walks from each token once: about 55 MB/s here, some 600 times a regex alternation.
///
/// Performance notes (measured with `perf` on the benchmark corpus): the edges live in one
/// open-addressing table keyed by (node, word key), because a `Dictionary` per node paid for
/// SipHash on every token; the hot methods are `@inlinable` so checkers get code specialised
/// for their value type instead of generic code that looked up tuple metadata at run time; and
/// `scan`/`longestMatch` walk without building arrays of candidates. Nodes are plain integers
/// (their values are a linked list in two flat arrays, not an array per node), so reading a node
/// retains nothing; an edge slot is one 16-byte entry, so a probe touches one cache line.
public struct PhraseTrie<Value: Sendable>: Sendable {
    /// Outside the generic type (`PhraseTrieNode`): a type nested in `PhraseTrie<Value>` is generic
    /// too, and `insert`, compiled once for every value type, looked up its metadata and its
    /// array's at run time on every phrase (a tenth of start-up's CPU samples).
    @usableFromInline typealias Node = PhraseTrieNode

    /// The bit of a word key in `Node.childBits` (keys are FNV-1a hashes: the top bits are mixed).
    @inlinable @inline(__always)
    static func childBit(_ key: UInt64) -> UInt64 { 1 << (key >> 58) }

    @usableFromInline var nodes: [Node] = [Node()]
    /// Every phrase's value; `nextValue[i]` is the next value of the same node (-1: the last).
    @usableFromInline var values: [Value] = []
    @usableFromInline var nextValue: [Int32] = []
    @usableFromInline var edges = EdgeTable()
    /// The root's edges, apart: every token that passes `firstWords` probes them, and a table of
    /// first words alone is a fraction of the whole trie's, so more of it stays in cache (and the
    /// deeper edges' table shrinks by as much).
    @usableFromInline var rootEdges = EdgeTable()
    /// The first words of the phrases: most tokens are turned away before hashing into the edge
    /// table. No false negatives, so no change in matches. Sized to the trie (`firstWordsBits`):
    /// a page's every token tests the filters of a few dozen tries, and 8 kB each did not stay in
    /// cache (the filter's load was 40% of `longestMatch`'s samples).
    @usableFromInline var firstWords = WordKeyFilter(bitCount: Self.minimumFilterBits)
    public private(set) var count = 0

    public init() {}

    public init(phrases: some Sequence<String>, value: (String) -> Value) {
        for p in phrases { insert(p, value: value(p)) }
    }

    /// Made once: as a computed property it folded and hashed "*" twice per phrase token.
    static var wildcardKey: WordKey { phraseTrieWildcardKey }

    /// Adds a phrase; an empty phrase is ignored.
    public mutating func insert(_ phrase: String, value: Value) {
        var utf8 = Array(phrase.utf8)
        let tokens = utf8.withUnsafeMutableBufferPointer { Segmenter.tokenize(UnsafeBufferPointer($0)) }
        guard !tokens.isEmpty else { return }
        var node = 0
        if let first = tokens.first, !(first.key == Self.wildcardKey && first.length == 1) {
            firstWords.insert(first.key)
        }
        for tok in tokens {
            if tok.key == Self.wildcardKey && tok.length == 1 {
                if nodes[node].wildcard < 0 {
                    nodes.append(Node())
                    nodes[node].wildcard = Int32(nodes.count - 1)
                }
                node = Int(nodes[node].wildcard)
            } else if let next = child(of: node, key: tok.key.raw) {
                node = Int(next)
            } else {
                nodes.append(Node())
                if node == 0 {
                    rootEdges.insert(parent: 0, key: tok.key.raw, child: Int32(nodes.count - 1))
                } else {
                    edges.insert(parent: Int32(node), key: tok.key.raw, child: Int32(nodes.count - 1))
                }
                nodes[node].childBits |= Self.childBit(tok.key.raw)
                node = nodes.count - 1
            }
        }
        if firstWords.bitCount < Self.firstWordsBits(rootEdges.used) { resizeFirstWords() }
        values.append(value)
        nextValue.append(-1)
        let v = Int32(values.count - 1)
        if nodes[node].lastValue >= 0 { nextValue[Int(nodes[node].lastValue)] = v } else { nodes[node].firstValue = v }
        nodes[node].lastValue = v
        count += 1
    }

    public var isEmpty: Bool { count == 0 }

    static var minimumFilterBits: Int { 1 << 10 }

    /// The filter size for `firstWordCount` first words: 32 bits a word (about 3% false "maybe"s,
    /// each one an edge probe in a table as small), from 1K bits up to 64K bits.
    static func firstWordsBits(_ firstWordCount: Int) -> Int {
        var bits = minimumFilterBits
        while bits < 1 << 16 && bits < firstWordCount * 32 { bits <<= 1 }
        return bits
    }

    /// Rebuilds the first-word filter at its size for the root's edges (their keys are the first words).
    private mutating func resizeFirstWords() {
        var filter = WordKeyFilter(bitCount: Self.firstWordsBits(rootEdges.used))
        for slot in rootEdges.slots where slot.parent >= 0 { filter.insert(WordKey(raw: slot.key)) }
        firstWords = filter
    }

    /// The child of `node` by the word key `key`, from the root's table or the others'.
    @inlinable @inline(__always)
    func child(of node: Int, key: UInt64) -> Int32? {
        node == 0 ? rootEdges.child(of: 0, key: key) : edges.child(of: Int32(node), key: key)
    }

    /// False when no phrase starts with a word of this key (exact for "no", may be a false "yes").
    @inlinable @inline(__always)
    func mayStart(_ key: UInt64) -> Bool {
        firstWords.mayContain(WordKey(raw: key))
    }

    /// True when some phrase can start with this token (a cheap filter before walking).
    @inlinable
    func canStart(_ token: Token) -> Bool {
        nodes[0].wildcard >= 0 || (mayStart(token.key.raw) && rootEdges.child(of: 0, key: token.key.raw) != nil)
    }

    /// Every phrase that starts at token `start` (within `limit`), as (end token index, value), shortest first.
    @inlinable
    public func matches(startingAt start: Int, in tokens: [Token], limit: Int? = nil) -> [(end: Int, value: Value)] {
        var out: [(end: Int, value: Value)] = []
        let end = limit ?? tokens.count
        walk(node: 0, at: start, tokens: tokens, end: end) { out.append(($0, $1)) }
        return out.sorted { $0.end < $1.end }
    }

    /// Calls `visit(end, value)` for each value of node `n`, in insertion order.
    @inlinable @inline(__always)
    func visitValues(of n: Int, end: Int, _ visit: (Int, Value) -> Void) {
        var v = nodes[n].firstValue
        while v >= 0 {
            visit(end, values[Int(v)])
            v = nextValue[Int(v)]
        }
    }

    /// Depth-first over the phrases starting at `i`: children before the wildcard, each
    /// node's values in insertion order. `visit` gets (end token index, value).
    @inlinable
    func walk(node: Int, at i: Int, tokens: [Token], end: Int, _ visit: (Int, Value) -> Void) {
        guard i < end else { return }
        let key = tokens[i].key.raw
        if nodes[node].childBits & Self.childBit(key) != 0, let next = child(of: node, key: key) {
            let n = Int(next)
            visitValues(of: n, end: i + 1, visit)
            walk(node: n, at: i + 1, tokens: tokens, end: end, visit)
        }
        let w = Int(nodes[node].wildcard)
        if w >= 0 {
            visitValues(of: w, end: i + 1, visit)
            walk(node: w, at: i + 1, tokens: tokens, end: end, visit)
        }
    }

    /// `canStart(tokens[i]) && walk(node: 0, at: i, ...)` with the root's edge looked up once
    /// (it was looked up twice for every token that starts a phrase). `i` must be below `end`.
    /// Returns false when no phrase can start at `i`.
    @inlinable
    func walkFromRoot(at i: Int, tokens: [Token], end: Int, _ visit: (Int, Value) -> Void) -> Bool {
        let key = tokens[i].key.raw
        let w = Int(nodes[0].wildcard)
        if w < 0 && !mayStart(key) { return false }
        let child = rootEdges.child(of: 0, key: key)
        if child == nil && w < 0 { return false }
        if let next = child {
            let n = Int(next)
            visitValues(of: n, end: i + 1, visit)
            walk(node: n, at: i + 1, tokens: tokens, end: end, visit)
        }
        if w >= 0 {
            visitValues(of: w, end: i + 1, visit)
            walk(node: w, at: i + 1, tokens: tokens, end: end, visit)
        }
        return true
    }

    /// The longest phrase starting at `start`, if any (the last one found among the longest,
    /// as `matches(...).last` gives).
    ///
    /// The first-word test is inlined into the caller (callers loop over a sentence's tokens, and
    /// most tokens start no phrase of a given trie): the loop pays a load and a bit test per
    /// token, and the call and the walk only where the filter says maybe.
    @inlinable @inline(__always)
    public func longestMatch(startingAt start: Int, in tokens: [Token], limit: Int? = nil) -> (end: Int, value: Value)? {
        let end = limit ?? tokens.count
        guard start < end else { return nil }
        if nodes[0].wildcard < 0 && !mayStart(tokens[start].key.raw) { return nil }
        return longestMatchWalking(from: start, in: tokens, end: end)
    }

    /// `longestMatch` past its first-word test (`start` below `end`).
    @inlinable
    func longestMatchWalking(from start: Int, in tokens: [Token], end: Int) -> (end: Int, value: Value)? {
        var bestEnd = -1
        var best: Value?
        let started = walkFromRoot(at: start, tokens: tokens, end: end) { e, v in
            if e >= bestEnd {
                bestEnd = e
                best = v
            }
        }
        guard started, let best else { return nil }
        return (bestEnd, best)
    }

    /// All phrase occurrences in `tokens[range]`, leftmost-longest and non-overlapping.
    @inlinable
    public func scan(_ tokens: [Token], in range: Range<Int>? = nil) -> [PhraseMatch<Value>] {
        let r = range ?? 0..<tokens.count
        var out: [PhraseMatch<Value>] = []
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = longestMatch(startingAt: i, in: tokens, limit: r.upperBound) {
                out.append(PhraseMatch(tokens: i..<m.end, value: m.value))
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// All occurrences, overlapping ones included (every start, every length; for each start,
    /// shortest first).
    @inlinable
    public func scanAll(_ tokens: [Token], in range: Range<Int>? = nil) -> [PhraseMatch<Value>] {
        let r = range ?? 0..<tokens.count
        var out: [PhraseMatch<Value>] = []
        for i in r {
            let first = out.count
            guard walkFromRoot(at: i, tokens: tokens, end: r.upperBound, { e, v in out.append(PhraseMatch(tokens: i..<e, value: v)) }) else { continue }
            if out.count - first > 1 { out[first...].sort { $0.tokens.upperBound < $1.tokens.upperBound } }
        }
        return out
    }

    /// Calls `body` with every occurrence in `tokens[range]`, in the order `scanAll` returns them
    /// (each start, then shortest first), without building an array: a start's few matches wait
    /// in a buffer on the stack (the heap only past 32 at one start). `scanAll`'s result array
    /// was one `malloc` or more per sentence in the claims checker.
    @inlinable
    public func forEachMatch(_ tokens: [Token], in range: Range<Int>, _ body: (Range<Int>, Value) -> Void) {
        withUnsafeTemporaryAllocation(of: (end: Int, value: Value).self, capacity: 32) { buffer in
            let base = buffer.baseAddress!
            let capacity = buffer.count
            var overflow: [(end: Int, value: Value)] = []
            for i in range {
                var n = 0
                var ordered = true
                var lastEnd = Int.min
                let started = walkFromRoot(at: i, tokens: tokens, end: range.upperBound) { e, v in
                    if e < lastEnd { ordered = false }
                    lastEnd = e
                    if n < capacity { (base + n).initialize(to: (e, v)) } else { overflow.append((e, v)) }
                    n += 1
                }
                guard started, n > 0 else { continue }
                if n <= capacity {
                    if !ordered {
                        // Stable insertion sort by end: what `sort` does on a run this short.
                        for k in 1..<n {
                            let item = (base + k).move()
                            var j = k
                            while j > 0 && base[j - 1].end > item.end {
                                (base + j).initialize(to: (base + j - 1).move())
                                j -= 1
                            }
                            (base + j).initialize(to: item)
                        }
                    }
                    for k in 0..<n { body(i..<base[k].end, base[k].value) }
                    base.deinitialize(count: n)
                } else {
                    var all = Array(UnsafeBufferPointer(start: base, count: capacity)) + overflow
                    base.deinitialize(count: capacity)
                    overflow.removeAll(keepingCapacity: true)
                    if !ordered { all.sort { $0.end < $1.end } }
                    for m in all { body(i..<m.end, m.value) }
                }
            }
        }
    }
}

/// The trie's edges: (parent node, word key) -> child node, in one open-addressing table.
/// Word keys are already 64-bit hashes, so a multiply-shift mix is enough to spread them. A slot
/// is one 16-byte entry (three parallel arrays cost three cache misses and three bounds checks
/// per probe).
@usableFromInline
struct EdgeTable: Sendable {
    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var parent: Int32  // -1: empty slot
        @usableFromInline var child: Int32
        @usableFromInline init(key: UInt64, parent: Int32, child: Int32) {
            self.key = key
            self.parent = parent
            self.child = child
        }
    }

    @usableFromInline var slots: [Slot]
    @usableFromInline var mask: Int
    var used = 0

    init() {
        slots = [Slot](repeating: Slot(key: 0, parent: -1, child: 0), count: 16)
        mask = 15
    }

    @inlinable @inline(__always)
    static func slot(parent: Int32, key: UInt64, mask: Int) -> Int {
        var h = key ^ (UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15)
        h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 17) & mask
    }

    @inlinable
    func child(of parent: Int32, key: UInt64) -> Int32? {
        var i = Self.slot(parent: parent, key: key, mask: mask)
        return slots.withUnsafeBufferPointer { table in
            while true {
                let s = table[i]
                if s.parent < 0 { return nil }
                if s.parent == parent && s.key == key { return s.child }
                i = (i + 1) & mask
            }
        }
    }

    mutating func insert(parent: Int32, key: UInt64, child: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        var i = Self.slot(parent: parent, key: key, mask: mask)
        while slots[i].parent >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(key: key, parent: parent, child: child)
        used += 1
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, parent: -1, child: 0), count: size)
        mask = size - 1
        used = 0
        for s in old where s.parent >= 0 { insert(parent: s.parent, key: s.key, child: s.child) }
    }
}

/// One phrase occurrence: a range of token indices and the phrase's value.
public struct PhraseMatch<Value: Sendable>: Sendable {
    public var tokens: Range<Int>
    public var value: Value

    @inlinable
    public init(tokens: Range<Int>, value: Value) {
        self.tokens = tokens
        self.value = value
    }
}

/// The key of "*", the one-token wildcard of `PhraseTrie` phrases.
let phraseTrieWildcardKey = WordKey("*")

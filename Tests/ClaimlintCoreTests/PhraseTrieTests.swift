@testable import ClaimlintCore
import Testing

private func tokens(_ s: String) -> [Token] { Segmenter.shared.segment(s).tokens }

@Test func longestLeftmostNonOverlapping() {
    let trie = PhraseTrie(phrases: ["boost", "boosts immunity", "immune system", "read more :"], value: { $0 })
    let text = "Zinc boosts immunity and supports the immune system. Read more: here"
    let hits = trie.scan(tokens(text)).map(\.value)
    #expect(hits == ["boosts immunity", "immune system", "read more :"])
}

@Test func wildcardAndCaseAndApostrophes() {
    let trie = PhraseTrie(phrases: ["doctors * recommend", "don't miss"], value: { $0 })
    #expect(trie.scan(tokens("Most Doctors strongly RECOMMEND it")).map(\.value) == ["doctors * recommend"])
    #expect(trie.scan(tokens("Don\u{2019}t miss this")).map(\.value) == ["don't miss"])
    #expect(trie.scan(tokens("doctors recommend")).isEmpty)
}

@Test func scanAllReportsOverlaps() {
    let trie = PhraseTrie(phrases: ["stem cell", "stem cell therapy", "cell therapy"], value: { $0 })
    let all = trie.scanAll(tokens("stem cell therapy")).map(\.value).sorted()
    #expect(all == ["cell therapy", "stem cell", "stem cell therapy"])
}

/// `forEachMatch` reports what `scanAll` returns, in the same order: starts whose wildcard path ends
/// before the exact path (out of order until sorted), and a start with more matches (40) than its
/// stack buffer holds.
@Test func forEachMatchEqualsScanAll() {
    var trie = PhraseTrie<Int>()
    trie.insert("a b c d", value: 1)
    trie.insert("a * c", value: 2)
    trie.insert("a", value: 3)
    trie.insert("* b", value: 4)
    trie.insert("a b c d", value: 5)
    for n in 1...40 { trie.insert(Array(repeating: "x", count: n).joined(separator: " "), value: 100 + n) }
    trie.insert("* x", value: 7)
    for text in ["a b c d a b c", "z a b c d", "x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x", ""] {
        let t = tokens(text)
        for range in [0..<t.count, (t.count / 3)..<t.count] {
            var seen: [String] = []
            trie.forEachMatch(t, in: range) { r, v in seen.append("\(r) \(v)") }
            let expected = trie.scanAll(t, in: range).map { "\($0.tokens) \($0.value)" }
            #expect(seen == expected)
        }
    }
    var wildcardFirst: [Int] = []
    trie.forEachMatch(tokens("a b c d"), in: 0..<4) { r, v in if r.lowerBound == 0 { wildcardFirst.append(r.upperBound) } }
    #expect(wildcardFirst == wildcardFirst.sorted() && wildcardFirst.count >= 3)
}

/// `WordKeyMap` answers exactly as the `Dictionary` it was built from: every present key, and
/// absent keys (including ones that collide into occupied slots of a small table).
@Test func wordKeyMapMatchesItsDictionary() {
    var rng = SystemRandomNumberGenerator()
    for size in [0, 1, 7, 8, 9, 1000] {
        var dict: [WordKey: Int] = [:]
        while dict.count < size { dict[WordKey(raw: rng.next())] = Int.random(in: 0..<1_000_000, using: &rng) }
        let map = WordKeyMap(dict)
        #expect(map.count == dict.count)
        for (key, value) in dict { #expect(map[key] == value) }
        for _ in 0..<2000 {
            let key = WordKey(raw: rng.next())
            #expect(map[key] == dict[key])
        }
    }
    let words = WordKeyMap([WordKey("Vitamin"): 1, WordKey("don\u{2019}t"): 2])
    #expect(words[WordKey("vitamin")] == 1)
    #expect(words[WordKey("DON'T")] == 2)
    #expect(words[WordKey("zinc")] == nil)
}

/// A node's values come back in insertion order however the phrases were interleaved (the
/// values are a linked list per node in flat arrays).
@Test func trieValuesKeepInsertionOrderPerNode() {
    var trie = PhraseTrie<Int>()
    trie.insert("boosts immunity", value: 1)
    trie.insert("boost", value: 2)
    trie.insert("boosts immunity", value: 3)
    trie.insert("immune", value: 4)
    trie.insert("boosts immunity", value: 5)
    let t = tokens("It boosts immunity")
    #expect(trie.matches(startingAt: 1, in: t).map(\.value) == [1, 3, 5])
    #expect(trie.scanAll(t).map(\.value) == [1, 3, 5])
    #expect(trie.longestMatch(startingAt: 1, in: t)?.value == 5)
}

/// The first-word filter grows with the trie (rebuilt from the root's edges, perf13): every first
/// word inserted before and after each resize still starts its phrase, and the filter reaches its
/// 64K-bit ceiling only for a trie of thousands of first words.
@Test func firstWordFilterKeepsEveryFirstWordAcrossResizes() {
    var trie = PhraseTrie<Int>()
    let words = (0..<3000).map { "w\($0)x" }
    for (n, w) in words.enumerated() { trie.insert("\(w) tail", value: n) }
    let t = tokens(words.map { "\($0) tail" }.joined(separator: " "))
    for n in words.indices { #expect(trie.longestMatch(startingAt: 2 * n, in: t)?.value == n) }
    #expect(trie.scan(t).count == words.count)
    #expect(PhraseTrie<Int>.firstWordsBits(1) == 1 << 10)
    #expect(PhraseTrie<Int>.firstWordsBits(100) == 1 << 12)
    #expect(PhraseTrie<Int>.firstWordsBits(5000) == 1 << 16)
}

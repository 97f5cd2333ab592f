import ClaimlintCore
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

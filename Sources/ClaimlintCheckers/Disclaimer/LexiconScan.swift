import ClaimlintCore

/// Several lexicons' scans from one walk (perf17). The health profile scanned each sentence with
/// four tries and each page with six genre tries: every token paid each trie's first-word test,
/// and a token that starts a phrase an edge probe per trie. A trie holding all the lexicons'
/// phrases, its values tagged with their lexicon, is walked once per token instead.
extension PhraseTrie {
    /// Calls `body(lexicon, match)` with exactly what `scan(tokens, in: range)` of each lexicon's
    /// own trie returns (leftmost-longest, non-overlapping per lexicon; in start order within a
    /// lexicon, interleaved across lexicons), when this trie holds each lexicon's phrases in that
    /// lexicon's insertion order and `lexicon(value)` says which one a value is of
    /// (`0..<lexiconCount`).
    ///
    /// Why it is exact: `forEachMatch` gives each start's matches in walk order, stably sorted by
    /// end, and the walk visits one lexicon's nodes in the order its own trie would (children
    /// before the wildcard, a node's values in insertion order). So a lexicon's last match at a
    /// start is the one `longestMatch` picks there (the last one found among the longest), and a
    /// lexicon's scan resumes at the end of its own last match, as `scan` does.
    @inlinable
    func forEachLexiconScanMatch(_ tokens: [Token], in range: Range<Int>, lexiconCount: Int, lexicon: (Value) -> Int,
                                 _ body: (Int, PhraseMatch<Value>) -> Void) {
        guard !range.isEmpty else { return }
        // Per lexicon: where its scan may start the next match, and its longest match at the
        // current start, not yet reported (a longer one at the same start may follow).
        withUnsafeTemporaryAllocation(of: (next: Int, pending: PhraseMatch<Value>?).self, capacity: lexiconCount) { state in
            let s = state.baseAddress!
            for l in 0..<lexiconCount { (s + l).initialize(to: (range.lowerBound, nil)) }
            forEachMatch(tokens, in: range) { r, v in
                let l = lexicon(v)
                if let p = s[l].pending, p.tokens.lowerBound != r.lowerBound {
                    body(l, p)
                    s[l] = (p.tokens.upperBound, nil)
                }
                if r.lowerBound >= s[l].next { s[l].pending = PhraseMatch(tokens: r, value: v) }
            }
            for l in 0..<lexiconCount {
                if let p = s[l].pending { body(l, p) }
            }
            state.baseAddress!.deinitialize(count: lexiconCount)
        }
    }
}

/// The page-genre lexicons (`disclaimer.genre.*`) in one trie, the value the genre's index.
struct GenreLexicons: Sendable {
    let trie: PhraseTrie<Int>
    let count: Int

    init(_ genres: [[String]]) {
        var trie = PhraseTrie<Int>()
        for (g, phrases) in genres.enumerated() {
            for p in phrases { trie.insert(p, value: g) }
        }
        self.trie = trie
        count = genres.count
    }

    /// Some genre has at least `threshold` distinct words on the page (whole page, every block):
    /// what testing each genre's own trie with `HealthVocabulary.isGenre` answers.
    func anyGenre(_ document: AnalyzedDocument, threshold: Int) -> Bool {
        var seen = [Set<String>](repeating: [], count: count)
        var reached = false
        for block in document.blocks {
            trie.forEachLexiconScanMatch(block.tokens, in: 0..<block.tokens.count, lexiconCount: count, lexicon: { $0 }) { g, m in
                guard seen[g].count < threshold else { return }
                seen[g].insert(block.text(block.utf8Range(ofTokens: m.tokens)).lowercased())
                if seen[g].count >= threshold { reached = true }
            }
            if reached { return true }
        }
        return false
    }
}

import Testing
import ClaimlintCore
@testable import ClaimlintCheckers

/// `ClauseBuffers` (perf14b): analyses that reuse one page's arrays and part-of-speech guesses
/// read every sentence exactly as a fresh analysis does.
@Suite struct ClauseBuffersTests {
    /// Everything a clause says about its words, as text to compare.
    private func reading(_ c: Clause, _ block: AnalyzedBlock) -> String {
        let words = c.words.map { w in
            "\(block.text(of: block.tokens[w.token]))/\(w.role)/\(w.tags.rawValue)/\(w.primary.rawValue)/\(w.cls.rawValue)/\(w.afterComma)"
        }
        return words.joined(separator: " ") + " | \(c.finite) \(c.allFinite) \(c.imperativeAtStart) \(String(describing: c.imperativeAfterComma))"
    }

    @Test func reusedBuffersReadEverySentenceLikeFreshOnes() {
        // Unknown words repeated in other cases and spellings (guessed once, then from the
        // cache), a long sentence after short ones and short ones after it (arrays reused at
        // other sizes). "Zorb‐blue" has a typographic hyphen (U+2010): its key is the key of
        // "zorb-blue", but only the ASCII hyphen makes the guess an adjective.
        let text = """
            Zorb‐blue lotions sell well. Zorb-blue lotions sell well. ZORB-BLUE lotions sell well.

            Glimmerose creams in Glimmerton, which patients glimmerise daily, soften the skin, and the clinic that stocks glimmerose sells them. Sells them. Glimmerised skin feels soft, so apply it twice.
            """
        let doc = SentenceTestSupport.paragraphs(text)
        let analyzer = SentenceTestSupport.checker.analyzer
        var buffers = ClauseBuffers()
        var fresh: [String] = []
        for pass in 0..<2 {
            for block in doc.blocks {
                let sentences = pass == 0 ? Array(block.sentences) : block.sentences.reversed()
                for s in sentences {
                    let expected = reading(analyzer.analyze(block, s.tokens), block)
                    var reused = analyzer.analyze(block, s.tokens, reusing: &buffers)
                    #expect(reading(reused, block) == expected)
                    buffers.recycle(&reused)
                    if pass == 0 { fresh.append(expected) }
                }
            }
        }
        // The premise: the two hyphens are guessed differently, so a cache keyed on the word key
        // alone would have answered the second from the first.
        #expect(fresh.count >= 3)
        #expect(fresh[0].split(separator: " ").first?.split(separator: "/")[3] != fresh[1].split(separator: " ").first?.split(separator: "/")[3])
    }
}

@testable import ClaimlintCheckers
import ClaimlintCore
import Testing

/// `TagHits` keeps every tag's hits in one flat array; it must answer as an array per tag would,
/// after construction and after any sequence of the edits the analyser makes (adds of brand names,
/// removals of false hits, a tag emptied and added again).
@Test func tagHitsAnswerAsArraysPerTag() {
    var trie = PhraseTrie<ClaimTag>()
    let phrases: [(String, ClaimTag)] = [
        ("may", .hedge), ("may help", .hedge), ("help", .benefit), ("helps", .benefit), ("not", .negation),
        ("zinc", .intervention), ("colds", .condition), ("immune system", .bodyFunction), ("immune", .condition),
        ("the", .promotionalStop), ("x", .outcomeState), ("* x", .moneyBack),
    ]
    for (p, tag) in phrases { trie.insert(p, value: tag) }
    let texts = [
        "Zinc may help colds and zinc helps the immune system, not the colds.",
        "x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x",
        "nothing here", "",
    ]
    var rng = SystemRandomNumberGenerator()
    for text in texts {
        let tokens = Segmenter.shared.segment(text).tokens
        for range in [0..<tokens.count, (tokens.count / 2)..<tokens.count] {
            var model = [ClaimTag: [Range<Int>]]()
            for m in trie.scanAll(tokens, in: range) { model[m.value, default: []].append(m.tokens) }
            var hits = TagHits(trie: trie, tokens: tokens, range: range)
            func agree() {
                #expect(hits.isEmpty == model.values.allSatisfy(\.isEmpty))
                for tag in ClaimTag.allCases {
                    #expect(Array(hits[tag]) == (model[tag] ?? []))
                    #expect(hits.has(tag) == !(model[tag] ?? []).isEmpty)
                }
                #expect(Array(hits.ranges(.hedge, .benefit, .negation)) == (model[.hedge] ?? []) + (model[.benefit] ?? []) + (model[.negation] ?? []))
                #expect(Array(hits.ranges(.condition, .intervention)) == (model[.condition] ?? []) + (model[.intervention] ?? []))
            }
            agree()
            for _ in 0..<60 {
                let tag = [ClaimTag.hedge, .benefit, .negation, .intervention, .condition, .outcomeState, .moneyBack, .curative, .nonSpeculative].randomElement(using: &rng)!
                if Bool.random(using: &rng) {
                    let i = Int.random(in: 0..<max(tokens.count, 1), using: &rng)
                    hits.add(tag, i..<(i + 1))
                    model[tag, default: []].append(i..<(i + 1))
                } else {
                    let cut = Int.random(in: 0...max(tokens.count, 1), using: &rng)
                    hits.remove(tag) { $0.lowerBound >= cut }
                    model[tag]?.removeAll { $0.lowerBound >= cut }
                }
                agree()
            }
        }
    }
}

import ClaimlintCore

/// What the claims analysis found a sentence to link: an intervention (a product, medicine,
/// practice, or the page's product implied) acting through a health predicate on a condition or
/// body function. The disclaimer checker reads it to decide whether a page gives health
/// information and whether its health words are about a body: the claims analysis attaches
/// them by sentence structure, which carries over to wording no trigger list knows.
struct ClaimLink: Sendable {
    /// Empty when the subject is the product named earlier ("Customers lose ten pounds").
    var intervention: Range<Int>
    var predicate: Range<Int>
    var condition: Range<Int>
    /// A benefit (treats, eases, lowers a bad thing), not a harm or a neutral effect.
    var beneficial: Bool
    var negated: Bool
    var hedged: Bool
    /// "to treat", "treatment for": a purpose or a noun, not an assertion.
    var purposeOrNoun: Bool
    /// The object is a body function ("sleep", "immune system"), not a condition.
    var bodyFunction: Bool
}

/// The links of one sentence (sentences with none are not kept).
struct ClaimSentenceLinks: Sendable {
    var block: Int
    /// Index in the block's `sentences`.
    var sentence: Int
    var level: ClaimLevel
    /// A benefit claim, supported or not (`SentenceAnalysis.claims` is not empty).
    var claim: Bool
    var question: Bool
    var hypothetical: Bool
    /// Advice to the reader ("ask your pharmacist", "you should").
    var advice: Bool
    var links: [ClaimLink]
}

/// Every linked sentence of a page's linted text, in document order.
struct ClaimPageLinks: Sendable {
    var sentences: [ClaimSentenceLinks] = []
}

extension ClaimsChecker {
    /// The memo key of the claim links for checkers built from `rules`.
    static func linksKey(rules: RuleSet) -> MemoKey {
        MemoKey(analysis: "claim-links",
                vocabulary: rules.fingerprint(lexiconsWithPrefix: "claims.") &+ rules.fingerprint(lexiconsWithPrefix: "sections."))
    }

    /// Stores the links of sentences the claims rules have just judged.
    func shareLinks(_ judged: [JudgedSentence], of document: AnalyzedDocument) {
        _ = document.memo.value(for: linksKey) { Self.links(judged, in: document) }
    }

    /// `document` is the page as other checkers see it: the claims rules judge list items with
    /// their title line split off (`splittingItemTitles`), so a judged sentence's index is mapped
    /// back to the sentence of `document` that holds its first token, and a title and its prose
    /// (two judged sentences, one sentence of the page) share one entry.
    static func links(_ judged: [JudgedSentence], in document: AnalyzedDocument) -> ClaimPageLinks {
        var page = ClaimPageLinks()
        for j in judged {
            // (The fields read through `j.analysis`, not a local copy of it: copying the analysis out of
            // its object retained and released its five arrays on every sentence.)
            var links: [ClaimLink] = []
            for p in j.analysis.predicates {
                guard let intervention = p.intervention, let condition = p.condition,
                      !p.nounUse, !p.definition, !p.goal, !p.bodySubject, !p.appearance else { continue }
                links.append(ClaimLink(intervention: intervention, predicate: p.range, condition: condition, beneficial: p.beneficial,
                                       negated: p.negated, hedged: p.hedged, purposeOrNoun: p.purpose || p.nominal,
                                       bodyFunction: p.conditionIsGood))
            }
            let claim = j.analysis.hasClaim
            guard claim || !links.isEmpty else { continue }
            let sentence = pageSentence(of: j, in: document)
            let entry = ClaimSentenceLinks(block: j.block.index, sentence: sentence, level: j.analysis.level, claim: claim,
                                           question: j.analysis.isQuestion, hypothetical: j.analysis.hypothetical, advice: j.analysis.isAdvice,
                                           links: links)
            if let k = page.sentences.indices.last, page.sentences[k].block == entry.block, page.sentences[k].sentence == sentence {
                // An item title and its prose: one sentence of the page. The prose (judged
                // second) gives the sentence's kind; the claim and the links are both parts'.
                // (The links are moved out and appended to, not concatenated into a new array: the
                // pieces of a 40,000-line sentence all merge here, and `last.links + entry.links`
                // copied the growing list each time.)
                var merged = entry
                merged.claim = page.sentences[k].claim || entry.claim
                var links = page.sentences[k].links
                page.sentences[k].links = []
                links.append(contentsOf: entry.links)
                merged.links = links
                page.sentences[k] = merged
            } else {
                page.sentences.append(entry)
            }
        }
        return page
    }

    /// The index in `document`'s block of the sentence holding `j`'s first token.
    static func pageSentence(of j: JudgedSentence, in document: AnalyzedDocument) -> Int {
        guard j.block.index < document.blocks.count else { return j.index }
        let sentences = document.blocks[j.block.index].sentences
        if sentences.count == j.block.sentences.count { return j.index }
        let first = j.sentence.tokens.lowerBound
        return sentences.firstIndex { $0.tokens.contains(first) || ($0.tokens.isEmpty && $0.tokens.lowerBound == first) } ?? j.index
    }
}

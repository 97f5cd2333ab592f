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
        _ = document.memo.value(for: linksKey) { Self.links(judged) }
    }

    static func links(_ judged: [JudgedSentence]) -> ClaimPageLinks {
        var page = ClaimPageLinks()
        for j in judged {
            let a = j.analysis
            var links: [ClaimLink] = []
            for p in a.predicates {
                guard let intervention = p.intervention, let condition = p.condition,
                      !p.nounUse, !p.definition, !p.goal, !p.bodySubject, !p.appearance else { continue }
                links.append(ClaimLink(intervention: intervention, predicate: p.range, condition: condition, beneficial: p.beneficial,
                                       negated: p.negated, hedged: p.hedged, purposeOrNoun: p.purpose || p.nominal,
                                       bodyFunction: p.conditionIsGood))
            }
            let claim = !a.claims.isEmpty
            guard claim || !links.isEmpty else { continue }
            page.sentences.append(ClaimSentenceLinks(block: j.block.index, sentence: j.index, level: a.level, claim: claim,
                                                     question: a.isQuestion, hypothetical: a.hypothetical, advice: a.isAdvice,
                                                     links: links))
        }
        return page
    }
}

import ClaimlintCore

/// The claim strength level of the Yu et al. scale.
enum ClaimLevel: String, Sendable, Comparable {
    case none, correlational, conditional, direct
    private var rank: Int {
        switch self { case .none: 0; case .correlational: 1; case .conditional: 2; case .direct: 3 }
    }
    static func < (a: ClaimLevel, b: ClaimLevel) -> Bool { a.rank < b.rank }
}

/// One health predicate in a sentence and what it connects.
struct PredicateHit {
    var range: Range<Int>
    var tag: ClaimTag
    var negated = false
    var hedged = false
    var intervention: Range<Int>?
    var condition: Range<Int>?
    var conditionIsGood = false
    /// "to treat": a purpose, not an assertion (ignored by the level scale only).
    var purpose = false
    /// "treatment for", "treatment of": a noun, not an assertion (ignored by the level scale only).
    var nominal = false
    /// A comparative outcome ("better sleep"): a claim cue, not a level cue.
    var outcome = false
    /// A predicate word used as a noun ("the balance of"): not a claim, still a level cue.
    var nounUse = false
    /// The effect is on appearance ("the look of fine lines").
    var appearance = false
    /// Part of a definition ("X is a medicine that lowers Y").
    var definition = false
    /// The intervention is a bare category ("treatments", "medicines").
    var generic = false
    /// The condition or body part is the verb's subject ("their immune system attacks ...").
    var bodySubject = false
    /// The predicate names a goal ("people who want to lower their cholesterol").
    var goal = false

    /// A benefit claim (not a warning about harm or risk).
    var beneficial: Bool {
        switch tag {
        case .curative, .therapeutic, .structureFunction, .benefit, .efficacy, .selfContained: true
        case .decrease: !conditionIsGood
        case .increase: conditionIsGood
        default: false
        }
    }

    /// A benefit claim that links an intervention to a condition or body function.
    var isClaim: Bool {
        !negated && !nounUse && !appearance && !definition && !generic && !bodySubject && !goal && beneficial && intervention != nil && (condition != nil || tag == .efficacy || tag == .selfContained)
    }
}

/// The claim analysis of one sentence.
struct SentenceAnalysis {
    let range: Range<Int>
    var hits: TagHits
    var predicates: [PredicateHit] = []
    /// Hedge cues that lower a claim's strength (weak BioScope cues excluded).
    var strongHedges: [Range<Int>] = []
    /// Every hedge cue, weak ones included.
    var allHedges: [Range<Int>] = []
    /// A frame that makes the whole sentence a hypothesis ("researchers are testing whether").
    var hypothetical = false
    var isQuestion = false
    var isAdvice = false
    /// A sentence that opens with how rarely something happens ("Rarely, filler can block a blood
    /// vessel", "In rare cases, ..."): health pages list side effects and complications this way.
    var sideEffectReport = false
    /// Page furniture that lists rather than asserts: a byline ("Posted by Hattie | Wellness | 9 min
    /// read"), a tags line ("Tags: detox, anti aging"), a run of chapter timestamps ("09:45 Lena's
    /// story 18:30 Frankincense and cancer"). No claims rule reads it.
    var furniture = false
    /// Furniture that lists links to the site's other posts ("Related posts: ... | 10 Foods That Cure
    /// Inflammation"): no finding, but a claim named there still tells the promotional test what the page sells.
    var relatedLinks = false
    /// A chapter title of show notes ("00:00 Intro and a listener question about travel anxiety"): an
    /// item line (`Sentence.isItemLine`, cut by the segmenter) with no closing punctuation. A label,
    /// like a heading: the promotional pass does not read it (its predicates are judged as usual).
    var chapterTitle = false
    /// A product was named earlier in the paragraph or the blocks just before.
    var context = false
    /// An earlier sentence of the paragraph names a kind of product the FDA does not approve
    /// (a supplement, cream, essential oil ...): "it" in this one may be that product.
    var productKindBefore = false
    /// A cosmetic (cream, serum, face oil ...) was named in an earlier sentence of the block: "it" may be that cosmetic.
    var cosmeticBefore = false
    /// The next sentence refutes this one.
    var refutedByNext = false
    var intensified = false
    var level: ClaimLevel = .none
    /// Condition and body-function terms that name a condition (not a record, tool or product).
    var conditions: [Range<Int>] = []

    /// The benefit claims, strongest first.
    var claims: [PredicateHit] { mayAssert ? predicates.filter(\.isClaim) : [] }
    /// `!claims.isEmpty`, without building the array.
    var hasClaim: Bool { mayAssert && predicates.contains(where: \.isClaim) }
    /// Not a hypothesis, question, advice, side-effect report or page furniture: the sentence may assert a claim.
    var mayAssert: Bool { !(hypothetical || isQuestion || isAdvice || sideEffectReport || furniture) }

    var speculative: Bool { hypothetical || !strongHedges.isEmpty }
}

/// Finds predicates, entities, hedges and negations in a sentence and links them.
struct SentenceAnalyzer {
    let vocabulary: ClaimsVocabulary
    let block: AnalyzedBlock
    /// Brand names found in the document ("FlexiJoint", "Renew+"): products, so interventions.
    var brands: Set<WordKey> = []

    func analyze(_ sentence: Sentence, pronounContext: Bool) -> SentenceAnalysis {
        analyze(sentence, hits: hits(sentence), pronounContext: pronounContext)
    }

    /// The lexicon hits of a sentence, brands added and false hits dropped. They do not depend
    /// on the context, so the checker computes them once per block (support look-aheads and the
    /// product-page test need nothing more).
    func hits(_ sentence: Sentence) -> TagHits {
        let tokens = block.tokens
        let r = sentence.tokens
        var hits = TagHits(trie: vocabulary.trie, tokens: tokens, range: r)
        if !brands.isEmpty {
            for i in r where brands.contains(tokens[i].key) && !hits.any(.intervention, overlapping: i..<(i + 1)) { hits.add(.intervention, i..<(i + 1)) }
        }
        if !r.isEmpty && !hits.isEmpty { cleanUp(&hits, sentence: r) }
        return hits
    }

    /// The analysis of a sentence from its `hits(_:)`.
    /// `impliedSubject`: whether the context may also stand for a missing subject ("Customers lose ten
    /// pounds"), or only for a pronoun ("it", "they").
    func analyze(_ sentence: Sentence, hits: TagHits, pronounContext: Bool, impliedSubject: Bool = true) -> SentenceAnalysis {
        var a = SentenceAnalysis(range: sentence.tokens, hits: hits)
        fill(&a, sentence, hits: hits, pronounContext: pronounContext, impliedSubject: impliedSubject)
        return a
    }

    /// The body of `analyze`, filling in `a` in place. (Built and returned by this long body, the analysis was
    /// copied on return and the original destroyed, five arrays retained and released per sentence; from the
    /// short `analyze` it moves.)
    private func fill(_ a: inout SentenceAnalysis, _ sentence: Sentence, hits: TagHits, pronounContext: Bool, impliedSubject: Bool) {
        let r = sentence.tokens
        // "In OSA the walls of the throat relax ... so that they block the airway": a sentence that opens
        // on a condition as its topic describes it; "they" and "it" are its parts, not the product.
        var pronounContext = pronounContext
        if pronounContext, r.count > 2, block.token(r.lowerBound, equals: "in"), hits.contains(.condition, where: { $0.lowerBound == r.lowerBound + 1 }) {
            pronounContext = false
        }
        a.context = pronounContext
        guard !r.isEmpty else { return }
        // No lexicon hit: no predicate, entity, hedge or cue, so every other field keeps its default.
        if hits.isEmpty {
            a.isQuestion = sentence.terminator == "?"
            return
        }

        a.isQuestion = (sentence.terminator == "?" && !rhetoricalTail(r)) || (block.kind.isHeading && hits.contains(.questionStart) { $0.lowerBound == r.lowerBound }
            && !assertingWhy(r, hits: hits))
        // ("... is no need go to doctor or take the tablet": advice said to be needless is no advice.)
        a.isAdvice = hits.has(.advice) && hits.contains(.advice) { !discouraged($0, sentence: r) }
        a.hypothetical = hits.has(.frame)
        a.sideEffectReport = opensWithRarity(r)
        a.furniture = isFurniture(r)
        if a.furniture { a.relatedLinks = opensWithRelatedLinks(r) }
        a.intensified = hits.has(.intensifier)

        // Hedge cues: a cue that is also listed as weak does not lower a claim's strength.
        a.allHedges = Array(hits[.hedge])
        // (With no weak cue in the sentence both lists are the same: one array, shared.)
        a.strongHedges = hits.has(.weakHedge) ? hits[.hedge].filter { !hits.contains(.weakHedge, exactly: $0) } : a.allHedges

        let interventionRanges = hits.ranges(.intervention, .cosmetic, .regenerative)
        // The condition hits, then the body-function hits that are not also conditions, each kept unless a longer
        // intervention covers it or it names a record: one array, not the four that chained `+` and `filter` made.
        func keptCondition(_ c: Range<Int>) -> Bool {
            !interventionRanges.contains { $0.overlaps(c) && $0.count >= c.count }
                // "a symptom diary", "a pain scale": the condition word only names a record or tool.
                // (A key test first: a word whose key is no record noun's cannot lowercase to one, so most skip the String.)
                && !(c.upperBound < r.upperBound && vocabulary.recordNounKeys.contains(key(c.upperBound)) && vocabulary.recordNouns.contains(lower(c.upperBound)))
        }
        var conditionRanges: [Range<Int>] = []
        let conditionCandidates = hits[.condition].count + hits[.bodyFunction].count
        if conditionCandidates > 0 { conditionRanges.reserveCapacity(conditionCandidates) }
        for c in hits[.condition] where keptCondition(c) { conditionRanges.append(c) }
        for c in hits[.bodyFunction] where !hits.contains(.condition, exactly: c) && keptCondition(c) { conditionRanges.append(c) }
        a.conditions = conditionRanges

        // Predicates: the longest of overlapping hits; causal cues that are part of a
        // correlational phrase ("increased risk", "associated with reduced") are not causal.
        var predicateHits: [(Range<Int>, ClaimTag)] = []
        // (Sized once: appending grew it two or three times in most sentences with a predicate.)
        var predicateCandidates = 0
        for tag in ClaimTag.predicateTags where hits.has(tag) { predicateCandidates += hits[tag].count }
        for (tag, _) in Self.comparativeTags where hits.has(tag) { predicateCandidates += hits[tag].count }
        if predicateCandidates > 0 { predicateHits.reserveCapacity(predicateCandidates) }
        for tag in ClaimTag.predicateTags where hits.has(tag) {
            for range in hits[tag] { predicateHits.append((range, tag)) }
        }
        // "sharper memory", "less pain", "fewer colds": an outcome stated as a comparison. Counted
        // for claims only (not for the level scale, where "more" and "higher" are everywhere).
        var outcomeRanges = Set<Range<Int>>()
        // (A health term right after the comparative, looked up in the two tags' hits: no joined array per sentence.)
        for (tag, mapped) in Self.comparativeTags where hits.has(tag) {
            for c in hits[tag] where (hits.contains(.condition, where: { $0.lowerBound == c.upperBound })
                || hits.contains(.bodyFunction, where: { $0.lowerBound == c.upperBound }))
                && !predicateHits.contains(where: { $0.0.overlaps(c) }) {
                predicateHits.append((c, mapped))
                outcomeRanges.insert(c)
            }
        }
        predicateHits.sort { $0.0.lowerBound != $1.0.lowerBound ? $0.0.lowerBound < $1.0.lowerBound : $0.0.count > $1.0.count }
        // Clause bounds matter only around predicates.
        let clauseStarts = predicateHits.isEmpty ? [] : self.clauseStarts(r, hits: hits)
        func clauseStart(_ t: Int) -> Int { clauseStarts.last { $0 <= t } ?? r.lowerBound }
        // The kept hits are compacted to the front of `predicateHits` (no second array per sentence).
        var keptCount = 0
        for k in predicateHits.indices {
            let (range, tag) = predicateHits[k]
            if predicateHits[..<keptCount].contains(where: { $0.0.overlaps(range) && $0.0 != range }) { continue }
            if tag.isCausalPredicate {
                // Part of a correlational frame earlier in the same clause.
                if hits.contains(.correlational, where: { $0.overlaps(range) || ($0.upperBound <= range.lowerBound && clauseStart(range.lowerBound) <= $0.lowerBound) }) { continue }
                // A predicate word used as an entity ("the treatment", "healing" as a noun after "wound").
                if interventionRanges.contains(where: { $0.overlaps(range) && $0.count > range.count }) { continue }
                if conditionRanges.contains(where: { $0.overlaps(range) && $0.count > range.count }) { continue }
            }
            predicateHits[keptCount] = (range, tag)
            keptCount += 1
        }
        predicateHits.removeLast(predicateHits.count - keptCount)
        let kept = predicateHits

        // "Detox Foot Pads: 11 Amazing Benefits You Must Know", "Royal Jelly Benefits For Health: 9 Amazing
        // Benefits": a count of benefits makes the line a listicle's title, which lists rather than asserts;
        // every "benefit(s)" in it is a noun.
        let countsBenefits = kept.contains { h in
            h.0.count == 1 && Self.benefitNouns.contains(key(h.0.lowerBound)) && countedAcrossModifiers(h.0, sentence: r)
        }
        for (range, tag) in kept {
            if tag.isCausalPredicate && isAttributiveAdjective(range, sentence: r) { continue }
            // "Detox Tea", "Gut Reset Programme": the predicate word names a product.
            // (Not a past tense: "reduced HbA1c" reports an effect; not a verb after an auxiliary,
            // "did not alter insulin", "may improve insulin"; not "an effective treatment".)
            if tag.isCausalPredicate, tag != .efficacy, range.count == 1, !lowerHasSuffix(range.lowerBound, "s"), !lowerHasSuffix(range.lowerBound, "ed"),
               !(range.lowerBound > r.lowerBound && Self.verbContext.contains(block.tokens[range.lowerBound - 1].key)),
               interventionRanges.contains(where: { $0.lowerBound == range.upperBound }) { continue }
            // "TitanCore T-Max Testosterone Support", "Prostate Support - 60 Capsules": a title-case
            // predicate noun that ends a product title (the end of a title naming a brand, a dash, a
            // pack size); "Natural Immune Support" alone is still a claim.
            if tag.isCausalPredicate, range.count == 1, range.lowerBound > r.lowerBound, block.tokens[range.lowerBound].isCapitalized,
               block.tokens[range.lowerBound - 1].isCapitalized || block.tokens[range.lowerBound - 1].isAllCaps,
               !lowerHasSuffix(range.lowerBound, "s"), !lowerHasSuffix(range.lowerBound, "ed"), !lowerHasSuffix(range.lowerBound, "ing"),
               (range.upperBound == r.upperBound && r.contains { brands.contains(block.tokens[$0].key) }) || (range.upperBound < r.upperBound
                   && ((block.tokens[range.upperBound].kind != .word && ["-", "–", "—", "|", "(", "/"].contains(block.text(of: block.tokens[range.upperBound])))
                       || block.tokens[range.upperBound].kind == .number)) { continue }
            // "Produced by the physiotherapy team", "made naturally by the liver": who or what makes it, not an effect.
            // ("a stress hormone produced in the adrenal gland": where it is made, likewise.)
            if tag.isCausalPredicate, range.count == 1, vocabulary.productionParticiples.contains(key(range.lowerBound)),
               range.upperBound < r.upperBound, Self.originPrepositions.contains(key(range.upperBound))
                || (range.upperBound + 1 < r.upperBound && lowerIs(range.upperBound + 1, "by")) { continue }
            // "it can, rarely, block the throat": a rare event a modal allows is a side effect, not a promise.
            if tag.isCausalPredicate, rareEventBefore(range.lowerBound, sentence: r) { continue }
            // "Increase slowly if your skin is comfortable", "Reduce gradually over two weeks": an
            // imperative of pace opening the sentence is a dosing direction, not an effect.
            if range.lowerBound == r.lowerBound, range.count == 1, range.upperBound < r.upperBound,
               Self.gradualAdverbs.contains(key(range.upperBound)) { continue }
            // "Dissolve two tablets on the tongue", "For babies over three months, dissolve one tablet":
            // an imperative whose object is the product (after an article or a number) is a direction
            // for use, not an effect; "Boost your collagen" and "stimulate collagen" keep their claim.
            if tag.isCausalPredicate, range.count == 1,
               isImperativeOnProduct(range, sentence: r, interventions: interventionRanges, conditions: conditionRanges) { continue }
            // "Protect treated skin from the sun", "Shield the area from cold wind": an imperative that opens the
            // sentence and names a weather or exposure after "from" is aftercare, not an effect claimed.
            if range.lowerBound == r.lowerBound, Self.shieldVerbs.contains(key(range.lowerBound)),
               let from = (range.upperBound..<min(range.upperBound + 6, r.upperBound)).first(where: { key($0) == Self.fromKey }),
               (from + 1..<min(from + 4, r.upperBound)).contains(where: { vocabulary.exposureNouns.contains(key($0)) }) { continue }
            // "chat to its founder about how it works", "asked me how it heals so fast": an indirect question
            // about the effect puts it up for discussion, it does not assert it.
            // (The key read once per predicate, not per word looked at: each read is a `swift_once` call.)
            let howKey = Self.howKey
            if range.lowerBound - 2 > r.lowerBound, let how = (max(r.lowerBound + 1, range.lowerBound - 3)..<range.lowerBound).last(where: { key($0) == howKey }),
               Self.indirectQuestionOpeners.contains(key(how - 1)) { continue }
            // "can cause a dangerous drop in blood pressure": a harmful fall is a warning, not a benefit.
            if tag == .decrease, range.lowerBound > r.lowerBound, vocabulary.harmAdjectives.contains(key(range.lowerBound - 1)) { continue }
            // "while it heals", "as the skin heals", "until the wound has healed": a time clause whose subject heals
            // by itself (no object) is the body's own course, not a cure claimed for anything.
            if tag == .curative, range.count == 1, Self.intransitiveHealing(range, sentence: r, tokens: block.tokens, interventions: interventionRanges) { continue }
            // "become blocked", "got damaged": a state, not an effect someone claims.
            if tag.isCausalPredicate, range.count == 1, range.lowerBound > r.lowerBound, lowerHasSuffix(range.lowerBound, "ed"),
               Self.becomingVerbs.contains(key(range.lowerBound - 1)) { continue }
            // "the balance of", "the benefit was": a predicate word used as a noun.
            // (Kept for the level scale: "the impact of X on Y" is how papers state an effect.)
            // (A capital "A" inside the sentence is a name, "vitamin A supports", not an article.)
            // ("spots or cuts can lead to": a finite verb is never followed straight by a modal, so a
            // predicate word right before "can", "may", "will" ... is a noun, the subject of that modal.)
            let nounUse = (tag.isCausalPredicate && range.lowerBound > r.lowerBound
                && (range.count == 1 || (range.count == 2 && Self.predicateParticles.contains(key(range.upperBound - 1))
                    // (a verb form that is also a plural noun: "the results in"; "the antidote to" stays an idiom)
                    && lowerHasSuffix(range.lowerBound, "s")))
                && Self.determiners.contains(block.tokens[range.lowerBound - 1].key)
                && !(block.tokens[range.lowerBound - 1].isCapitalized && range.lowerBound - 1 > r.lowerBound))
                || (range.count == 1 && range.lowerBound > r.lowerBound && range.upperBound < r.upperBound
                    && Self.modalsAfterNoun.contains(block.tokens[range.upperBound].key)
                    && !Self.verbContext.contains(block.tokens[range.lowerBound - 1].key))
                // ("9 Benefits of Hydrogen Water", "dilute one drop in a teaspoon": a predicate word counted
                // by a cardinal is a noun.)
                || (tag.isCausalPredicate && range.lowerBound > r.lowerBound && countedByCardinal(range, sentence: r))
                || (countsBenefits && range.count == 1 && Self.benefitNouns.contains(key(range.lowerBound)))
                // ("Maca Root Benefits For Libido", "the benefits of sleep": the verb takes its object straight, so
                // "benefit(s)" before "for" or "of" is a noun.)
                || (range.count == 1 && Self.benefitNouns.contains(key(range.lowerBound)) && range.upperBound < r.upperBound
                    && Self.benefitNounPrepositions.contains(key(range.upperBound)))
                // ("can cause problems with vision, movement, balance and bladder control": a bare predicate word
                // between list commas, after a health term in the same list, is one more noun of the list.)
                || (tag.isCausalPredicate && range.count == 1 && listedAmongTerms(range, sentence: r, conditions: conditionRanges))
                // ("It is made of building blocks called amino acids": what a thing is made of, not an effect.)
                || (range.count == 1 && range.lowerBound - 2 > r.lowerBound && lowerHasSuffix(range.lowerBound - 1, "ing")
                    && madeOf(before: range.lowerBound, sentence: r))
            // "helps the body absorb calcium": a nutrient's role in the body, as NHS pages describe it.
            if tag == .benefit, range.upperBound + 2 < r.upperBound, Self.theOrYour.contains(key(range.upperBound)),
               lowerIs(range.upperBound + 1, "body"),
               vocabulary.helpedProcessVerbs.contains(key(range.upperBound + 2)) { continue }
            // "helps enzymes turn food into energy", "insulin helps move glucose into cells": the body's own
            // machinery at work (enzymes, cells) or a substance carried about is biology, not a product's effect.
            if tag == .benefit, range.upperBound + 1 < r.upperBound {
                let next = block.tokens[range.upperBound].key
                if vocabulary.bodyMachinery.contains(next), vocabulary.organProcessVerbs.contains(block.tokens[range.upperBound + 1].key) { continue }
                if vocabulary.carryVerbs.contains(next) { continue }
            }
            // "how cells repair damaged DNA": the body's machinery as the subject does its own work.
            // ("Stem cells repair ..." is a therapy's claim.)
            if range.lowerBound > r.lowerBound, vocabulary.bodyMachinery.contains(block.tokens[range.lowerBound - 1].key),
               !(range.lowerBound - 2 >= r.lowerBound && Self.stemKeys.contains(block.tokens[range.lowerBound - 2].key)) { continue }
            // "Revive Clinic", "Renew Serum": a capitalised predicate word that names a business.
            if tag.isCausalPredicate, range.count == 1, range.lowerBound > r.lowerBound, block.tokens[range.lowerBound].isCapitalized,
               hits.contains(.businessNoun, where: { $0.lowerBound == range.upperBound }) { continue }
            // "the findings support", "data support": evidence supporting a conclusion, not an effect.
            if tag == .benefit, lowerHasPrefix(range.lowerBound, "support"),
               hits.contains(.evidenceMarker, where: { $0.upperBound <= range.lowerBound && range.lowerBound - $0.upperBound <= 2 })
                || (range.lowerBound > r.lowerBound && vocabulary.findingNouns.contains(key(range.lowerBound - 1))) { continue }
            // "stop using it", "stop taking": an instruction about use, not an effect.
            // ("reduces bloating", "reduced stunting": an -ing noun after other decrease verbs is the condition.)
            if tag == .decrease, range.upperBound < r.upperBound, lowerHasSuffix(range.upperBound, "ing"),
               Self.stopVerbs.contains(key(range.upperBound - 1)) { continue }
            // "when the medicine is stopped", "stopping the tablets": ending a treatment, not an effect of one.
            if tag == .decrease, lowerHasPrefix(range.lowerBound, "stop"),
               interventionRanges.contains(where: { i in
                   (i.upperBound + 1 == range.lowerBound && Self.linkingVerbs.contains(key(i.upperBound)))
                       || i.lowerBound == range.upperBound
                       || (i.lowerBound == range.upperBound + 1 && Self.determiners.contains(block.tokens[range.upperBound].key))
                       || (i.lowerBound == range.upperBound + 1 && Self.personalPossessives.contains(key(range.upperBound)))
               }) { continue }
            // "a dose is normally reduced step by step", "the tablets are increased slowly": a dose changed by
            // whoever prescribes it (a passive with the dose as its subject), not an effect of the treatment.
            if tag == .decrease || tag == .increase, range.count == 1, lowerHasSuffix(range.lowerBound, "ed"), range.lowerBound > r.lowerBound,
               Self.passiveAuxiliaries.contains(block.tokens[range.lowerBound - 1].key)
                || (range.lowerBound - 1 > r.lowerBound && Self.passiveAuxiliaries.contains(block.tokens[range.lowerBound - 2].key)
                    && block.tokens[range.lowerBound - 1].kind == .word && lowerHasSuffix(range.lowerBound - 1, "ly")),
               interventionRanges.contains(where: { i in
                   i.upperBound < range.lowerBound && range.lowerBound - i.upperBound <= 2 && vocabulary.doseForms.contains(block.tokens[i.upperBound - 1].key)
               }) { continue }
            // "Free from nuts, gluten and dairy": a list of what a product leaves out (allergens, additives),
            // not relief from a condition; "free from pain" keeps its claim.
            // (The ingredient's key first: it turns nearly every predicate away before the words are joined.)
            if range.upperBound < r.upperBound, vocabulary.leftOutIngredients.contains(block.tokens[range.upperBound].key),
               ["free from", "free of"].contains(block.lowercasedWords(range)) { continue }
            // "the possible benefits and harms", "risks and benefits": weighing a treatment, not promising an effect.
            if range.count == 1, Self.benefitNouns.contains(key(range.lowerBound)),
               (range.upperBound + 1 < r.upperBound && Self.andOrKeys.contains(key(range.upperBound))
                   && vocabulary.harmNouns.contains(block.tokens[range.upperBound + 1].key))
                || (range.lowerBound - 2 >= r.lowerBound && Self.andOrKeys.contains(key(range.lowerBound - 1))
                    && vocabulary.harmNouns.contains(block.tokens[range.lowerBound - 2].key)) { continue }
            // "Keep it away from your eyes": where to keep the product, not what it keeps away.
            // ("Keep the serum away from surrounding skin": the product named after an article, likewise.)
            if range.count >= 3, Self.keepForms.contains(key(range.lowerBound)), range.upperBound < r.upperBound,
               lowerIs(range.upperBound, "from"), Self.keptObjects.contains(key(range.lowerBound + 1))
                || (Self.determiners.contains(key(range.lowerBound + 1)) || Self.ownershipDeterminers.contains(key(range.lowerBound + 1)))
                    && interventionRanges.contains(where: { $0.contains(range.lowerBound + 2) || $0.lowerBound == range.lowerBound + 1 }) { continue }
            // "this is just what works for me": a personal preference, not an effect claimed for anything.
            if tag == .efficacy, range.count == 1, range.lowerBound > r.lowerBound, lowerIs(range.lowerBound - 1, "what"),
               range.upperBound + 1 < r.upperBound, lowerIs(range.upperBound, "for"), Self.speakerObjects.contains(key(range.upperBound + 1)),
               // (Not "What worked for me: warm a little olive oil ...", which goes on to name the remedy.)
               range.upperBound + 2 >= r.upperBound || [".", "!", ")"].contains(block.text(of: block.tokens[range.upperBound + 2])) { continue }
            // "How the treatment works", "How it works": a heading-like explanation opener, not an assertion.
            if tag == .efficacy, lowerIs(r.lowerBound, "how"), range.lowerBound - r.lowerBound <= 4,
               Self.workForms.contains(key(range.lowerBound)) { continue }
            var p = PredicateHit(range: range, tag: tag)
            p.nounUse = nounUse
            p.outcome = !outcomeRanges.isEmpty && outcomeRanges.contains(range)
            p.purpose = isPurpose(range, sentence: r)
            if !p.purpose && continuesPurposeList(range, sentence: r) { p.purpose = true }
            // "people who want to support memory", "if you are trying to lose weight": a goal someone has, not
            // an effect anything is said to have.
            if range.lowerBound - 2 >= r.lowerBound, lowerIs(range.lowerBound - 1, "to"), Self.desireVerbs.contains(block.tokens[range.lowerBound - 2].key) {
                p.goal = true
            }
            // "The body uses them to build and repair tissues", "your body needs iron to make new cells": a
            // purpose whose agent is the body itself is biology.
            if p.purpose, r.count > 4, Self.theOrYour.contains(key(r.lowerBound)), lowerIs(r.lowerBound + 1, "body"),
               vocabulary.bodyAgentVerbs.contains(key(r.lowerBound + 2)), range.lowerBound > r.lowerBound + 2 { p.bodySubject = true }
            p.nominal = hits[.therapeutic].contains(range) && range.count > 1 && Self.forOfKeys.contains(key(range.upperBound - 1))
            let start = clauseStart(range.lowerBound)
            p.negated = hits.contains(.negation) { $0.lowerBound >= start && $0.lowerBound < range.lowerBound && !$0.overlaps(range) }
                || hits.contains(.refutation) { $0.lowerBound < range.lowerBound }
            p.hedged = a.strongHedges.contains { ($0.lowerBound >= start && $0.lowerBound < range.lowerBound) || $0.overlaps(range) }
                || trailingHedge(after: range, in: r, hedges: a.strongHedges, clauseStart: clauseStart)
            // The intervention: the nearest before the predicate, else the nearest after it (the first of
            // equals either way). One loop: lazy filters allocated a closure context per predicate.
            var interventionBefore: Range<Int>?
            var interventionAfter: Range<Int>?
            for i in interventionRanges where !i.overlaps(range) {
                if i.upperBound <= range.lowerBound, interventionBefore.map({ $0.upperBound < i.upperBound }) ?? true { interventionBefore = i }
                if i.lowerBound >= range.upperBound, interventionAfter.map({ i.lowerBound < $0.lowerBound }) ?? true { interventionAfter = i }
            }
            if let before = interventionBefore {
                p.intervention = before
            } else if pronounContext, let pronoun = hits.last(.pronoun, where: { $0.upperBound <= range.lowerBound && $0.lowerBound >= start }),
                      // "know it better than", "spreads it better than": a pronoun right before a comparison is the object.
                      !(tag == .efficacy && pronoun.upperBound == range.lowerBound && Self.comparativeHeads.contains(block.tokens[range.lowerBound].key)) {
                p.intervention = pronoun
            } else if let after = interventionAfter {
                p.intervention = after
            } else if pronounContext && impliedSubject && (tag != .efficacy || range.count >= 3) && !opensWithGerund(r, interventions: interventionRanges)
                        // ("Treatment for varicose veins is not always available": a nominal predicate opening the
                        // sentence is its subject; no product stands behind it.)
                        && !(p.nominal && range.lowerBound - r.lowerBound <= 1) {
                // The product named earlier in the paragraph or section is the subject
                // ("Customers lose ten pounds in a week"): an empty range marks it.
                p.intervention = range.lowerBound..<range.lowerBound
            }
            // The condition: the first after the predicate, else the nearest before it.
            // (Not past a contrast word: in "X can help, but diet alone cannot treat anaemia" the
            // condition belongs to the second assertion.)
            let contrast = hits.first(.clauseBreak) { $0.lowerBound >= range.upperBound && Self.contrastWords.contains(block.tokens[$0.lowerBound].key) }
            // (Nor past a semicolon: "Deodorants mask and reduce odour; they do not stop you sweating" joins two
            // clauses, each with its own object.)
            let semicolon = (range.upperBound..<r.upperBound).first { block.tokens[$0].kind == .punctuation && block.token($0, equals: ";", lowercasing: false) }
            // The conditions this predicate can reach: a test over `conditionRanges`, not a filtered array per predicate.
            let chosenIntervention = p.intervention
            func reachable(_ c: Range<Int>) -> Bool {
                !c.overlaps(range) && !(chosenIntervention.map { c.overlaps($0) } ?? false)
                    && !(contrast.map { c.lowerBound >= $0.upperBound } ?? false) && !(semicolon.map { c.lowerBound > $0 } ?? false)
            }
            // The first after (the longest of those starting together), else the nearest before (the first of equals).
            var conditionAfter: Range<Int>?
            var conditionBefore: Range<Int>?
            for c in conditionRanges where reachable(c) {
                if c.lowerBound >= range.upperBound,
                   conditionAfter.map({ c.lowerBound != $0.lowerBound ? c.lowerBound < $0.lowerBound : c.count > $0.count }) ?? true { conditionAfter = c }
                if c.upperBound <= range.lowerBound, conditionBefore.map({ $0.upperBound < c.upperBound }) ?? true { conditionBefore = c }
            }
            if let after = conditionAfter {
                p.condition = after
            } else if let before = conditionBefore {
                p.condition = before
            } else if tag == .structureFunction || tag == .curative || tag == .therapeutic,
                      let inside = hits.first(.condition, where: { $0.overlaps(range) && $0.count > 0 && $0 != range }) {
                p.condition = inside
            }
            if let c = p.condition { p.conditionIsGood = hits.contains(.bodyFunction, exactly: c) }
            // "When someone eats gluten, their immune system attacks the lining": the body part is the
            // subject of the verb (right before it), the intervention further back; nothing acts on it.
            if let i = p.intervention, !i.isEmpty,
               let c = conditionRanges.first(where: { c in reachable(c) && c.upperBound <= range.lowerBound && i.upperBound <= c.lowerBound && range.lowerBound - c.upperBound <= 1
                   // a noun phrase of its own ("their immune system"), not a compound ("Elderberry Immune Support")
                   && (Self.subjectDeterminers.contains(lower(c.lowerBound))
                       || (c.lowerBound > r.lowerBound && Self.subjectDeterminers.contains(lower(c.lowerBound - 1)))
                       // "the bone and muscle can settle": the second of two body parts
                       || (c.lowerBound - 2 > r.lowerBound && Self.andOrKeys.contains(key(c.lowerBound - 1))
                           && conditionRanges.contains { reachable($0) && $0.upperBound == c.lowerBound - 1 }))
                   && !(c.upperBound < range.lowerBound && !Self.subjectLinks.contains(lower(c.upperBound))) }) {
                // ("let your body heal itself", "helps your skin repair": a causative makes it the product's effect.)
                var k = c.lowerBound - 1
                while k > r.lowerBound && Self.possessiveOpeners.contains(key(k)) { k -= 1 }
                // ("stem cells taken from your bone marrow regrow ...": a body part after a preposition is no subject.)
                if !(k >= r.lowerBound && (Self.causatives.contains(lower(k)) || Self.objectPrepositions.contains(lower(k)))) { p.bodySubject = true }
            }
            // "Most sciatica improves within six weeks", "Our sense of thirst fades as we get older": with no
            // product named in the sentence, a condition right before the verb, opening its clause, is the
            // verb's subject; the page's product does nothing to it.
            if let i = p.intervention, i.isEmpty,
               let c = conditionRanges.first(where: { c in
                   c.upperBound <= range.lowerBound && range.lowerBound - c.upperBound <= 1
                       && (c.upperBound == range.lowerBound || Self.subjectLinks.contains(lower(c.upperBound)))
               }) {
                var k = c.lowerBound
                // (Over other body terms and one modifier too: "Most knee sprains".)
                var modifiers = 0
                while k > start {
                    if Self.subjectOpeners.contains(lower(k - 1)) || conditionRanges.contains(where: { $0.contains(k - 1) }) { k -= 1; continue }
                    if modifiers == 0, block.tokens[k - 1].kind == .word, !interventionRanges.contains(where: { $0.contains(k - 1) }),
                       !hits.contains(.pronoun, where: { $0.contains(k - 1) }) { modifiers += 1; k -= 1; continue }
                    break
                }
                if k == start { p.bodySubject = true }
            }
            // "Nausea and vomiting affect most pregnant women ... and usually ease by 16 weeks": with no product in
            // the sentence, a verb of the condition's course after "usually"/"often" whose sentence opens on the
            // condition says how the condition runs, not what a product does.
            if let i = p.intervention, i.isEmpty, range.lowerBound - 1 > r.lowerBound,
               Self.courseAdverbs.contains(lower(range.lowerBound - 1)),
               conditionRanges.contains(where: { c in
                   c.upperBound <= range.lowerBound && (r.lowerBound..<c.lowerBound).allSatisfy { Self.subjectOpeners.contains(lower($0)) }
               }) { p.bodySubject = true }
            // "Statins are medicines that lower cholesterol": a definition, unless the wording is absolute.
            if tag != .curative && !a.intensified && isDefinition(before: range, sentence: r, hits: hits) { p.definition = true }
            // "A partial narrowing that reduces your breathing is called a hypopnoea": a predicate inside
            // a relative clause of the subject of "is called" / "is known as" names a thing, not an effect.
            if isNamedByRelativeClause(range, sentence: r) { p.definition = true }
            // "Copper is a trace mineral that the body needs in small amounts, for example to help form red
            // blood cells": a sentence that opens by defining its subject goes on describing it.
            if tag != .curative && !a.intensified && continuesDefinition(range, sentence: r, hits: hits) { p.definition = true }
            // "... to protect their body and help them to move": a list of predicates shares the definition.
            if tag != .curative, let last = a.predicates.last, last.definition, range.lowerBound > r.lowerBound,
               Self.andOrKeys.contains(key(range.lowerBound - 1)) { p.definition = true }
            // "Treatments that help": a category, not a product.
            if let i = p.intervention, !i.isEmpty, hits.contains(.genericIntervention, exactly: i),
               !(i.lowerBound > r.lowerBound && Self.ownershipDeterminers.contains(key(i.lowerBound - 1))) {
                p.generic = true
            }
            // "reduces the appearance of fine lines", "helps skin look smoother": a cosmetic
            // appearance claim, not a health effect.
            if let c = p.condition {
                // "helps the skin under your eyes feel refreshed": a causative "help" reaches further.
                let lo = min(range.lowerBound, c.lowerBound), hi = max(range.upperBound, c.upperBound) + (tag == .benefit ? 5 : 2)
                if hits.contains(.appearance, where: { $0.lowerBound >= lo && $0.lowerBound < hi }) { p.appearance = true }
                // "Cleanse and pat skin dry", "purifies the pores": cleansing the skin or hair is what a
                // cosmetic is for (FD&C Act 201(i)), not a health effect; "cleanses your liver" still is one.
                // ("Your therapist cleanses your skin": a possessive before the surface changes nothing.)
                if vocabulary.cleansingWords.contains(block.tokens[range.lowerBound].key),
                   vocabulary.surfaceWords.contains(block.tokens[c.upperBound - 1].key),
                   (c.lowerBound..<(c.upperBound - 1)).allSatisfy({ Self.subjectDeterminers.contains(lower($0)) }) { p.appearance = true }
            }
            // (Sized at the first predicate kept, for all the candidates left: sized before the loop, a sentence
            // whose candidates were all turned away still paid for the array.)
            if a.predicates.isEmpty { a.predicates.reserveCapacity(kept.count) }
            a.predicates.append(p)
        }

        // The Yu et al. level, from the predicates alone (negated ones count: the scale codes the relation).
        var level = ClaimLevel.none
        let agenda = !a.predicates.isEmpty && isResearchAgenda(r)
        markPurposeChains(&a.predicates, sentence: r)
        for p in a.predicates where !p.purpose && !p.nominal && !p.outcome && !agenda && isLevelCue(p, sentence: r, hits: hits)
            && !inNeedOrQuestion(p, sentence: r, hits: hits, clauseStart: clauseStart)
            && !hits.contains(.notEffect, where: { $0.overlaps(p.range) }) {
            let l: ClaimLevel
            if p.tag == .correlational { l = .correlational } else if p.hedged || a.hypothetical { l = .conditional } else { l = .direct }
            level = max(level, l)
        }
        a.level = a.furniture ? .none : level
        return
    }

    func lower(_ i: Int) -> String { block.lowercasedText(of: block.tokens[i]) }

    /// "no need to see a doctor", "you won't need to go to the doctor", "without needing to visit your GP": a need
    /// for the advice, negated, a few words before it.
    func discouraged(_ advice: Range<Int>, sentence r: Range<Int>) -> Bool {
        guard let need = (max(r.lowerBound, advice.lowerBound - 4)..<advice.lowerBound).last(where: { Self.needWords.contains(key($0)) }) else { return false }
        return (max(r.lowerBound, need - 3)..<need).contains { Self.needNegators.contains(key($0)) }
    }
    static let needWords = Set(["need", "needs", "needing", "necessary"].map { WordKey($0) })
    static let needNegators = Set(["no", "not", "never", "without", "don't", "doesn't", "won't", "dont", "wont"].map { WordKey($0) })
    /// `lower(i) == word` without building a String (`AnalyzedBlock.token(_:equals:)`).
    func lowerIs(_ i: Int, _ word: String) -> Bool { block.token(i, equals: word) }
    /// `lower(i).hasSuffix(suffix)` and `hasPrefix` for a suffix of ASCII letters: compared over the
    /// token's bytes when they are ASCII (nearly every word), through `lower(i)` otherwise.
    func lowerHasSuffix(_ i: Int, _ suffix: StaticString) -> Bool { lowerAffix(i, suffix, atEnd: true) }
    func lowerHasPrefix(_ i: Int, _ prefix: StaticString) -> Bool { lowerAffix(i, prefix, atEnd: false) }
    private func lowerAffix(_ i: Int, _ affix: StaticString, atEnd: Bool) -> Bool {
        let r = block.tokens[i].range
        // (`withUTF8Buffer`: a one-letter literal is stored as a scalar, without a UTF-8 pointer.)
        let ascii: Bool? = block.utf8.withUnsafeBufferPointer { all in
            affix.withUTF8Buffer { a in
                let n = a.count
                let lo = max(0, r.lowerBound), hi = min(all.count, r.upperBound)
                for k in lo..<hi where all[k] >= 0x80 { return nil }
                guard hi - lo >= n else { return false }
                let start = atEnd ? hi - n : lo
                for k in 0..<n {
                    var b = all[start + k]
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    if b != a[k] { return false }
                }
                return true
            }
        }
        if let ascii { return ascii }
        let word = lower(i), text = affix.description
        return atEnd ? word.hasSuffix(text) : word.hasPrefix(text)
    }
    /// The word key of token `i`: the rules compare keys with the static sets below, not lowercased strings.
    func key(_ i: Int) -> WordKey { block.tokens[i].key }

    /// "Why creatine prevents Alzheimer's", "Why our serum repairs skin": "why" before a subject (not an
    /// auxiliary: "Why does ...", "Why can't ...", "Why not ...") opens a title that takes what follows as
    /// fact; "why" is never the subject, so no verb-first question hides behind it.
    func assertingWhy(_ r: Range<Int>, hits: TagHits) -> Bool {
        let next = r.lowerBound + 1
        guard r.count > 2, lowerIs(r.lowerBound, "why"), block.tokens[next].kind == .word else { return false }
        let word = lower(next)
        return !hits.contains(.questionStart) { $0.lowerBound == next } && word != "not" && !word.hasSuffix("n't") && !word.hasSuffix("n’t")
            && !Self.whyAuxiliaries.contains(block.tokens[next].key)
            // ("Why it works", "Why we love it": a pronoun subject announces the section's explanation.)
            && !hits.contains(.pronoun) { $0.lowerBound == next } && !Self.whyPronouns.contains(block.tokens[next].key)
    }
    /// "Creatine is FDA approved, so why isn't your doctor talking about it?": a statement, then a
    /// comma and "so"/"but"/"then" with a wh-word: only the tail asks; the opening clause asserts.
    /// (Not when the sentence itself opens like a question: "Is it safe, and why ...?")
    func rhetoricalTail(_ r: Range<Int>) -> Bool {
        let t = block.tokens
        guard r.count > 6, t[r.lowerBound].kind == .word, !Self.questionOpeners.contains(t[r.lowerBound].key) else { return false }
        for i in (r.lowerBound + 3)..<(r.upperBound - 2) where block.token(i, equals: ",", lowercasing: false) {
            if Self.tailLinks.contains(t[i + 1].key), Self.whWords.contains(t[i + 2].key) { return true }
        }
        return false
    }
    static let tailLinks = Set(["so", "but", "then", "yet"].map { WordKey($0) })
    static let whWords = Set(["why", "how", "what"].map { WordKey($0) })
    static let questionOpeners = Set(["can", "could", "does", "do", "did", "is", "are", "was", "were", "will", "would", "should",
                                      "may", "might", "has", "have", "what", "which", "who", "when", "where", "whether", "why",
                                      "how", "isn't", "aren't", "doesn't", "don't", "can't", "won't"].map { WordKey($0) })
    static let stemKeys = Set(["stem"].map { WordKey($0) })
    static let whyAuxiliaries = Set(["don't", "doesn't", "won't", "isn't", "aren't", "am", "must", "shall", "ought"].map { WordKey($0) })
    static let whyPronouns = Set(["it", "they", "this", "that", "these", "those", "we", "you", "i", "he", "she"].map { WordKey($0) })

    /// Words that end the reach of a need or question frame: a "that" clause states something
    /// ("should be aware that X raises Y"), contrast and reason words start a new assertion.
    static let thatKey = WordKey("that")
    static let frameReleases = Set(["that", "because", "since", "whereas", "although", "though", "but", "however", "while", "yet"].map { WordKey($0) })

    /// A predicate inside a need, recommendation or open question ("X should be used to lower Y",
    /// "trials are needed to show whether X lowers Y", "we examined whether"): the effect is
    /// pursued or asked about, not found, so the level scale does not count it. The frame reaches
    /// forward to the next release word, semicolon or colon; it also covers a gerund or noun
    /// predicate in the subject before it ("Progress in reducing deaths needs to focus on ...").
    private func inNeedOrQuestion(_ p: PredicateHit, sentence r: Range<Int>, hits: TagHits, clauseStart: (Int) -> Int) -> Bool {
        // "Whether X lowers Y is not known": a sentence that opens with "whether" asks, it does not report.
        if lowerIs(r.lowerBound, "whether") { return true }
        let frames = hits[.deontic] + hits[.inquiry]
        guard !frames.isEmpty else { return false }
        for f in frames {
            if f.upperBound <= p.range.lowerBound {
                let isDeontic = hits[.deontic].contains(f)
                // "so treating it should improve survival": a modal right before the verb predicts an effect.
                if isDeontic && f.count == 1 && f.upperBound == p.range.lowerBound && Self.deonticModals.contains(key(f.lowerBound)) { continue }
                // A reported concern or belief holds its "that" clause ("growing concern that X may raise Y").
                if !hasRelease(from: f.upperBound, to: p.range.lowerBound, thatReleases: isDeontic) { return true }
            } else if f.lowerBound >= p.range.upperBound && isNounLike(p, sentence: r)
                        // Needs and unsettled states reach back to their subject ("the effect of X requires
                        // confirmation", "the effects are less clear"); a question word does not.
                        && !Self.frameComplementers.contains(key(f.lowerBound)) && !lowerIs(f.upperBound - 1, "if")
                        && !hasRelease(from: p.range.upperBound, to: f.lowerBound) {
                return true
            }
        }
        return false
    }

    /// A predicate word used as a noun or gerund, so part of a noun phrase ("the possible effect
    /// of", "improvements in", "strategies for reducing") rather than a finite verb.
    private func isNounLike(_ p: PredicateHit, sentence r: Range<Int>) -> Bool {
        if p.nounUse { return true }
        let first = lower(p.range.lowerBound), last = lower(p.range.upperBound - 1)
        if p.range.count == 1 && first.hasSuffix("ing") { return true }
        if p.range.count > 1 && ["in", "of"].contains(last) { return true }
        // A determiner one or two words before: "the possible effect", "a beneficial impact".
        for k in 1...2 where p.range.lowerBound - k >= r.lowerBound {
            let t = block.tokens[p.range.lowerBound - k]
            // A capital "A" inside a sentence names something ("drug A"), it is no article.
            if Self.determiners.contains(t.key) && (!t.isCapitalized || p.range.lowerBound - k == r.lowerBound) { return true }
        }
        return false
    }

    private func hasRelease(from lo: Int, to hi: Int, thatReleases: Bool = true) -> Bool {
        guard lo < hi else { return false }
        for i in lo..<hi {
            let t = block.tokens[i]
            if t.kind == .punctuation {
                let b = block.utf8[Int(t.start)]
                if b == 0x3B || b == 0x3A { return true }
            } else if Self.frameReleases.contains(t.key) && (thatReleases || t.key != Self.thatKey) {
                // "should consider psychosocial factors that can impact", "a need for plans to address symptoms that
                // impact": "that" after a plural noun opens a relative clause inside the frame, not a stated fact.
                if t.key == Self.thatKey, i > lo, isPluralNounBeforeThat(i - 1) { continue }
                return true
            }
        }
        return false
    }

    /// Words in -s before "that" that are verbs or function words, not plural nouns ("recognizes that", "this", "as").
    static let nonNounsBeforeThat = Set(["is", "was", "has", "does", "recognizes", "recognises", "ensures", "notes", "believes", "knows",
                                         "understands", "assumes", "states", "this", "thus", "concerns", "as", "its", "his", "hers"].map { WordKey($0) })

    /// A plural noun (a word in -s, not -ss or -us, that is no reporting verb or listed function word).
    private func isPluralNounBeforeThat(_ i: Int) -> Bool {
        let t = block.tokens[i]
        guard t.kind == .word, !vocabulary.reportingWords.contains(t.key), !Self.nonNounsBeforeThat.contains(t.key) else { return false }
        let w = lower(i)
        return w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us")
    }

    /// "resolutions to live a healthier lifestyle, exercise more, lose weight": a base-form predicate after a comma,
    /// "and" or "or" continues a purpose "to <verb>" up to twelve words back (no semicolon, colon or new clause
    /// word between), even when the first verb of the list is no predicate.
    static let purposeListStops = Set([";", ":", "that", "which", "who", "but", "while", "because", "although"].map { WordKey($0) })
    private func continuesPurposeList(_ range: Range<Int>, sentence r: Range<Int>) -> Bool {
        guard range.lowerBound - 2 > r.lowerBound else { return false }
        let w = lower(range.lowerBound)
        guard !w.hasSuffix("s"), !w.hasSuffix("ed"), !w.hasSuffix("ing"), Self.listJoiners.contains(key(range.lowerBound - 1)) else { return false }
        var k = range.lowerBound - 2
        while k > r.lowerBound && k >= range.lowerBound - 12 {
            let t = block.tokens[k]
            if Self.purposeListStops.contains(t.key) { return false }
            if t.kind == .punctuation {
                let b = block.utf8[Int(t.start)]
                if b == 0x3B || b == 0x3A { return false }
            }
            if t.key == Self.toKey && block.tokens[k + 1].kind == .word {
                return !lowerHasSuffix(k + 1, "ing") && isPurpose((k + 1)..<(k + 2), sentence: r)
            }
            k -= 1
        }
        return false
    }
    static let toKey = WordKey("to")

    /// "to reduce costs and improve care", "to help improve flow": predicates joined to a purpose
    /// share it.
    private func markPurposeChains(_ predicates: inout [PredicateHit], sentence r: Range<Int>) {
        guard predicates.count > 1 else { return }
        for k in 1..<predicates.count where !predicates[k].purpose {
            let cur = predicates[k].range
            // The nearest earlier predicate (one phrase can carry two tags: "prevent").
            guard let q = predicates[..<k].lastIndex(where: { $0.range.upperBound <= cur.lowerBound }), predicates[q].purpose
                    || predicates.contains(where: { $0.range == predicates[q].range && $0.purpose }) else { continue }
            let prev = predicates[q].range
            if prev.upperBound == cur.lowerBound { predicates[k].purpose = true; continue }
            let word = lower(cur.lowerBound)
            // A purpose takes the base form: "and reduced mortality" is a new finding.
            if word.hasSuffix("ed") || (word.hasSuffix("s") && !word.hasSuffix("ss")) { continue }
            // Only the joining word between them, or a short object and then "and"/"or".
            if Self.andOrKeys.contains(key(cur.lowerBound - 1)) && cur.lowerBound - prev.upperBound <= 8
                && !hasRelease(from: prev.upperBound, to: cur.lowerBound) {
                predicates[k].purpose = true
            }
        }
    }

    /// "Losing weight, drinking less alcohol ... lower your chances": a gerund phrase is the
    /// subject, a behaviour rather than the page's product, so no product is implied.
    func opensWithGerund(_ r: Range<Int>, interventions: ArraySlice<Range<Int>>) -> Bool {
        guard let first = r.first, block.tokens[first].kind == .word, block.tokens[first].length > 4 else { return false }
        return lowerHasSuffix(first, "ing") && !interventions.contains { $0.contains(first) }
    }

    /// Words after "treated" that make it a reduced relative clause ("patients treated at eight
    /// units"), a description of who was studied rather than an effect.
    static let treatedFollowers: Set<String> = ["at", "in", "with", "for", "by", "using", "between", "during", "from", "since", "over", "under", "within", "after", "before", "as", "and", "or"]
    /// Words that make a sentence a research agenda ("future research should explore the benefits"):
    /// it names an effect to study, not one found (Yu et al. code such sentences "no relationship").
    static let agendaPairs: [(String, Set<String>)] = [
        ("future", ["research", "studies", "study", "work", "trials", "investigations", "directions"]),
        ("further", ["research", "studies", "study", "work", "trials", "investigation", "investigations"]),
        ("more", ["research"]),
        ("additional", ["research", "studies"]),
        ("larger", ["studies", "trials"]),
        // "Previous studies have suggested that X may raise Y": background about earlier work.
        ("previous", ["research", "studies", "study", "work", "reports", "trials"]),
        ("prior", ["research", "studies", "work"]),
    ]

    /// Whether a predicate counts on the Yu et al. level scale (claims use `isClaim`, not this).
    private func isIntransitiveChange(_ p: PredicateHit, sentence r: Range<Int>, hits: TagHits) -> Bool {
        guard p.range.count == 1, p.tag == .increase || p.tag == .decrease || p.tag == .neutral else { return false }
        let w = lower(p.range.lowerBound)
        // "an increase of about 70 percent", "a decline of 12%": the size of a change, as a noun.
        if p.nounUse, p.range.upperBound + 1 < r.upperBound, lowerIs(p.range.upperBound, "of") {
            let n = p.range.upperBound + 1
            if block.tokens[n].kind == .number || hits.contains(.quantityWord, where: { $0.lowerBound == n }) { return true }
        }
        // "the number of visits more than doubles.": a present-tense change verb that ends its clause has no object.
        if vocabulary.presentChangeVerbs.contains(block.tokens[p.range.lowerBound].key),
           p.range.upperBound >= r.upperBound || block.tokens[p.range.upperBound].kind == .punctuation { return true }
        // "Obesity increased in the US between 2008 and 2009", "imaging is increasing even in HMOs": a change
        // in a place or group over a span of time.
        if (w.hasSuffix("ed") || w.hasSuffix("ing")), p.range.upperBound < r.upperBound,
           Self.populationFollowers.contains(key(p.range.upperBound)),
           !(p.range.lowerBound > r.lowerBound && Self.passiveAuxiliaries.contains(block.tokens[p.range.lowerBound - 1].key) && w.hasSuffix("ed")),
           hasTimeSpan(after: p.range.upperBound, in: r) || (w.hasSuffix("ing") && lowerIs(p.range.upperBound, "even")) { return true }
        guard w.hasSuffix("ed") || ["rose", "fell", "grew", "risen", "fallen", "grown"].contains(w) else { return false }
        if p.range.lowerBound > r.lowerBound && Self.passiveAuxiliaries.contains(block.tokens[p.range.lowerBound - 1].key) { return false }
        let i = p.range.upperBound
        // "... has changed." / "... increased, ..." : nothing follows the verb.
        if i >= r.upperBound || block.tokens[i].kind == .punctuation { return p.range.lowerBound > r.lowerBound && Self.haveForms.contains(key(p.range.lowerBound - 1)) }
        // "has increased in adults", "have declined among": a perfect-tense change in a group.
        if Self.populationPrepositions.contains(key(i)) && p.range.lowerBound > r.lowerBound && Self.haveForms.contains(key(p.range.lowerBound - 1)) { return true }
        // "by 76 per cent", "by a third": an amount, not an agent.
        if lowerIs(i, "by"), i + 1 < r.upperBound, block.tokens[i + 1].kind == .number || Self.amountOpeners.contains(key(i + 1)) { return true }
        return hits.contains(.changeFrame) { $0.lowerBound == i }
    }
    static let trendAgents = Set(["due", "led", "lead", "leads", "resulted", "results", "caused", "causes", "because", "following",
                                  "after", "attributable", "driven", "prompted", "sparked", "thanks", "from"].map { WordKey($0) })

    /// "between 2008 and 2009", "since 1999", "over 20 years", "from 1990 to 2006": a span of time after `k`.
    func hasTimeSpan(after k: Int, in r: Range<Int>) -> Bool {
        let t = block.tokens
        var i = k
        while i + 1 < r.upperBound {
            let w = lower(i)
            let next = t[i + 1]
            let year = next.kind == .number && next.length == 4
            if (w == "since" || w == "between" || w == "from") && year { return true }
            if w == "over", i + 2 < r.upperBound, (next.kind == .number || Self.numberWords.contains(next.key)),
               Self.longSpans.contains(key(i + 2)) { return true }
            i += 1
        }
        return false
    }

    /// "Sharp rise in children admitted with throat infections since 1999", "No increase in X over 20 years":
    /// a change named as a noun over a span of time, with no cause named anywhere in the sentence.
    func isTrendNoun(_ p: PredicateHit, sentence r: Range<Int>) -> Bool {
        // (It heads the sentence, as in a headline; "treatment delayed the rise in X for over 2 years" is an effect.)
        guard p.tag == .increase || p.tag == .decrease, p.range.count <= 2, p.range.lowerBound - r.lowerBound <= 2 else { return false }
        let last = lower(p.range.upperBound - 1)
        guard last == "in" || (p.range.upperBound < r.upperBound && lowerIs(p.range.upperBound, "in")) else { return false }
        guard hasTimeSpan(after: p.range.upperBound, in: r) else { return false }
        return !r.contains { Self.trendAgents.contains(block.tokens[$0].key) }
    }
    static let modalFillers = Set(["can", "could", "may", "might", "will", "would", "should", "also", "further", "thus", "therefore",
                                   "help", "helps", "to", "directly", "ultimately", "clearly", "not", "then"].map { WordKey($0) })
    static let passiveAuxiliaries = Set(["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"].map { WordKey($0) })

    private func isLevelCue(_ p: PredicateHit, sentence r: Range<Int>, hits: TagHits) -> Bool {
        let first = lower(p.range.lowerBound)
        // "the damage initiated by": a harm word used as a noun names a condition; "the damage
        // of", "the impact of X on Y" state a relation.
        if p.nounUse && p.tag == .harm && p.range.count == 1 && p.range.upperBound < r.upperBound
            && !Self.predicatePrepositions.contains(key(p.range.upperBound)) { return false }
        // "Therapy was well tolerated": a safety report, not a causal relation.
        if p.tag == .efficacy && (p.range.lowerBound..<p.range.upperBound).contains(where: { lowerIs($0, "tolerated") }) { return false }
        // "patients at risk of", "an alternative to": who is at risk, what else exists; not an effect.
        if p.range.count >= 2, ["at risk of", "alternative to"].contains(block.lowercasedWords(p.range)) { return false }
        // "These results should support", "the data may support": evidence supporting a conclusion.
        if p.tag == .benefit, first.hasPrefix("support"), p.range.lowerBound - 2 >= r.lowerBound,
           vocabulary.findingNouns.contains(key(p.range.lowerBound - 2)) { return false }
        // "patients treated at eight units", "children treated with insulin": who was studied.
        if p.tag == .therapeutic, p.range.count == 1, first == "treated", p.range.lowerBound > r.lowerBound,
           p.range.upperBound < r.upperBound, Self.treatedFollowers.contains(lower(p.range.upperBound)),
           !Self.treatedAuxiliaries.contains(key(p.range.lowerBound - 1)) { return false }
        // "were treated in U.S. emergency departments", "are treated at home": where care happened, a count of
        // cases, not what a treatment did.
        if p.tag == .therapeutic, p.range.count == 1, first == "treated", p.range.lowerBound > r.lowerBound, p.range.upperBound < r.upperBound,
           Self.inAtKeys.contains(key(p.range.upperBound)), Self.passiveAuxiliaries.contains(block.tokens[p.range.lowerBound - 1].key) { return false }
        // "helps identify", "help to define": an aid to knowing or deciding, not a health effect.
        if p.tag == .benefit, p.range.upperBound < r.upperBound {
            let next = lowerIs(p.range.upperBound - 1, "to") || !lowerIs(p.range.upperBound, "to") ? p.range.upperBound : p.range.upperBound + 1
            if next < r.upperBound && hits.any(.knowledgeVerb, overlapping: next..<(next + 1)) { return false }
            // "helps surgeons predict", "will help doctors identify": the same aid, with whom it helps in between
            // (up to three words, no punctuation).
            if first.hasPrefix("help") {
                let end = min(next + 4, r.upperBound)
                var k = next
                while k < end, block.tokens[k].kind == .word, !hits.any(.knowledgeVerb, overlapping: k..<(k + 1)) { k += 1 }
                if k < end, hits.any(.knowledgeVerb, overlapping: k..<(k + 1)) { return false }
            }
        }
        // "affects about 1 in 40 athletes", "affects millions": how many people have it, not an effect.
        if p.tag == .neutral, first.hasPrefix("affect"), p.range.upperBound < r.upperBound {
            let t = block.tokens[p.range.upperBound]
            if t.kind == .number || hits.any(.quantityWord, overlapping: p.range.upperBound..<(p.range.upperBound + 1)) { return false }
        }
        // "rates increased by 76 per cent between 1999 and 2010", "care has changed": a change over
        // time with nothing named as its cause (an intransitive verb; a passive "was reduced by" stays).
        if isIntransitiveChange(p, sentence: r, hits: hits) { return false }
        if isTrendNoun(p, sentence: r) { return false }
        // "These findings can improve care", "the results may help to": the research is the subject,
        // so the sentence is about the study's use, not a health effect.
        if let subject = hits.last(.evidenceSubject, where: { $0.upperBound <= p.range.lowerBound }), p.range.lowerBound - subject.upperBound <= 3,
           (subject.upperBound..<p.range.lowerBound).allSatisfy({ Self.modalFillers.contains(block.tokens[$0].key) }) { return false }
        // "These findings highlight X and may increase precision", "these results would appear to corroborate the
        // concept of increasing activity": the research heads the sentence and no verb of showing follows it, so its
        // predicates say what the research may do, not what a treatment or exposure did.
        if isResearchAsSubject(p.range, sentence: r, hits: hits) { return false }
        // "a dose-response effect", "the nutritional benefits of dairy products": an effect named as a noun, with
        // nothing that has, shows or reports it and no "on" naming what it acts on.
        if isBareEffectNoun(p.range, sentence: r) { return false }
        // "We support its use": a recommendation, not an effect.
        if p.tag == .benefit, first.hasPrefix("support"), p.range.lowerBound > r.lowerBound,
           Self.reportingSubjects.contains(key(p.range.lowerBound - 1)) { return false }
        return true
    }

    /// Prepositions before a research noun that make it an adjunct ("Based on these results", "According to our
    /// findings", "During the study"), not the subject.
    static let researchAdjunctPrepositions = Set(["on", "to", "of", "in", "from", "with", "during", "throughout", "over", "across",
        "after", "before", "within", "at", "by", "for", "among"].map { WordKey($0) })

    /// A research subject ("These findings", "Our data", "the implications") within the first four words, not after a
    /// preposition, with no reporting word, semicolon or colon between it and the predicate.
    private func isResearchAsSubject(_ p: Range<Int>, sentence r: Range<Int>, hits: TagHits) -> Bool {
        guard hits.has(.evidenceSubject),
              let s = hits.first(.evidenceSubject, where: { $0.upperBound <= p.lowerBound }), s.lowerBound - r.lowerBound <= 3 else { return false }
        let t = block.tokens
        if s.lowerBound > r.lowerBound, Self.researchAdjunctPrepositions.contains(t[s.lowerBound - 1].key) { return false }
        if s.upperBound < p.lowerBound, vocabulary.researchModifiedNouns.contains(t[s.upperBound].key) { return false }
        for i in s.upperBound..<p.lowerBound {
            if vocabulary.reportingWords.contains(t[i].key) { return false }
            if t[i].kind == .punctuation {
                let b = block.utf8[Int(t[i].start)]
                if b == 0x3B || b == 0x3A { return false }
            }
        }
        return true
    }

    /// "impact", "influence", "benefits" can be verbs: as nouns they follow a determiner, a preposition or an adjective.
    static let effectNounOnly = Set(["effect", "effects"].map { WordKey($0) })
    static let effectNounOpeners = Set(["of", "on", "in", "for", "about", "regarding", "and", "health", "clinical", "medical", "economic",
        "potential", "possible", "positive", "negative", "significant", "limited", "little", "major", "greater", "great", "big", "large",
        "small", "substantial", "important", "strong", "any", "its", "their", "these", "those", "such"].map { WordKey($0) })
    static let adjectiveSuffixes = ["al", "ive", "ful", "ic", "ous"]
    /// Words before an effect word that make it a verb ("can impact", "to influence", "that benefits").
    static let effectVerbContext = Set(["to", "can", "could", "may", "might", "will", "would", "should", "must", "not", "that", "which", "who",
        "does", "do", "did", "cannot"].map { WordKey($0) })
    /// Verbs that state an effect named as a noun: "has a big impact", "showed no effect", "exerts an influence".
    static let effectHavingVerbs = Set(["has", "have", "had", "having", "exert", "exerts", "exerted", "yield", "yields", "yielded", "produce",
        "produces", "produced", "show", "shows", "showed", "shown", "demonstrate", "demonstrates", "demonstrated", "reveal", "revealed",
        "reveals", "confer", "confers", "conferred", "offer", "offers", "offered", "provide", "provides", "provided", "confirm", "confirms",
        "confirmed", "reinforce", "reinforces", "reinforced", "bring", "brings", "brought", "deliver", "delivers", "delivered", "found",
        "find", "finds"].map { WordKey($0) })
    /// Words after an effect noun that report it: "the effects were significant", "benefits observed in the trial".
    static let effectReportWords = Set(["was", "were", "is", "are", "observed", "seen", "found", "noted", "achieved", "maintained",
        "reported"].map { WordKey($0) })
    static let byKey = WordKey("by")
    static let onKey = WordKey("on")

    /// An effect noun with no verb of having or showing up to six words before it (within its clause), no "by"
    /// right after it, and no "on" or reporting verb up to eight words after it (within its clause).
    private func isBareEffectNoun(_ p: Range<Int>, sentence r: Range<Int>) -> Bool {
        let t = block.tokens
        guard p.count == 1, vocabulary.effectNouns.contains(t[p.lowerBound].key) else { return false }
        if p.lowerBound > r.lowerBound {
            var k = p.lowerBound - 1
            if k > r.lowerBound && lowerHasSuffix(k, "ly") { k -= 1 }
            if Self.effectVerbContext.contains(t[k].key) { return false }
            if !Self.effectNounOnly.contains(t[p.lowerBound].key) {
                let before = t[p.lowerBound - 1]
                let word = lower(p.lowerBound - 1)
                guard Self.determiners.contains(before.key) || Self.effectNounOpeners.contains(before.key)
                        || Self.adjectiveSuffixes.contains(where: { word.hasSuffix($0) }) else { return false }
            }
        }
        var k = p.lowerBound - 1
        while k >= r.lowerBound && k >= p.lowerBound - 6 && t[k].kind != .punctuation && t[k].kind != .symbol {
            if Self.effectHavingVerbs.contains(t[k].key) { return false }
            k -= 1
        }
        if p.upperBound < r.upperBound && t[p.upperBound].key == Self.byKey { return false }
        var j = p.upperBound
        while j < r.upperBound && j < p.upperBound + 8 && t[j].kind != .punctuation && t[j].kind != .symbol {
            if t[j].key == Self.onKey || Self.effectReportWords.contains(t[j].key) { return false }
            j += 1
        }
        return true
    }

    /// "Future research should explore ...", "further studies are needed": a research agenda.
    private func isResearchAgenda(_ r: Range<Int>) -> Bool {
        guard r.count > 1 else { return false }
        for i in r.lowerBound..<(r.upperBound - 1) {
            let t = block.tokens
            // One word may come between: "further mechanistic research", "future randomised trials".
            if Self.agendaFilter.mayContain(t[i].key), let followers = Self.agendaFollowers[t[i].key],
               followers.contains(t[i + 1].key) || (i + 2 < r.upperBound && followers.contains(t[i + 2].key)) { return true }
        }
        return false
    }
    /// `agendaPairs` by word key: no lowercased String per token.
    static let agendaFollowers: [WordKey: Set<WordKey>] = Dictionary(agendaPairs.map { (WordKey($0.0), Set($0.1.map { WordKey($0) })) }, uniquingKeysWith: { $0.union($1) })
    /// Turns most tokens away before the dictionary look-up (every token of a sentence with a predicate).
    static let agendaFilter = WordKeyFilter(agendaFollowers.keys)
    /// Comparative tags and the predicate tag each stands for.
    static let comparativeTags: [(ClaimTag, ClaimTag)] = [(.comparativeUp, .increase), (.comparativeDown, .decrease)]
    /// Words between a subject and its verb ("the immune system then attacks", "it also helps").
    static let subjectLinks: Set<String> = ["then", "also", "still", "quickly", "slowly", "gradually", "often", "usually", "sometimes", "can", "may", "will"]
    /// Words that can open a subject before a condition ("Most sciatica", "Our sense of thirst").
    static let originParticiples: Set<String> = ["made", "produced", "secreted", "released", "found", "stored", "formed"]
    static let courseAdverbs: Set<String> = ["usually", "often", "normally", "typically", "generally", "mostly", "tend", "tends"]
    static let subjectOpeners: Set<String> = ["most", "many", "some", "the", "your", "our", "their", "my", "his", "her", "a", "an",
                                              "sense", "of", "mild", "minor", "acute", "these", "this", "those"]
    static let causatives: Set<String> = ["let", "lets", "letting", "help", "helps", "helping", "helped", "make", "makes", "making",
                                         "allow", "allows", "allowing", "enable", "enables", "get", "gets", "getting", "leave", "leaves", "so"]
    static let objectPrepositions: Set<String> = ["from", "of", "in", "into", "with", "by", "for", "to", "on", "at", "through", "under"]
    static let subjectDeterminers: Set<String> = ["their", "the", "your", "his", "her", "its", "my", "our"]
    static let andKey = WordKey("and")
    static let mostKey = WordKey("most")
    static let determiners = Set(["the", "a", "an", "its", "their", "his", "her", "any", "no", "some", "each", "every", "whose",
                                  // "has its own balance of bacteria": "own" only ever stands before a noun.
                                  "own"].map { WordKey($0) })
    /// Conjunctions that open a time clause ("while it heals", "as the skin heals").
    static let timeSubordinators = Set(["while", "as", "until", "till", "once", "after", "before", "when", "whilst"].map { WordKey($0) })
    static let shieldVerbs = Set(["protect", "shield", "keep"].map { WordKey($0) })
    static let fromKey = WordKey("from")
    static let healClauseEnders = Set(["and", "over", "up", "fully", "completely", "properly", "naturally", "well", "normally"].map { WordKey($0) })
    static let healForms = Set(["heal", "heals", "healed", "healing"].map { WordKey($0) })
    /// Words that may sit between the subject and "heals" ("has healed", "fully heals").
    static let healAuxiliaries = Set(["has", "have", "is", "are", "fully", "completely", "properly", "naturally", "starts", "begins",
                                      "to", "had"].map { WordKey($0) })

    /// "while it heals": a time conjunction, a subject of at most three words (no product), the heal verb and
    /// nothing after it but the clause's end (punctuation, "and", an adverb of manner or time).
    static func intransitiveHealing(_ range: Range<Int>, sentence r: Range<Int>, tokens t: [Token], interventions: ArraySlice<Range<Int>>) -> Bool {
        guard Self.healForms.contains(t[range.lowerBound].key) else { return false }
        // "Leave blisters to heal on their own", "the cut heals by itself": no one's product is the healer.
        if range.upperBound + 1 < r.upperBound {
            let next = t[range.upperBound].key, after = t[range.upperBound + 1].key
            if next == Self.onKey && range.upperBound + 2 < r.upperBound && Self.ownerPronouns.contains(after)
                && t[range.upperBound + 2].key == Self.ownKey { return true }
            if next == Self.byKey && WordKeys.reflexivePronouns.contains(after) { return true }
        }
        if range.upperBound < r.upperBound {
            let next = t[range.upperBound]
            if next.kind == .word && !Self.healClauseEnders.contains(next.key) { return false }
        }
        var k = range.lowerBound - 1
        while k >= r.lowerBound && Self.healAuxiliaries.contains(t[k].key) { k -= 1 }
        var subjectWords = 0
        while k >= r.lowerBound && t[k].kind == .word && !Self.timeSubordinators.contains(t[k].key) && subjectWords < 3 {
            if interventions.contains(where: { $0.contains(k) }) { return false }
            subjectWords += 1
            k -= 1
        }
        return subjectWords >= 1 && k >= r.lowerBound && Self.timeSubordinators.contains(t[k].key)
    }
    static let orKey = WordKey("or")
    static let ownKey = WordKey("own")
    static let ownerPronouns = Set(["its", "their", "your", "his", "her"].map { WordKey($0) })
    /// Particles that end a two-word predicate ("results in", "leads to"); after a determiner the pair is a noun and a
    /// preposition ("shows the results in the app").
    static let predicateParticles = Set(["in", "to", "for", "of", "on", "up", "off", "out", "down", "away"].map { WordKey($0) })
    static let contrastWords = Set(["but", "although", "though", "whereas", "however", "yet"].map { WordKey($0) })
    /// Words after which a predicate word is a verb: auxiliaries, modals, negation, "to".
    static let verbContext = Set(["to", "not", "do", "does", "did", "may", "might", "can", "could", "will", "would", "should", "must",
                                  "cannot", "don't", "doesn't", "didn't", "won't", "also", "further", "significantly"].map { WordKey($0) })

    /// Labels of a metadata line ("Tags:", "Categories:", "Last updated:"): up to three words before a
    /// colon. The words after them list or date, they do not assert. (Link lines such as "Read more:
    /// 5 Foods That Cure Diabetes" show a claim on the page and stay linted.)
    static let metadataLabels: Set<String> = ["tags", "tagged", "categories", "category", "keywords", "topics", "labels",
                                              "share this", "share", "share this article", "share this post", "share this page",
                                              "share on", "last updated", "updated", "medically reviewed by", "reviewed by",
                                              // a content farm's list of links to its other posts
                                              "related posts", "related articles", "related reading", "you may also like",
                                              // a teaser link to another post ("Read more: 10 Foods That Destroy Your Nerves")
                                              "read more", "read next", "also read", "read also", "see also", "you might also like",
                                              "recommended reading"]
    static let relatedLinkLabels: Set<String> = ["related posts", "related articles", "related reading", "you may also like",
                                                 "read more", "read next", "also read", "read also", "see also",
                                                 "you might also like", "recommended reading"]

    private func opensWithRelatedLinks(_ r: Range<Int>) -> Bool {
        for n in 1...4 where r.lowerBound + n < r.upperBound && block.token(r.lowerBound + n, equals: ":", lowercasing: false) {
            if Self.relatedLinkLabels.contains(block.lowercasedWords(r.lowerBound..<(r.lowerBound + n))) { return true }
        }
        return false
    }
    /// Labels of a picture's caption ("Image: woman holding her stomach (Photo credit: Freepik)"); a caption is
    /// short, so a long sentence after such a label (a caption fused with the text below it) is still read.
    static let captionLabels: Set<String> = ["image", "photo", "picture", "caption", "photo credit", "image credit", "pictured"]
    /// Byline openers and the word after them ("Posted by", "Written by", "Filed under").
    static let bylineOpeners: [WordKey: Set<WordKey>] = [
        WordKey("posted"): Set(["by", "in", "on", "under"].map { WordKey($0) }),
        WordKey("written"): Set(["by"].map { WordKey($0) }),
        WordKey("filed"): Set(["under", "in"].map { WordKey($0) }),
        WordKey("medically"): Set(["reviewed"].map { WordKey($0) }),
        WordKey("reviewed"): Set(["by"].map { WordKey($0) }),
    ]

    /// Page furniture: a byline, a tags line, or a run of chapter timestamps ("09:45 ... 18:30 ...").
    private func isFurniture(_ r: Range<Int>) -> Bool {
        let t = block.tokens
        guard r.count >= 2 else { return false }
        let first = t[r.lowerBound].key, second = t[r.lowerBound + 1]
        for n in 1...4 where r.lowerBound + n < r.upperBound && block.token(r.lowerBound + n, equals: ":", lowercasing: false) {
            if Self.metadataLabels.contains(block.lowercasedWords(r.lowerBound..<(r.lowerBound + n))) { return true }
            if r.count <= 20, Self.captionLabels.contains(block.lowercasedWords(r.lowerBound..<(r.lowerBound + n))) { return true }
        }
        if let next = Self.bylineOpeners[first], next.contains(second.key) { return true }
        // "Home > Baby Care > Gripe Water For Baby Colic": a breadcrumb trail.
        if first == Self.homeKey, Self.breadcrumbSeparators.contains(block.text(of: second)) { return true }
        // "By Jane Doe | 5 min read": a reading time marks a byline.
        // (Word keys, not lowercased strings: this runs over every token of a sentence with hits.)
        // (The number first: most tokens follow none, and they skip both set look-ups.)
        for i in r where i > r.lowerBound && i + 1 < r.upperBound && t[i - 1].kind == .number
            && Self.minuteKeys.contains(t[i].key) && Self.readKeys.contains(t[i + 1].key) { return true }
        // Two clock times or more ("09:45", "1:02:30"): a list of chapters or a timetable.
        var stamps = 0
        var i = r.lowerBound
        while i < r.upperBound {
            if t[i].kind == .number {
                if i + 2 < r.upperBound, block.token(i + 1, equals: ":", lowercasing: false), t[i + 2].kind == .number, t[i + 2].length == 2, t[i].length <= 2 {
                    stamps += 1
                    i += 3
                    continue
                }
                if block.utf8[t[i].range].contains(UInt8(ascii: ":")) { stamps += 1 }
            }
            i += 1
        }
        return stamps >= 2
    }

    static let homeKey = WordKey("home")
    static let breadcrumbSeparators: Set<String> = [">", "»", "/", "›", "|"]
    static let readKeys = Set(["read", "reading"].map { WordKey($0) })
    static let minuteKeys = Set(["min", "mins", "minute", "minutes"].map { WordKey($0) })
    static let numberWords = Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                                  "twelve", "fifteen", "twenty", "several", "dozen"].map { WordKey($0) })
    static let oneKey = WordKey("one")

    /// "9 Benefits of", "dilute one drop in": a cardinal right before the predicate word makes it a
    /// counted noun. Digits count only when they open the sentence ("omega 3 lowers" names a product);
    /// "one" only before a singular ("this one helps" is a pronoun and a verb).
    private func countedByCardinal(_ range: Range<Int>, sentence r: Range<Int>) -> Bool {
        let k = range.lowerBound - 1
        let before = block.tokens[k]
        if before.kind == .number { return k == r.lowerBound }
        guard Self.numberWords.contains(before.key) else { return false }
        return before.key != Self.oneKey || !lowerHasSuffix(range.upperBound - 1, "s")
    }

    /// "11 Amazing Benefits", "Top 5 Proven Benefits": a number up to three words before the noun, with only
    /// words between (digits anywhere here: the noun is a benefit noun, never a verb after "omega 3").
    private func countedAcrossModifiers(_ range: Range<Int>, sentence r: Range<Int>) -> Bool {
        var k = range.lowerBound - 1
        while k >= r.lowerBound && k >= range.lowerBound - 3 {
            let t = block.tokens[k]
            if t.kind == .number || Self.numberWords.contains(t.key) { return true }
            if t.kind != .word { return false }
            k -= 1
        }
        return false
    }

    /// "made of building blocks", "made up of amino acids", "composed of": composition, up to three words back.
    private func madeOf(before i: Int, sentence r: Range<Int>) -> Bool {
        var k = i - 1
        while k > r.lowerBound && k >= i - 3 {
            if block.tokens[k].key == Self.ofKey {
                let v = lowerIs(k - 1, "up") && k - 2 >= r.lowerBound ? k - 2 : k - 1
                return Self.compositionVerbs.contains(key(v))
            }
            if block.tokens[k].kind != .word { return false }
            k -= 1
        }
        return false
    }
    /// "can, rarely, block", "may occasionally cause": a rarity adverb (commas around it allowed) between a
    /// modal and the predicate.
    private func rareEventBefore(_ i: Int, sentence r: Range<Int>) -> Bool {
        var k = i - 1
        var rare = false
        while k > r.lowerBound && k >= i - 4 {
            let t = block.tokens[k]
            if Self.rarityAdverbs.contains(t.key) { rare = true } else if Self.modalsAfterNoun.contains(t.key) { return rare }
            else if !(t.kind == .punctuation && block.token(k, equals: ",", lowercasing: false)) { return false }
            k -= 1
        }
        return false
    }
    static let rarityAdverbs = Set(["rarely", "occasionally", "seldom"].map { WordKey($0) })
    static let ofKey = WordKey("of")
    static let compositionVerbs = Set(["made", "composed", "consists", "consist", "built"].map { WordKey($0) })

    static let desireVerbs = Set(["want", "wants", "wanted", "wanting", "hope", "hopes", "hoped", "hoping", "trying", "try", "tries",
                                  "tried", "wish", "wishes", "wishing", "aiming", "aim", "aims", "looking", "struggling", "struggle",
                                  "desperate", "keen", "eager"].map { WordKey($0) })
    static let comparativeHeads = Set(["better", "more", "faster", "quicker", "stronger"].map { WordKey($0) })
    static let objectDeterminers = Set(["a", "an", "the", "one", "two", "three", "four", "five", "six", "half", "some", "this",
                                        "these", "that", "those", "another", "each", "1", "2", "3", "4", "5", "6"].map { WordKey($0) })

    /// "dissolve two tablets", "reduce the dose": an imperative (opening the sentence or its clause,
    /// base form) whose object, after an article or a number, is the product.
    /// ("Boost the collagen synthesis": an ingredient word inside a body function is no product.)
    private func isImperativeOnProduct(_ p: Range<Int>, sentence r: Range<Int>, interventions: ArraySlice<Range<Int>>, conditions: [Range<Int>]) -> Bool {
        let t = block.tokens
        let w = lower(p.lowerBound)
        guard !w.hasSuffix("s"), !w.hasSuffix("ed"), !w.hasSuffix("ing") else { return false }
        if p.lowerBound > r.lowerBound {
            let prev = block.text(of: t[p.lowerBound - 1]).lowercased()
            guard [",", ":", "then"].contains(prev) else { return false }
        }
        var k = p.upperBound
        var skipped = 0
        while k < r.upperBound && skipped < 3 && (Self.objectDeterminers.contains(t[k].key) || t[k].kind == .number) { k += 1; skipped += 1 }
        // The object is a dose form ("two tablets", "the dose", "one sachet"); an ingredient after the
        // verb is what it acts on ("Boost the collagen synthesis").
        return skipped > 0 && interventions.contains { $0.lowerBound == k && vocabulary.doseForms.contains(t[$0.upperBound - 1].key) }
            && !conditions.contains { $0.contains(k) }
    }

    /// "X is a <category> that/which ...": a predicate later in the same sentence, with no semicolon,
    /// contrast word or new subject ("it", "they") between, still describes X.
    private func continuesDefinition(_ p: Range<Int>, sentence r: Range<Int>, hits: TagHits) -> Bool {
        let t = block.tokens
        guard r.count > 5 else { return false }
        guard let k = (r.lowerBound + 1..<min(r.lowerBound + 6, r.upperBound - 2)).first(where: { Self.presentCopulas.contains(key($0)) }),
              Self.indefiniteArticles.contains(key(k + 1)) else { return false }
        guard let noun = hits.first(.definitionNoun, where: { $0.lowerBound > k + 1 && $0.lowerBound <= k + 5 }),
              noun.upperBound < p.lowerBound,
              // ("a hormone made by the pineal gland": a participle of origin describes the category too.)
              Self.thatWhichKeys.contains(key(noun.upperBound)) || Self.originParticiples.contains(lower(noun.upperBound)) else { return false }
        for i in noun.upperBound..<p.lowerBound {
            if t[i].kind == .punctuation && block.token(i, equals: ";", lowercasing: false) { return false }
            if Self.contrastWords.contains(t[i].key) { return false }
        }
        // ("..., and it helps signal to the body": "and it" goes on about the thing defined.)
        return !hits.contains(.pronoun) { $0.lowerBound > noun.upperBound && $0.lowerBound < p.lowerBound
            && !(Self.itTheyKeys.contains(key($0.lowerBound)) && lowerIs($0.lowerBound - 1, "and")) }
    }

    /// "Rarely,", "Very rarely,", "In rare cases,", "Occasionally,", "Less commonly,": a frequency
    /// opener with its comma.
    static let rarityOpeners: [[String]] = [["rarely"], ["very", "rarely"], ["occasionally"], ["uncommonly"], ["less", "commonly"],
                                            ["in", "rare", "cases"], ["in", "very", "rare", "cases"], ["in", "a", "few", "cases"], ["in", "rare", "instances"]]

    /// Keys of the openers' first words: most sentences are turned away by one comparison loop.
    static let rarityFirstKeys = Set(rarityOpeners.map { WordKey($0[0]) })

    private func opensWithRarity(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, Self.rarityFirstKeys.contains(block.tokens[r.lowerBound].key) else { return false }
        for o in Self.rarityOpeners where r.count > o.count + 1 {
            if o.indices.allSatisfy({ block.token(r.lowerBound + $0, equals: o[$0]) }) && block.token(r.lowerBound + o.count, equals: ",", lowercasing: false) { return true }
        }
        return false
    }

    /// Modals of a noun subject ("cuts can", "patches will"); "should" and "must" left out: a
    /// noun before them ("support should be introduced") also heads a recommendation, which the level
    /// scale reads apart.
    static let modalsAfterNoun = Set(["can", "could", "may", "might", "will", "would", "cannot", "can't"].map { WordKey($0) })
    static let namingVerbs = Set(["called", "known", "termed", "named"].map { WordKey($0) })

    /// "<noun> that/which <predicate> ... is called / are known as <name>".
    private func isNamedByRelativeClause(_ p: Range<Int>, sentence r: Range<Int>) -> Bool {
        guard p.lowerBound - 1 >= r.lowerBound, Self.thatWhichKeys.contains(key(p.lowerBound - 1)) else { return false }
        var k = p.upperBound
        while k + 1 < r.upperBound && k < p.upperBound + 8 {
            if Self.copulaForms.contains(key(k)) {
                var m = k + 1
                if m < r.upperBound && Self.frequencyAdverbs.contains(key(m)) { m += 1 }
                return m < r.upperBound && Self.namingVerbs.contains(block.tokens[m].key)
            }
            if block.tokens[k].kind != .word { return false }
            k += 1
        }
        return false
    }

    /// "X is/are (a) <category noun> that/which/used to <predicate>".
    private func isDefinition(before p: Range<Int>, sentence r: Range<Int>, hits: TagHits) -> Bool {
        var i = p.lowerBound - 1
        var sawLink = false
        // Walk back over "that", "which", "used to", "can", "help(s)".
        while i >= r.lowerBound && i >= p.lowerBound - 4 {
            let w = lower(i)
            if ["that", "which", "used", "to", "can", "help", "helps", "is", "are"].contains(w) { sawLink = sawLink || w == "that" || w == "which" || w == "used"; i -= 1; continue }
            break
        }
        // "a mucus that snails produce to protect their body", "a hormone that your body makes to
        // regulate sleep": a purpose inside the relative clause of a definition.
        if !sawLink, i >= r.lowerBound, p.lowerBound - 1 > r.lowerBound, lowerIs(p.lowerBound - 1, "to"),
           let rel = (max(r.lowerBound, p.lowerBound - 6)..<(p.lowerBound - 1)).last(where: { Self.thatWhichKeys.contains(key($0)) }),
           !(rel + 1..<(p.lowerBound - 1)).contains(where: { block.tokens[$0].kind != .word }) {
            sawLink = true
            i = rel - 1
        }
        guard sawLink, i >= r.lowerBound else { return false }
        guard let noun = hits.first(.definitionNoun, where: { $0.upperBound == i + 1 || ($0.lowerBound <= i && $0.upperBound > i) }) else { return false }
        // A copula before the category: "are medicines", "is a hormone", "is a type of".
        var k = noun.lowerBound - 1
        while k >= r.lowerBound && Self.categoryOpeners.contains(key(k)) { k -= 1 }
        return k >= r.lowerBound && Self.copulaForms.contains(key(k))
    }

    /// "to treat", "in order to lower": a purpose, not an assertion (for the level scale; the
    /// claim rule still reads "drink it to lower blood pressure" as an implied claim).
    private func isPurpose(_ range: Range<Int>, sentence r: Range<Int>) -> Bool {
        let i = range.lowerBound
        guard i - 1 >= r.lowerBound, lowerIs(i - 1, "to") else { return false }
        guard i - 2 >= r.lowerBound else { return true }
        return !Self.raisingWords.contains(key(i - 2))
    }

    /// "an increased risk", "with reduced pain", "the lower dose": a participle or comparative
    /// used as an adjective, not a verb.
    private func isAttributiveAdjective(_ range: Range<Int>, sentence r: Range<Int>) -> Bool {
        guard range.count == 1, range.lowerBound >= r.lowerBound, range.upperBound < r.upperBound else { return false }
        let w = lower(range.lowerBound)
        guard range.lowerBound > r.lowerBound || w.hasSuffix("ed") else { return false }
        // "the increasing use", "their growing burden": a present participle as an adjective.
        if w.hasSuffix("ing") && range.lowerBound > r.lowerBound && Self.determiners.contains(block.tokens[range.lowerBound - 1].key) {
            return block.tokens[range.upperBound].kind == .word && !Self.phraseContinuers.contains(key(range.upperBound))
        }
        guard w.hasSuffix("ed") || w.hasSuffix("er") else { return false }
        // "Attenuated hypocholesterolemia signals ...": a participle opening the sentence before a noun.
        let opensSentence = range.lowerBound == r.lowerBound && w.hasSuffix("ed") && block.tokens[range.lowerBound].isCapitalized
        // "one induced abortion", "three or more treated teeth": a count before the participle.
        let counted = range.lowerBound > r.lowerBound && w.hasSuffix("ed")
            && (block.tokens[range.lowerBound - 1].kind == .number || Self.countWords.contains(key(range.lowerBound - 1)))
        // The word before must be in the sentence: at a sentence start it is the previous sentence's
        // last word, or no word at all when the block starts there (a fuzzer-found out-of-range read).
        let afterFunctionWord = range.lowerBound > r.lowerBound && Self.functionWordsBefore.contains(key(range.lowerBound - 1))
        // "Protect treated skin from the sun", "Avoid treated areas": an aftercare imperative opening the sentence.
        let afterCareImperative = range.lowerBound - 1 == r.lowerBound && w.hasSuffix("ed") && vocabulary.careImperatives.contains(key(r.lowerBound))
        return (opensSentence || counted || afterFunctionWord || afterCareImperative) && block.tokens[range.upperBound].kind == .word
            && !Self.nounPhraseFollowers.contains(key(range.upperBound))
    }

    /// Drops hits that are really something else: "May" the month, "no" in "no more", a hedge
    /// inside a correlational phrase ("more likely").
    private func cleanUp(_ hits: inout TagHits, sentence r: Range<Int>) {
        let tokens = block.tokens
        // Each pass runs only when its tag is present, and takes the slices it reads just before: the call
        // for each closure retained its captures (the slices, the token array, the analyser's objects) and
        // released them again, on every sentence with a hit. (The tags read are never removed here, so their
        // slices are the same wherever they are taken.)
        // "only a cosmetic concern", "for cosmetic reasons": the adjective names a motive, not a product.
        if hits.has(.cosmetic) {
            hits.remove(.cosmetic) { c in c.upperBound < r.upperBound && vocabulary.cosmeticMotives.contains(tokens[c.upperBound].key) }
        }
        // "could not be explained", "could be detected", "To test this hypothesis": a hedge word
        // that states a fact (a negated or past ability, a hypothesis named before).
        if hits.has(.nonSpeculative) && (hits.has(.hedge) || hits.has(.frame)) {
            let factual = hits[.nonSpeculative]
            // A longer hedge survives ("could not exclude" against "could not").
            hits.remove(.hedge) { h in factual.contains { $0.overlaps(h) && $0.count >= h.count } }
            hits.remove(.frame) { h in factual.contains { $0.overlaps(h) && $0.count >= h.count } }
        }
        if hits.has(.hedge) {
            // "an unknown mechanism", "genes of unknown function": an attributive "unknown" names
            // something not yet described; "X is unknown", "remains unknown how" state uncertainty.
            hits.remove(.hedge) { h in
                guard h.count == 1, block.token(h.lowerBound, equals: "unknown"), h.upperBound < r.upperBound,
                      tokens[h.upperBound].kind == .word else { return false }
                let next = block.text(of: tokens[h.upperBound]).lowercased()
                if ["whether", "how", "if", "why", "what", "which", "when", "where", "and", "or", "to"].contains(next) { return false }
                let prev = h.lowerBound > r.lowerBound ? block.text(of: tokens[h.lowerBound - 1]).lowercased() : ""
                return !["is", "are", "was", "were", "remains", "remain", "remained", "largely", "still", "currently", "also", "be", "been"].contains(prev)
            }
        }
        if hits.has(.hedge) {
            let correlational = hits[.correlational]
            let establishment = hits[.establishment]
            hits.remove(.hedge) { h in
                // "more likely" compares groups; "most likely" still hedges.
                if correlational.contains(where: { $0.overlaps(h) }) && !(h.count > 1 && tokens[h.lowerBound].key == Self.mostKey) { return true }
                if establishment.contains(where: { $0.overlaps(h) }) { return true }
                let t = tokens[h.lowerBound]
                // "May 2021": the month.
                if h.count == 1 && t.isCapitalized && h.lowerBound > r.lowerBound && block.token(h.lowerBound, equals: "May", lowercasing: false) { return true }
                if h.count == 1 && t.isCapitalized && h.lowerBound + 1 < r.upperBound && tokens[h.lowerBound + 1].kind == .number { return true }
                return false
            }
        }
        // "the British Skin Foundation", "the American Academy of ... Surgery Foundation": an
        // organisation, named as a run of capitalised words (with of/and/for) opened by "the";
        // "Flawless Foundation" alone is make-up.
        if hits.has(.cosmetic) {
            hits.remove(.cosmetic) { c in
                guard c.count == 1, c.lowerBound > r.lowerBound, tokens[c.lowerBound].isCapitalized, tokens[c.lowerBound - 1].isCapitalized,
                      vocabulary.organisationEndings.contains(tokens[c.lowerBound].key) else { return false }
                var i = c.lowerBound - 1
                while i >= r.lowerBound {
                    let w = block.text(of: tokens[i])
                    if w.lowercased() == "the" { return true }
                    if tokens[i].isCapitalized || tokens[i].isAllCaps || ["of", "and", "for", "-", "&"].contains(w) { i -= 1; continue }
                    return false
                }
                return false
            }
        }
        if hits.has(.negation) {
            let intensifiers = hits[.intensifier]
            let safety = hits[.safety]
            hits.remove(.negation) { n in
                if intensifiers.contains(where: { $0.overlaps(n) }) { return true }
                if safety.contains(where: { $0.overlaps(n) }) { return true }
                // "not only ... but also" affirms.
                if n.upperBound < r.upperBound, block.token(n.lowerBound, equals: "not"),
                   block.token(n.upperBound, equals: "only") { return true }
                return false
            }
        }
    }

    /// Token indices where a new clause starts. Commas, semicolons, colons, dashes, brackets
    /// and contrast words end a clause, except before a predicate that shares the subject
    /// and modal ("may lower cholesterol, reduce swelling and ease pain").
    private func clauseStarts(_ r: Range<Int>, hits: TagHits) -> [Int] {
        let tokens = block.tokens
        // The hits themselves are scanned, not sets or arrays of their starts: a sentence has a handful
        // of each, hashing an Int (SipHash) cost more than scanning, and the arrays cost two allocations a sentence.
        func isBreakWord(_ i: Int) -> Bool { hits.contains(.clauseBreak) { $0.lowerBound == i } }
        func startsPredicate(_ k: Int) -> Bool {
            for tag in ClaimTag.causalPredicates where hits.has(tag) && hits.contains(tag, where: { $0.lowerBound == k }) { return true }
            return false
        }
        // The sentence's own start is implied (`fill`'s `clauseStart` falls back to it), so a sentence with no
        // clause break gets an empty array and no allocation; the first break stores it and the break.
        var starts: [Int] = []
        var i = r.lowerBound
        while i < r.upperBound {
            let t = tokens[i]
            var isBreak = false
            var next = i + 1
            if t.kind == .punctuation || t.kind == .symbol {
                let s = block.utf8[Int(t.start)]
                // , ; : ( ) and dashes (ASCII '-' alone, or UTF-8 en/em dash lead byte 0xE2).
                isBreak = s == 0x2C || s == 0x3B || s == 0x3A || s == 0x28 || s == 0x29 || s == 0x2D || s == 0xE2
            } else if isBreakWord(i) {
                isBreak = true
                next = i + 1
            }
            if isBreak {
                // A list of predicates keeps the scope: ", reduce", "and prevent", ", and ease".
                var k = next
                while k < r.upperBound, tokens[k].key == Self.andKey || tokens[k].key == Self.orKey { k += 1 }
                if !startsPredicate(k) {
                    if starts.isEmpty {
                        starts.reserveCapacity(8)
                        starts.append(r.lowerBound)
                    }
                    starts.append(isBreakWord(i) ? i : next)
                }
            }
            i += 1
        }
        return starts
    }

    /// A short closing clause that hedges the whole sentence ("..., research suggests.").
    private func trailingHedge(after range: Range<Int>, in r: Range<Int>, hedges: [Range<Int>], clauseStart: (Int) -> Int) -> Bool {
        for h in hedges where h.lowerBound >= range.upperBound {
            let start = clauseStart(h.lowerBound)
            if start > range.lowerBound && r.upperBound - start <= 6 { return true }
        }
        return false
    }
}

// Word classes of the claims rules, compared as word keys (`Token.key`), never as lowercased strings.
extension SentenceAnalyzer {
    /// "helped to", "shown to", "able to": a raising or ability word before "to" makes the verb an assertion, not a purpose.
    static let raisingWords = Set(["help", "helps", "helped", "shown", "proven", "appear", "appears", "appeared", "seem", "seems", "likely", "able", "found", "known", "tends", "tend", "said", "thought", "believed", "expected", "set", "going", "used", "designed", "potential", "ability", "capacity", "power", "fail", "fails", "failed", "failing", "necessary", "sufficient", "continue", "continues", "continued"].map { WordKey($0) })
    /// Function words before an attributive participle or comparative ("an increased risk", "with reduced pain").
    static let functionWordsBefore = Set(["a", "an", "the", "with", "of", "for", "to", "in", "and", "or", "by", "from", "than", "on", "at", "their", "its", "his", "her", "our", "your"].map { WordKey($0) })
    static let amountOpeners = Set(["a", "one", "half", "two", "three"].map { WordKey($0) })
    static let andOrKeys = Set(["and", "or"].map { WordKey($0) })
    static let becomingVerbs = Set(["become", "becomes", "became", "get", "gets", "got", "getting", "becoming"].map { WordKey($0) })
    static let benefitNouns = Set(["benefit", "benefits"].map { WordKey($0) })
    static let howKey = WordKey("how")
    static let indirectQuestionOpeners = Set(["about", "ask", "asks", "asked", "asking", "wonder", "wonders", "wondered",
                                              "wondering"].map { WordKey($0) })
    static let listEndMarks: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "!")]
    private func isListMark(_ i: Int, ends: Bool) -> Bool {
        let tok = block.tokens[i]
        if tok.kind == .word { return Self.andOrKeys.contains(tok.key) }
        guard tok.length == 1 else { return false }
        let b = block.utf8[Int(tok.start)]
        return ends ? Self.listEndMarks.contains(b) : b == UInt8(ascii: ",")
    }

    /// "problems with vision, movement, balance and ...": the word after a list comma (or "and"/"or"), before
    /// another list mark or the end, in a list that already named a health term (within four tokens before).
    func listedAmongTerms(_ range: Range<Int>, sentence r: Range<Int>, conditions: [Range<Int>]) -> Bool {
        let t = block.tokens
        guard range.lowerBound - 3 >= r.lowerBound, isListMark(range.lowerBound - 1, ends: false) else { return false }
        let word = lower(range.lowerBound)
        guard !word.hasSuffix("s"), !word.hasSuffix("ed"), !word.hasSuffix("ing") else { return false }
        if range.upperBound < r.upperBound && !isListMark(range.upperBound, ends: true) { return false }
        let window = (range.lowerBound - 4)..<(range.lowerBound - 1)
        guard window.contains(where: { $0 >= r.lowerBound && t[$0].kind != .word && isListMark($0, ends: false) }) else { return false }
        return conditions.contains { window.contains($0.upperBound - 1) || $0.upperBound == range.lowerBound - 1 }
    }
    static let benefitNounPrepositions = Set(["for", "of"].map { WordKey($0) })
    static let categoryOpeners = Set(["a", "an", "the", "common", "natural", "prescription"].map { WordKey($0) })
    static let copulaForms = Set(["is", "are", "was", "were"].map { WordKey($0) })
    static let countWords = Set(["one", "two", "three", "four", "five", "more", "several", "many", "fewer"].map { WordKey($0) })
    static let deonticModals = Set(["should", "must"].map { WordKey($0) })
    static let forOfKeys = Set(["for", "of"].map { WordKey($0) })
    static let frameComplementers = Set(["whether", "to", "if"].map { WordKey($0) })
    static let frequencyAdverbs = Set(["often", "sometimes", "usually", "also", "commonly"].map { WordKey($0) })
    static let gradualAdverbs = Set(["slowly", "gradually", "steadily"].map { WordKey($0) })
    static let haveForms = Set(["has", "have", "had"].map { WordKey($0) })
    static let inAtKeys = Set(["in", "at"].map { WordKey($0) })
    static let indefiniteArticles = Set(["a", "an"].map { WordKey($0) })
    static let itTheyKeys = Set(["it", "they"].map { WordKey($0) })
    static let keepForms = Set(["keep", "keeps"].map { WordKey($0) })
    static let keptObjects = Set(["it", "them", "this", "these", "those"].map { WordKey($0) })
    static let linkingVerbs = Set(["is", "are", "was", "were", "gets", "get", "been", "be"].map { WordKey($0) })
    static let listJoiners = Set([",", "and", "or"].map { WordKey($0) })
    static let longSpans = Set(["years", "decades", "months"].map { WordKey($0) })
    static let nounPhraseFollowers = Set(["the", "a", "an", "their", "its", "your", "our", "by", "in", "with", "to", "and", "or"].map { WordKey($0) })
    static let originPrepositions = Set(["by", "in", "within"].map { WordKey($0) })
    static let ownershipDeterminers = Set(["this", "our", "these", "my", "your", "the", "their"].map { WordKey($0) })
    static let personalPossessives = Set(["your", "my", "our"].map { WordKey($0) })
    static let phraseContinuers = Set(["of", "the", "a", "an", "their", "its", "your", "our", "to", "and", "or", "in", "on"].map { WordKey($0) })
    static let populationFollowers = Set(["in", "among", "across", "even"].map { WordKey($0) })
    static let populationPrepositions = Set(["in", "among", "across"].map { WordKey($0) })
    static let possessiveOpeners = Set(["your", "the", "their", "my", "his", "her", "our"].map { WordKey($0) })
    static let predicatePrepositions = Set(["of", "on", "in", "to", "from"].map { WordKey($0) })
    static let presentCopulas = Set(["is", "are"].map { WordKey($0) })
    static let reportingSubjects = Set(["we", "i", "authors", "guidelines", "they"].map { WordKey($0) })
    static let speakerObjects = Set(["me", "us"].map { WordKey($0) })
    static let stopVerbs = Set(["stop", "stops", "stopped", "stopping", "quit", "quits", "halt", "halts", "cut", "cuts"].map { WordKey($0) })
    static let thatWhichKeys = Set(["that", "which"].map { WordKey($0) })
    static let theOrYour = Set(["the", "your"].map { WordKey($0) })
    static let treatedAuxiliaries = Set(["was", "were", "is", "are", "be", "been", "being", "successfully", "effectively"].map { WordKey($0) })
    static let workForms = Set(["works", "work"].map { WordKey($0) })
}

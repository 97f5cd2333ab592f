import ClaimlintCore

/// What one pass over a document's tokens found out about the page as a whole.
struct PageSignals {
    /// Product names as marketing writes them ("FlexiJoint", "Renew+").
    var brands = Set<WordKey>()
    /// Shop, order or booking words ("buy", "checkout", "subscribe") and prices ("£55", "$49").
    var shopWords = 0
}

/// One sentence after the first (per-sentence) judgement, kept for the page-level pass.
/// A class: the page-level pass walks these records several times, and copying a struct of
/// this many arrays and sets retained and released each of them per copy.
final class JudgedSentence {
    // Constants (only `findings` changes after the judgement): a reader of a `let` field borrows it in
    // place, where reading a `var` field copied the whole analysis (five arrays retained and released).
    let analysis: SentenceAnalysis
    let sentence: Sentence
    let index: Int
    let block: AnalyzedBlock
    let support: BlockSupport
    let sectionSupported: Bool
    var findings: [Diagnostic]
    /// How many findings the per-sentence judgement gave (before the promotional pass added any).
    let firstPassFindings: Int

    init(analysis: SentenceAnalysis, sentence: Sentence, index: Int, block: AnalyzedBlock, support: BlockSupport,
         sectionSupported: Bool, findings: [Diagnostic]) {
        self.analysis = analysis
        self.sentence = sentence
        self.index = index
        self.block = block
        self.support = support
        self.sectionSupported = sectionSupported
        self.findings = findings
        firstPassFindings = findings.count
    }
}

/// The promotional pass (claims3). Marketing copy keeps inventing figurative wording for its
/// effects ("rewires your nervous system", "my night sweats vanished"), so on a page that already
/// reads as marketing (unsupported claims, no sources, shop words) the test is inverted: a sentence
/// that names a condition or body function is a claim unless closed lists say why it is not
/// (suitability, instructions, warnings, composition, a question or advice). Clean, sourced pages
/// never take this pass, so their bar stays where it was.
extension ClaimsChecker {
    /// Marketing: sentences with unsupported claims (an eighth of all at least) outnumbering sourced
    /// paragraphs, hedged sentences and advice to see a professional.
    func isPromotional(_ judged: [JudgedSentence], signals: PageSignals, references: ReferenceIndex) -> Bool {
        if references.exists { return false }
        var claimSentences = 0
        var sourcedBlocks = Set<Int>()
        // Careful writing hedges and sends readers to a professional; sales copy rarely does.
        var carefulSentences = 0
        // Testimonial outcomes ("my bloating is gone", "I feel human again") count half a claim each:
        // an influencer post can make no claim the sentence test sees and still sell a cure.
        var outcomeReports = 0
        for j in judged {
            if j.findings.contains(where: { $0.rule != "claims.audit" }) { claimSentences += 1 }
            // ("Related posts: ... | 10 Foods That Cure Inflammation": a link list draws no finding but shows what the page sells.)
            else if j.analysis.relatedLinks && j.analysis.predicates.contains(where: \.isClaim) { claimSentences += 1 }
            // ("Benefits Of The Mesotherapy For Hair": a title that announces benefits for a condition draws no finding,
            // "benefits" being a noun, but shows what the page sells, as it did when the word was read as a verb.)
            else if announcesBenefits(j) { claimSentences += 1 }
            else if isOutcomeReport(j) { outcomeReports += 1 }
            if j.support.any { sourcedBlocks.insert(j.block.index) }
            if j.analysis.isAdvice || !j.analysis.strongHedges.isEmpty { carefulSentences += 1 }
        }
        // Shop words count when they are not lost in a long text (one per 40 sentences at least).
        let shop = signals.shopWords > 0 && signals.shopWords * 40 >= judged.count
        let needed = shop ? 1 : 2
        // A long unsourced text with the odd claim (a collection of abstracts, a forum thread) is not
        // a sales page: claims must make up an eighth of its sentences (a sixteenth on a page that sells).
        // In half points, so that one outcome report or one careful sentence counts.
        let claimScore = 2 * claimSentences + outcomeReports
        return claimScore >= 2 * needed && claimScore >= 2 * needed + 4 * sourcedBlocks.count + carefulSentences
            && claimScore * (shop ? 16 : 8) >= 2 * judged.count
    }

    /// A heading or unpunctuated line with "benefit(s)" used as a noun and a condition or body function.
    func announcesBenefits(_ j: JudgedSentence) -> Bool {
        let a = j.analysis
        guard j.block.kind.isHeading || j.sentence.terminator == nil, !a.conditions.isEmpty, !a.isQuestion else { return false }
        return a.predicates.contains { $0.nounUse && $0.range.count == 1 && SentenceAnalyzer.benefitNouns.contains(j.block.tokens[$0.range.lowerBound].key) }
    }

    /// "Conditions we successfully treat" followed by a bullet list of conditions ("IBS and leaky gut",
    /// "Anxiety and low mood"): the heading or lead-in ending in ":" makes the claim, the items only
    /// name what it covers. Flags the lead-in (with the first item as its object) and returns the
    /// indices of the items, which the promotional test then skips.
    func leadInClaims(_ judged: inout [JudgedSentence]) -> Set<Int> {
        var items = Set<Int>()
        for k in judged.indices where judged[k].findings.isEmpty && k + 2 < judged.count {
            let lead = judged[k], a = lead.analysis
            let t = lead.block.tokens
            let endsWithColon = a.range.upperBound > a.range.lowerBound && lead.block.text(of: t[a.range.upperBound - 1]) == ":"
            guard lead.block.kind.isHeading || endsWithColon, !a.isQuestion, !a.hypothetical, !a.hits.has(.refutation),
                  !lead.support.any, !lead.sectionSupported,
                  let p = a.predicates.first(where: { p in
                      (p.tag == .therapeutic || p.tag == .curative || p.tag == .benefit || p.tag == .structureFunction || p.tag == .decrease)
                          && !p.negated && !p.purpose && !p.appearance && !p.definition
                  }) else { continue }
            var list: [Int] = []
            var m = k + 1
            while m < judged.count, case .listItem = judged[m].block.kind, judged[m].block.index == lead.block.index + 1 + list.count {
                guard isTopicItem(judged[m]) else { break }
                list.append(m)
                m += 1
            }
            // The whole list must be topics, and at least two of them.
            guard list.count >= 2, !(m < judged.count && judged[m].block.index == lead.block.index + 1 + list.count && isListItem(judged[m])) else { continue }
            let first = judged[list[0]]
            let condition = first.block.text(first.block.utf8Range(ofTokens: first.analysis.conditions[0]))
            let predicate = lead.block.text(lead.block.utf8Range(ofTokens: p.range))
            judged[k].findings.append(diagnostic("claims.unsupported", block: lead.block, sentence: lead.sentence,
                                                 triggers: "\(predicate) ... \(condition)", strength: a.intensified ? .strong : .moderate,
                                                 missing: "citation, source link or named study",
                                                 suggestion: "A list of conditions under \"\(predicate)\" claims the service treats each of them: cite the human evidence for each (a trial, review or health body) or remove the list.",
                                                 standard: "FTC Health Products Compliance Guidance 2022 (implied claims); CAP Code 12.1",
                                                 extra: ["intervention": "it", "condition": condition, "predicate": predicate]))
            items.formUnion(list)
        }
        return items
    }

    private func isListItem(_ j: JudgedSentence) -> Bool {
        if case .listItem = j.block.kind { return true }
        return false
    }

    /// A short list item that only names conditions ("Childhood asthma and eczema"): no predicate,
    /// no outcome wording, no intensifier.
    private func isTopicItem(_ j: JudgedSentence) -> Bool {
        let a = j.analysis
        let words = a.range.filter { j.block.tokens[$0].kind == .word }.count
        return words <= 6 && !a.conditions.isEmpty && a.predicates.isEmpty && !a.hits.has(.outcomeState) && !a.intensified
            && j.findings.isEmpty && !a.isQuestion
    }

    /// "My bloating is GONE", "the night sweats vanished", "I feel human again": a result reported
    /// with no product as the subject.
    func isOutcomeReport(_ j: JudgedSentence) -> Bool {
        let a = j.analysis
        if a.isQuestion || a.hypothetical { return false }
        if a.hits.has(.outcomeState) { return true }
        let t = j.block.tokens
        for c in a.conditions where !a.hits.contains(.looseExcluded, exactly: c) {
            var k = c.upperBound
            if k < a.range.upperBound && Self.auxiliaries.contains(t[k].key) { k += 1 }
            if k < a.range.upperBound && vocabulary.reportedResults.contains(t[k].key) { return true }
            // "my gums stopped bleeding"
            if c.lowerBound > a.range.lowerBound && Self.stoppedWords.contains(t[c.lowerBound - 1].key) { return true }
        }
        return false
    }

    /// Findings of the promotional test for one sentence of a marketing page.
    func promotionalFindings(_ j: JudgedSentence, previous: JudgedSentence? = nil) -> [Diagnostic] {
        let a = j.analysis
        let block = j.block
        guard !a.isQuestion, !a.isAdvice, !a.hypothetical, !a.furniture, !a.chapterTitle, !a.hits.has(.refutation), !a.refutedByNext,
              !j.support.inSentence(j.index, range: j.sentence.range), !j.support.any, !j.sectionSupported else { return [] }
        // ("PRP Sun Repair", "Add an exosome boost": a regenerative service's name on a menu, as for the other rules.)
        if a.hits.has(.regenerative), !a.predicates.isEmpty, a.predicates.allSatisfy({ p in
            namesService(p.range, sentence: a.range, in: block, entities: a.hits.ranges(.regenerative, .intervention, .cosmetic))
        }) { return [] }
        // "Earwax is a natural substance made by glands. It traps dust ...": the description goes on.
        if let p = previous, definesNonProduct(p.analysis, block: p.block) || opensWithDefinition(p.analysis, block: p.block),
           a.hits.contains(.pronoun, where: { $0.lowerBound == a.range.lowerBound }) { return [] }
        func words(_ r: Range<Int>) -> String { block.text(block.utf8Range(ofTokens: r)) }
        func negated(before r: Range<Int>) -> Bool {
            a.hits.contains(.negation) { n in
                n.upperBound <= r.lowerBound && r.lowerBound - n.upperBound <= 5
                    && !(n.upperBound..<r.lowerBound).contains { Self.scopeBreaks.contains(block.tokens[$0].key) }
            }
        }
        // "I haven't had an asthma attack in a year", "not needed her inhaler since": a result told
        // as an absence, not a negated claim.
        func absenceReport(_ c: Range<Int>) -> Bool {
            let t = block.tokens
            guard c.lowerBound - 1 > a.range.lowerBound, negated(before: c) else { return false }
            var k = c.lowerBound - 1
            while k > a.range.lowerBound && Self.possessives.contains(t[k].key) { k -= 1 }
            guard Self.absenceVerbs.contains(t[k].key) else { return false }
            return (c.upperBound..<a.range.upperBound).contains { Self.timeWords.contains(t[$0].key) }
        }
        var out: [Diagnostic] = []
        let missing = a.hits.has(.testimonial) ? "evidence beyond testimonials (testimonials are not evidence of an effect)"
                                               : "citation, source link or named study"

        // "Dermatologists love it", "trusted by GPs": an expert endorsement with no study named.
        if !j.findings.contains(where: { $0.rule == "claims.establishment" }) {
            let endorsement = a.hits.first(.endorsement) { e in
                // ("our prescribing nurses": a participle before the professional says what they do, not that they endorse.)
                !negated(before: e) && !(e.count == 1 && block.lowercasedText(of: block.tokens[e.lowerBound]).hasSuffix("ing")
                    && a.hits.contains(.professional) { $0.lowerBound == e.upperBound })
                    && a.hits.contains(.professional) { p in
                    (p.upperBound <= e.lowerBound && e.lowerBound - p.upperBound <= 2)
                        || (p.lowerBound >= e.upperBound && p.lowerBound - e.upperBound <= 2)
                }
            }
            if let e = endorsement {
                let p = a.hits[.professional].min { abs($0.lowerBound - e.lowerBound) < abs($1.lowerBound - e.lowerBound) }!
                let r = min(p.lowerBound, e.lowerBound)..<max(p.upperBound, e.upperBound)
                out.append(diagnostic("claims.establishment", block: block, sentence: j.sentence, triggers: words(r), strength: .strong,
                                      missing: missing,
                                      suggestion: "Name the study or the professional body behind the endorsement and link it, or drop it.",
                                      standard: "FTC Health Products Compliance Guidance 2022 (establishment claims, expert endorsements)"))
            }
        }
        // "FDA cleared roller, the same one used in clinics", "The strips is FDA approved for ...": on a
        // page that sells, an FDA status given to its product with nothing in the paragraph to back it
        // is a quality mark, whatever the kind of product (the guard above has ruled out support). A
        // device said to be FDA cleared may well be: clearance is what the FDA gives devices.
        if !j.findings.contains(where: { $0.rule == "claims.fda-approval" }), let f = a.hits.first(.fda), !negated(before: f),
           !a.range.contains(where: { vocabulary.deviceNouns.contains(block.tokens[$0].key) }) {
            out.append(diagnostic("claims.fda-approval", block: block, sentence: j.sentence, triggers: words(f), strength: .strong,
                                  missing: "no FDA decision is linked or named for this product",
                                  suggestion: "State the real status and link the FDA record (510(k), approval letter), or drop the FDA wording.",
                                  standard: "FTC Health Products Compliance Guidance 2022; FD&C Act"))
        }
        // "Is it safe? Totally. It's drug-free and completely safe for everyone": on a page that sells, absolute
        // safety wording said of "it" is said of what the page sells, even with no product named nearby.
        // ("Try it risk-free with our money-back guarantee" is about the money.)
        if !j.findings.contains(where: { $0.rule == "claims.safety-absolute" }), let s = a.hits.first(.safetyCore),
           (a.range.lowerBound..<s.lowerBound).contains(where: { Self.productPronouns.contains(block.tokens[$0].key) })
               || opensWithThingSubject(before: s, a, block: block) || opensWithName(before: s, a, block: block)
               // ("There is zero side effect", "there's zero risk of bruising": on a selling page, said of what it sells.)
               || (s.lowerBound - a.range.lowerBound <= 2 && a.range.lowerBound + 1 < s.lowerBound
                   && vocabulary.existentialOpeners.contains(block.tokens[a.range.lowerBound].key)),
           !(a.hits.has(.moneyBack) && words(s).lowercased().hasPrefix("risk")),
           !negated(before: s), !a.hypothetical, !a.isAdvice, !a.isQuestion, !a.hits.has(.refutation),
           !a.hits.contains(.safetyQuantifier, where: { $0.upperBound <= s.lowerBound }),
           !a.hits.has(.findingReport), !describesCondition(s, a, block: block) {
            out.append(diagnostic("claims.safety-absolute", block: block, sentence: j.sentence, triggers: words(s), strength: .strong,
                                  missing: "no product is free of side effects for everyone, and natural is not proof of safety",
                                  suggestion: "Say what is known about side effects and who should avoid it, e.g. \"Side effects are uncommon but can include ...; ask a pharmacist if you take other medicines.\"",
                                  standard: "FTC/FDA health fraud red flags; CAP Code 12"))
        }
        guard j.findings.isEmpty && out.isEmpty else { return out }

        // "Customers have ditched their painkillers": medicine no longer needed.
        var link: (trigger: Range<Int>, object: Range<Int>)?
        for d in a.hits[.medicineDiscard] {
            // "25% off your first order", "£5 off your basket": a discount, not a medicine given up.
            if d.lowerBound > a.range.lowerBound {
                let before = block.tokens[d.lowerBound - 1]
                if before.kind == .number || block.text(of: before) == "%" || before.key == Self.halfKey { continue }
            }
            let objects = a.hits[.medicineNoun] + a.hits[.intervention] + a.hits[.condition]
            if let m = objects.filter({ $0.lowerBound >= d.upperBound && $0.lowerBound - d.upperBound <= 3 }).min(by: { $0.lowerBound < $1.lowerBound }) {
                link = (d, m)
                break
            }
        }
        // Any other sentence that names a condition or body function, unless its wording makes
        // it a non-effect: a closed stop-list in place of an open predicate list.
        let t = block.tokens
        // "Apply five drops to a dry scalp": directions for use.
        // "Step 2: roll from the nose out to the ear": a numbered step opens the directions.
        var first = a.range.lowerBound
        // "A: Each morning, smooth ...": an FAQ's answer label opens the sentence.
        if first + 2 < a.range.upperBound, Self.faqLabels.contains(t[first].key), block.text(of: t[first + 1]) == ":" { first += 2 }
        if first + 1 < a.range.upperBound, t[first].key == Self.stepKey, t[first + 1].kind == .number {
            first += 2
            while first < a.range.upperBound && t[first].kind != .word { first += 1 }
        }
        // "Every evening, remove make-up ...", "After cleansing, press ...": a time of use opens the directions.
        if let comma = (first..<min(first + 5, a.range.upperBound)).first(where: { block.text(of: t[$0]) == "," }),
           (first..<comma).contains(where: { vocabulary.timeOfUse.contains(t[$0].key) }), comma + 1 < a.range.upperBound {
            first = comma + 1
        }
        // "Do not roll directly on your lower back", "Never use on broken skin": a prohibition opening the
        // sentence is a direction for use (or a warning), whatever body part it names.
        if first + 1 < a.range.upperBound, vocabulary.prohibitionOpeners.contains(t[first].key) {
            var verb = first + 1
            if Self.notWords.contains(t[verb].key), verb + 1 < a.range.upperBound { verb += 1 }
            if vocabulary.directionVerbs.contains(t[verb].key) || vocabulary.applicationVerbs.contains(t[verb].key) { first = verb }
        }
        let directions = first < a.range.upperBound && vocabulary.directionVerbs.contains(t[first].key)
        // "Sunburn increases the risk of skin cancer": a warning (a harm or risk predicate) is not a promise.
        let warning = a.predicates.contains { !$0.beneficial && !$0.outcome && $0.tag != .correlational && $0.tag != .neutral && !$0.negated }
            || a.hits.has(.correlational) || a.sideEffectReport
        // "1 teaspoon spirulina powder 1 tablespoon chia seeds 300 ml oat milk": a recipe or
        // ingredient list (plain text fuses its lines into one sentence) says what is in it.
        let measures = a.range.filter { vocabulary.measureUnits.contains(t[$0].key) }.count
        // "Collagen is a protein that makes up part of skin", "Vitamin D is a vitamin that the body
        // makes": a definition (a copula near the start, then a category noun and its relative clause)
        // says what a thing is, even on a shop page.
        let definesTerm = a.hits.contains(.definitionNoun) { n in
            guard n.upperBound < a.range.upperBound, ["that", "which", ","].contains(block.text(of: t[n.upperBound]).lowercased()) else { return false }
            var k = n.lowerBound - 1
            var skipped = 0
            while k > a.range.lowerBound && skipped < 3 && !Self.copulas.contains(t[k].key) && t[k].kind == .word { k -= 1; skipped += 1 }
            return k > a.range.lowerBound && k - a.range.lowerBound <= 5 && Self.copulas.contains(t[k].key)
        }
        // "A skin tag is a small, soft, skin-coloured growth that hangs ...", "Blackheads are small bumps that form
        // when ...", "Craniosacral therapy is a light-touch therapy in which ...", "SMP is a cosmetic tattoo technique.":
        // any category noun after a copula near the start, closed by a relative clause or the sentence's end.
        let definesCategory = definesByCategory(a, block: block)
        // "\"Body-identical\" means the molecule has ...": a quoted term and "means" define a word.
        let definesWord = (a.range.lowerBound + 1..<min(a.range.lowerBound + 8, a.range.upperBound)).contains { i in
            Self.meaningVerbs.contains(t[i].key) && Self.quoteMarks.contains(block.text(of: t[i - 1]))
        }
        // "The macula is the small central part of the retina that ...", "Erectile dysfunction (ED) is when a man ...":
        // a sentence that opens by defining a body part or condition describes the body, whatever it names after.
        let definesOpening = opensWithDefinition(a, block: block)
        // "How I use it: three drops on clean, dry skin every evening": a label that opens directions for use.
        let usageLabel = (a.range.lowerBound + 1..<min(a.range.lowerBound + 6, a.range.upperBound)).contains { i in
            SectionFinder.isByte(block, t[i], ":") && Self.usageLabels.contains(block.lowercasedWords(a.range.lowerBound..<i))
        }
        if link == nil, !warning, !usageLabel, !definesTerm, !definesWord, !definesCategory, !definesOpening, !a.hits.has(.promotionalStop), measures < 2, !isBackground(a, block: block) {
            let productWords = a.hits[.intervention] + a.hits[.cosmetic] + a.hits[.regenerative] + a.hits[.businessNoun]
            // Outcome wording ("drifts off in minutes", "feel human again") counts like a health term.
            let terms = (a.conditions + a.hits[.outcomeState]).sorted { $0.lowerBound < $1.lowerBound }
            for c in terms where !a.hits.contains(.looseExcluded, exactly: c) && (!negated(before: c) || absenceReport(c))
                && !terms.contains(where: { $0 != c && $0.lowerBound <= c.lowerBound && $0.upperBound >= c.upperBound }) {
                // "GrowLush Scalp Serum", "Gut Reset Programme": the term names the product.
                // "Apply five drops to a dry scalp" (directions), unless a result follows ("... and watch bald patches fill out").
                // ("... pat dry and press the drops into your face", "and sweep": another step of use goes on;
                // "into your face and neck", "the face and your neck": the term itself is the second of two places.)
                // (Only after the directions begin: "Each morning and evening, smooth ..." has its "and" in the time of use.)
                if directions && !(first..<max(first, c.lowerBound)).contains(where: { i in
                    t[i].key == Self.andKey && i + 1 != c.lowerBound && !(i + 2 == c.lowerBound && Self.possessives.contains(t[i + 1].key))
                        // ("Repeat on days 1, 5, 9 and 13": "and" in a list of numbers.)
                        && !(i + 1 < a.range.upperBound && t[i + 1].kind == .number)
                        && !(i + 1 < a.range.upperBound && (Self.directionsGoOn.contains(t[i + 1].key)
                            || vocabulary.applicationVerbs.contains(t[i + 1].key) || vocabulary.directionVerbs.contains(t[i + 1].key)))
                }) { continue }
                // "reduces the look of dark circles": appearance wording next to the term.
                // ("feeling lighter and pain-free" is an outcome, not a look: "feel" words do not count here.)
                if a.hits.contains(.appearance, where: { $0.upperBound > c.lowerBound - 3 && $0.lowerBound < c.upperBound + 3
                    && !Self.feelWords.contains(t[$0.lowerBound].key) }) { continue }
                if productWords.contains(where: { $0.lowerBound >= c.upperBound && $0.lowerBound - c.upperBound <= 1 })
                    || (c.upperBound < a.range.upperBound && vocabulary.productNouns.contains(t[c.upperBound].key))
                    || (c.upperBound + 1 < a.range.upperBound && vocabulary.productNouns.contains(t[c.upperBound + 1].key)) { continue }
                // "on your skin", "into the scalp": where to put it, not what it does; "made by the liver": where it comes from.
                var k = c.lowerBound - 1
                // ("between the two tendons": a count between the preposition and the place, too.)
                // ("by two inches", "to three sizes": a count after "by"/"to" is an amount, not a place.)
                var counted = false
                // ("onto my inner wrists": a side or part of the body before the place word.)
                while k >= a.range.lowerBound && (Self.possessives.contains(t[k].key) || t[k].kind == .number
                    || SentenceAnalyzer.numberWords.contains(t[k].key) || Self.placeModifiers.contains(t[k].key)) {
                    if !Self.possessives.contains(t[k].key) && !Self.placeModifiers.contains(t[k].key) { counted = true }
                    k -= 1
                }
                let amountAfterCount = counted && k >= a.range.lowerBound && Self.amountPrepositions.contains(t[k].key)
                // "have stomach cramps or diarrhoea", "have the stomach upset or diarrhoea": walk back over
                // the terms listed before this one (and one word that completes a term).
                // "on my face and my C-section scar": the second of two places after one preposition (a place the
                // lexicons do not know comes first).
                let beforeList = k
                if beforeList - 2 > a.range.lowerBound, t[beforeList].key == Self.andKey,
                   let m = (max(a.range.lowerBound, beforeList - 4)..<beforeList).last(where: { Self.placePrepositions.contains(t[$0].key) }),
                   (m + 1..<beforeList).allSatisfy({ i in t[i].kind == .word && !a.hits.contains(.outcomeState, where: { $0.contains(i) }) }) { continue }
                var steps = 0, loose = 0
                // (An outcome state is a result, never part of a list of what someone has.)
                while k > a.range.lowerBound && steps < 8 && a.conditions.contains(c) {
                    steps += 1
                    if t[k].key == Self.andKey || t[k].key == Self.orKey || block.text(of: t[k]) == "," || Self.possessives.contains(t[k].key)
                        || Self.placeModifiers.contains(t[k].key) {
                        k -= 1
                    } else if let earlier = terms.first(where: { $0.contains(k) }) {
                        k = earlier.lowerBound - 1
                    } else if loose == 0, t[k].kind == .word, terms.contains(where: { $0.contains(k - 1) }) {
                        loose += 1
                        k -= 1
                    } else { break }
                }
                if k >= a.range.lowerBound && Self.placePrepositions.contains(t[k].key) && !amountAfterCount { continue }
                // "an optical sensor ... to track your heart rate, HRV, skin temperature": what a device measures.
                if k >= a.range.lowerBound && vocabulary.measuringVerbs.contains(t[k].key) { continue }
                // "That coating is a film of bacteria", "is a mix of": what a thing is made of (a copula, a noun, "of").
                if k - 2 > a.range.lowerBound, t[k].key == Self.ofKey, t[k - 1].kind == .word, Self.indefiniteArticles.contains(t[k - 2].key),
                   Self.copulas.contains(t[k - 3].key) { continue }
                // "Once the bone has grown around it, a crown is fixed": a stage of a procedure, not a result promised.
                if k == a.range.lowerBound, c.lowerBound - 2 == k, t[k + 1].key == Self.theKey, vocabulary.stageOpeners.contains(t[k].key) { continue }
                // "In short-sightedness the eye is too long": a sentence that opens on the condition as its topic.
                if k == a.range.lowerBound && t[k].key == Self.inKey { continue }
                // "Most cold sores heal within ten days": the condition in general, its natural course.
                // ("Most knee sprains": one modifier between.)
                // (A condition only: "Most clients feel human again" is a result.)
                if a.conditions.contains(c), (k == a.range.lowerBound && Self.genericQuantifiers.contains(t[k].key))
                    || (k - 1 == a.range.lowerBound && Self.genericQuantifiers.contains(t[k - 1].key) && t[k].kind == .word) { continue }
                // "into your face and neck": the second of two places shares the preposition.
                if k - 1 > a.range.lowerBound && t[k].key == Self.andKey {
                    var m = k - 2
                    while m >= a.range.lowerBound && Self.possessives.contains(t[m].key) { m -= 1 }
                    if m >= a.range.lowerBound && Self.placePrepositions.contains(t[m].key) { continue }
                }
                // "Rick's book: \"Unroasted: The Metabolism Reset\" (2025)": a term inside a short quoted span that
                // does not open the sentence is a title or a quoted word, not an effect (a whole quoted testimonial
                // opens its sentence and is still read).
                if insideQuotedTitle(c, a, block: block) { continue }
                // "This month's focus: egg and sperm quality", "This week's big idea: feed the ADHD brain": a topic
                // label before a colon announces what the issue is about.
                if let colon = (a.range.lowerBound..<min(c.lowerBound, a.range.lowerBound + 7)).first(where: { block.text(of: t[$0]) == ":" }),
                   (a.range.lowerBound..<colon).contains(where: { vocabulary.topicLabelNouns.contains(t[$0].key) }) { continue }
                // "PRP scalp course of three: £850.": a price line lists what a treatment costs.
                if a.range.count <= 14, a.range.contains(where: { Self.currencySigns.contains(block.text(of: t[$0])) && $0 + 1 < a.range.upperBound && t[$0 + 1].kind == .number }) { continue }
                // "a 12 mm stroke", "a 30 ml dose": a measure before the term makes it a specification.
                if c.lowerBound - 2 >= a.range.lowerBound, vocabulary.measureUnits.contains(t[c.lowerBound - 1].key) || vocabulary.lengthUnits.contains(t[c.lowerBound - 1].key),
                   t[c.lowerBound - 2].kind == .number { continue }
                // "an early sign of heart disease or diabetes", "a family history of heart attacks": what the condition
                // signals or who had it (the list walk above has passed any earlier terms).
                if k - 1 >= a.range.lowerBound, t[k].key == Self.ofKey, vocabulary.signNouns.contains(t[k - 1].key) { continue }
                // "Three years ago I was the girl sneezing through every spring picnic": the writer's past, the problem
                // the post sets up, unless the sentence goes on to the result ("now", "since", "gone").
                // ("For years I had a stiff neck and a tension headache most afternoons": the same past, told by how long.)
                if (a.range.lowerBound..<c.lowerBound).contains(where: { t[$0].key == Self.agoKey }) || opensWithPastSpan(a.range, tokens: t),
                   a.range.contains(where: { Self.pastStateVerbs.contains(t[$0].key) }),
                   !a.range.contains(where: { Self.turnWords.contains(t[$0].key) }),
                   !a.predicates.contains(where: { $0.beneficial && !$0.negated }) { continue }
                // "So many of you have asked me how I bounced back so fast": an indirect question puts the result
                // to the writer; the answer, if any, comes in the sentences after it.
                if c.lowerBound > a.range.lowerBound + 1, let q = (a.range.lowerBound + 1..<c.lowerBound).first(where: { Self.indirectQuestionWords.contains(t[$0].key) }),
                   (max(a.range.lowerBound, q - 3)..<q).contains(where: { Self.askingVerbs.contains(t[$0].key) }) { continue }
                // "Beef, lamb, pork, chicken, fish, egg, bone marrow and water.": a list of short items (foods,
                // ingredients) says what is in it or on the menu.
                if isShortItemList(a, block: block) { continue }
                // "I've had psoriasis since", "customers with arthritis", "questions about acne": who
                // has the condition or what is talked about, not what the product does to it.
                if k >= a.range.lowerBound && Self.holderWords.contains(t[k].key) && !absenceReport(c) { continue }
                // "Eczema affects one in five", "Menopause can be a tough time": background about the
                // condition, unless a result follows ("my eczema is gone"). ("The skin on the neck is thinner
                // than ...": a place phrase after the term belongs to the subject.)
                var verb = c.upperBound
                if verb + 1 < a.range.upperBound, Self.subjectPlaceWords.contains(t[verb].key) {
                    var m = verb + 1
                    while m < a.range.upperBound && Self.possessives.contains(t[m].key) { m += 1 }
                    if let place = terms.first(where: { $0.lowerBound == m }) { verb = place.upperBound }
                }
                if verb < a.range.upperBound, Self.backgroundVerbs.contains(t[verb].key),
                   !(verb + 1 < a.range.upperBound && Self.resultWords.contains(t[verb + 1].key) && !definesWithArticle(verb + 1, a, block: block)) { continue }
                // "an arthritis charity", "Eczema Awareness Week": the term names an organisation or event.
                if c.upperBound < a.range.upperBound, vocabulary.organisationNouns.contains(t[c.upperBound].key) { continue }
                // A bare topic ("Joint pain") is a label, not a claim: two more words at least, not
                // counting other health terms and "and"/"or" ("Blood and liver", "Anxiety and low mood").
                // ("Easing the pain", "Getting rid of head lice at home": a heading that opens with a gerund
                // names a section's topic; the paragraphs under it make the claims, if any.)
                // "Immunity for winter", "2. Energy for the whole family": a heading (or an item with no closing
                // punctuation) that opens on the term, then names who or when with "for", labels the section's topic.
                if block.kind.isHeading || j.sentence.terminator == nil, c.upperBound < a.range.upperBound, t[c.upperBound].key == Self.forKey,
                   (a.range.lowerBound..<c.lowerBound).allSatisfy({ t[$0].kind != .word }),
                   !terms.contains(where: { $0.lowerBound > c.upperBound }), !productWords.contains(where: { $0.lowerBound > c.upperBound }) { continue }
                // "Gripe Water For Baby Colic: The Complete Guide", "Royal Jelly For The Immunity": a heading (or an
                // item with no closing punctuation) that opens on the product and names the term after "for" labels
                // the page's or section's topic; the sentences under it make the claims, if any.
                if block.kind.isHeading || j.sentence.terminator == nil, c.lowerBound >= a.range.lowerBound + 2,
                   productWords.contains(where: { $0.lowerBound == a.range.lowerBound }) {
                    var f = c.lowerBound - 1
                    if f > a.range.lowerBound && (t[f].key == Self.theKey || Self.possessives.contains(t[f].key)) { f -= 1 }
                    // ("Maca Root Benefits For Libido: 9 Amazing Things ...": "benefits" between the product and "for".)
                    if t[f].key == Self.forKey, productWords.contains(where: { $0.upperBound == f
                        || ($0.upperBound == f - 1 && SentenceAnalyzer.benefitNouns.contains(t[f - 1].key)) }) { continue }
                }
                // "For diabetes people", "For joint pain": a short heading that opens with "for" names who or what
                // the section is for.
                // ("About beef liver": "about" opens a topic label the same way.)
                // ("For the libido of man and woman": up to seven words when the line has no predicate.)
                if block.kind.isHeading || j.sentence.terminator == nil, t[a.range.lowerBound].key == Self.forKey || t[a.range.lowerBound].key == Self.aboutKey,
                   a.range.filter({ t[$0].kind == .word }).count <= (a.predicates.isEmpty ? 7 : 4) { continue }
                if block.kind.isHeading && t[a.range.lowerBound].kind == .word && t[a.range.lowerBound].length > 4
                    && block.text(of: t[a.range.lowerBound]).lowercased().hasSuffix("ing") { continue }
                // ("Fertility and the sperm": in a line with no predicate an article adds nothing to the topic.)
                let noPredicate = a.predicates.isEmpty
                // ("Castor oil and cataracts": a heading with no predicate that joins the product to the term names
                // the section's topic; the product's words add nothing to it either.)
                let joinedTopic = noPredicate && block.kind.isHeading && a.range.contains { Self.topicJoiners.contains(t[$0].key) }
                let otherWords = a.range.filter { i in
                    !c.contains(i) && t[i].kind == .word && !Self.topicJoiners.contains(t[i].key) && !a.conditions.contains { $0.contains(i) }
                        && !(noPredicate && (t[i].key == Self.theKey || Self.articleKeys.contains(t[i].key)))
                        && !(joinedTopic && productWords.contains { $0.contains(i) })
                        && !(i > a.range.lowerBound && t[i].start == t[i - 1].end && block.text(of: t[i]).hasPrefix("'"))
                }.count
                if otherWords < 2 { continue }
                link = (c, c)
                break
            }
        }
        // "ClearSight brings back the sparkle": a cure or body-function predicate said of a named
        // product (or "it") with no condition the lexicons know.
        if link == nil, !directions, !a.hits.has(.promotionalStop),
           let p = a.predicates.first(where: { p in
               (p.tag == .curative || p.tag == .therapeutic || p.tag == .structureFunction) && !p.negated && !p.nounUse
                   && !p.appearance && !p.definition && !p.generic && !p.purpose && !p.nominal && p.condition == nil
                   && !(p.intervention?.isEmpty ?? true)
                   // "the GreenGlow detox bundle", "Repair Serum": the predicate word names the product.
                   && !(p.range.upperBound < a.range.upperBound && vocabulary.productNouns.contains(block.tokens[p.range.upperBound].key))
                   // ("My \"allergy detox\" smoothie": a quoted name.)
                   && !insideQuotedTitle(p.range, a, block: block)
                   // ("Nerve Renew is a cooling foot cream": the predicate word is part of the product's name.)
                   && !isProductName(p.range, in: block)
           }) {
            link = (p.range, p.range)
        }
        // "Brittle bones? Not any more.", "Panic attacks? Users haven't had one since.": a short answer to a
        // question that names the problem.
        if link == nil, let q = previous, q.analysis.isQuestion, let problem = q.analysis.conditions.first {
            let wordIndices = a.range.filter { t[$0].kind == .word }
            if wordIndices.count <= 10, let answer = wordIndices.first(where: { Self.answerWords.contains(t[$0].key) }) {
                let condition = q.block.text(q.block.utf8Range(ofTokens: problem))
                out.append(diagnostic("claims.unsupported", block: block, sentence: j.sentence, triggers: "\(condition)? ... \(words(answer..<(answer + 1)))",
                                      strength: a.intensified ? .strong : .moderate, missing: missing,
                                      suggestion: "On a product page a result promised for \(condition.lowercased()) is a health claim, however it is worded: cite the human evidence for the product (a trial, review or health body) or remove the claim.",
                                      standard: "FTC Health Products Compliance Guidance 2022 (implied claims); CAP Code 12.1; EU 655/2013",
                                      extra: ["intervention": "it", "condition": condition, "predicate": words(answer..<(answer + 1))]))
                return out
            }
        }
        guard let (trigger, object) = link else { return out }
        let strength: ClaimStrength = a.intensified && a.strongHedges.isEmpty ? .strong : .moderate
        let condition = words(object)
        let triggers = trigger == object ? condition : "\(words(trigger)) ... \(condition)"
        out.append(diagnostic("claims.unsupported", block: block, sentence: j.sentence, triggers: triggers, strength: strength,
                              missing: missing,
                              suggestion: "On a product page a result promised for \(condition.lowercased()) is a health claim, however it is worded: cite the human evidence for the product (a trial, review or health body) or remove the claim.",
                              standard: "FTC Health Products Compliance Guidance 2022 (implied claims); CAP Code 12.1; EU 655/2013",
                              extra: ["intervention": "it", "condition": condition, "predicate": words(trigger)]))
        return out
    }

    /// "Male pattern hair loss is largely inherited and is driven by the way hair follicles respond to
    /// androgens": a sentence whose subject is the condition and whose verb describes it (background
    /// verbs), with no product, first person or outcome wording, tells what the condition is; other
    /// body terms later in it belong to that description.
    func isBackground(_ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        // The subject opens the sentence, or follows one or two modifiers ("Male pattern hair loss").
        // (The longest term there: "Hair loss", not "Hair".)
        guard let subject = a.conditions.filter({ c in
                  c.lowerBound - a.range.lowerBound <= 2 && (a.range.lowerBound..<c.lowerBound).allSatisfy { t[$0].kind == .word }
              }).max(by: { $0.count < $1.count }),
              !a.hits.contains(.looseExcluded, exactly: subject), subject.upperBound < a.range.upperBound,
              Self.backgroundVerbs.contains(t[subject.upperBound].key) || vocabulary.bodyProcessVerbs.contains(t[subject.upperBound].key),
              !(subject.upperBound + 1 < a.range.upperBound && Self.resultWords.contains(t[subject.upperBound + 1].key)
                  && !definesWithArticle(subject.upperBound + 1, a, block: block)) else { return false }
        if a.hits.has(.intervention) || a.hits.has(.cosmetic) || a.hits.has(.regenerative) || a.hits.has(.outcomeState) { return false }
        // ("Box breathing is a quick way to calm anxiety": a benefit predicate in it makes it a claim after all.)
        if a.predicates.contains(where: { $0.beneficial && !$0.negated && !$0.nounUse }) { return false }
        // "Your kidneys filter around 180 litres of blood a day": an organ doing its own work is biology, even
        // addressed to the reader ("your kidneys", "from your blood"); "your eczema is gone" still reports a result.
        let organAtWork = vocabulary.bodyProcessVerbs.contains(t[subject.upperBound].key)
        return !a.range.contains { i in
            Self.firstPerson.contains(t[i].key) || (t[i].key == Self.yourKey && !organAtWork)
        }
    }
    static let yourKey = WordKey("your")

    /// "A bunion is a bony lump": "is a" + a noun phrase defines the condition; "is a thing of the past",
    /// "is a distant memory" report a result.
    func definesWithArticle(_ k: Int, _ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        guard k + 1 < a.range.upperBound, Self.articleKeys.contains(t[k].key) else { return false }
        return !vocabulary.resultNouns.contains(t[k + 1].key)
    }
    static let articleKeys = Set(["a", "an"].map { WordKey($0) })

    /// A testimonial that reports a result and credits it to the product in the same sentence:
    /// first person ("I", "my", "we"), a condition reported gone or absent ("my eczema is gone",
    /// "I haven't had a cold in three years") and a credit ("since I started", "after taking",
    /// "thanks to", a product or "it" naming one).
    func testimonialOutcome(_ a: SentenceAnalysis, sentence: Sentence, block: AnalyzedBlock) -> Diagnostic? {
        if a.isQuestion || a.hypothetical || a.isAdvice || a.hits.has(.refutation) || a.refutedByNext { return nil }
        let t = block.tokens
        let r = a.range
        guard r.contains(where: { Self.firstPerson.contains(t[$0].key) }) else { return nil }
        // "we ask you to wait two weeks so the swelling has settled", "if your rash has cleared":
        // a condition, a purpose or an instruction, not a result someone had.
        // ("haven't ached once since": "once" after a verb counts times; only at a clause start is it "when".)
        if r.contains(where: { i in
            Self.nonReportWords.contains(t[i].key)
                && !(t[i].key == Self.onceKey && i > r.lowerBound && t[i - 1].kind == .word && !Self.clauseJoiners.contains(t[i - 1].key))
        }) { return nil }
        func negated(before c: Range<Int>) -> Bool {
            a.hits.contains(.negation) { n in
                n.upperBound <= c.lowerBound && c.lowerBound - n.upperBound <= 5
                    && !(n.upperBound..<c.lowerBound).contains { Self.scopeBreaks.contains(t[$0].key) }
            }
        }
        var result: Range<Int>?
        for c in a.conditions {
            let loose = a.hits.contains(.looseExcluded, exactly: c)
            // "my eczema is gone", "my bald spot filled in"
            var k = c.upperBound
            while k < r.upperBound && Self.auxiliaries.contains(t[k].key) { k += 1 }
            if !loose, !negated(before: c), k < r.upperBound, vocabulary.reportedResults.contains(t[k].key) { result = c; break }
            // "I haven't had a cold in three years", "not had a single migraine since"
            if (!loose || vocabulary.absenceLooseTerms.contains(t[c.lowerBound].key)), negated(before: c), c.lowerBound - 1 > r.lowerBound {
                var j = c.lowerBound - 1
                while j > r.lowerBound && Self.possessives.contains(t[j].key) { j -= 1 }
                if Self.absenceVerbs.contains(t[j].key), (c.upperBound..<r.upperBound).contains(where: { Self.timeWords.contains(t[$0].key) }) {
                    result = c
                    break
                }
            }
        }
        // "My knuckles haven't ached once since I started wearing it": a symptom verb told as an absence.
        if result == nil, let v = r.first(where: { i in
            vocabulary.symptomVerbs.contains(t[i].key) && i > r.lowerBound
                && a.hits.contains(.negation) { $0.upperBound == i || ($0.upperBound + 1 == i && Self.absenceAdverbs.contains(t[i - 1].key)) }
                && (i + 1..<r.upperBound).contains { Self.timeWords.contains(t[$0].key) }
        }) {
            result = v..<(v + 1)
        }
        guard let c = result else { return nil }
        let product = a.hits.has(.intervention) || a.hits.has(.cosmetic) || a.hits.has(.regenerative)
            || (a.context && a.hits.contains(.pronoun) { p in p.count == 1 && ["it", "this", "them", "these"].contains(block.text(of: t[p.lowerBound]).lowercased()) })
        let credit = product || r.contains { i in
            (t[i].key == Self.sinceKey && i + 2 < r.upperBound && Self.firstPerson.contains(t[i + 1].key) && vocabulary.startWords.contains(t[i + 2].key))
                || (t[i].key == Self.sinceKey && i + 1 < r.upperBound && vocabulary.startWords.contains(t[i + 1].key))
                || (Self.creditWords.contains(t[i].key) && i + 1 < r.upperBound && Self.creditFollowers.contains(t[i + 1].key))
        }
        guard credit else { return nil }
        let condition = block.text(block.utf8Range(ofTokens: c))
        return diagnostic("claims.unsupported", block: block, sentence: sentence, triggers: condition, strength: a.intensified ? .strong : .moderate,
                          missing: "evidence beyond testimonials (testimonials are not evidence of an effect)",
                          suggestion: "A customer's result is not evidence that the product caused it: cite the human evidence for the product (a trial, review or health body) or remove the testimonial's health result.",
                          standard: "FTC Health Products Compliance Guidance 2022 (testimonials); CAP Code 12.1",
                          extra: ["intervention": "it", "condition": condition, "predicate": "testimonial"])
    }
    static let absenceAdverbs = Set(["once", "really", "even", "ever", "properly"].map { WordKey($0) })
    static let onceKey = WordKey("once")
    static let clauseJoiners = Set(["and", "but", "or", "then", "that", "so"].map { WordKey($0) })
    static let nonReportWords = Set(["if", "unless", "until", "once", "wait", "so", "before", "whether", "should", "must"].map { WordKey($0) })
    static let firstPerson = Set(["i", "my", "we", "our", "me", "i've", "i'm"].map { WordKey($0) })
    static let sinceKey = WordKey("since")
    static let creditWords = Set(["after", "thanks", "since", "because"].map { WordKey($0) })
    static let creditFollowers = Set(["taking", "using", "drinking", "wearing", "starting", "to", "of"].map { WordKey($0) })
    static let stepKey = WordKey("step")
    static let genericQuantifiers = Set(["most", "many", "some", "all", "few"].map { WordKey($0) })
    static let subjectPlaceWords = Set(["on", "of", "around", "under", "in"].map { WordKey($0) })
    static let faqLabels = Set(["a", "q", "answer", "question"].map { WordKey($0) })
    /// "... and watch bald patches fill out": after "and" a result follows the directions, unless
    /// the directions go on ("and down the neck", "and then").
    static let directionsGoOn = Set(["down", "up", "out", "along", "across", "towards", "toward", "over", "around", "into",
                                     "onto", "then", "back", "under", "behind", "repeat", "leave", "rinse", "pat"].map { WordKey($0) })
    /// Labels that open directions for use ("How I use it: three drops on clean, dry skin").
    static let usageLabels: Set<String> = ["how i use it", "how i use them", "how to use", "how to use it", "how to apply",
                                           "how to apply it", "how i take it", "how to take", "how to take it", "directions",
                                           "directions for use", "usage", "to use", "how we use it"]
    static let holderWords = Set(["had", "have", "has", "having", "'ve", "experience", "experiences", "experienced", "develop",
                                  "develops", "developed", "get", "gets", "got", "with", "about", "against", "like"].map { WordKey($0) })
    static let backgroundVerbs = Set(["is", "are", "was", "were", "can", "could", "may", "might", "will", "would", "affects", "affect",
                                      "affected", "runs", "run", "ran", "tends", "tend", "happens", "happen", "occurs", "occur",
                                      "means", "mean", "makes", "make", "causes", "cause", "starts", "start", "begins", "begin",
                                      "often", "usually", "typically", "commonly", "sometimes", "'s", "has", "have", "had",
                                      "comes", "come", "appears", "appear", "develops", "develop", "isn't", "aren't", "increases",
                                      "raises", "damages", "leads", "harms", "worsens", "triggers", "kills", "spreads", "ages",
                                      // the body's own processes ("the hormone progesterone rises to prepare ...", "the walls of
                                      // the throat relax and narrow")
                                      "rises", "rise", "relax", "relaxes", "narrow", "narrows", "thickens", "thicken", "sheds", "shed",
                                      "contracts", "contract", "swells", "swell",
                                      // "Your mental health matters": an exhortation about the term, not an effect on it.
                                      "matters", "matter"].map { WordKey($0) })
    static let resultWords = Set(["gone", "better", "clear", "cleared", "healed", "cured", "over", "history", "fine", "finished",
                                  "easier", "normal", "improved", "vanished", "disappeared", "under", "down", "much", "so",
                                  "completely", "totally", "almost", "nearly", "finally", "non-existent", "calmer", "lower",
                                  "fading", "going", "a", "now", "barely", "hardly", "reduced", "halved", "sorted", "fixed",
                                  "managed", "controlled", "grown", "stopped", "eased", "lifted", "calmed", "settled", "thank",
                                  "faded", "shrunk", "shrunken", "healing", "clearing", "thanks", "never", "feel", "feels", "love",
                                  "literally", "actually", "really", "officially", "basically", "virtually", "practically"].map { WordKey($0) })
    static let auxiliaries = Set(["is", "are", "was", "were", "has", "have", "had", "just", "completely", "totally", "finally", "all",
                                  "literally", "actually", "really", "officially", "basically", "virtually", "practically", "now"].map { WordKey($0) })
    static let absenceVerbs = Set(["had", "needed", "suffered", "felt", "noticed", "used", "taken", "touched", "seen"].map { WordKey($0) })
    static let timeWords = Set(["since", "in", "for", "all", "this", "any", "anymore", "again"].map { WordKey($0) })
    static let stoppedWords = Set(["stopped", "quit", "stops"].map { WordKey($0) })
    static let answerWords = Set(["gone", "sorted", "fixed", "solved", "history", "over", "vanished", "banished", "more", "again",
                                  "anymore", "past", "disappeared", "cured", "done", "goodbye", "bye", "longer", "since"].map { WordKey($0) })
    static let feelWords = Set(["feel", "feels", "feeling", "felt"].map { WordKey($0) })
    static let andKey = WordKey("and")
    static let orKey = WordKey("or")
    static let possessives = Set(["your", "the", "my", "their", "his", "her", "our", "a", "an", "its", "any", "one", "single",
                                  "these", "those"].map { WordKey($0) })
    static let placePrepositions = Set(["on", "onto", "into", "over", "across", "under", "around", "to", "by",
                                        "between", "below", "above", "beneath", "behind"].map { WordKey($0) })
    /// A definition by category: the subject (no pronoun or "our"/"my" product), a copula in the first seven
    /// words, an optional article, up to seven modifier words or commas with no health term, intensifier or
    /// predicate among them, then a relative word ("that", "which", "in which", "where", "who") or the end.
    func definesByCategory(_ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard r.count >= 4, !Self.ownedSubjects.contains(t[r.lowerBound].key) else { return false }
        guard let k = (r.lowerBound + 1..<min(r.lowerBound + 7, r.upperBound - 1)).first(where: { Self.copulas.contains(t[$0].key) }),
              !(r.lowerBound..<k).contains(where: { Self.ownedSubjects.contains(t[$0].key) }) else { return false }
        var j = k + 1
        // An article opens the category ("is a small growth"); without one, a plural noun must close it ("are
        // small bumps that"), so "Many doctor is agree that" (hurried grammar) defines nothing.
        let articled = Self.articles.contains(t[j].key) || t[j].key == Self.theKey
        if articled { j += 1 }
        let nounStart = j
        func closes(_ end: Int) -> Bool { articled || (end > nounStart && lowerText(t[end - 1], block).hasSuffix("s")) }
        // (Vague terms such as "skin" in "skin-coloured" say nothing about an effect.)
        let busy = a.conditions.filter { !a.hits.contains(.looseExcluded, exactly: $0) } + a.hits[.outcomeState]
            + a.hits[.intensifier] + a.predicates.map(\.range)
        while j < r.upperBound && j - nounStart <= 7 {
            let tok = t[j]
            if busy.contains(where: { $0.contains(j) }) { return false }
            if j > nounStart && Self.relativeWords.contains(tok.key) { return closes(j) }
            if j > nounStart && tok.key == Self.inKey && j + 1 < r.upperBound && Self.relativeWords.contains(t[j + 1].key) { return closes(j) }
            if tok.kind == .punctuation {
                let text = block.text(of: tok)
                if text == "," { j += 1; continue }
                return j > nounStart + 1 && (text == "." || text == "!") && closes(j)
            }
            guard tok.kind == .word else { return false }
            j += 1
        }
        return j == r.upperBound && j > nounStart + 1 && closes(j)
    }
    private func lowerText(_ token: Token, _ block: AnalyzedBlock) -> String { block.lowercasedText(of: token) }

    /// A sentence that opens by saying what something other than the product is: a subject of at most four
    /// words (an abbreviation in brackets may follow it), then "is a/an/the ...", "is not a ...", "is when/where
    /// ...", "is inflammation of ..." or "describes/means/refers to". The subject holds no product, pronoun or
    /// result noun ("The result is a calmer gut"); the sentence has no benefit predicate, outcome, intensifier
    /// or first person ("my", "we").
    func opensWithDefinition(_ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard r.count >= 5 else { return false }
        var i = r.lowerBound
        if Self.subjectDeterminers.contains(t[i].key) { i += 1 }
        let subjectStart = i
        var words = 0
        var k = i
        while k < r.upperBound && words <= 4 {
            let tok = t[k]
            if Self.copulas.contains(tok.key) || Self.definingVerbs.contains(tok.key) { break }
            if tok.kind == .word {
                if Self.ownedSubjects.contains(tok.key) || Self.resultSubjects.contains(tok.key) { return false }
                words += 1; k += 1; continue
            }
            // "Swimmer's ear (otitis externa) is ...": a bracketed name for the subject.
            if block.token(k, equals: "(", lowercasing: false),
               let close = (k + 1..<min(k + 7, r.upperBound)).first(where: { block.token($0, equals: ")", lowercasing: false) }) {
                k = close + 1; continue
            }
            if block.utf8[Int(tok.start)] == UInt8(ascii: "'") || block.token(k, equals: "\u{2019}s", lowercasing: false) { k += 1; continue }
            return false
        }
        guard words >= 1, words <= 4, k + 1 < r.upperBound else { return false }
        let subject = subjectStart..<k
        for tag in Self.definitionSubjectTags where a.hits.contains(tag, where: { $0.overlaps(subject) }) {
            return false
        }
        if a.hits.has(.outcomeState) || a.intensified || a.hits.has(.testimonial) { return false }
        if a.predicates.contains(where: { $0.beneficial && !$0.negated && !$0.nounUse }) { return false }
        // ("Ageing is a disease, and now there is a treatment": a treatment named, even as a noun, makes the pitch.)
        if a.predicates.contains(where: { ($0.tag == .curative || $0.tag == .therapeutic) && !$0.negated }) { return false }
        if r.contains(where: { Self.firstPerson.contains(t[$0].key) }) { return false }
        // ("Ageing is a disease, and now there is a treatment": the definition sets up a cure.)
        if (k..<r.upperBound).contains(where: { vocabulary.remedyNouns.contains(t[$0].key) }) { return false }
        if Self.definingVerbs.contains(t[k].key) { return true }
        var j = k + 1
        if Self.notWords.contains(t[j].key), j + 1 < r.upperBound, Self.articleKeys.contains(t[j + 1].key) { return true }
        if Self.definingConjunctions.contains(t[j].key) { return true }
        if a.conditions.contains(where: { $0.lowerBound == j && $0.upperBound < r.upperBound && t[$0.upperBound].key == Self.ofKey })
            && !a.hits.contains(.looseExcluded, exactly: a.conditions.first { $0.lowerBound == j }!) { return true }
        guard Self.articleKeys.contains(t[j].key) || t[j].key == Self.theKey else { return false }
        j += 1
        return j < r.upperBound && t[j].kind == .word && !vocabulary.resultNouns.contains(t[j].key) && !Self.resultWords.contains(t[j].key)
            && !vocabulary.superlativeOpeners.contains(t[j].key)
    }
    /// What a defined subject may not hold: the product, its kind, or a pronoun standing for it.
    static let definitionSubjectTags: [ClaimTag] = [.intervention, .cosmetic, .regenerative, .businessNoun, .pronoun]
    static let indirectQuestionWords = Set(["how", "whether", "why", "what"].map { WordKey($0) })
    static let askingVerbs = Set(["ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering"].map { WordKey($0) })
    static let aboutKey = WordKey("about")
    static let agoKey = WordKey("ago")
    /// "For years ...", "For two months ...", "For most of my twenties ...": a sentence that opens with how long
    /// something went on.
    func opensWithPastSpan(_ r: Range<Int>, tokens t: [Token]) -> Bool {
        guard r.count > 3, t[r.lowerBound].key == Self.forKey else { return false }
        return (r.lowerBound + 1..<min(r.lowerBound + 4, r.upperBound)).contains { Self.spanWords.contains(t[$0].key) }
    }
    static let spanWords = Set(["years", "months", "decades", "ages", "weeks", "decade", "twenties", "thirties", "forties", "life"].map { WordKey($0) })
    static let pastStateVerbs = Set(["was", "were", "had", "used", "suffered", "struggled"].map { WordKey($0) })
    static let turnWords = Set(["now", "since", "today", "anymore", "gone", "until", "till", "then", "but", "thanks", "after"].map { WordKey($0) })
    /// Words that open a sentence's subject when that subject is a thing ("The boots are 100% safe").
    static let thingDeterminers = Set(["the", "our", "these", "this", "each", "every", "both"].map { WordKey($0) })

    /// "The boots are 100% safe", "Our procedures are completely safe": a determiner, at most three words and
    /// "is"/"are" right before the safety wording.
    func opensWithThingSubject(before s: Range<Int>, _ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard s.lowerBound - r.lowerBound >= 3, s.lowerBound - r.lowerBound <= 5, Self.thingDeterminers.contains(t[r.lowerBound].key),
              Self.copulas.contains(t[s.lowerBound - 1].key) else { return false }
        let subject = r.lowerBound + 1..<s.lowerBound - 1
        return subject.allSatisfy { t[$0].kind == .word && !Self.copulas.contains(t[$0].key) }
            && !a.conditions.contains(where: { $0.overlaps(subject) })
    }

    /// "Calmra is 100% safe for everyone": on a selling page, a capitalised name and "is"/"are" right before the
    /// safety wording make the page's product the subject, whatever the lexicons know of the name.
    func opensWithName(before s: Range<Int>, _ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard s.lowerBound - r.lowerBound == 2, t[r.lowerBound].kind == .word, t[r.lowerBound].isCapitalized,
              !vocabulary.nonNameOpeners.contains(t[r.lowerBound].key), Self.copulas.contains(t[s.lowerBound - 1].key) else { return false }
        return !a.conditions.contains(where: { $0.contains(r.lowerBound) })
    }

    /// Four or more items split by commas and a last "and"/"or", each of one to three words, and no verb the
    /// analysis knows (no predicate).
    func isShortItemList(_ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard a.predicates.isEmpty else { return false }
        var items = 0, words = 0
        for i in r {
            let single: UInt8? = t[i].length == 1 ? block.utf8[Int(t[i].start)] : nil
            if single == UInt8(ascii: ",") || t[i].key == Self.andKey || t[i].key == Self.orKey {
                guard words >= 1 && words <= 3 else { return false }
                items += 1; words = 0
            } else if t[i].kind == .word {
                words += 1
            } else if single != UInt8(ascii: ".") {
                return false
            }
        }
        guard words >= 1 && words <= 3 else { return false }
        return items + 1 >= 4
    }
    static let subjectDeterminers = Set(["the", "a", "an", "your"].map { WordKey($0) })
    static let definingVerbs = Set(["describes", "means", "refers"].map { WordKey($0) })
    static let definingConjunctions = Set(["when", "where"].map { WordKey($0) })
    /// Subjects that introduce a result or a pitch, not a thing defined ("The result is a calmer gut").
    static let resultSubjects = Set(["result", "results", "outcome", "difference", "effect", "effects", "secret", "answer",
                                     "solution", "key", "trick", "benefit", "benefits", "bonus", "verdict"].map { WordKey($0) })
    static let ownedSubjects = Set(["it", "it's", "they", "they're", "this", "these", "our", "my", "your", "we", "i"].map { WordKey($0) })
    static let relativeWords = Set(["that", "which", "where", "who", "whom", "whose"].map { WordKey($0) })

    /// The term lies between an opening and a closing quote mark no more than ten tokens apart, and the
    /// opening mark is not the sentence's first token.
    func insideQuotedTitle(_ c: Range<Int>, _ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard c.lowerBound > r.lowerBound + 1, c.upperBound < r.upperBound,
              let open = (max(r.lowerBound + 1, c.lowerBound - 10)..<c.lowerBound).last(where: { Self.openQuotes.contains(block.text(of: t[$0])) }),
              let close = (c.upperBound..<max(c.upperBound, min(r.upperBound, open + 11))).first(where: { Self.closeQuotes.contains(block.text(of: t[$0])) }) else { return false }
        return !(open + 1..<c.lowerBound).contains(where: { Self.closeQuotes.contains(block.text(of: t[$0])) && !Self.openQuotes.contains(block.text(of: t[$0])) })
            && close > c.lowerBound
    }
    static let openQuotes: Set<String> = ["\"", "\u{201C}"]
    static let closeQuotes: Set<String> = ["\"", "\u{201D}"]
    static let currencySigns: Set<String> = ["£", "$", "€"]

    static let productPronouns = Set(["it", "it's", "it\u{2019}s", "they", "they're", "they\u{2019}re", "this", "these"].map { WordKey($0) })
    static let placeModifiers = Set(["inner", "outer", "upper", "lower", "left", "right", "both"].map { WordKey($0) })
    static let ofKey = WordKey("of")
    static let theKey = WordKey("the")
    static let meaningVerbs = Set(["means", "meant", "refers"].map { WordKey($0) })
    static let quoteMarks: Set<String> = ["\"", "\u{201D}", "'", "\u{2019}"]
    static let amountPrepositions = Set(["by", "to", "over", "under", "around"].map { WordKey($0) })
    static let notWords = Set(["not", "n't", "n\u{2019}t", "'t", "\u{2019}t"].map { WordKey($0) })
    static let indefiniteArticles = Set(["a", "an"].map { WordKey($0) })
    static let halfKey = WordKey("half")
    static let forKey = WordKey("for")
    static let topicJoiners = Set(["and", "or", "&", "plus"].map { WordKey($0) })
}

import ClaimlintCore

/// Unsupported medical claims: a health predicate that links an intervention to a condition
/// or body function, asserted as fact with no source (`claims.unsupported`), plus special
/// rules for establishment claims, FDA status, absolute safety, regenerative therapies and
/// drug-type claims for cosmetics. Vocabulary: Rules/claims-*.yml (rule texts in Rules/claims.yml).
public struct ClaimsChecker: Checker {
    public static let ruleIDs = [
        "claims.unsupported", "claims.establishment", "claims.fda-approval", "claims.safety-absolute",
        "claims.regenerative-therapy", "claims.cosmetic-drug", "claims.audit",
    ]

    let vocabulary: ClaimsVocabulary
    /// The page's sections; the reference list is read from its references sections.
    let sections: SectionFinder
    let descriptions: [String: RuleDescription]
    /// Where the page's claim links are shared with the disclaimer checker (`links(of:)`).
    let linksKey: MemoKey
    /// The learned re-ranking layer (ClaimModel.swift, ml1) and whether findings go through it:
    /// on unless the config says `claims: {model: false}` (the rules alone, as the training
    /// script needs them and as a user may want them).
    let model: ClaimModel?
    var applyModel = ClaimModel.enabledByDefault
    public init(rules: RuleSet, settings: CheckerSettings) throws {
        vocabulary = try ClaimsVocabulary(rules: rules)
        sections = try SectionFinder(rules: rules)
        model = try ClaimModel(rules: rules)
        linksKey = Self.linksKey(rules: rules)
        var d: [String: RuleDescription] = [:]
        for id in Self.ruleIDs { d[id] = try rules.require(id) }
        descriptions = d
        applyModel = try settings.flags("claims", allowed: ["model"])["model"] ?? ClaimModel.enabledByDefault
    }

    /// Words and marks that end a negation's reach ("uses no UV and is totally safe").
    static let scopeBreaks = Set([",", ";", "and", "but", "so", "while", "whereas"].map { WordKey($0) })

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        // Nothing to do when every claims rule is off for this file.
        if Self.ruleIDs.allSatisfy({ context.disabledRules.contains($0) }) { return [] }
        // The audit is an opt-in rule: on only when the config names it.
        let audit = !context.disabledRules.contains("claims.audit")
        var out: [Diagnostic] = []
        let (judged, facts) = judgedPage(document)
        // The page-level features, built on the first flagged sentence that needs them.
        var page: ClaimFeatures.Page?
        // The disclaimer checker reads what each sentence links (ClaimLinks.swift): computed here once.
        shareLinks(judged, of: document)
        for k in judged.indices {
            // A sentence with no finding has nothing to report unless the audit is on (most sentences): skipped
            // before its object and findings are retained and an empty filtered array is built for it.
            guard audit || !judged[k].findings.isEmpty else { continue }
            let j = judged[k]
            // The learned layer (ml1): its inputs for every flagged sentence, its verdict when it is on.
            var features: [Double]?
            if !j.findings.isEmpty && (audit || (applyModel && model != nil)) {
                let p = page ?? ClaimFeatures.Page(judged, facts: facts)
                page = p
                features = ClaimFeatures.vector(judged, k, page: p)
            }
            var kept = j.findings
            // A citation marker that matches no reference entry is a defect the writer can fix, not a
            // judgement on wording: the layer never drops those findings (mirrored in the training script).
            if applyModel, j.support.unresolved.isEmpty, let features, let model, !model.keeps(features) { kept = [] }
            out.append(contentsOf: kept.filter { !context.disabledRules.contains($0.rule) })
            if audit {
                var d = auditDiagnostic(j.analysis, sentence: j.sentence, index: j.index, block: j.block, support: j.support, findings: j.findings)
                if let features {
                    d.details["features"] = ClaimFeatures.export(features)
                    if let model { d.details["model_probability"] = String((model.probability(features) * 1000).rounded() / 1000) }
                }
                // Sentences with nothing to report stay quiet.
                if d.details["level"] != "none" || d.details["hedged"] == "yes" || d.details["statement"] == "yes" || !j.analysis.allHedges.isEmpty
                    || !j.findings.isEmpty {
                    out.append(d)
                }
            }
        }
        return out
    }

    /// Every linted sentence with its analysis and findings (before the rules switched off for a
    /// file are filtered out).
    func judgedSentences(_ document: AnalyzedDocument) -> [JudgedSentence] { judgedPage(document).judged }

    /// `judgedSentences(_:)` and the page facts the learned layer's page features start from
    /// (ClaimFeatures.swift); the features themselves are built only when something reads them.
    func judgedPage(_ document: AnalyzedDocument) -> (judged: [JudgedSentence], facts: ClaimFeatures.PageFacts) {
        let document = Self.splittingItemTitles(Self.splittingOverlongSentences(document))
        let references = ReferenceIndex(document, sections: sections.sections(of: document))
        let signals = Self.pageSignals(in: document, commerceWords: vocabulary.commerceWords, commerceFilter: vocabulary.commerceFilter)
        let brands = signals.brands
        var judged: [JudgedSentence] = []
        var lastInterventionBlock = -10
        // The first item of the run of list items the loop is in: a list of takeaways about one
        // product keeps it as "it" from item to item (and from the lead-in just before the list).
        var listRunStart = Int.max
        // Per block, computed at most once: the sentences' lexicon hits and the block's support.
        // Neither depends on the pronoun context, so look-aheads (the product-page test, headings
        // and list items borrowing a neighbour's support) reuse them instead of analysing again.
        var blockHits = [[TagHits]?](repeating: nil, count: document.blocks.count)
        var blockSupport = [BlockSupport?](repeating: nil, count: document.blocks.count)
        func hits(of block: AnalyzedBlock) -> [TagHits] {
            if let h = blockHits[block.index] { return h }
            var analyzer = SentenceAnalyzer(vocabulary: vocabulary, block: block)
            analyzer.brands = brands
            let h = block.sentences.map { analyzer.hits($0) }
            blockHits[block.index] = h
            return h
        }
        func supportOf(_ block: AnalyzedBlock) -> BlockSupport {
            if let s = blockSupport[block.index] { return s }
            let s = self.support(of: block, sentences: block.sentences, hits: hits(of: block), references: references)
            blockSupport[block.index] = s
            return s
        }
        func analyzed(_ block: AnalyzedBlock, pronounContext: Bool, impliedSubject: Bool = true) -> [SentenceAnalysis] {
            var analyzer = SentenceAnalyzer(vocabulary: vocabulary, block: block)
            analyzer.brands = brands
            let sentenceHits = hits(of: block)
            var analyses: [SentenceAnalysis] = []
            analyses.reserveCapacity(block.sentences.count)
            var context = pronounContext
            var implied = impliedSubject
            var afterDefinition = false
            var productKind = false
            var cosmeticKind = false
            for (s, h) in zip(block.sentences, sentenceHits) {
                // "The pelvic floor is a layer of muscles ... It supports the bladder": after a
                // definition of something that is not a product, "it" is that thing.
                var a = analyzer.analyze(s, hits: h, pronounContext: context && !afterDefinition, impliedSubject: implied)
                // A chapter line with no closing punctuation is a label, like a heading.
                a.chapterTitle = s.isItemLine && s.terminator == nil
                a.productKindBefore = productKind
                a.cosmeticBefore = cosmeticKind
                if h.has(.unapprovable) || h.has(.cosmetic) { productKind = true }
                if h.has(.cosmetic) { cosmeticKind = true }
                if a.hits.has(.intervention) || a.hits.has(.cosmetic) || a.hits.has(.regenerative) { context = true; implied = true }
                afterDefinition = definesNonProduct(a, block: block)
                // (`consume`: the analysis moves into the array; a copy retained its five arrays and released them again.)
                analyses.append(consume a)
            }
            return analyses
        }

        let linted = document.blocks.filter { $0.inScope && Self.isChecked($0.kind) && !references.blocks.contains($0.index) }
        // A product named in the block: any intervention that is not itself a category word ("treatment");
        // `particular`, for a section heading, also refuses one with a category word anywhere in its name ("The
        // treatment plan", "The remedy for each cause" head sections of any how-to page).
        func namesProduct(_ b: AnalyzedBlock, particular: Bool = false) -> Bool {
            hits(of: b).contains { h in
                h.has(.cosmetic) || h.has(.regenerative)
                    || h.contains(.intervention) { i in
                        particular ? !h.contains(.genericIntervention) { $0.overlaps(i) } : !h.contains(.genericIntervention, exactly: i)
                    }
            }
        }
        // Where each run of list items around a position ends and begins, found once: looking along
        // the run from every item made a 40,000-line list quadratic (20 s and more).
        var listRunEnd = Array(repeating: linted.count, count: linted.count)  // first position after the run
        var beforeListRun = Array(repeating: -1, count: linted.count)  // last position before the run
        for position in linted.indices.reversed() where position + 1 < linted.count {
            listRunEnd[position] = linted[position + 1].kind.isListItem ? listRunEnd[position + 1] : position + 1
        }
        for position in linted.indices where position > 0 {
            beforeListRun[position] = linted[position - 1].kind.isListItem ? beforeListRun[position - 1] : position - 1
        }
        // On a page whose title or first heading names a product, "it" and implied subjects refer to it.
        let productPage = linted.first(where: { $0.kind.isHeading }).map { namesProduct($0) } ?? false
        // Likewise within a section whose heading names one ("## Enter the DreamWave pad" over "It may also
        // help prevent reflux", three paragraphs down): the section is about that product until the next heading.
        var productSection = false
        for (position, block) in linted.enumerated() {
            if block.kind.isListItem {
                if position == 0 || !linted[position - 1].kind.isListItem || linted[position - 1].index != block.index - 1 { listRunStart = block.index }
            } else {
                listRunStart = Int.max
            }
            let inListWithProduct = block.kind.isListItem && lastInterventionBlock >= listRunStart - 1
            // "### 2. Bacopa" then "Bacopa boosts memory ...": a listicle's item heading names the subject
            // its paragraph opens with, a product the lexicons do not know.
            if position > 0, !block.kind.isHeading, linted[position - 1].kind.isHeading, linted[position - 1].index == block.index - 1,
               let named = headingSubject(linted[position - 1], opening: block, first: block.sentences.first, hits: hits(of: block)) {
                blockHits[block.index]![0].add(.intervention, named)
            }
            if block.kind.isHeading { productSection = namesProduct(block, particular: true) }
            let nearProduct = productPage || productSection || block.index - lastInterventionBlock <= 1
            // (In a list the product carries over as "it" or "they" only: "you have lost weight without
            // trying" under "See a GP if:" has no implied product.)
            var analyses = analyzed(block, pronounContext: nearProduct || inListWithProduct, impliedSubject: nearProduct)
            let support = supportOf(block)
            if analyses.contains(where: { $0.hits.has(.intervention) || $0.hits.has(.cosmetic) || $0.hits.has(.regenerative) }) {
                lastInterventionBlock = block.index
            }
            // A heading borrows the support of the paragraph that opens its section; a list item
            // the support of the paragraph just before or after its list (within the section).
            var sectionSupport: BlockSupport?
            if block.kind.isHeading, position + 1 < linted.count, !linted[position + 1].kind.isHeading {
                sectionSupport = supportOf(linted[position + 1])
            } else if block.kind.isListItem {
                let k = listRunEnd[position]
                if k < linted.count && !linted[k].kind.isHeading {
                    // ("Key takeaways" over a guest's claims, then "... For balance, the host reads out the NHS advice
                    // that coconut oil is high in saturated fat": a source named further into the paragraph after a
                    // list vouches for its own sentence; only the sentence next to the list, a source line such as
                    // "These figures come from the NHS", speaks for the list. Markers and links still count.)
                    var after = supportOf(linted[k])
                    after.attributedSentences = after.attributedSentences.filter { $0 == 0 }
                    sectionSupport = after
                }
                let j = beforeListRun[position]
                if j >= 0 && !linted[j].kind.isHeading && !(sectionSupport?.any ?? false) {
                    sectionSupport = supportOf(linted[j])
                }
            }
            // A chapter list: each line is supported only by what it holds itself (a study named in
            // one chapter does not back the claim of the next).
            let chaptered = block.sentences.contains { $0.isItemLine }
            // Each analysis is moved out of the array (reversed, then taken from the end) into its judged
            // sentence: `analyses[i]` copied it, retaining and later releasing its arrays, on every sentence.
            // (Reversed in place through a buffer pointer, which moves the elements; `Array.reverse` copied each one.)
            analyses.withUnsafeMutableBufferPointer { $0.reverse() }
            for (i, sentence) in block.sentences.enumerated() {
                let support = chaptered ? support.only(i, range: sentence.range) : support
                var a = analyses.removeLast()
                // "X cures Y. There is no good evidence for this.": the next sentence refutes it.
                if let n = analyses.indices.last, analyses[n].hits.has(.refutationNext) {
                    let start = analyses[n].range.lowerBound
                    if analyses[n].hits.contains(.refutationNext, where: { $0.lowerBound == start }) { a.refutedByNext = true }
                }
                var findings = judge(a, sentence: sentence, index: i, block: block, support: support, sectionSupport: sectionSupport,
                                     documentIsCosmetic: false)
                // "Since I started drinking this, my eczema is gone for good": a first-person result
                // credited to the product, on any page without a reference list (a referenced page
                // quoting a patient's story is telling it, not selling with it).
                if findings.isEmpty, !references.exists, !support.inSentence(i, range: sentence.range), !support.any, !(sectionSupport?.any ?? false),
                   let f = testimonialOutcome(a, sentence: sentence, block: block) {
                    findings.append(f)
                }
                judged.append(JudgedSentence(analysis: consume a, sentence: sentence, index: i, block: block, support: support,
                                             sectionSupported: sectionSupport?.any ?? false, findings: findings))
            }
        }
        // A page that reads as marketing lowers the bar: its remaining sentences get the promotional test.
        let promotional = isPromotional(judged, signals: signals, references: references)
        if promotional {
            // "Conditions we treat" over a bullet list of conditions: one claim, made by the lead-in.
            let topicItems = leadInClaims(&judged)
            let runStarts = listRunStarts(judged)
            for k in judged.indices where !topicItems.contains(k) && !listUnderStopWording(judged, k, runStart: runStarts[k]) {
                let previous = k > 0 && judged[k - 1].block.index == judged[k].block.index ? judged[k - 1] : nil
                judged[k].findings += promotionalFindings(judged[k], previous: previous)
            }
        }
        return (judged, ClaimFeatures.PageFacts(hasReferences: references.exists, shopWords: signals.shopWords, promotional: promotional))
    }

    /// Product names as marketing writes them: camel case ("FlexiJoint", "YouthCode") or a word
    /// with a trademark sign or "+" ("Renew+", "Glow™").
    /// Also counts the page's shop signals (commerce words, prices) in the same pass over its tokens.
    static func pageSignals(in document: AnalyzedDocument, commerceWords: Set<WordKey>, commerceFilter: WordKeyFilter) -> PageSignals {
        var keys = Set<WordKey>()
        var signals = PageSignals()
        for b in document.blocks where b.inScope {
            let t = b.tokens
            let u = b.utf8
            for (i, tok) in t.enumerated() {
                // "£55", "$49.99": a price. "in order to" is not an order.
                if tok.kind != .word {
                    if i + 1 < t.count, t[i + 1].kind == .number, t[i + 1].start == tok.end {
                        let s = u[Int(tok.start)]
                        let price = s == 0x24 || (s == 0xC2 && tok.length == 2 && u[Int(tok.start) + 1] == 0xA3)
                            || (s == 0xE2 && tok.length == 3 && u[Int(tok.start) + 1] == 0x82 && u[Int(tok.start) + 2] == 0xAC)
                        if price { signals.shopWords += 1 }
                    }
                    continue
                }
                if commerceFilter.mayContain(tok.key), commerceWords.contains(tok.key), !(i > 0 && t[i - 1].key == Self.inKey) { signals.shopWords += 1 }
                guard tok.length >= 4 else { continue }
                let start = Int(tok.start), end = Int(tok.end)
                // Camel case ("FlexiJoint"): a lowercase letter followed by an uppercase one.
                // Bytes for ASCII words (most of them), scalars otherwise: no String per word.
                // One pass finds both: whether the word is ASCII and where a lowercase-uppercase pair is.
                var camel = false
                var ascii = u[start] < 0x80
                var k = start + 1
                while k < end {
                    let c = u[k]
                    if c >= 0x80 { ascii = false; break }
                    if !camel && c >= 0x41 && c <= 0x5A && u[k - 1] >= 0x61 && u[k - 1] <= 0x7A { camel = true }
                    k += 1
                }
                if !ascii {
                    camel = false
                    let scalars = Array(b.text(of: tok).unicodeScalars)
                    for k in 1..<scalars.count where scalars[k].isUppercaseQuick && scalars[k - 1].isLowercaseQuick { camel = true; break }
                }
                if camel {
                    let text = b.text(of: tok)
                    if text.hasPrefix("Mc") || text.hasPrefix("Mac") || text.contains("-") { camel = false }
                }
                // A capitalised word with "+", "™" or "®" right after it ("Renew+").
                var marked = false
                if tok.isCapitalized, i + 1 < t.count, t[i + 1].start == tok.end {
                    // "+", "™" (E2 84 A2) or "®" (C2 AE), compared byte by byte.
                    let n = Int(t[i + 1].start), length = t[i + 1].length
                    marked = (length == 1 && u[n] == 0x2B) || (length == 3 && u[n] == 0xE2 && u[n + 1] == 0x84 && u[n + 2] == 0xA2)
                        || (length == 2 && u[n] == 0xC2 && u[n + 1] == 0xAE)
                }
                if camel || marked { keys.insert(tok.key) }
            }
        }
        signals.brands = keys
        return signals
    }
    static let inKey = WordKey("in")

    /// "Brain health, stem cells and healing", "PRP and regeneration": a noun-form action word ("-ing",
    /// "-tion") listed with the therapy by "and" or a comma names a topic beside it, not what it does.
    func coordinatedTopic(_ p: Range<Int>, with entity: Range<Int>, in block: AnalyzedBlock) -> Bool {
        p.lowerBound == entity.upperBound + 1 && listedNounForm(p, in: block)
    }

    /// "Stem cell and exosome boost", "PRP Sun Repair from £595", "the 50 ml exosome renewal gel": a
    /// predicate word that closes a noun compound (after a treatment word, or a capitalised word when it is
    /// capitalised itself) and ends the line, comes before a product noun or a price, names a service or
    /// product on a menu or price list; it claims no effect. ("Exosome repair for knees" keeps its claim.)
    func namesService(_ p: Range<Int>, sentence r: Range<Int>, in block: AnalyzedBlock, entities: ArraySlice<Range<Int>>) -> Bool {
        guard p.count == 1, p.lowerBound > r.lowerBound else { return false }
        let t = block.tokens
        let word = t[p.lowerBound], before = t[p.lowerBound - 1]
        guard word.kind == .word, before.kind == .word else { return false }
        let lower = block.lowercasedText(of: word)
        if lower.hasSuffix("s") || lower.hasSuffix("ed") { return false }
        let compound = entities.contains { $0.upperBound == p.lowerBound } || (word.isCapitalized && (before.isCapitalized || before.isAllCaps))
        guard compound else { return false }
        let next = p.upperBound
        if next >= r.upperBound || t[next].kind == .punctuation { return block.kind.isHeading || r.count <= Self.maxServiceNameWords }
        if entities.contains(where: { $0.lowerBound == next }) { return true }
        let priced = { (i: Int) in i < r.upperBound && t[i].kind == .symbol && Self.currencySigns.contains(block.text(of: t[i])) }
        return priced(next) || (t[next].key == Self.fromKey && priced(next + 1))
    }
    static let maxServiceNameWords = 6
    static let fromKey = WordKey("from")

    /// A one-word "-ing" or "-tion" predicate right after "and", "or" or a comma: a noun in a list.
    func listedNounForm(_ p: Range<Int>, in block: AnalyzedBlock) -> Bool {
        guard p.count == 1, p.lowerBound >= 1 else { return false }
        let word = block.lowercasedText(of: block.tokens[p.lowerBound])
        guard word.hasSuffix("ing") || word.hasSuffix("tion") else { return false }
        let link = block.tokens[p.lowerBound - 1]
        return Self.topicLinks.contains(link.key) || block.text(of: link) == ","
    }
    static let topicLinks = Set(["and", "or", "&"].map { WordKey($0) })

    /// The words a short item heading ends with ("2. Bacopa", "Rhodiola") when the paragraph under it
    /// opens with them and no lexicon knows them: the item's subject, as a token range of the paragraph.
    func headingSubject(_ heading: AnalyzedBlock, opening block: AnalyzedBlock, first: Sentence?, hits: [TagHits]) -> Range<Int>? {
        guard let first, !first.tokens.isEmpty, !hits.isEmpty else { return nil }
        let ht = heading.tokens.filter { $0.kind == .word }
        guard !ht.isEmpty, ht.count <= 4, heading.sentences.count == 1, heading.sentences[0].terminator != "?" else { return nil }
        let t = block.tokens
        let start = first.tokens.lowerBound
        // The longest tail of the heading (up to three words) that opens the paragraph.
        for n in stride(from: min(3, ht.count), through: 1, by: -1) {
            let tail = ht[(ht.count - n)...]
            guard start + n <= first.tokens.upperBound else { continue }
            guard zip(tail, t[start..<(start + n)]).allSatisfy({ $0.key == $1.key && $1.kind == .word }) else { continue }
            let r = start..<(start + n)
            guard t[start].isCapitalized, !t[start].isAllCaps, !hits[0].isEmpty else { return nil }
            // Known words say what it is already (a condition, a product, a predicate, a pronoun).
            for tag in ClaimTag.allCases where hits[0][tag].contains(where: { $0.overlaps(r) }) { return nil }
            // A predicate must follow it: a heading word that only opens the paragraph is no subject.
            let next = r.upperBound
            guard next < first.tokens.upperBound,
                  ClaimTag.causalPredicates.contains(where: { tag in hits[0][tag].contains { $0.lowerBound == next } }) else { return nil }
            return r
        }
        return nil
    }

    /// "Earwax is a natural substance ...", "The pelvic floor is a layer of muscles ...": a sentence
    /// that defines its subject, when that subject is no product, practice or pronoun.
    func definesNonProduct(_ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        let r = a.range
        guard r.count > 3 else { return false }
        guard let k = (r.lowerBound + 1..<min(r.lowerBound + 6, r.upperBound - 1)).first(where: { Self.copulas.contains(t[$0].key) }),
              Self.articles.contains(t[k + 1].key) else { return false }
        let subject = r.lowerBound..<k
        if subject.contains(where: { t[$0].kind != .word }) { return false }
        for tag in [ClaimTag.intervention, .cosmetic, .regenerative, .pronoun] where a.hits.contains(tag, where: { $0.overlaps(subject) }) { return false }
        // The category must say it is part of the body or a substance ("a layer of muscles", "a
        // natural substance"): "Shilajit is a sticky resin. It boosts testosterone." is still the product.
        let category = (k + 2)..<min(k + 6, r.upperBound)
        return [ClaimTag.definitionNoun, .condition, .bodyFunction].contains { tag in a.hits.contains(tag) { $0.overlaps(category) } }
    }
    static let copulas = Set(["is", "are"].map { WordKey($0) })
    static let articles = Set(["a", "an"].map { WordKey($0) })

    /// "1. Attention" then, on the next line, "The ADHD symptoms are reduced ...": a numbered or bulleted
    /// item whose first line is a short title with no closing punctuation and whose prose starts on the
    /// next line with a capital. The segmenter keeps both lines in one unit (a soft line break); for the
    /// claim test the title is a unit of its own (an item line, judged like a heading: "2. Coconut water lowers
    /// blood pressure naturally" is a claim), so the prose is judged as the sentence it is ("What doctors say"
    /// does not open it as a question, "Attention" does not hide its subject).
    /// Returns `document` itself when no item has such a title.
    static func splittingItemTitles(_ document: AnalyzedDocument) -> AnalyzedDocument {
        var blocks = document.blocks
        var changed = false
        for (k, b) in blocks.enumerated() where b.kind.isListItem && !b.block.lineStarts.isEmpty {
            guard let first = b.sentences.first, first.terminator != nil, first.tokens.count >= 5 else { continue }
            let lineStarts = b.block.lineStarts
            let t = b.tokens
            let lo = first.tokens.lowerBound
            var cut: Int?
            for i in lo + 1..<min(first.tokens.upperBound - 2, lo + Self.maxItemTitleWords + 1) {
                guard t[i - 1].kind == .word || t[i - 1].kind == .number else { break }
                let gap = t[i - 1].range.upperBound...t[i].range.lowerBound
                if lineStarts.contains(where: { gap.contains($0) }) {
                    if t[i].kind == .word && t[i].isCapitalized { cut = i }
                    break
                }
            }
            guard let cut else { continue }
            let title = Sentence(range: first.range.lowerBound..<t[cut - 1].range.upperBound, tokens: lo..<cut, terminator: nil, isItemLine: true)
            let prose = Sentence(range: t[cut].range.lowerBound..<first.range.upperBound, tokens: cut..<first.tokens.upperBound,
                                 terminator: first.terminator, isItemLine: first.isItemLine)
            blocks[k] = AnalyzedBlock(index: b.index, block: b.block, utf8: b.utf8, tokens: b.tokens,
                                      sentences: [title, prose] + b.sentences.dropFirst(), inScope: b.inScope)
            changed = true
        }
        return changed ? AnalyzedDocument(document: document.document, blocks: blocks) : document
    }

    /// Sentences too long to analyse whole, in pieces (`AnalyzedBlock.analysisPieces(of:)`).
    static func splittingOverlongSentences(_ document: AnalyzedDocument) -> AnalyzedDocument {
        func overlong(_ b: AnalyzedBlock) -> Bool { b.sentences.contains { $0.tokens.count > AnalyzedBlock.maxAnalysedTokens } }
        guard document.blocks.contains(where: overlong) else { return document }
        var blocks = document.blocks
        for (k, b) in blocks.enumerated() where overlong(b) {
            blocks[k] = AnalyzedBlock(index: b.index, block: b.block, utf8: b.utf8, tokens: b.tokens,
                                      sentences: b.sentences.flatMap { b.analysisPieces(of: $0) }, inScope: b.inScope)
        }
        return AnalyzedDocument(document: document.document, blocks: blocks)
    }

    /// Words an item title may have ("1. About cancer and diabetes").
    static let maxItemTitleWords = 6

    static func isChecked(_ kind: BlockKind) -> Bool {
        switch kind {
        case .paragraph, .listItem, .blockquote, .heading, .title: true
        case .tableCell, .figcaption, .imageAlt: false
        }
    }

    // MARK: Judging one sentence

    func judge(_ a: SentenceAnalysis, sentence: Sentence, index: Int, block: AnalyzedBlock, support: BlockSupport,
               sectionSupport: BlockSupport?, documentIsCosmetic: Bool) -> [Diagnostic] {
        guard !a.isQuestion, !a.furniture else { return [] }
        var out: [Diagnostic] = []
        let t = block.tokens
        func words(_ r: Range<Int>) -> String { block.text(block.utf8Range(ofTokens: r)) }
        let inSentence = support.inSentence(index, range: sentence.range)
        let paragraphSupported = support.any || (sectionSupport?.any ?? false)
        // Support from elsewhere in the paragraph does not count when that evidence is animal,
        // lab or testimonial and this sentence generalises to people.
        let weakOnly = !inSentence && !support.weakEvidenceSentences.isEmpty && !support.weakEvidenceSentences.contains(index)
        let supported = inSentence || (paragraphSupported && !weakOnly)
        let refuted = a.hits.has(.refutation) || a.refutedByNext
        func negatedBefore(_ r: Range<Int>) -> Bool {
            // A negation earlier in the sentence with no contrast word between ("is not FDA approved").
            a.hits.contains(.negation) { n in
                n.upperBound <= r.lowerBound && r.lowerBound - n.upperBound <= 6
                    && !(n.upperBound..<r.lowerBound).contains { Self.scopeBreaks.contains(block.tokens[$0].key) }
            }
        }
        func missing() -> String {
            if a.hits.has(.testimonial) { return "evidence beyond testimonials (testimonials are not evidence of an effect)" }
            if weakOnly { return "evidence in people (the study cited is in animals, cells or testimonials)" }
            if !support.unresolved.isEmpty {
                return "resolvable citation (\(support.unresolved.joined(separator: ", ")) matches no entry in a reference list)"
            }
            return "citation, source link or named study"
        }

        // Regenerative therapies: strong whatever the hedging, unless the sentence itself cites a
        // named source, is about an approved blood-forming use, or describes research under way.
        if let entity = a.hits.first(.regenerative), !a.hits.has(.approvedUse), !a.hypothetical, !refuted, !a.isAdvice,
           !inSentence, !a.hits.contains(.negation, where: { _ in true }) {
            let claimPredicates = a.predicates.filter { p in
                (p.beneficial || p.tag == .efficacy) && !p.negated && !coordinatedTopic(p.range, with: entity, in: block)
                    && !namesService(p.range, sentence: a.range, in: block, entities: a.hits.ranges(.regenerative, .intervention, .cosmetic))
            }
            let approval = a.hits.first(.fda) ?? a.hits.first(.establishment)
            if let p = claimPredicates.first ?? nil, p.tag != .correlational {
                let triggers = "\(words(entity)) ... \(words(p.range))"
                out.append(diagnostic("claims.regenerative-therapy", block: block, sentence: sentence, triggers: triggers, strength: .strong,
                                      missing: "the FDA has approved no stem cell, exosome or PRP product for this use",
                                      suggestion: "State the regulatory status and the evidence instead, e.g. \"\(capitalised(words(entity))) products are not FDA approved for this; ask whether the treatment is part of a registered clinical trial.\"",
                                      standard: "FDA consumer alert on regenerative medicine products (2020)"))
            } else if let ap = approval {
                out.append(diagnostic("claims.regenerative-therapy", block: block, sentence: sentence, triggers: "\(words(entity)) ... \(words(ap))", strength: .strong,
                                      missing: "the only FDA-approved stem cell products are cord-blood cells for blood disorders",
                                      suggestion: "Say what is approved and what is not, with a link to the FDA consumer alert.",
                                      standard: "FDA consumer alert on regenerative medicine products (2020)"))
            }
        }

        // FDA status misuse. ("The cream is all natural. It is approved by FDA": "it" is the kind of
        // product named earlier in the paragraph.)
        let pronounForProductKind = a.productKindBefore && a.hits.contains(.pronoun) { p in a.hits.contains(.fda) { p.upperBound <= $0.lowerBound } }
        if let f = a.hits.first(.fda), !refuted, !negatedBefore(f), !a.hypothetical,
           a.hits.any(.fdaAlways, overlapping: f) || a.hits.has(.unapprovable) || a.hits.has(.cosmetic) || pronounForProductKind {
            let always = a.hits.any(.fdaAlways, overlapping: f)
            out.append(diagnostic("claims.fda-approval", block: block, sentence: sentence, triggers: words(f), strength: .strong,
                                  missing: always ? "FDA registration, listing or certification is not approval and says nothing about safety or efficacy"
                                                  : "the FDA does not approve cosmetics or dietary supplements before sale",
                                  suggestion: "State the real status, e.g. \"made in a facility registered with the FDA; the FDA does not approve supplements or cosmetics\".",
                                  standard: "FTC Health Products Compliance Guidance 2022; FD&C Act"))
        }

        // Absolute safety.
        // ("... 100% safe from newborn age and there is no any side effect": when the first phrase is excused,
        // a later one in the same sentence is still read.)
        let safetyCandidates = a.hits.has(.safetyCore) ? a.hits[.safetyCore]
            : (a.hits.has(.safeWord) ? a.hits[.safety].filter { r in !a.hits.contains(.safeWord) { $0.overlaps(r) } } : [])
        let safetyHit = safetyCandidates.first { s in
            !negatedBefore(s) && !a.hits.contains(.safetyQuantifier, where: { $0.upperBound <= s.lowerBound })
                && !(a.hits.has(.moneyBack) && words(s).lowercased().hasPrefix("risk"))
                && !describesCondition(s, a, block: block) && !attributiveSafety(s, in: block)
        }
        if let s = safetyHit, !refuted, !a.hypothetical, !a.isAdvice,
           a.hits.has(.intervention) || a.hits.has(.cosmetic) || a.hits.has(.regenerative) || a.context
               // ("The boots are 100% safe": a thing named as the subject, whatever the lexicons know of it.)
               || opensWithThingSubject(before: s, a, block: block),
           !(a.hits.has(.findingReport) && (inSentence || a.hits.has(.evidenceMarker))) {
            out.append(diagnostic("claims.safety-absolute", block: block, sentence: sentence, triggers: words(s), strength: .strong,
                                  missing: "no product is free of side effects for everyone, and natural is not proof of safety",
                                  suggestion: "Say what is known about side effects and who should avoid it, e.g. \"Side effects are uncommon but can include ...; ask a pharmacist if you take other medicines.\"",
                                  standard: "FTC/FDA health fraud red flags; CAP Code 12"))
        }

        // Drug-type claims for cosmetics: a study cited does not matter, the product type does. But a
        // health body's advice reported with its source ("The NHS advice on cold sores says these
        // creams can speed up healing") is about medicines, not a cosmetic's promise ("who" in
        // lower case is a pronoun, not the WHO).
        let reportsHealthBody = inSentence && a.hits.contains(.authority) { h in
            !(h.count == 1 && !t[h.lowerBound].isAllCaps && words(h).lowercased() == "who")
        }
        // ("Our bakuchiol serum is gentle. It heals breakouts and calms eczema": "it" opening the sentence is the cosmetic
        // named earlier in the paragraph.)
        // (Its verb must be the action: "It heals", "It also repairs"; "They irritate healing tissue" is no claim of healing.)
        let cosmeticPronoun = a.cosmeticBefore && a.hits.contains(.pronoun) { p in
            p.lowerBound == a.range.lowerBound && a.hits.contains(.cosmeticAction) { act in
                act.lowerBound >= p.upperBound && (p.upperBound..<act.lowerBound).allSatisfy { Self.verbAdverbs.contains(t[$0].key) }
            }
        }
        if a.hits.has(.cosmetic) || cosmeticPronoun, !reportsHealthBody, !a.hits.has(.drugActive), !a.hypothetical, !refuted, !a.sideEffectReport,
           let action = a.hits.first(.cosmeticAction, where: { r in
               !a.hits.contains(.negation) { $0.upperBound <= r.lowerBound && r.lowerBound - $0.upperBound <= 4 }
               && !isProductName(r, in: block)
               && !a.hits.contains(.appearance) { abs($0.lowerBound - r.lowerBound) <= 4 }
               // ("... replaced by new skin as it heals": the skin heals by itself.)
               && !(r.count == 1 && SentenceAnalyzer.intransitiveHealing(r, sentence: a.range, tokens: t, interventions: a.hits[.intervention]))
           }) {
            let hedged = a.strongHedges.contains { $0.upperBound <= action.lowerBound }
            out.append(diagnostic("claims.cosmetic-drug", block: block, sentence: sentence, triggers: words(action),
                                  strength: hedged ? .moderate : .strong,
                                  missing: "a cosmetic may only claim to cleanse, beautify or change appearance",
                                  suggestion: cosmeticSuggestion(words(action)),
                                  standard: "FD&C Act 201(g)(1); EU 655/2013; CAP Code 12.1"))
        }

        // Establishment claims with no study named. ("Neuroscientists recommend this exact stack", "top
        // sports doctors recommend it": professionals, a verb of recommending and the product.)
        if let e = a.hits.first(.establishment) ?? professionalEndorsement(a, block: block), !supported, !refuted, !negatedBefore(e), !a.hypothetical,
           !describesTolerabilityTest(e, a, block: block) {
            out.append(diagnostic("claims.establishment", block: block, sentence: sentence, triggers: words(e), strength: .strong,
                                  missing: missing(),
                                  suggestion: "Name the study (who, when, how many people, what was measured) and link it, or drop the proof wording.",
                                  standard: "FTC Health Products Compliance Guidance 2022 (establishment claims)"))
        }

        // The general rule, when no special rule has spoken for this sentence.
        if out.isEmpty, !supported, !a.hits.has(.weakEvidence), !reportsDefiniteStudy(a, in: block) {
            // (In a chapter title, "Brain health, stem cells and healing" lists topics.)
            // The strongest claim (the first of equals, as `max(by:)` gives), in a plain loop: a `filter` closure over
            // `a` and `self` was specialised into copies of both (the analysis's arrays and the checker's tables
            // retained and released) on every judged sentence.
            var best: PredicateHit?
            var bestRank = 0
            if !refuted && a.mayAssert {
                for p in a.predicates where p.isClaim && !(p.tag == .efficacy && a.hits.has(.findingReport))
                    && !(a.chapterTitle && listedNounForm(p.range, in: block))
                    // (A regenerative service's name on a menu is no claim for the general rule either.)
                    && !(a.hits.has(.regenerative) && namesService(p.range, sentence: a.range, in: block, entities: a.hits.ranges(.regenerative, .intervention, .cosmetic))) {
                    let rank = strengthRank(p, a)
                    if best == nil || rank > bestRank { best = p; bestRank = rank }
                }
            }
            if let best {
                let strength: ClaimStrength = strengthRank(best, a) >= 2 ? .strong : .moderate
                var triggerRanges = [best.range]
                if let i = best.intervention, !i.isEmpty { triggerRanges.append(i) }
                if let c = best.condition { triggerRanges.append(c) }
                triggerRanges.sort { $0.lowerBound < $1.lowerBound }
                var triggers = triggerRanges.map(words).joined(separator: " ... ")
                let intensifiers = a.hits[.intensifier].map(words)
                if strength == .strong, let w = intensifiers.first, !triggers.lowercased().contains(w.lowercased()) { triggers += " (\(w))" }
                let intervention = best.intervention.flatMap { $0.isEmpty ? nil : words($0) } ?? "it"
                let condition = best.condition.map(words) ?? "this"
                out.append(diagnostic("claims.unsupported", block: block, sentence: sentence, triggers: triggers, strength: strength,
                                      missing: missing(),
                                      suggestion: "Cite the human evidence and match the wording to it, e.g. \"In a [year] trial of [number] adults, \(intervention.lowercased()) [result] for \(condition.lowercased()) [1]\", or hedge it (\"may help with \(condition.lowercased())\") and link the trial, review or health body; if there is no such evidence, remove the claim.",
                                      standard: "FTC Health Products Compliance Guidance 2022; CAP Code 12.1; EU 655/2013",
                                      extra: ["intervention": intervention, "condition": condition, "predicate": words(best.range)]))
            }
        }
        _ = t
        return out
    }

    /// "Symptoms of dehydration to watch for" over a list: the items are symptoms, what the heading or
    /// lead-in says they are (a promotional stop: symptoms, causes, who should not use it ...).
    /// `runStart`: `listRunStarts(judged)[k]`.
    func listUnderStopWording(_ judged: [JudgedSentence], _ k: Int, runStart j: Int) -> Bool {
        guard judged[k].block.kind.isListItem else { return false }
        guard j > 0, judged[j - 1].block.index == judged[j].block.index - 1 else { return false }
        return judged[j - 1].analysis.hits.has(.promotionalStop)
    }

    /// For each judged sentence, the first sentence of the run it ends: the sentences before it
    /// in list items of the same or consecutive blocks. One pass, so a long list stays linear.
    func listRunStarts(_ judged: [JudgedSentence]) -> [Int] {
        var starts = Array(judged.indices)
        for k in judged.indices where k > 0 {
            if judged[k - 1].block.kind.isListItem && judged[k - 1].block.index >= judged[k].block.index - 1 { starts[k] = starts[k - 1] }
        }
        return starts
    }

    /// "More and more oncologists are recommending frankincense", "Neuroscientists recommend this
    /// stack": a plural professional, at most two words ("are", "now"), a verb of recommending, then
    /// the product or "it" within three words. Not advice ("your GP may recommend"), not hedged.
    func professionalEndorsement(_ a: SentenceAnalysis, block: AnalyzedBlock) -> Range<Int>? {
        guard a.hits.has(.professional), a.hits.has(.endorsement), !a.isAdvice, a.strongHedges.isEmpty else { return nil }
        let t = block.tokens
        for p in a.hits[.professional] {
            // ("Every paediatric osteopath recommends one": a singular after "every" or "each" takes the -s verb.)
            let plural = block.text(of: t[p.upperBound - 1]).lowercased().hasSuffix("s")
                || (p.lowerBound > a.range.lowerBound && Self.distributiveDeterminers.contains(t[p.lowerBound - 1].key))
            // "Doctors in Peru recommend maca", "doctors around the world recommend ...": a place after the
            // professionals is part of the subject; so is a contact clause ("every osteopath I spoke to recommends one").
            let subjectEnd = endOfContactClause(after: endOfPlacePhrase(after: p.upperBound, a.range, block: block), a.range, block: block)
            for e in a.hits[.endorsement] where vocabulary.recommendVerbs.contains(t[e.lowerBound].key)
                || (e.count > 1 && vocabulary.recommendVerbs.contains(t[e.upperBound - 1].key)) {
                // ("Neurologist in Germany recommend it": hurried copy pairs a singular with the plural verb.)
                guard plural || Self.baseRecommendVerbs.contains(t[e.lowerBound].key) else { continue }
                guard e.lowerBound >= subjectEnd, e.lowerBound - subjectEnd <= 2,
                      (subjectEnd..<e.lowerBound).allSatisfy({ Self.endorsementFillers.contains(t[$0].key) }) else { continue }
                let products = a.hits[.intervention] + a.hits[.cosmetic] + a.hits[.regenerative] + a.hits[.pronoun]
                if products.contains(where: { $0.lowerBound >= e.upperBound && $0.lowerBound - e.upperBound <= 3 })
                    // ("recommends one to their clients": "one" of the product named before.)
                    || (a.context && e.upperBound < a.range.upperBound && t[e.upperBound].key == Self.oneKey)
                    || (e.upperBound < a.range.upperBound && t[e.upperBound].kind == .word && block.text(of: t[e.upperBound]).hasSuffix("ing")) {
                    return p.lowerBound..<e.upperBound
                }
            }
        }
        return nil
    }
    static let endorsementFillers = Set(["are", "now", "all", "also", "even", "actively", "increasingly", "routinely", "often",
                                         "always", "widely", "regularly"].map { WordKey($0) })
    static let baseRecommendVerbs = Set(["recommend", "prescribe", "endorse"].map { WordKey($0) })
    static let placePhraseOpeners = Set(["in", "around", "across", "from", "of", "all"].map { WordKey($0) })
    static let placePhraseWords = Set(["the", "world", "country", "globe", "over"].map { WordKey($0) })

    /// After "doctors": "in Peru", "around the world", "across Europe", "all over the world" (a preposition, then
    /// capitalised names or world words, at most four words); returns where the subject ends.
    func endOfPlacePhrase(after i: Int, _ r: Range<Int>, block: AnalyzedBlock) -> Int {
        let t = block.tokens
        guard i + 1 < r.upperBound, Self.placePhraseOpeners.contains(t[i].key) else { return i }
        var k = i + 1
        while k < r.upperBound && k - i <= 4 && t[k].kind == .word
            && ((t[k].isCapitalized && k != r.lowerBound) || Self.placePhraseWords.contains(t[k].key)) { k += 1 }
        // At least one place word after the preposition, and the place must be named (not "of the").
        guard k > i + 1, (i + 1..<k).contains(where: { t[$0].isCapitalized || t[$0].key == Self.worldKey }) else { return i }
        return k
    }
    static let worldKey = WordKey("world")
    static let oneKey = WordKey("one")
    /// Words that may stand between a subject and its verb ("it also heals", "it can repair").
    static let verbAdverbs = Set(["also", "can", "will", "actually", "really", "even", "gently", "visibly", "quickly", "then"].map { WordKey($0) })
    static let distributiveDeterminers = Set(["every", "each"].map { WordKey($0) })

    /// "every osteopath I spoke to recommends one", "the dermatologists we asked recommend it": a short relative
    /// clause of the writer's contact with the professionals (a first-person pronoun, a contact verb, an optional
    /// preposition) is part of the subject. Returns the index after it, or `i`.
    func endOfContactClause(after i: Int, _ r: Range<Int>, block: AnalyzedBlock) -> Int {
        let t = block.tokens
        guard i + 1 < r.upperBound, Self.contactPronouns.contains(t[i].key), vocabulary.contactVerbs.contains(t[i + 1].key) else { return i }
        var k = i + 2
        if k < r.upperBound, Self.contactParticles.contains(t[k].key) { k += 1 }
        return k
    }
    static let contactPronouns = Set(["i", "we"].map { WordKey($0) })
    static let contactParticles = Set(["to", "with"].map { WordKey($0) })

    /// "Dermatologically tested for irritation on 30 volunteers": test wording followed by how many people it was
    /// tested on says what test was run (a tolerability patch test), not that the product is proven to work.
    func describesTolerabilityTest(_ e: Range<Int>, _ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        // (The window stops one short of the sentence end, so a sentence that ends on "tested", as an
        // unpunctuated list item or heading does, has no window at all.)
        let windowEnd = min(e.upperBound + 8, a.range.upperBound - 1)
        guard t[e.upperBound - 1].key == Self.testedKey, e.upperBound < windowEnd else { return false }
        return (e.upperBound..<windowEnd).contains { i in
            t[i].kind == .number && vocabulary.researchPeople.contains(t[i + 1].key)
        }
    }
    static let testedKey = WordKey("tested")

    /// "a common, harmless skin condition", "Milia are harmless": the safety word describes a
    /// condition (the noun right after it, or the subject right before its copula), not a product.
    func describesCondition(_ s: Range<Int>, _ a: SentenceAnalysis, block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        // ("completely harmless to your body": a vague body word after a preposition is where, not a condition;
        // "a common, harmless skin condition" still describes one.)
        if a.conditions.contains(where: { $0.lowerBound >= s.upperBound && $0.lowerBound - s.upperBound <= 1
            && !(a.hits.contains(.looseExcluded, exactly: $0) && $0.lowerBound > s.upperBound && Self.safetyPrepositions.contains(t[s.upperBound].key)) }) { return true }
        guard s.lowerBound >= 2, Self.copulaKeys.contains(t[s.lowerBound - 1].key) else { return false }
        return a.conditions.contains { $0.upperBound == s.lowerBound - 1 }
            && !(a.hits[.intervention] + a.hits[.cosmetic]).contains { $0.upperBound <= s.lowerBound }
    }
    static let copulaKeys = Set(["is", "are", "was", "were"].map { WordKey($0) })
    static let safetyPrepositions = Set(["to", "for", "on"].map { WordKey($0) })

    /// "Renew+", "Repair™": an action word that is part of a product name.
    func isProductName(_ r: Range<Int>, in block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        guard r.upperBound < t.count else { return false }
        let next = t[r.upperBound]
        if next.start == t[r.upperBound - 1].end && ["+", "®", "™"].contains(block.text(of: next)) { return true }
        // "Power Repair Toner": a base-form action word inside a run of capitalised words is
        // part of a product name ("Repairs Damaged Skin" in a title-case heading is not).
        guard r.count == 1, r.lowerBound > 0, t[r.lowerBound].isCapitalized, !t[r.lowerBound].isAllCaps else { return false }
        let word = block.text(of: t[r.lowerBound]).lowercased()
        guard !word.hasSuffix("s"), !word.hasSuffix("ed"), !word.hasSuffix("ing") else { return false }
        let before = t[r.lowerBound - 1], after = next
        // ("my Midnight Repair serum": a product noun after the name may keep its lower case.)
        // ("Nerve Renew is a cooling foot cream": the name is the subject of a copula.)
        return before.kind == .word && before.isCapitalized && after.kind == .word
            && (after.isCapitalized || vocabulary.cosmeticProductNouns.contains(after.key) || Self.copulas.contains(after.key))
    }

    /// "The trial reported fewer colds in the garlic group", "This study found ...": a study the article has
    /// already named (a definite determiner, a study word, a verb of finding) reports its result; the
    /// guide does not flag what a named study found. ("Studies show ..." names none and stays a claim.)
    func reportsDefiniteStudy(_ a: SentenceAnalysis, in block: AnalyzedBlock) -> Bool {
        let t = block.tokens, r = a.range
        guard r.count > 3, Self.definiteDeterminers.contains(t[r.lowerBound].key) else { return false }
        guard let e = a.hits.first(.evidenceMarker, where: { $0.lowerBound > r.lowerBound && $0.lowerBound <= r.lowerBound + 2 }),
              e.upperBound < r.upperBound else { return false }
        return vocabulary.findingVerbs.contains(t[e.upperBound].key)
    }
    /// "the body wrongly treats a harmless substance as a threat": a one-word safety adjective after "a"/"an"
    /// and before a noun, with no copula before the article, describes that noun; "it is a harmless remedy"
    /// (a copula) still says the product is safe.
    func attributiveSafety(_ s: Range<Int>, in block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        guard s.count == 1, s.lowerBound >= 2, s.upperBound < t.count, t[s.upperBound].kind == .word,
              Self.articles.contains(t[s.lowerBound - 1].key) else { return false }
        // ("the most common side effect is a harmless but uncomfortable tingling": a safety adjective set against
        // another one describes the noun after both, whatever comes before the article.)
        if Self.contrastAdjectiveLinks.contains(t[s.upperBound].key), s.upperBound + 2 < t.count,
           t[s.upperBound + 1].kind == .word, t[s.upperBound + 2].kind == .word { return true }
        return !Self.copulas.contains(t[s.lowerBound - 2].key) && !Self.copulaContractions.contains(t[s.lowerBound - 2].key)
    }
    static let contrastAdjectiveLinks = Set(["but", "yet"].map { WordKey($0) })
    static let copulaContractions = Set(["it's", "it\u{2019}s", "that's", "they're", "was", "were", "be", "being", "seems", "feels"].map { WordKey($0) })
    static let definiteDeterminers = Set(["the", "this", "that", "their", "its", "our"].map { WordKey($0) })

    /// 2 strong, 1 moderate.
    func strengthRank(_ p: PredicateHit, _ a: SentenceAnalysis) -> Int {
        if p.hedged { return 1 }
        return p.tag == .curative || p.tag == .selfContained || a.intensified ? 2 : 1
    }

    func cosmeticSuggestion(_ action: String) -> String {
        // An ASCII action (nearly all) is lowered and searched as bytes: for ASCII text and these ASCII needles the same
        // answers as `lowercased()` and Foundation's `contains`, which were fifteen Foundation searches per finding (perf19).
        let ascii = action.utf8.allSatisfy { $0 < 0x80 }
        let bytes: [UInt8] = ascii ? action.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : []
        let lower = ascii ? "" : action.lowercased()
        func has(_ needle: StaticString) -> Bool {
            guard ascii else { return lower.contains(String(describing: needle)) }
            let n = needle.utf8CodeUnitCount, p = needle.utf8Start
            var i = 0
            while i + n <= bytes.count {
                var k = 0
                while k < n && bytes[i + k] == p[k] { k += 1 }
                if k == n { return true }
                i += 1
            }
            return false
        }
        if has("collagen") || has("elastin") || has("stimulat") || has("rebuild") {
            return "Use appearance wording: \"helps skin look firmer and plumper\"."
        }
        if has("acne") || has("heal") || has("treat") || has("cure") || has("clear") || has("inflammation") || has("bacteria") {
            return "Use appearance wording (\"helps reduce the look of blemishes and redness\"), or sell it as a licensed or OTC medicine."
        }
        if has("wrinkle") || has("erase") {
            return "Use appearance wording: \"reduces the appearance of fine lines and wrinkles\"."
        }
        if has("regrow") || has("restore") {
            return "Use appearance wording: \"makes hair look thicker and fuller\"."
        }
        return "Use appearance wording: \"helps skin look smoother, fresher and more even\"."
    }

    func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    func diagnostic(_ rule: String, block: AnalyzedBlock, sentence: Sentence, triggers: String, strength: ClaimStrength,
                    missing: String, suggestion: String, standard: String, extra: [String: String] = [:]) -> Diagnostic {
        let d = descriptions[rule]!
        var details = extra
        details["triggers"] = triggers
        details["missing"] = missing
        details["standard"] = standard
        details["strength"] = strength.rawValue
        return Diagnostic(rule: rule, location: .text(block: block.index, range: sentence.range),
                          message: d.render(["triggers": triggers, "strength": strength.rawValue, "missing": missing]),
                          strength: strength, suggestion: suggestion, details: details)
    }

    // MARK: Audit

    func auditDiagnostic(_ a: SentenceAnalysis, sentence: Sentence, index: Int, block: AnalyzedBlock, support: BlockSupport,
                         findings: [Diagnostic]) -> Diagnostic {
        func words(_ r: Range<Int>) -> String { block.text(block.utf8Range(ofTokens: r)) }
        let strength: String
        switch a.level {
        case .direct: strength = a.predicates.contains { $0.tag == .curative } || a.intensified ? "strong" : "moderate"
        case .conditional: strength = "moderate"
        case .correlational, .none: strength = "none"
        }
        let alternatives = a.hits[.alternative].map(words)
        var details: [String: String] = [
            "level": a.level.rawValue,
            "strength": strength,
            "hedged": a.speculative ? "yes" : "no",
            "hedge_cues": a.allHedges.map(words).joined(separator: "|"),
            "strong_hedge_cues": a.strongHedges.map(words).joined(separator: "|"),
            "frames": a.hits[.frame].map(words).joined(separator: "|"),
            "alternative_cues": alternatives.joined(separator: "|"),
            "claim": a.hasClaim ? "yes" : "no",
            "supported": support.inSentence(index, range: sentence.range) ? "sentence" : (support.any ? "paragraph" : "no"),
            "rules": findings.map(\.rule).joined(separator: "|"),
            "predicates": a.predicates.map { "\(words($0.range))/\($0.tag)\($0.negated ? "/neg" : "")\($0.hedged ? "/hedged" : "")" }.joined(separator: "|"),
        ]
        if a.isQuestion { details["question"] = "yes" }
        // The health-statement layer (a recall probe): a claim level, or a finding, hedge or
        // quantity reported about a condition or an intervention.
        let t = block.tokens
        let entity = a.hits.has(.condition) || a.hits.has(.intervention) || a.hits.has(.cosmetic) || a.hits.has(.regenerative)
        let quantity = a.range.contains { i in
            t[i].kind == .number || ["%", "percent", "per"].contains(block.text(of: t[i]).lowercased())
        }
        let reported = a.hits.has(.finding) || a.hits.has(.attribution) || a.hits.has(.evidenceMarker) || !a.allHedges.isEmpty
        details["statement"] = !a.isQuestion && (a.level != .none || !findings.isEmpty || (entity && (reported || quantity))) ? "yes" : "no"
        let analysis = ["level", "strength", "hedged", "claim", "supported", "rules"].map { "\($0)=\(details[$0]!)" }.joined(separator: " ")
        details["analysis"] = analysis
        return Diagnostic(rule: "claims.audit", location: .text(block: block.index, range: sentence.range),
                          message: descriptions["claims.audit"]!.render(["analysis": analysis]),
                          strength: strength == "none" ? nil : ClaimStrength(rawValue: strength), details: details)
    }
}

import ClaimlintCore

/// The reference list of a document, if it has one: the blocks of its references and
/// further-reading sections (`DocumentSections`), and the labels they can be cited by.
struct ReferenceIndex {
    /// Blocks that are not linted as prose: section headings, entries, and labelled source lines
    /// that read as a reference.
    var blocks = Set<Int>()
    var labels = Set<Int>()
    var count = 0
    var exists: Bool { count > 0 }

    init(_ document: AnalyzedDocument, sections: DocumentSections) {
        for b in document.blocks {
            guard let section = sections.section(of: b.index), section.kind.holdsSources else { continue }
            switch section.role {
            case .heading:
                blocks.insert(b.index)
                continue
            case .labelledLine:
                // "Source: Smith J, et al. Mouthrinses for bad breath. Cochrane Database, 2019.": a single
                // entry under its own label ends a news report; it is a reference, not prose to lint.
                // "Sources: our own survey" is a line of prose: it is linted.
                if Self.readsAsReference(b) { blocks.insert(b.index) }
                continue
            case .entry, .headedEntries:
                break
            }
            blocks.insert(b.index)
            // A sub-heading inside the list ("Journal articles") labels no entry.
            guard !b.kind.isHeading else { continue }
            count += 1
            if case .listItem(true, let index, _) = b.kind { labels.insert(index) }
            if let label = SectionFinder.leadingLabel(b) { labels.insert(label) }
            // A plain-text list often keeps its entries on consecutive lines, one block for all
            // ("[1] NICE ...\n[2] NHS ..."): every bracketed number in a reference list labels an entry.
            let entryLabels = Self.bracketLabels(b)
            labels.formUnion(entryLabels)
            if entryLabels.count > 1 { count += entryLabels.count - 1 }
        }
    }

    /// After its label, a labelled line reads as a reference entry: "et al" or a DOI or PubMed id
    /// with a year, or a link with a year.
    static func readsAsReference(_ b: AnalyzedBlock) -> Bool {
        var etAl = false, year = false
        for tok in b.tokens {
            if tok.kind == .word && citationWords.contains(tok.key) { etAl = true }
            if tok.kind == .number, SectionFinder.isYear(b, tok) { year = true }
        }
        return (etAl && year) || !b.block.links.isEmpty && year
    }

    static let citationWords: Set<WordKey> = Set(["al", "doi", "pmid"].map { WordKey($0) })

    /// Every "[n]" of a block: in a reference list each one labels an entry.
    static func bracketLabels(_ b: AnalyzedBlock) -> [Int] {
        let t = b.tokens
        guard t.count >= 3 else { return [] }
        return (0..<(t.count - 2)).compactMap { k in SectionFinder.entryLabel(b, at: k) }
    }

    func resolves(_ label: Int) -> Bool { labels.contains(label) || (labels.isEmpty && label >= 1 && label <= count) }

    /// A lettered marker counts only when an entry carries that letter.
    func resolvesLetter(_ label: Int) -> Bool { labels.contains(label) }
    /// Whether some entry is labelled by a letter ("[a] NHS ..."), so lettered markers are citations.
    var hasLetterLabels: Bool { labels.contains { $0 >= SectionFinder.letterLabelBase } }
}

/// What supports the claims of one block (a paragraph, list item or heading).
struct BlockSupport {
    /// Citation markers (markup, resolved "[n]", author-year, superscripts), by UTF-8 range.
    var citations: [Range<Int>] = []
    /// "[n]" markers that no reference list entry resolves.
    var unresolved: [String] = []
    var sourceLinks: [Range<Int>] = []
    var otherLinks: [Range<Int>] = []
    /// Sentences (by index in the block) that name a study, journal or authority.
    var attributedSentences = Set<Int>()
    /// Sentences in the wording of an EU-authorised nutrient claim: supported, but only themselves.
    var authorisedSentences = Set<Int>()
    /// Sentences whose evidence is animal, lab or testimonial.
    var weakEvidenceSentences = Set<Int>()

    var any: Bool { !citations.isEmpty || !sourceLinks.isEmpty || !attributedSentences.isEmpty }

    /// The support one unit holds itself (sentence index `index`, UTF-8 `range`), as if it were its own paragraph.
    func only(_ index: Int, range: Range<Int>) -> BlockSupport {
        var s = self
        s.citations = citations.filter { $0.overlaps(range) }
        s.sourceLinks = sourceLinks.filter { $0.overlaps(range) }
        s.otherLinks = otherLinks.filter { $0.overlaps(range) }
        s.attributedSentences = attributedSentences.contains(index) ? [index] : []
        s.authorisedSentences = authorisedSentences.contains(index) ? [index] : []
        s.weakEvidenceSentences = weakEvidenceSentences.contains(index) ? [index] : []
        return s
    }

    /// Support inside one sentence's range.
    func inSentence(_ index: Int, range: Range<Int>) -> Bool {
        attributedSentences.contains(index) || authorisedSentences.contains(index) || citations.contains { $0.overlaps(range) } || sourceLinks.contains { $0.overlaps(range) }
    }
}

extension ClaimsChecker {
    /// A `<cite>` under a quotation that names no work: no year, no health body or journal, no study word
    /// ("Client, 52, Chelsea", "Anita R., Harrow"). It signs a testimonial; it cites nothing.
    func signsQuote(_ range: Range<Int>, block: AnalyzedBlock, sentences: [Sentence], hits: [TagHits]) -> Bool {
        let t = block.tokens
        let inside = t.indices.filter { range.contains(Int(t[$0].start)) }
        guard let lo = inside.first, let hi = inside.last else { return true }
        if inside.contains(where: { t[$0].kind == .number && (Int(block.text(of: t[$0]).prefix(4)).map { (1900...2099).contains($0) } ?? false) }) { return false }
        for (s, h) in zip(sentences, hits) where s.tokens.overlaps(lo..<hi + 1) {
            if h.any(.authority, overlapping: lo..<hi + 1) || h.any(.evidenceMarker, overlapping: lo..<hi + 1) { return false }
        }
        return true
    }

    /// `hits`: each sentence's `SentenceAnalyzer.hits(_:)` (support needs no more of the analysis).
    /// `sentences`: the block's sentences, one per entry of `hits`.
    func support(of block: AnalyzedBlock, sentences: [Sentence], hits: [TagHits], references: ReferenceIndex) -> BlockSupport {
        var s = BlockSupport()
        for c in block.block.citations {
            // ("I look ten years younger." <cite>Client, 52, Chelsea</cite>: the quote's speaker, not a source.)
            if c.kind == .cite, block.kind == .blockquote || block.block.quoted, signsQuote(c.range, block: block, sentences: sentences, hits: hits) { continue }
            if c.kind == .bracket, let n = Int(c.label), !references.resolves(n) {
                s.unresolved.append("[\(c.label)]")
            } else {
                s.citations.append(c.range)
            }
        }
        for link in block.block.links {
            if vocabulary.isSourceLink(link.href) { s.sourceLinks.append(link.range) } else { s.otherLinks.append(link.range) }
        }
        scanCitationPatterns(block, references: references, into: &s)
        for (i, h) in hits.enumerated() where !h.isEmpty {
            // EU-authorised nutrient claim wording (Reg. 432/2012) carries its own substantiation.
            if isAttributed(h, range: sentences[i].tokens, in: block) { s.attributedSentences.insert(i) }
            if h.has(.authorisedWording) { s.authorisedSentences.insert(i) }
            if h.has(.weakEvidence) || h.has(.testimonial) { s.weakEvidenceSentences.insert(i) }
        }
        return s
    }

    /// Citation markers written as text: "[3]", "[2, 5-7]", "(Smith et al., 2020)",
    /// "(NHS, 2023)", and superscript digits after a word ("colds²").
    func scanCitationPatterns(_ block: AnalyzedBlock, references: ReferenceIndex, into s: inout BlockSupport) {
        let t = block.tokens
        var i = 0
        let bytes = block.utf8
        while i < t.count {
            let first = bytes[Int(t[i].start)]
            let single = t[i].length == 1 && t[i].kind != .word && t[i].kind != .number
            if single && first == 0x5B {  // "["
                var j = i + 1
                var numbers: [Int] = []
                var ok = true
                while j < t.count && block.text(of: t[j]) != "]" && j - i < 12 {
                    if t[j].kind == .number, let n = Int(block.text(of: t[j])) { numbers.append(n) } else if ![",", "-", "–", ";"].contains(block.text(of: t[j])) { ok = false }
                    j += 1
                }
                // "[a]", "[b, c]": lettered notes cite only when the page's list has those letters;
                // otherwise the bracket is ordinary prose ("[sic]", a footnote of a table).
                if !ok && j < t.count && references.exists && j - i >= 2 {
                    let letters = ((i + 1)..<j).filter { block.text(of: t[$0]) != "," }
                    let labels = letters.compactMap { SectionFinder.label(block.text(of: t[$0]), kind: t[$0].kind) }
                    if labels.count == letters.count && labels.allSatisfy({ $0 >= SectionFinder.letterLabelBase && references.resolvesLetter($0) }) {
                        s.citations.append(Int(t[i].start)..<Int(t[j].end))
                        i = j + 1
                        continue
                    }
                    // Lettered notes on a page whose list is lettered too, one of them missing: a broken
                    // citation, like an unresolved "[7]" (not prose: "[sic]" is no letter label).
                    if labels.count == letters.count && labels.allSatisfy({ $0 >= SectionFinder.letterLabelBase }) && references.hasLetterLabels {
                        s.unresolved.append(block.text(Int(t[i].start)..<Int(t[j].end)))
                        i = j + 1
                        continue
                    }
                }
                if ok && j < t.count && !numbers.isEmpty {
                    let range = Int(t[i].start)..<Int(t[j].end)
                    if references.exists && numbers.allSatisfy(references.resolves) {
                        s.citations.append(range)
                    } else {
                        // A marker no reference entry resolves (or on a page with no reference list)
                        // supports nothing; the finding names it as the citation to fix.
                        s.unresolved.append(block.text(range))
                    }
                    i = j + 1
                    continue
                }
            } else if single && first == 0x28 {  // "("
                var j = i + 1
                var year = false, name = false, etAl = false
                while j < t.count && block.text(of: t[j]) != ")" && j - i < 20 {
                    let w = block.text(of: t[j])
                    if t[j].kind == .number, let n = Int(w.prefix(4)), (1900...2099).contains(n) { year = true }
                    if t[j].kind == .word && (t[j].isCapitalized || t[j].isAllCaps) { name = true }
                    if w.lowercased() == "al." || w.lowercased() == "al" { etAl = true }
                    j += 1
                }
                if j < t.count && (etAl || (year && name)) {
                    s.citations.append(Int(t[i].start)..<Int(t[j].end))
                    i = j + 1
                    continue
                }
            } else if t[i].kind == .symbol, i > 0, t[i].start == t[i - 1].end, Self.footnoteMarks.contains(block.text(of: t[i])) {
                // "... after 4 weeks.†": a dagger set against the text points to a footnote, as a superscript does.
                s.citations.append(t[i].range)
            } else if t[i].kind == .word, bytes[Int(t[i].end) - 1] >= 0x80,
                      let last = block.text(of: t[i]).unicodeScalars.last, Self.isSuperscriptDigit(last) {
                s.citations.append(t[i].range)
            } else if t[i].kind != .word, bytes[Int(t[i].start)] >= 0x80, i > 0,
                      t[i].start == t[i - 1].end || s.citations.last?.upperBound == Int(t[i - 1].end),
                      block.text(of: t[i]).unicodeScalars.allSatisfy(Self.isSuperscriptDigit) {
                // "... cause sensitivity.¹ ²": superscript digits standing after the full stop (or after another one)
                // are footnote markers, as they are when set against a word.
                s.citations.append(t[i].range)
            }
            i += 1
        }
    }

    static let footnoteMarks: Set<String> = ["†", "‡", "§"]
    static let publishedKey = WordKey("published")
    static let weKey = WordKey("we")
    static let plainCapitals = Set(["i", "a", "the"].map { WordKey($0) })

    static func isSuperscriptDigit(_ s: Unicode.Scalar) -> Bool {
        s == "\u{00B9}" || s == "\u{00B2}" || s == "\u{00B3}" || (0x2070...0x2079).contains(s.value)
    }

    /// A sentence that names its source: a health body or journal, "according to" a named
    /// source, or a study described specifically enough to find ("a 2021 trial of 300 adults").
    func isAttributed(_ hits: TagHits, range: Range<Int>, in block: AnalyzedBlock) -> Bool {
        let t = block.tokens
        let first = range.lowerBound
        let fda = hits[.fda]
        // "they just don't talk about it on the NHS", "there is no NHS guidance on this": a body named
        // in a negated clause is not the source of the sentence.
        let negations = hits[.negation]
        func negatedClause(_ h: Range<Int>) -> Bool {
            negations.contains { n in
                n.upperBound <= h.lowerBound && h.lowerBound - n.upperBound <= 6
                    && !(n.upperBound..<h.lowerBound).contains { Self.scopeBreaks.contains(t[$0].key) }
            }
        }
        // ("Regrow Your Glands With Stem Cell Therapy": "Cell" inside a therapy's name is no journal.)
        // ("Renew+ Stem Cell Night Cream" keeps the old reading: only a therapy, treatment or injection counts.)
        let therapies = hits[.regenerative].filter { h in
            vocabulary.therapyWords.contains(t[h.upperBound - 1].key)
                || (h.upperBound < range.upperBound && vocabulary.therapyWords.contains(t[h.upperBound].key))
        }
        for h in hits[.authority] where !fda.contains(where: { $0.overlaps(h) }) && !negatedClause(h) && !therapies.contains(where: { $0.overlaps(h) }) {
            // ("Placenta Stem Cell Serum", "Nature Balm": a journal's name right before a product noun names the product.)
            if h.upperBound < range.upperBound && vocabulary.productNameNouns.contains(t[h.upperBound].key) { continue }
            // Names are capitalised (or all caps); "nature" or "cell" in lower case is a word.
            if h.contains(where: { t[$0].isAllCaps || (t[$0].isCapitalized && $0 != first) }) { return true }
            if h.count > 1 && h.contains(where: { t[$0].isCapitalized }) { return true }
        }
        for h in hits[.attribution] where block.text(of: t[h.lowerBound]).lowercased() == "according" {
            // "according to Kyle's clinical experience": someone's experience or opinion is a say-so, not a source.
            if (h.upperBound..<min(h.upperBound + 5, range.upperBound)).contains(where: { vocabulary.sayOnlyNouns.contains(t[$0].key) }) { continue }
            // "According to Lena, it is completely safe": a bare first name is a person's say-so, not a source.
            // (Also when the name ends the sentence: "..., according to Jay".)
            if h.upperBound < range.upperBound, t[h.upperBound].isCapitalized, !t[h.upperBound].isAllCaps,
               h.upperBound + 1 == range.upperBound || [",", ".", "!", "?", ";"].contains(block.text(of: t[h.upperBound + 1])) { continue }
            if h.upperBound < range.upperBound && (t[h.upperBound].isCapitalized || t[h.upperBound].isAllCaps
                || (h.upperBound + 1 < range.upperBound && (t[h.upperBound + 1].isCapitalized || t[h.upperBound + 1].isAllCaps))) { return true }
        }
        // "We asked 112 people aged 13 to 19 to use Daily Balance ...", "We asked 64 adult volunteers, who ...":
        // the writer's own consumer test, with how many people took part, reports what it found.
        if range.count > 4, t[first].key == Self.weKey, vocabulary.consumerTestVerbs.contains(t[first + 1].key),
           let n = (first + 2..<min(first + 4, range.upperBound)).first(where: { t[$0].kind == .number }),
           (n + 1..<min(n + 3, range.upperBound)).contains(where: { vocabulary.researchPeople.contains(t[$0].key) }) { return true }
        // ("it is proven by clinical study", "backed by research": a study word inside proof wording is the
        // establishment claim itself, not a source; it needs another study word to count.)
        let establishment = hits[.establishment]
        let markers = hits[.evidenceMarker].filter { m in
            !establishment.contains { $0.overlaps(m) || ($0.upperBound <= m.lowerBound && m.lowerBound - $0.upperBound <= 2) }
        }
        guard !markers.isEmpty, hits.has(.finding) || hits.has(.attribution) else { return false }
        // Specific enough to look up: a year, "published", a number of people, or a proper name.
        // (The key and the set read once, not per token: each read of a lazily made `static let` is a `swift_once` call.)
        let publishedKey = Self.publishedKey, plainCapitals = Self.plainCapitals
        for i in range {
            let tok = t[i]
            if tok.kind == .number, let n = Int(block.text(of: tok).prefix(4)), (1950...2099).contains(n) { return true }
            if tok.key == publishedKey { return true }
            if tok.kind == .number, i + 1 < range.upperBound, vocabulary.researchPeople.contains(t[i + 1].key) { return true }
            // (A condition's acronym, "PMS" or "IBS", names no source.)
            if i != first && tok.kind == .word && tok.isCapitalized && !plainCapitals.contains(tok.key) && !hits.any(.intervention, overlapping: i..<(i + 1))
                && !hits.any(.condition, overlapping: i..<(i + 1)) && !hits.any(.bodyFunction, overlapping: i..<(i + 1)) { return true }
        }
        return false
    }
}

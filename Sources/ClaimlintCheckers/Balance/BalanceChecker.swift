import ClaimlintCore

/// Document-level balance checks on health pages (DISCERN, HealthNewsReview, HONcode): risks
/// beside benefits, a date, an author, sources, absolute numbers beside relative risks.
/// They run only on pages that need a disclaimer, so other pages draw no finding.
public struct BalanceChecker: Checker {
    public static let ruleIDs = ["balance.no-risks", "balance.no-date", "balance.no-author", "balance.no-sources", "balance.relative-risk"]

    /// The same page analysis as `DisclaimerChecker`, shared through the document's memo.
    let page: HealthPageAnalyzer
    let riskTerms: PhraseTrie<Bool>
    let dateLeads: PhraseTrie<Bool>
    let months: Set<WordKey>
    let bylineLeads: PhraseTrie<Bool>
    let bylineLabels: PhraseTrie<Bool>
    /// The page's sections: a references or further-reading section with an entry, or a
    /// "Sources: ..." line, is a sources section.
    let sections: SectionFinder
    let citationWords: PhraseTrie<Bool>
    /// Tokenized like text ("nhs.uk" is "nhs", ".", "uk") and matched over a link's tokens, so
    /// "nature.com" is found in "www.nature.com/articles" but not in "signature.com".
    let evidenceDomains: PhraseTrie<Bool>
    let riskChange: PhraseTrie<Bool>
    let riskMultipliers: PhraseTrie<Bool>
    let relativeRisk: PhraseTrie<Bool>
    let absoluteRisk: PhraseTrie<Bool>
    let descriptions: [String: RuleDescription]

    public init(rules: RuleSet, settings: CheckerSettings) throws {
        page = try HealthPageAnalyzer(rules: rules)
        func set(_ name: String) throws -> PhraseTrie<Bool> { PhraseTrie(phrases: try rules.lexicon(name)) { _ in true } }
        riskTerms = try set("balance.risk-terms")
        dateLeads = try set("balance.date-leads")
        months = Set(try rules.lexicon("balance.months").map { WordKey($0) })
        bylineLeads = try set("balance.byline-leads")
        bylineLabels = try set("balance.byline-labels")
        sections = try SectionFinder(rules: rules)
        citationWords = try set("balance.citation-words")
        evidenceDomains = try set("balance.evidence-domains")
        riskChange = try set("balance.risk-change")
        riskMultipliers = try set("balance.risk-multipliers")
        relativeRisk = try set("balance.relative-risk")
        absoluteRisk = try set("balance.absolute-risk")
        var d: [String: RuleDescription] = [:]
        for id in Self.ruleIDs { d[id] = try rules.require(id) }
        descriptions = d
    }

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        if Self.ruleIDs.allSatisfy(context.disabledRules.contains) { return [] }
        let profile = page.analysis(of: document).profile
        guard profile.needsDisclaimer else { return [] }
        let off = context.disabledRules
        var out: [Diagnostic] = []
        func message(_ id: String, _ values: [String: String] = [:]) -> String { descriptions[id]!.render(values) }

        let benefit = profile.benefitHits.first
        if !off.contains("balance.no-risks"), let benefit, !mentionsRisks(document) {
            out.append(Diagnostic(rule: "balance.no-risks", location: .document, message: message("balance.no-risks", ["benefit": "'\(benefit.phrase)'"]),
                                  suggestion: "Say what the side effects, risks or limits are, and who should not use it.",
                                  details: ["benefit": benefit.phrase]))
        }
        if !off.contains("balance.no-date"), !hasDate(document) {
            out.append(Diagnostic(rule: "balance.no-date", location: .document, message: message("balance.no-date"),
                                  suggestion: "Show when the page was published and last reviewed."))
        }
        if !off.contains("balance.no-author"), !hasAuthor(document) {
            out.append(Diagnostic(rule: "balance.no-author", location: .document, message: message("balance.no-author"),
                                  suggestion: "Name the author and, for medical advice, the qualified reviewer."))
        }
        // Any actionable health information needs its sources, not only benefit claims: a dose, a
        // procedure or a supplement regimen is a claim about what is safe and works (HONcode 4,
        // DISCERN Q4). Named by the benefit claim when there is one, else the strongest trigger.
        if !off.contains("balance.no-sources"), let claim = benefit ?? profile.strongest(limit: 1).first, !hasSources(document) {
            out.append(Diagnostic(rule: "balance.no-sources", location: .document, message: message("balance.no-sources", ["claim": "'\(claim.phrase)'"]),
                                  suggestion: "Cite the studies or guidance behind the claims and list them under References.",
                                  details: ["claim": claim.phrase]))
        }
        if !off.contains("balance.relative-risk"), let (block, range) = firstRelativeRisk(document), !hasAbsoluteRisk(document) {
            let phrase = document.blocks[block].text(range)
            out.append(Diagnostic(rule: "balance.relative-risk", location: .text(block: block, range: range),
                                  message: message("balance.relative-risk", ["phrase": DisclaimerChecker.clip(phrase)]),
                                  suggestion: "Give the absolute numbers: how many in 100 (or 1,000) with and without it."))
        }
        return out
    }

    // MARK: Signals

    func mentionsRisks(_ document: AnalyzedDocument) -> Bool {
        document.blocks.contains { $0.inScope && riskTerms.occurs(in: $0.tokens, range: 0..<$0.tokens.count) }
    }

    func hasDate(_ document: AnalyzedDocument) -> Bool {
        let meta = document.document.metadata
        if meta.datePublished != nil || meta.dateModified != nil { return true }
        for block in document.blocks {
            let tokens = block.tokens
            // A short dateline ("By Priya Natarajan, 12 January 2025"): a month and a year.
            if tokens.count <= 16, tokens.contains(where: { $0.kind == .word && months.contains($0.key) }),
               tokens.contains(where: { $0.kind == .number && isDatePart(block, $0) }) {
                return true
            }
            for lead in dateLeads.scan(tokens, in: 0..<tokens.count) {
                let end = min(tokens.count, lead.tokens.upperBound + 7)
                for t in lead.tokens.upperBound..<end where isDatePart(block, tokens[t]) { return true }
            }
        }
        return false
    }

    /// A month name, a year (1900-2099) or an ISO date ("2024-03-01").
    func isDatePart(_ block: AnalyzedBlock, _ token: Token) -> Bool {
        if token.kind == .word { return months.contains(token.key) }
        guard token.kind == .number else { return false }
        let digits = block.text(of: token).prefix { $0.isNumber }
        guard digits.count == 4, let year = Int(digits) else { return false }
        return (1900...2099).contains(year)
    }

    func hasAuthor(_ document: AnalyzedDocument) -> Bool {
        let meta = document.document.metadata
        if !meta.authors.isEmpty || !meta.reviewers.isEmpty { return true }
        for block in document.blocks {
            let tokens = block.tokens
            // "By Jane Doe", "Author: Jo Bell" opening a short block: a label, then a capitalised name.
            if tokens.count <= 30, let label = bylineLabels.longestMatch(startingAt: 0, in: tokens) {
                var t = label.end
                while t < tokens.count && tokens[t].kind == .punctuation { t += 1 }
                if t < tokens.count && tokens[t].kind == .word && tokens[t].isCapitalized { return true }
            }
            for lead in bylineLeads.scan(tokens, in: 0..<tokens.count) {
                var t = lead.tokens.upperBound
                while t < tokens.count && tokens[t].kind == .punctuation { t += 1 }
                if t < tokens.count && tokens[t].kind == .word { return true }
            }
        }
        return false
    }

    func hasSources(_ document: AnalyzedDocument) -> Bool {
        if sections.sections(of: document).hasSources { return true }
        let open = WordKey("["), close = WordKey("]")
        for block in document.blocks {
            if !block.block.citations.isEmpty { return true }
            // A plain loop: passing the method itself (`contains(where: linksToEvidence)`) copied
            // the whole checker, every trie retained and released, for each block.
            for link in block.block.links where linksToEvidence(link) { return true }
            let tokens = block.tokens
            guard !tokens.isEmpty else { continue }
            if citationWords.occurs(in: tokens, range: 0..<tokens.count) { return true }
            // "[3]" or "[1, 2]" in the text.
            for i in 0..<tokens.count where tokens[i].key == open {
                var j = i + 1
                var sawNumber = false
                while j < tokens.count && (tokens[j].kind == .number || tokens[j].kind == .punctuation) {
                    if tokens[j].kind == .number { sawNumber = true }
                    j += 1
                }
                if sawNumber && j < tokens.count && tokens[j].key == close { return true }
            }
        }
        return false
    }

    /// A link to an evidence site (`balance.evidence-domains`): the address is tokenized and
    /// matched with the trie, word by word (no string search).
    func linksToEvidence(_ link: InlineLink) -> Bool {
        var href = link.href
        let tokens = href.withUTF8 { Segmenter.tokenize($0) }
        return evidenceDomains.occurs(in: tokens, range: 0..<tokens.count)
    }

    /// The first relative change in risk in the linted text: a standalone phrase ("twice as
    /// likely") or a risk change with a percentage or multiple in the same sentence.
    func firstRelativeRisk(_ document: AnalyzedDocument) -> (block: Int, range: Range<Int>)? {
        for block in document.blocks where block.inScope {
            for sentence in block.sentences {
                if let m = relativeRisk.firstMatch(in: block.tokens, range: sentence.tokens) {
                    return (block.index, block.utf8Range(ofTokens: m.tokens))
                }
                if riskChange.occurs(in: block.tokens, range: sentence.tokens),
                   riskMultipliers.occurs(in: block.tokens, range: sentence.tokens) {
                    return (block.index, sentence.range)
                }
            }
        }
        return nil
    }

    /// Absolute numbers anywhere in the page: "4 in 100", "per 1,000", "absolute risk", "from 10% to 5%".
    func hasAbsoluteRisk(_ document: AnalyzedDocument) -> Bool {
        let inWord = WordKey("in"), outWord = WordKey("out"), ofWord = WordKey("of"), perWord = WordKey("per")
        for block in document.blocks where block.inScope {
            let tokens = block.tokens
            if absoluteRisk.occurs(in: tokens, range: 0..<tokens.count) { return true }
            for i in 0..<tokens.count {
                if tokens[i].key == perWord, i + 1 < tokens.count, tokens[i + 1].kind == .number { return true }
                guard tokens[i].kind == .number, i + 2 < tokens.count else { continue }
                if tokens[i + 1].key == inWord && tokens[i + 2].kind == .number { return true }
                if tokens[i + 1].key == outWord, i + 3 < tokens.count, tokens[i + 2].key == ofWord, tokens[i + 3].kind == .number { return true }
            }
        }
        return false
    }
}

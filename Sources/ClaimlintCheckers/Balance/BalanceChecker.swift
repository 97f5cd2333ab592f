import ClaimlintCore

/// Document-level balance checks on health pages (DISCERN, HealthNewsReview, HONcode): risks
/// beside benefits, a date, an author, sources, absolute numbers beside relative risks.
/// They run only on pages that need a disclaimer, so other pages draw no finding.
public struct BalanceChecker: Checker {
    public static let ruleIDs = ["balance.no-risks", "balance.no-date", "balance.no-author", "balance.no-sources", "balance.relative-risk"]

    /// The same page analysis as `DisclaimerChecker`, shared through the document's memo.
    let page: HealthPageAnalyzer
    /// Risk wording that names a harm, a warning or a limit on its own ("side effects",
    /// "interactions", "stop using it if", "do not exceed").
    let riskTerms: PhraseTrie<Bool>
    /// Harms that are also what health pages treat ("redness", "nausea", "dryness"): risk wording
    /// only after a harm lead in the same sentence ("can leave some redness", "may upset").
    let harmEffects: PhraseTrie<Bool>
    let harmLeads: PhraseTrie<Bool>
    /// Aftercare wording after a harm effect: "redness for a few hours is normal".
    let harmTails: PhraseTrie<Bool>
    /// Words that turn a harm lead into a benefit ("can ease dryness"): between lead and effect.
    let reliefVerbs: PhraseTrie<Bool>
    /// Contraindications by composition: a caution cue ("skip", "avoid", "talk to your GP") and a
    /// who-or-when cue ("if you are pregnant", "if you take", "people with") in one sentence.
    let cautionCues: PhraseTrie<Bool>
    let whoCues: PhraseTrie<Bool>
    /// Claims of safety that contain risk words: "no side effects", "risk-free", "not harmful".
    let safetyClaims: PhraseTrie<Bool>
    /// A harm sold as a sign that it works: "that means it's working".
    let harmReframes: PhraseTrie<Bool>
    /// Questions to other readers: "did you", "has anyone".
    let askingQuestions: PhraseTrie<Bool>
    let dateLeads: PhraseTrie<Bool>
    let months: Set<WordKey>
    let bylineLeads: PhraseTrie<Bool>
    let bylineLabels: PhraseTrie<Bool>
    /// Role labels that open a credit line before a full name: "Practitioner: Aisling Moran".
    let bylineRoles: PhraseTrie<Bool>
    /// What may follow "written by" besides a name: "the", "our", "a" ("written by our clinic team").
    let bylineDeterminers: Set<WordKey>
    /// Separators before a byline inside a masthead line: "Issue 112 | by Amara Osei".
    let bylineSeparators: Set<WordKey>
    /// Sign-offs: "Love, Jess x"; a sign-off line ending with a comma does not open with a greeting.
    let signOffWords: PhraseTrie<Bool>
    let greetings: Set<WordKey>
    let weekdays: Set<WordKey>
    let seasons: Set<WordKey>
    /// "Sources:", "Reference:" opening a line or a sentence; "guideline", "guidance" after a body's
    /// name; words that make a bracket no citation ("(Est. 2015)").
    let sourceLabels: PhraseTrie<Bool>
    let guidelineWords: Set<WordKey>
    let bracketNonSources: Set<WordKey>
    /// The page's sections: a references or further-reading section with an entry, or a
    /// "Sources: ..." line, is a sources section.
    let sections: SectionFinder
    /// Who signed the page, anywhere in a short block: "Sian and the Hedgerow team", "Ines (author)".
    let authorMarks: PhraseTrie<Bool>
    static let authorMarkMaxTokens = 40
    let citationWords: PhraseTrie<Bool>
    /// Tokenized like text ("nhs.uk" is "nhs", ".", "uk") and matched over a link's tokens, so
    /// "nature.com" is found in "www.nature.com/articles" but not in "signature.com".
    let evidenceDomains: PhraseTrie<Bool>
    let riskChange: PhraseTrie<Bool>
    let riskMultipliers: PhraseTrie<Bool>
    /// "chance", "odds", "likely" and "cut", "lower", "fewer": a risk word with a change word at most
    /// `changeWindow` tokens away is a change in risk, however it is phrased.
    let riskNouns: PhraseTrie<Bool>
    let changeWords: PhraseTrie<Bool>
    static let changeWindow = 4
    /// Relative effects that are not about a risk: a percentage or multiple followed at once by a
    /// comparative ("23% fewer skin cancers", "40% less fatigued", "3 times faster"), or "by 74%"
    /// in a sentence with a change word ("reduces ingrown hairs by 74%").
    let relativeUnits: PhraseTrie<Bool>
    let effectComparatives: PhraseTrie<Bool>
    let relativeRisk: PhraseTrie<Bool>
    let absoluteRisk: PhraseTrie<Bool>
    /// "Pain above about 3 out of 10": a scale word in the four tokens before "N out of M" makes
    /// it a rating, not an absolute number.
    let ratingScaleWords: PhraseTrie<Bool>
    /// "by about 20%": words between "by" and the number.
    let approximators: Set<WordKey>
    /// "per 2 capsules", "per 100 g": a dose, not the base of a rate.
    let doseUnits: Set<WordKey>
    let descriptions: [String: RuleDescription]

    public init(rules: RuleSet, settings: CheckerSettings) throws {
        try self.init(rules: rules, settings: settings, shared: SharedCheckerParts())
    }

    /// In the engine's set the page analyser is the one the disclaimer checker holds: built once.
    public init(rules: RuleSet, settings: CheckerSettings, shared: SharedCheckerParts) throws {
        page = try shared.part(HealthPageAnalyzer.self) { try HealthPageAnalyzer(rules: rules) }
        func set(_ name: String) throws -> PhraseTrie<Bool> { PhraseTrie(phrases: try rules.lexicon(name)) { _ in true } }
        riskTerms = try set("balance.risk-terms")
        harmEffects = try set("balance.harm-effects")
        harmLeads = try set("balance.harm-leads")
        harmTails = try set("balance.harm-tails")
        reliefVerbs = try set("balance.relief-verbs")
        cautionCues = try set("balance.caution-cues")
        whoCues = try set("balance.who-cues")
        safetyClaims = try set("balance.safety-claims")
        harmReframes = try set("balance.harm-reframes")
        askingQuestions = try set("balance.asking-questions")
        dateLeads = try set("balance.date-leads")
        months = Set(try rules.lexicon("balance.months").map { WordKey($0) })
        bylineLeads = try set("balance.byline-leads")
        bylineLabels = try set("balance.byline-labels")
        func keys(_ name: String) throws -> Set<WordKey> { Set(try rules.lexicon(name).map { WordKey($0) }) }
        bylineRoles = try set("balance.byline-roles")
        bylineDeterminers = try keys("balance.byline-determiners")
        bylineSeparators = try keys("balance.byline-separators")
        signOffWords = try set("balance.sign-off-words")
        greetings = try keys("balance.greetings")
        weekdays = try keys("balance.weekdays")
        seasons = try keys("balance.seasons")
        sourceLabels = try set("balance.source-labels")
        guidelineWords = try keys("balance.guideline-words")
        bracketNonSources = try keys("balance.bracket-non-sources")
        sections = try SectionFinder(rules: rules)
        authorMarks = try set("balance.author-marks")
        citationWords = try set("balance.citation-words")
        evidenceDomains = try set("balance.evidence-domains")
        riskChange = try set("balance.risk-change")
        riskMultipliers = try set("balance.risk-multipliers")
        riskNouns = try set("balance.risk-nouns")
        changeWords = try set("balance.change-words")
        relativeUnits = try set("balance.relative-units")
        effectComparatives = try set("balance.effect-comparatives")
        relativeRisk = try set("balance.relative-risk")
        absoluteRisk = try set("balance.absolute-risk")
        ratingScaleWords = try set("balance.rating-scale-words")
        approximators = try keys("balance.approximators")
        doseUnits = try keys("balance.dose-units")
        var d: [String: RuleDescription] = [:]
        for id in Self.ruleIDs { d[id] = try rules.require(id) }
        descriptions = d
    }

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        if Self.ruleIDs.allSatisfy(context.disabledRules.contains) { return [] }
        let analysis = page.analysis(of: document)
        let profile = analysis.profile
        guard profile.needsDisclaimer else { return [] }
        let off = context.disabledRules
        var out: [Diagnostic] = []
        func message(_ id: String, _ values: [String: String] = [:]) -> String { descriptions[id]!.render(values) }

        let benefit = profile.benefitHits.first
        // Read by no-risks and relative-risk: computed once, and only when one of them asks.
        lazy var claimed = claimedBenefit(profile, analysis, document)
        if !off.contains("balance.no-risks"), let claimed, !mentionsRisks(document, analysis) {
            out.append(Diagnostic(rule: "balance.no-risks", location: .document, message: message("balance.no-risks", ["benefit": "'\(claimed.phrase)'"]),
                                  suggestion: "Say what the side effects, risks or limits are, and who should not use it.",
                                  details: ["benefit": claimed.phrase]))
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
        if !off.contains("balance.relative-risk"), let (block, range) = firstRelativeRisk(document, anyOutcome: claimed != nil), !hasAbsoluteRisk(document) {
            let phrase = document.blocks[block].text(range)
            out.append(Diagnostic(rule: "balance.relative-risk", location: .text(block: block, range: range),
                                  message: message("balance.relative-risk", ["phrase": DisclaimerChecker.clip(phrase)]),
                                  suggestion: "Give the absolute numbers: how many in 100 (or 1,000) with and without it."))
        }
        return out
    }

    // MARK: Signals

    /// The benefit that makes the page owe its readers the harms: a claim or treatment statement
    /// that is not advice to see a clinician when something does not improve ("see your GP if the
    /// pain does not improve" names no benefit of anything).
    func claimedBenefit(_ profile: HealthProfile, _ analysis: HealthPageAnalysis, _ document: AnalyzedDocument) -> TriggerHit? {
        let passing = Set(analysis.passing.map { SentenceRef(block: $0.block, sentence: $0.sentence) })
        let claimed = profile.benefitHits.first { hit in
            guard hit.kind == .treatment, let s = document.blocks[hit.block].sentences.firstIndex(where: { $0.range.contains(hit.range.lowerBound) })
            else { return true }
            return !passing.contains(SentenceRef(block: hit.block, sentence: s))
        }
        // A dose is a recommendation to take something ("300 mg at bedtime"), a benefit implied.
        // (Supplements, medicines and procedures merely named were tried too: on dev the pages
        // they added were labelled no-risks only 28 times in 46.)
        return claimed ?? profile.hits.first { $0.kind == .dosage && !$0.inferred }
    }

    /// Any sentence of the article body (before the comments, not a disclaimer) that tells the
    /// reader about a harm, a contraindication, an interaction, a warning or when to stop. Claims
    /// of safety ("no side effects", "risk-free", "not harmful") are not risk information.
    func mentionsRisks(_ document: AnalyzedDocument, _ analysis: HealthPageAnalysis) -> Bool {
        let disclaimerSentences = Set(analysis.found.map { SentenceRef(block: $0.block, sentence: $0.sentence) })
        let commentStart = page.disclaimers.commentSectionStart(document) ?? document.blocks.count
        for block in document.blocks where block.inScope && block.index < commentStart {
            let tokens = block.tokens
            for (s, sentence) in block.sentences.enumerated() {
                // A question that asks others about their experience does not tell readers the
                // risks ("Did the moxi give you any side effects?", "Has anyone had a reaction?");
                // one that heads an answer does ("Who should avoid it?", "Any side effects?").
                if sentence.terminator == "?", !block.kind.isHeading, askingQuestions.occurs(in: tokens, range: sentence.tokens) { continue }
                let inDisclaimer = disclaimerSentences.contains(SentenceRef(block: block.index, sentence: s))
                if mentionsRisk(tokens, sentence.tokens, inDisclaimer: inDisclaimer) { return true }
            }
        }
        return false
    }

    /// In a disclaimer only named harms count: "speak to your doctor first if you are pregnant or
    /// have a pacemaker" is the disclaimer's own caution, which the labels do not take as telling
    /// readers the risks; "taking iron you don't need can cause constipation" is.
    func mentionsRisk(_ tokens: [Token], _ range: Range<Int>, inDisclaimer: Bool = false) -> Bool {
        let claims = safetyClaims.scan(tokens, in: range).map(\.tokens)
        func claimed(_ r: Range<Int>) -> Bool { claims.contains { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound } }
        var found = false
        riskTerms.forEachMatch(tokens, in: range) { r, _ in if !found && !claimed(r) { found = true } }
        if found { return true }
        // "The skin may sting - that means it's working": a harm sold as a sign of the benefit. The
        // whole sentence is reassurance, its "don't panic if you feel bloated" included, so it is
        // not risk information (not even through the caution test below; a real caution joined
        // to a reframe in one sentence is rare enough to accept the miss).
        if harmReframes.occurs(in: tokens, range: range) { return false }
        // "It can leave some redness", "may upset your stomach": a harm lead, then within six
        // tokens a harm effect, with no relief verb between ("can ease dryness" is a benefit).
        // (The effects are scanned once for both tests, and only when a lead or a tail is there.)
        let leads = harmLeads.scan(tokens, in: range)
        let tails = harmTails.scan(tokens, in: range)
        let effects = leads.isEmpty && tails.isEmpty ? [] : harmEffects.scan(tokens, in: range)
        if !leads.isEmpty {
            for effect in effects where !claimed(effect.tokens) {
                for lead in leads where lead.tokens.upperBound <= effect.tokens.lowerBound
                    && effect.tokens.lowerBound - lead.tokens.upperBound <= 6 {
                    let between = lead.tokens.upperBound..<effect.tokens.lowerBound
                    if between.isEmpty || !reliefVerbs.occurs(in: tokens, range: between) { return true }
                }
            }
        }
        // "Pinkness or redness for a few hours is normal", "swelling settles within a day": an effect,
        // then within eight tokens a tail, and no relief verb in the four tokens before the effect
        // ("ice helps the swelling go down" is a benefit).
        if !tails.isEmpty {
            for effect in effects where !claimed(effect.tokens) {
                let before = max(range.lowerBound, effect.tokens.lowerBound - 4)..<effect.tokens.lowerBound
                if !before.isEmpty && reliefVerbs.occurs(in: tokens, range: before) { continue }
                // Not a comparison: "a patch lighter or darker than normal skin".
                if tails.contains(where: { $0.tokens.lowerBound >= effect.tokens.upperBound && $0.tokens.lowerBound - effect.tokens.upperBound <= 8
                    && tokens[$0.tokens.lowerBound - 1].key != Self.thanKey }) {
                    return true
                }
            }
        }
        // "Skip it if you have active acne", "talk to your GP first if you take blood thinners".
        if !inDisclaimer, cautionCues.occurs(in: tokens, range: range), whoCues.occurs(in: tokens, range: range) {
            var cue = false
            cautionCues.forEachMatch(tokens, in: range) { r, _ in if !cue && !claimed(r) { cue = true } }
            if cue { return true }
        }
        return false
    }

    func hasDate(_ document: AnalyzedDocument) -> Bool {
        let meta = document.document.metadata
        if meta.datePublished != nil || meta.dateModified != nil { return true }
        for block in document.blocks {
            let tokens = block.tokens
            for line in lineRanges(block) {
                // A short dateline ("By Priya Natarajan, 12 January 2025"), also as one line of a
                // block ("--- Reply by CholineChad (22 Apr 2026)" over the post): a month and a year.
                if line.count <= 16, tokens[line].contains(where: { $0.kind == .word && months.contains($0.key) }),
                   tokens[line].contains(where: { $0.kind == .number && isDatePart(block, $0) }) {
                    return true
                }
                // "... Strength & Fuel newsletter, issue 47, August 2026", "Issue 12 (Autumn 2026)": a month or a season then a year on a
                // line of at most 30 tokens, after punctuation or at the line's start (a masthead or
                // a credit line; not "prices checked in January 2026").
                if line.count <= 30 {
                    for t in line.dropLast() where tokens[t].kind == .word && (months.contains(tokens[t].key) || seasons.contains(tokens[t].key))
                        && tokens[t + 1].kind == .number && isDatePart(block, tokens[t + 1]) {
                        var p = t - 1
                        if p >= line.lowerBound && tokens[p].kind == .number { p -= 1 }
                        if p < line.lowerBound || tokens[p].kind != .word { return true }
                    }
                }
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
        var signOffBefore = false
        for block in document.blocks {
            let tokens = block.tokens
            let lines = lineRanges(block)
            // A sign-off line ending the previous block ("Best wishes,") and a name opening this one.
            if signOffBefore, let first = lines.first, first.count <= Self.signOffNameMaxTokens, startsWithName(block, first.lowerBound, limit: first.upperBound) {
                return true
            }
            signOffBefore = false
            for (l, line) in lines.enumerated() {
                if bylineOpens(block, line) || roleLineOpens(block, line) || bylineAfterSeparator(block, line) || nameOverDateline(block, line) { return true }
                // "Until next Friday,\nAmara x", "Best wishes,\nTom Aldous, Editor": a short line that
                // ends with a comma, then a line that opens with a name. In the second half of the
                // page only: sign-offs close letters and newsletters.
                if block.index * 2 >= document.blocks.count, isSignOffLine(block, line) {
                    if l + 1 < lines.count {
                        let next = lines[l + 1]
                        if next.count <= Self.signOffNameMaxTokens, startsWithName(block, next.lowerBound, limit: next.upperBound) { return true }
                    } else {
                        signOffBefore = true
                    }
                }
                // "Love, Jess x": a sign-off word, a comma and a name on one short line.
                if line.count <= 5, let word = signOffWords.longestMatch(startingAt: line.lowerBound, in: tokens, limit: line.upperBound),
                   word.end + 1 < line.upperBound, tokens[word.end].key == Self.commaKey, startsWithName(block, word.end + 1, limit: line.upperBound) {
                    return true
                }
            }
            if tokens.count <= Self.authorMarkMaxTokens, authorMarks.occurs(in: tokens, range: 0..<tokens.count) { return true }
            for lead in bylineLeads.scan(tokens, in: 0..<tokens.count) {
                // "By the Coast & Cove team": a team credit is a byline whatever follows it.
                if tokens[lead.tokens.upperBound - 1].key == Self.teamKey { return true }
                var t = lead.tokens.upperBound
                while t < tokens.count && tokens[t].kind == .punctuation { t += 1 }
                guard t < tokens.count && tokens[t].kind == .word else { continue }
                // "Written by Dr Priya Anand", "written by our clinic team": a name or a determiner.
                // Not a forum handle ("Posted by drifter_77", "Posted by admin") nor a plain noun
                // ("written by members sharing their own experiences"): the labels count neither.
                if tokens[t].isCapitalized ? !looksLikeHandle(block, t) : bylineDeterminers.contains(tokens[t].key) { return true }
            }
        }
        return false
    }

    static let commaKey = WordKey(",")
    static let thanKey = WordKey("than")
    static let teamKey = WordKey("team")
    static let signOffNameMaxTokens = 12

    /// Token ranges of the block's source lines (a paragraph's soft line breaks, `<br>`); one
    /// range when it has none.
    func lineRanges(_ block: AnalyzedBlock) -> [Range<Int>] {
        let tokens = block.tokens
        let starts = block.block.lineStarts
        guard !starts.isEmpty, !tokens.isEmpty else { return [0..<tokens.count] }
        var out: [Range<Int>] = []
        var lower = 0, t = 0
        for offset in starts {
            while t < tokens.count && Int(tokens[t].start) < offset { t += 1 }
            if t > lower { out.append(lower..<t) }
            lower = t
        }
        if lower < tokens.count { out.append(lower..<tokens.count) }
        return out
    }

    /// "By Jane Doe", "Author: Jo Bell", "Answered by Tomas Eriksen" opening a line: a label, then a
    /// capitalised name (not a forum handle, a month or a weekday), on a line of at most 30 tokens
    /// or as a full name then a separator (a plain-text byline run into the next line: "by Tom
    /// Reilly | 21 August 2026 If your knees ...").
    func bylineOpens(_ block: AnalyzedBlock, _ line: Range<Int>) -> Bool {
        let tokens = block.tokens
        guard let label = bylineLabels.longestMatch(startingAt: line.lowerBound, in: tokens, limit: line.upperBound) else { return false }
        var t = label.end
        while t < line.upperBound && tokens[t].kind == .punctuation { t += 1 }
        guard t < line.upperBound, isNameWord(block, t) else { return false }
        if line.count <= 30 { return true }
        return t + 2 < line.upperBound && tokens[t + 1].kind == .word && tokens[t + 1].isCapitalized
            && (tokens[t + 2].kind == .punctuation || tokens[t + 2].kind == .symbol)
    }

    /// "Practitioner: Aisling Moran, Level 7", "Words: Geoff Marlow": a role label and a colon
    /// opening a short line, then a full name (two capitalised words), so that a dialogue line
    /// ("Pharmacist: Take it with food") is not one.
    func roleLineOpens(_ block: AnalyzedBlock, _ line: Range<Int>) -> Bool {
        guard line.count <= 30, let label = bylineRoles.longestMatch(startingAt: line.lowerBound, in: block.tokens, limit: line.upperBound) else { return false }
        let t = label.end
        return t + 1 < line.upperBound && isNameWord(block, t) && isNameWord(block, t + 1)
    }

    /// "Issue 112 | Friday 9 October 2026 | by Amara Osei", "December 2026 issue · by Helen
    /// Gatward": "by" after a separator on a short line, then a name.
    func bylineAfterSeparator(_ block: AnalyzedBlock, _ line: Range<Int>) -> Bool {
        guard line.count <= 30, line.count >= 3 else { return false }
        let tokens = block.tokens
        for t in (line.lowerBound + 1)..<(line.upperBound - 1) where tokens[t].key == Self.byKey {
            let p = tokens[t - 1]
            guard p.kind == .symbol || p.kind == .punctuation, bylineSeparators.contains(p.key) else { continue }
            if isNameWord(block, t + 1) { return true }
        }
        return false
    }

    /// "Fiona Beck · 2 November 2026": a full name, a separator and a date make a short line.
    func nameOverDateline(_ block: AnalyzedBlock, _ line: Range<Int>) -> Bool {
        let tokens = block.tokens
        guard line.count >= 5, line.count <= 10, isNameWord(block, line.lowerBound), isNameWord(block, line.lowerBound + 1) else { return false }
        let sep = tokens[line.lowerBound + 2]
        guard sep.kind == .symbol || sep.kind == .punctuation, bylineSeparators.contains(sep.key) else { return false }
        let rest = (line.lowerBound + 3)..<line.upperBound
        return tokens[rest].contains { $0.kind == .word && months.contains($0.key) } && tokens[rest].contains { $0.kind == .number && isDatePart(block, $0) }
    }

    /// A short line that ends with a comma and does not open with a greeting: "Best wishes,",
    /// "Until next Friday,", "See you soon," (not "Dear Sam,", "Hi Glow Fam,").
    func isSignOffLine(_ block: AnalyzedBlock, _ line: Range<Int>) -> Bool {
        let tokens = block.tokens
        guard line.count >= 2, line.count <= 6, tokens[line.upperBound - 1].key == Self.commaKey,
              tokens[line.lowerBound].kind == .word, !greetings.contains(tokens[line.lowerBound].key) else { return false }
        return true
    }

    func startsWithName(_ block: AnalyzedBlock, _ t: Int, limit: Int) -> Bool {
        t < limit && isNameWord(block, t)
    }

    /// A capitalised word that can be a person's name: not a month, a weekday, an article (a sign-off
    /// by "The Greenleaf team" names no one: the labels agree) or a forum handle.
    func isNameWord(_ block: AnalyzedBlock, _ t: Int) -> Bool {
        let token = block.tokens[t]
        return token.kind == .word && token.isCapitalized && !months.contains(token.key) && !weekdays.contains(token.key)
            && !bylineDeterminers.contains(token.key) && !looksLikeHandle(block, t)
    }

    /// A forum handle rather than a name, for a capitalised token (both callers ask only about
    /// those; a lowercase word after "by" is judged by `bylineDeterminers`): the run of text from
    /// the token to the next space holds an underscore or a digit ("drifter_77", "Hollis72"), or
    /// joins three capitalised words ("KitchenCupboardCures", "BlueHeronMum"; "McDonald" is a name).
    func looksLikeHandle(_ block: AnalyzedBlock, _ t: Int) -> Bool {
        let tokens = block.tokens
        let bytes = block.utf8
        var i = Int(tokens[t].start)
        var innerCaps = 0
        var previousLower = false
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x09 { break }
            if c == UInt8(ascii: "_") || (c >= 0x30 && c <= 0x39) { return true }
            let isUpper = c >= 0x41 && c <= 0x5A, isLower = c >= 0x61 && c <= 0x7A
            if !isUpper && !isLower && c < 0x80 && c != UInt8(ascii: "-") && c != UInt8(ascii: "'") && c != UInt8(ascii: ".") { break }
            if isUpper && previousLower { innerCaps += 1 }
            previousLower = isLower
            i += 1
        }
        return innerCaps >= 2
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
            if namesASource(block) { return true }
        }
        return false
    }

    static let openParen = WordKey("("), closeParen = WordKey(")"), colonKey = WordKey(":")

    /// Sources named in the text rather than listed under a heading:
    /// - a source label and a colon opening a line or a sentence inside a block ("Prepared by the
    ///   pharmacy team, October 2026.\nReference: BASHH national guideline ...", "... January
    ///   2026. Sources: UKHSA Green Book chapter 30");
    /// - a citation in brackets: capitalised words and a year ("(Clinical Infectious Diseases,
    ///   2011)", "(Lancet, 2018)", "(National Lung Screening Trial, NEJM 2011)"), or a year in
    ///   brackets after two capitalised words ("in The Lancet Psychiatry (2019)");
    /// - a guideline named by its body: an all-capitals name at most four words before
    ///   "guideline" or "guidance" ("the NICE psoriasis guideline", "NHS guidance on cold sores").
    /// A seller's own "study" and "research shows" name no source.
    func namesASource(_ block: AnalyzedBlock) -> Bool {
        let tokens = block.tokens
        var starts = lineRanges(block).map(\.lowerBound)
        starts.append(contentsOf: block.sentences.map(\.tokens.lowerBound))
        for start in starts {
            if let label = sourceLabels.longestMatch(startingAt: start, in: tokens),
               label.end + 1 < tokens.count, tokens[label.end].key == Self.colonKey, tokens[label.end + 1].kind != .punctuation { return true }
        }
        // Titles and headings carry a year for search engines ("12 Amazing Adaptogen Benefits (2026)").
        if block.kind.isHeading { return false }
        for i in 0..<tokens.count {
            let token = tokens[i]
            if token.kind == .word, guidelineWords.contains(token.key) {
                for j in max(0, i - 4)..<i where tokens[j].isAllCaps && tokens[j].length >= 3 { return true }
            }
            guard token.key == Self.openParen else { continue }
            var j = i + 1, capitals = 0, year = false, plain = true
            while j < tokens.count && j - i <= 12 && tokens[j].key != Self.closeParen {
                let t = tokens[j]
                if t.kind == .word {
                    if !t.isCapitalized || months.contains(t.key) || bracketNonSources.contains(t.key) { plain = false; break }
                    capitals += 1
                } else if t.kind == .number {
                    if isDatePart(block, t) { year = true } else { plain = false; break }
                }
                j += 1
            }
            guard plain, year, j < tokens.count, tokens[j].key == Self.closeParen else { continue }
            if capitals >= 1 { return true }
            if i >= 2, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalized, tokens[i - 2].kind == .word, tokens[i - 2].isCapitalized,
               !months.contains(tokens[i - 1].key) { return true }
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
    /// `anyOutcome`: relative effects with no risk word ("23% fewer skin cancers") count too, only
    /// on pages that claim a benefit, where the number sells it. (Requiring a health trigger in the
    /// same sentence instead was too narrow on dev: 1 page gained of 6.)
    func firstRelativeRisk(_ document: AnalyzedDocument, anyOutcome: Bool = true) -> (block: Int, range: Range<Int>)? {
        for block in document.blocks where block.inScope {
            for sentence in block.sentences {
                if let m = relativeRisk.firstMatch(in: block.tokens, range: sentence.tokens) {
                    return (block.index, block.utf8Range(ofTokens: m.tokens))
                }
                // The multiplier first: one trie walk that turns most sentences away before the
                // change tests (two scans and their arrays).
                if riskMultipliers.occurs(in: block.tokens, range: sentence.tokens),
                   riskChange.occurs(in: block.tokens, range: sentence.tokens)
                    || (changesRisk(block.tokens, sentence.tokens) && hasRelativeMultiplier(block.tokens, sentence.tokens)) {
                    return (block.index, sentence.range)
                }
                if anyOutcome, let effect = relativeEffect(block.tokens, sentence.tokens) {
                    return (block.index, block.utf8Range(ofTokens: effect))
                }
            }
        }
        return nil
    }

    /// A relative effect of any outcome: a number and a unit ("%", "per cent", "times") followed
    /// at once by a comparative ("23% fewer", "30% faster", "3 times faster"), or "by" a number
    /// and a unit after a change word in the same sentence ("reduce ingrown hairs by 74%").
    static let byKey = WordKey("by")
    func relativeEffect(_ tokens: [Token], _ range: Range<Int>) -> Range<Int>? {
        for i in range where tokens[i].kind == .number {
            guard i + 1 < range.upperBound, let unit = relativeUnits.longestMatch(startingAt: i + 1, in: tokens, limit: range.upperBound) else { continue }
            if unit.end < range.upperBound, let comparative = effectComparatives.longestMatch(startingAt: unit.end, in: tokens, limit: range.upperBound) {
                return i..<comparative.end
            }
            // Only "by" right before the number: with approximations between ("by about 40%", "by
            // up to 3000%", "by 20 to 30 percent") the dev pages were never labelled (3 of 4).
            if i > range.lowerBound, tokens[i - 1].key == Self.byKey, changeWords.occurs(in: tokens, range: range.lowerBound..<(i - 1)) {
                return (i - 1)..<unit.end
            }
        }
        return nil
    }

    /// "by" before a number, over a range and approximations: "by 74%", "by around 20-25%",
    /// "by up to 40%". (Here, beside a risk word, approximations count; the multiplier path above
    /// takes only a bare "by", because its dev pages with one were not labelled.)
    func hasByBefore(_ tokens: [Token], _ number: Int, lowerBound: Int) -> Bool {
        var j = number - 1
        while j >= lowerBound && number - j <= 5 {
            let t = tokens[j]
            if t.key == Self.byKey { return true }
            guard t.kind == .number || approximators.contains(t.key) || t.key == Self.dashKey || t.key == Self.enDashKey else { return false }
            j -= 1
        }
        return false
    }
    static let dashKey = WordKey("-"), enDashKey = WordKey("–")

    /// A risk word near a change word with a percentage is a relative change only when the
    /// percentage is the change: "by" before it ("cut deaths by about 20%") or a comparative after
    /// it ("40% less likely", "a 30% reduction"). "Pregnancy rates are lower than that, commonly
    /// quoted at around 50 per cent" gives a rate, an absolute number. Multiples in words
    /// ("halved", "twice", "a third") are relative as they stand.
    func hasRelativeMultiplier(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        var relative = false
        riskMultipliers.forEachMatch(tokens, in: range) { r, _ in
            guard !relative else { return }
            let first = tokens[r.lowerBound]
            let isPercent = relativeUnits.longestMatch(startingAt: r.lowerBound, in: tokens, limit: range.upperBound) != nil
                && r.lowerBound > range.lowerBound && tokens[r.lowerBound - 1].kind == .number && first.key != Self.timesKey
            if !isPercent { relative = true; return }
            if hasByBefore(tokens, r.lowerBound - 1, lowerBound: range.lowerBound) { relative = true; return }
            if r.upperBound < range.upperBound, effectComparatives.longestMatch(startingAt: r.upperBound, in: tokens, limit: range.upperBound) != nil
                || changeWords.longestMatch(startingAt: r.upperBound, in: tokens, limit: range.upperBound) != nil { relative = true }
        }
        return relative
    }
    static let timesKey = WordKey("times")

    /// A risk word and a change word close together in the sentence ("cut the chance of ... by",
    /// "40% less likely", "the odds fell").
    func changesRisk(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        let nouns = riskNouns.scan(tokens, in: range)
        guard !nouns.isEmpty else { return false }
        for change in changeWords.scan(tokens, in: range) {
            for noun in nouns {
                let gap = noun.tokens.lowerBound >= change.tokens.upperBound
                    ? noun.tokens.lowerBound - change.tokens.upperBound : change.tokens.lowerBound - noun.tokens.upperBound
                if gap >= 0 && gap <= Self.changeWindow { return true }
            }
        }
        return false
    }

    /// 100, 1,000, 10,000 ...: the base of a rate.
    func isRateBase(_ block: AnalyzedBlock, _ token: Token) -> Bool {
        let digits = block.text(of: token).filter { $0 != "," }
        guard digits.count >= 3, digits.first == "1" else { return false }
        return digits.dropFirst().allSatisfy { $0 == "0" }
    }

    /// Absolute numbers anywhere in the page: "4 in 100", "per 1,000", "absolute risk", "from 10% to 5%".
    func hasAbsoluteRisk(_ document: AnalyzedDocument) -> Bool {
        let inWord = WordKey("in"), outWord = WordKey("out"), ofWord = WordKey("of"), perWord = WordKey("per")
        for block in document.blocks where block.inScope {
            let tokens = block.tokens
            if absoluteRisk.occurs(in: tokens, range: 0..<tokens.count) { return true }
            for i in 0..<tokens.count {
                // "per 1,000 people", not "per 2 capsules" or "per 100 g" (a dose or a label's amounts).
                if tokens[i].key == perWord, i + 1 < tokens.count, tokens[i + 1].kind == .number, isRateBase(block, tokens[i + 1]),
                   i + 2 >= tokens.count || !doseUnits.contains(tokens[i + 2].key) { return true }
                guard tokens[i].kind == .number, i + 2 < tokens.count else { continue }
                if tokens[i + 1].key == inWord && tokens[i + 2].kind == .number { return true }
                if tokens[i + 1].key == outWord, i + 3 < tokens.count, tokens[i + 2].key == ofWord, tokens[i + 3].kind == .number,
                   !ratingScaleWords.occurs(in: tokens, range: max(0, i - 4)..<i) { return true }
            }
        }
        return false
    }
}

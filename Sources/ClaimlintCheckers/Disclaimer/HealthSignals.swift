import ClaimlintCore

/// What kind of actionable health information a phrase shows. Standalone kinds count on their
/// own; the others count only when a health term shares the sentence ("treat" + "acne", not
/// "treat yourself" or "water treatment").
enum HealthTrigger: String, Sendable, CaseIterable {
    case procedure, dosage, supplement, medicine, claim, treatment, diagnosis, regimen

    var lexicon: String { "disclaimer.trigger.\(rawValue)" }

    var isStandalone: Bool {
        switch self {
        case .procedure, .dosage, .supplement, .medicine, .claim: true
        case .treatment, .diagnosis, .regimen: false
        }
    }

    /// How much one sentence with this trigger adds to the page's score.
    var weight: Int { isStandalone ? 3 : 2 }

    /// Order for the reason in a message: the most concrete advice first.
    var rank: Int {
        switch self {
        case .dosage: 0
        case .procedure: 1
        case .supplement: 2
        case .medicine: 3
        case .claim: 4
        case .regimen: 5
        case .treatment: 6
        case .diagnosis: 7
        }
    }

    /// The words a message uses for it ("gives dosages ('300 mg twice daily')").
    var verbPhrase: String {
        switch self {
        case .procedure: "describes a procedure"
        case .dosage, .regimen: "gives dosages"
        case .supplement: "recommends supplements"
        case .medicine: "names medicines"
        case .claim: "makes health claims"
        case .treatment: "discusses treatment"
        case .diagnosis: "helps readers recognise a condition"
        }
    }
}

/// One trigger found in the page.
struct TriggerHit: Sendable {
    var kind: HealthTrigger
    /// The matched words (with the health term for sentence-bound kinds: "treat acne").
    var phrase: String
    var block: Int
    var range: Range<Int>
}

/// A sentence of the document, by block index and sentence index.
struct SentenceRef: Hashable, Sendable {
    var block: Int
    var sentence: Int
}

/// Whether a page gives health information a reader could act on, and why.
struct HealthProfile: Sendable {
    /// Score at or above which a page needs a disclaimer: two sentences with health content,
    /// at least one of them concrete (e.g. a dosage and a treatment sentence).
    static let threshold = 4
    /// Added when a title or heading names a health term and the text has a trigger.
    static let topicBonus = 2

    /// Every trigger found, in document order.
    var hits: [TriggerHit] = []
    var score = 0

    /// The page is about a work or a product that is not health advice: a review of a creative
    /// work (schema.org `itemReviewed` a Game, Movie, Book ..., or the words of one: plot,
    /// chapters, novel) or software documentation. Its health words are its subject.
    var isNonAdviceGenre = false

    var needsDisclaimer: Bool { score >= Self.threshold && !isNonAdviceGenre }

    /// Supplement or dosage content: where the US supplement statement counts as a disclaimer.
    var isSupplementPage: Bool { hits.contains { $0.kind == .supplement || $0.kind == .dosage } }

    /// Benefit claims: health claims and treatment statements.
    var benefitHits: [TriggerHit] { hits.filter { $0.kind == .claim || $0.kind == .treatment } }

    /// The first hit of each kind, most concrete kinds first, one per wording, at most `limit`.
    func strongest(limit: Int = 3) -> [TriggerHit] {
        var seen = Set<String>()
        var firsts: [TriggerHit] = []
        for h in hits.sorted(by: { $0.kind.rank < $1.kind.rank }) where !seen.contains(h.kind.verbPhrase) {
            seen.insert(h.kind.verbPhrase)
            firsts.append(h)
        }
        return Array(firsts.prefix(limit))
    }

    /// "gives dosages ('300 mg twice daily') and describes a procedure ('PRP injections')".
    func reason(limit: Int = 3) -> String {
        let parts = strongest(limit: limit).map { "\($0.kind.verbPhrase) ('\($0.phrase)')" }
        switch parts.count {
        case 0: return "it gives health information"
        case 1: return "it \(parts[0])"
        default: return "it " + parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}

/// The vocabulary that decides whether a page needs a disclaimer, from `Rules/disclaimer-triggers.yml`.
struct HealthVocabulary: Sendable {
    let triggers: PhraseTrie<HealthTrigger>
    let healthTerms: PhraseTrie<Bool>
    let doseUnits: PhraseTrie<Bool>
    /// Single-word units, for numbers written together with their unit ("200mg").
    let doseUnitWords: Set<WordKey>
    /// schema.org types of reviewed works that are not health products or services.
    let creativeWorkTypes: Set<String>
    /// Words of genres that are not health advice (a novel's plot, software's log-in), by genre.
    let genreWords: [PhraseTrie<Bool>]
    /// Distinct genre words that make a page one of these genres.
    static let genreThreshold = 3

    init(rules: RuleSet) throws {
        var triggers = PhraseTrie<HealthTrigger>()
        for kind in HealthTrigger.allCases {
            for phrase in try rules.lexicon(kind.lexicon) { triggers.insert(phrase, value: kind) }
        }
        // "two gummies a day", "one gummy 30 minutes before bed": a dose form, then a frequency
        // after up to three more words. (No leading wildcard: a trie rooted in "*" would walk
        // from every token.)
        let frequencies = try rules.lexicon("disclaimer.dose-frequencies")
        for form in try rules.lexicon("disclaimer.dose-forms") {
            for frequency in frequencies {
                for gap in ["", "* ", "* * ", "* * * "] { triggers.insert("\(form) \(gap)\(frequency)", value: .dosage) }
            }
        }
        self.triggers = triggers
        healthTerms = PhraseTrie(phrases: try rules.lexicon("disclaimer.health-terms")) { _ in true }
        let units = try rules.lexicon("disclaimer.dose-units")
        doseUnits = PhraseTrie(phrases: units) { _ in true }
        doseUnitWords = Set(units.filter { !$0.contains(" ") }.map { WordKey($0) })
        creativeWorkTypes = Set(try rules.lexicon("disclaimer.creative-work-types").map { $0.lowercased() })
        genreWords = try ["disclaimer.genre.creative-work", "disclaimer.genre.software"].map { name in
            PhraseTrie(phrases: try rules.lexicon(name)) { _ in true }
        }
    }

    /// Scores the linted blocks of `document`, leaving out `skipping` (the disclaimer
    /// sentences themselves, which are full of "diagnose, treat, cure").
    func profile(_ document: AnalyzedDocument, skipping: Set<SentenceRef> = []) -> HealthProfile {
        var profile = HealthProfile()
        var titleNamesCondition = false
        for block in document.blocks where block.inScope {
            if block.kind.isHeading && !titleNamesCondition && healthTerms.occurs(in: block.tokens, range: 0..<block.tokens.count) {
                titleNamesCondition = true
            }
            for (si, sentence) in block.sentences.enumerated() where !skipping.contains(SentenceRef(block: block.index, sentence: si)) {
                let found = hits(in: block, sentence: sentence)
                guard let best = found.map(\.kind.weight).max() else { continue }
                profile.hits.append(contentsOf: found)
                // A dose of a named medicine or supplement ("ibuprofen, 400 mg three times a
                // day") is advice a reader can act on by itself: it alone makes the page need one.
                let dosedProduct = found.contains { $0.kind == .dosage } && found.contains { $0.kind == .medicine || $0.kind == .supplement }
                profile.score += dosedProduct ? max(best, HealthProfile.threshold) : best
            }
        }
        // A page whose title or a heading names a condition ("Getting through a panic attack")
        // needs only one trigger sentence in its text.
        if titleNamesCondition && profile.score > 0 { profile.score += HealthProfile.topicBonus }
        if let reviewed = document.document.metadata.extra["schema:itemReviewed"], creativeWorkTypes.contains(reviewed.lowercased()) {
            profile.isNonAdviceGenre = true
        } else if profile.score >= HealthProfile.threshold {
            profile.isNonAdviceGenre = genreWords.contains { isGenre(document, words: $0) }
        }
        return profile
    }

    /// At least `genreThreshold` distinct genre words on the page (whole page: a product's
    /// navigation says "Log in" and "Book a demo").
    func isGenre(_ document: AnalyzedDocument, words: PhraseTrie<Bool>) -> Bool {
        var seen = Set<String>()
        for block in document.blocks {
            for m in words.scan(block.tokens, in: 0..<block.tokens.count) {
                seen.insert(block.text(block.utf8Range(ofTokens: m.tokens)).lowercased())
                if seen.count >= Self.genreThreshold { return true }
            }
        }
        return false
    }

    /// The triggers of one sentence: standalone ones, and sentence-bound ones that share the
    /// sentence with a health term.
    func hits(in block: AnalyzedBlock, sentence: Sentence) -> [TriggerHit] {
        var out: [TriggerHit] = []
        if !block.kind.isLabel, let dose = doseAmount(in: block, sentence: sentence) {
            out.append(TriggerHit(kind: .dosage, phrase: block.text(block.utf8Range(ofTokens: dose)), block: block.index,
                                  range: block.utf8Range(ofTokens: dose)))
        }
        let matches = triggers.scan(block.tokens, in: sentence.tokens)
        guard !matches.isEmpty else { return out }
        var terms: [PhraseMatch<Bool>]?
        for m in matches {
            let kind = m.value
            if kind == .procedure && isName(m.tokens, in: block, sentence: sentence) { continue }
            if kind.isStandalone {
                out.append(TriggerHit(kind: kind, phrase: block.text(block.utf8Range(ofTokens: m.tokens)), block: block.index,
                                      range: block.utf8Range(ofTokens: m.tokens)))
                continue
            }
            // A regimen said of a medicine or supplement ("ibuprofen gel three times a day") is a
            // dosing instruction whatever else the sentence names.
            if kind == .regimen, matches.contains(where: { $0.value == .medicine || $0.value == .supplement }) {
                out.append(TriggerHit(kind: .dosage, phrase: block.text(block.utf8Range(ofTokens: m.tokens)), block: block.index,
                                      range: block.utf8Range(ofTokens: m.tokens)))
                continue
            }
            if terms == nil { terms = healthTerms.scan(block.tokens, in: sentence.tokens) }
            // A health term that is not the trigger word itself ("healing" is both); the nearest one.
            let others = terms!.filter { $0.tokens.upperBound <= m.tokens.lowerBound || $0.tokens.lowerBound >= m.tokens.upperBound }
            guard let term = others.min(by: { distance($0.tokens, m.tokens) < distance($1.tokens, m.tokens) }) else { continue }
            let lower = min(m.tokens.lowerBound, term.tokens.lowerBound)
            let upper = max(m.tokens.upperBound, term.tokens.upperBound)
            // Quote the trigger with its term when they are close ("treat acne"), else both words.
            let phrase: String
            if upper - lower <= 6 {
                phrase = block.text(block.utf8Range(ofTokens: lower..<upper))
            } else {
                phrase = block.text(block.utf8Range(ofTokens: m.tokens)) + " ... " + block.text(block.utf8Range(ofTokens: term.tokens))
            }
            out.append(TriggerHit(kind: kind, phrase: phrase, block: block.index, range: block.utf8Range(ofTokens: lower..<upper)))
        }
        return out
    }

    /// A procedure word used as a name: quoted ('the "Sound Therapy" playlist') or written as a
    /// capitalised phrase inside a sentence of running text ("a playlist called Sound Therapy").
    func isName(_ r: Range<Int>, in block: AnalyzedBlock, sentence: Sentence) -> Bool {
        let t = block.tokens
        func isQuote(_ i: Int) -> Bool {
            guard i >= 0, i < t.count, t[i].length <= 3 else { return false }
            let text = block.text(of: t[i])
            return text == "\"" || text == "\u{201C}" || text == "\u{201D}" || text == "'" || text == "\u{2018}" || text == "\u{2019}"
        }
        if isQuote(r.lowerBound - 1) && isQuote(r.upperBound) { return true }
        return r.count >= 2 && !block.kind.isHeading && r.lowerBound > sentence.tokens.lowerBound && r.allSatisfy { t[$0].isCapitalized && !t[$0].isAllCaps }
    }

    static let perKeys: Set<WordKey> = Set(["per", "/", "a", "each", "every"].map { WordKey($0) })
    static let volumeKeys: Set<WordKey> = Set(["litre", "litres", "liter", "liters", "l", "hectolitre", "bottle", "m3", "kilo", "tonne"].map { WordKey($0) })

    func isConcentration(after end: Int, in block: AnalyzedBlock, limit: Int) -> Bool {
        let t = block.tokens
        guard end + 1 < limit else { return false }
        return Self.perKeys.contains(t[end].key) && Self.volumeKeys.contains(t[end + 1].key)
    }

    /// The first "200 mg", "10mcg", "1,000 IU" of a sentence, as a token range.
    func doseAmount(in block: AnalyzedBlock, sentence: Sentence) -> Range<Int>? {
        let tokens = block.tokens
        for t in sentence.tokens {
            let tok = tokens[t]
            if tok.kind == .number, t + 1 < sentence.tokens.upperBound,
               let unit = doseUnits.longestMatch(startingAt: t + 1, in: tokens, limit: sentence.tokens.upperBound) {
                // "50 mg per litre", "10 mg/l": a concentration in a drink, soil or water, not a dose.
                if isConcentration(after: unit.end, in: block, limit: sentence.tokens.upperBound) { continue }
                return t..<unit.end
            }
            // "200mg": digits and a unit in one token.
            if tok.kind == .word, let first = block.utf8[Int(tok.start)...].first, first >= 0x30 && first <= 0x39 {
                let text = block.text(of: tok)
                let unit = text.drop { $0.isNumber || $0 == "." || $0 == "," }
                if !unit.isEmpty && doseUnitWords.contains(WordKey(unit)) { return t..<(t + 1) }
            }
        }
        return nil
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }
}

extension PhraseTrie {
    /// True when any phrase occurs in `range` of `tokens` (`!scan(...).isEmpty`, stopping at
    /// the first match and building no array).
    func occurs(in tokens: [Token], range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if longestMatch(startingAt: i, in: tokens, limit: range.upperBound) != nil { return true }
            i += 1
        }
        return false
    }
}

import ClaimlintCore

/// Broken sentences: run-ons, fused subordinate clauses, lowercase starts, fragments,
/// dangling lead-ins and comma splices. The core is a finite-verb test over a part-of-speech
/// lexicon (Rules/pos-lexicon.tsv) with left-to-right disambiguation (ClauseAnalysis.swift);
/// the guards that keep labels, names and deliberate fragments quiet live here.
public struct SentenceChecker: Checker {
    public static let ruleIDs = [
        "sentence.run-on", "sentence.fused-subordinate", "sentence.lowercase-start", "sentence.participle-fragment",
        "sentence.subordinate-fragment", "sentence.noun-phrase-fragment", "sentence.dangling-lead-in", "sentence.comma-splice",
    ]

    let vocabulary: SentenceVocabulary
    /// The page's sections (`DocumentSections`): blocks of reference, further-reading and
    /// ingredient lists are not judged as sentences.
    let sections: SectionFinder
    let analyzer: ClauseAnalyzer
    let descriptions: [String: RuleDescription]
    /// The Link Grammar stage, when `sentence: {deep: true}` is set and the library loads.
    let deepParser: LinkGrammarParser?

    /// Units without terminal punctuation and at most this many words are labels (headings,
    /// captions, list labels), never judged as sentences.
    static let labelMaxWords = 12
    /// Verbless units shorter than this are deliberate fragments ("Never.", "Not once.").
    static let nounPhraseMinWords = 5

    /// Tokens looked at on each side of a possible restart.
    static let restartWindow = 40
    /// Comma splices are not looked for in units longer than this (lists, unpunctuated dumps).
    static let spliceMaxWords = 120
    static let months: Set<WordKey> = Set(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                           "october", "november", "december"].map { WordKey($0) })
    static let quantityWords: Set<WordKey> = Set(["million", "millions", "thousand", "thousands", "hundred", "hundreds", "billion", "percent", "dozen"].map { WordKey($0) })
    /// Words that link a clause to the one before it; a comma after them is not a splice.
    static let conjunctiveAdverbs: Set<WordKey> = Set(["however", "therefore", "thus", "moreover", "furthermore", "instead", "otherwise", "indeed",
                                                       "overall", "also", "rather", "then", "meanwhile", "nevertheless", "nonetheless", "hence",
                                                       "consequently", "besides", "still", "yes", "no"].map { WordKey($0) })
    /// Words after which a capital letter is a name: "vitamin A", "type I", "hepatitis A".
    static let letterNamers: Set<WordKey> = Set(["vitamin", "vitamins", "hepatitis", "type", "group", "stage", "grade", "class",
                                                  "phase", "plan", "category", "level", "zone", "factor", "omega", "strep", "size"].map { WordKey($0) })

    public init(rules: RuleSet, settings: CheckerSettings) throws {
        var d: [String: RuleDescription] = [:]
        for id in Self.ruleIDs { d[id] = try rules.require(id) }
        descriptions = d
        vocabulary = try SentenceVocabulary(rules: rules)
        sections = try SectionFinder(rules: rules)
        analyzer = ClauseAnalyzer(vocabulary: vocabulary)
        let deep = try settings.flags("sentence", allowed: ["deep"])["deep"] ?? false
        // Loaded once per process; when the library is missing a note goes to stderr once.
        deepParser = deep ? DeepStage.shared : nil
    }

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        // Nothing to do when config switched every sentence rule off.
        if Self.ruleIDs.allSatisfy(context.disabledRules.contains) { return [] }
        var out: [Diagnostic] = []
        let linted = document.lintedBlocks
        let sections = self.sections.sections(of: document)
        var afterQuestionHeading = false
        // The page's first prose paragraph under its title (only headings, titles and label-shaped
        // lines such as a price or a size before it): its first unit is a standfirst, which may be
        // verbless. A paragraph with nothing above it is judged as usual.
        var seenProse = false, seenTitle = false
        // The clause analyses' arrays, reused from sentence to sentence of the page.
        var buffers = ClauseBuffers()
        for block in linted {
            // Entries of a references, further-reading or ingredients section are citations and
            // lists, not prose. A lone "Source: ..." line is still judged.
            let inListSection = sections.section(of: block.index).map { $0.role != .labelledLine } ?? false
            // A question on its own: a heading, or (plain text) a one-sentence paragraph ending in "?".
            defer {
                afterQuestionHeading = endsWithQuestionMark(block)
                    && (block.kind.isHeading || (block.sentences.count == 1 && wordCount(block, block.sentences[0].tokens) <= Self.labelMaxWords))
            }
            let labelShaped = !seenProse && isLabelShaped(block)
            // A title, a top heading or a title-shaped line; section headings (level 2 and below) open no page.
            let titleLike: Bool
            switch block.kind {
            case .title, .heading(level: 1): titleLike = true
            case .heading: titleLike = false
            default: titleLike = labelShaped
            }
            defer { if titleLike { seenTitle = true } else if !labelShaped { seenProse = true } }
            guard !block.kind.isLabel, !block.block.quoted, !inListSection else { continue }
            let opensPage = seenTitle && !seenProse && block.kind == .paragraph && !labelShaped
            for si in block.sentences.indices {
                checkSentence(block, si, answersHeading: si == 0 && afterQuestionHeading, standfirst: si == 0 && opensPage, buffers: &buffers, into: &out)
            }
        }
        if !context.disabledRules.contains("sentence.dangling-lead-in") {
            checkLeadIns(linted, into: &out)
        }
        return out
    }

    // MARK: Page structure

    /// A lowercase word glued to a dot, colon or slash and more text is a web address, not a
    /// sentence start: "nhs.uk", "www.nhs.uk/...", "https://...", "btf-thyroid.org.uk".
    private func isWebAddress(_ block: AnalyzedBlock, _ tok: Token) -> Bool {
        let b = block.utf8
        let end = Int(tok.end)
        guard end + 1 < b.count else { return false }
        let sep = b[end], next = b[end + 1]
        guard sep == UInt8(ascii: ".") || sep == UInt8(ascii: ":") || sep == UInt8(ascii: "/") else { return false }
        let isAlnum = (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
            || (next >= 0x30 && next <= 0x39)
        return isAlnum || (sep == UInt8(ascii: ":") && next == UInt8(ascii: "/"))
    }

    /// Whether the block's last character other than whitespace is "?". Over the block's bytes
    /// when the end is ASCII (nearly always): the `Character` walk back from the end of every
    /// block's `String` showed in profiles. ASCII whitespace never joins a grapheme cluster, so
    /// the answer is the same; anything else takes the `String` path.
    private func endsWithQuestionMark(_ block: AnalyzedBlock) -> Bool {
        let b = block.utf8
        var i = b.count - 1
        while i >= 0, b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D) { i -= 1 }
        // A byte before the mark may be a character that prefixes it (a grapheme "Prepend").
        if i >= 0, b[i] < 0x80, i == 0 || b[i - 1] < 0x80 { return b[i] == UInt8(ascii: "?") }
        if i < 0 { return false }
        return block.block.text.last(where: { !$0.isWhitespace }) == "?"
    }

    // MARK: One sentence

    private func wordCount(_ block: AnalyzedBlock, _ range: Range<Int>) -> Int {
        var n = 0
        for t in range where block.tokens[t].kind == .word || block.tokens[t].kind == .number { n += 1 }
        return n
    }

    private func key(_ block: AnalyzedBlock, _ w: AnalyzedWord) -> WordKey { block.tokens[w.token].key }

    private func diagnostic(_ rule: String, _ block: AnalyzedBlock, _ range: Range<Int>, _ values: [String: String],
                            suggestion: String? = nil, replacement: String? = nil) -> Diagnostic {
        let message = descriptions[rule]?.render(values) ?? rule
        return Diagnostic(rule: rule, location: .text(block: block.index, range: range), message: message,
                          suggestion: suggestion, replacement: replacement, details: values)
    }

    /// A short excerpt of a unit for messages: its first words.
    private func opening(_ block: AnalyzedBlock, _ range: Range<Int>, words: Int = 4) -> String {
        var end = range.lowerBound, seen = 0
        for t in range {
            if block.tokens[t].kind == .word || block.tokens[t].kind == .number { seen += 1 }
            end = t + 1
            if seen >= words { break }
        }
        let text = block.text(block.utf8Range(ofTokens: range.lowerBound..<end))
        return end < range.upperBound ? text + "..." : text
    }

    private func isTitleCase(_ clause: Clause, _ block: AnalyzedBlock) -> Bool {
        var long = 0, capitalised = 0
        for w in clause.words where block.tokens[w.token].length > 3 {
            long += 1
            if w.isCapitalized { capitalised += 1 }
        }
        return long >= 2 && capitalised * 10 >= long * 7
    }

    /// `answersHeading`: the unit opens the paragraph under a question heading ("Is tap water
    /// safe?" then "No, not straight from the tap."), so a short verbless answer (at most
    /// `labelMaxWords` words) is deliberate.
    /// `standfirst`: the unit opens the page's first prose paragraph ("A rich, non-greasy balm for
    /// dry heels.", "Patient information from the respiratory team."), a summary line that
    /// is verbless by convention, so it is not judged as a fragment.
    private func checkSentence(_ block: AnalyzedBlock, _ si: Int, answersHeading: Bool, standfirst: Bool, buffers: inout ClauseBuffers,
                               into out: inout [Diagnostic]) {
        let s = block.sentences[si]
        let words = wordCount(block, s.tokens)
        guard words > 0 else { return }
        let terminated = s.terminator.map { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\u{2026}" } ?? false
        // Labels: headings, captions and list labels written as paragraphs.
        if !terminated && s.terminator != ":" && words <= Self.labelMaxWords { return }
        var clause = analyzer.analyze(block, s.tokens, reusing: &buffers)
        defer { buffers.recycle(&clause) }
        if isTitleCase(clause, block) { return }
        var reported = checkRestarts(block, s, clause, into: &out)
        if !reported { reported = checkLowercaseStart(block, si, clause, into: &out) }
        // After "Figure 2." the rest of the unit is the caption.
        let afterLabel = si > 0 && block.sentences[si - 1].tokens.first.map { vocabulary.labelLeads.contains(block.tokens[$0].key) } == true
        // "The result? Fewer infections." answers a question: a deliberate fragment.
        // Under a question heading only a short answer is taken as deliberate: a long verbless
        // unit there ("Yes, cyclist using it to recover faster after the race because ...") is broken.
        let answersQuestion = (si > 0 && block.sentences[si - 1].terminator == "?") || (answersHeading && words <= Self.labelMaxWords)
        // List items, bulleted or chapter lines ("04:15 ..."), are never judged as fragments.
        if !reported, !afterLabel, !answersQuestion, !standfirst, !block.kind.isListItem, !s.isItemLine, s.terminator == "." || s.terminator == "!" {
            reported = checkFragment(block, s, clause, words: words, into: &out)
        }
        if !reported { checkCommaSplice(block, s, clause, into: &out) }
    }

    // MARK: Run-ons

    /// A lowercase word directly followed by a capitalised common word that starts a new
    /// clause: "the cream softens calluses Many readers use it daily."
    private func checkRestarts(_ block: AnalyzedBlock, _ s: Sentence, _ clause: Clause, into out: inout [Diagnostic]) -> Bool {
        let v = vocabulary
        let ws = clause.words
        var found = false
        var j = 1
        while j < ws.count {
            defer { j += 1 }
            let w = ws[j]
            let tok = block.tokens[w.token]
            guard tok.kind == .word, w.isCapitalized, !w.isAllCaps, !w.hasInnerCapital, !w.afterComma else { continue }
            // Single letters other than "I" and "A" are names: "hepatitis B", "Plan B".
            if tok.length == 1 && tok.key != WordKeys.i && tok.key != WordKeys.a { continue }
            // Months, codes and short forms: "online May", "factors Ang-2", "breast Ca".
            if Self.months.contains(tok.key) { continue }
            if block.utf8[tok.range].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { continue }
            if let u = block.text(of: tok).unicodeScalars.first, !u.isASCII { continue }
            let prevTok = block.tokens[w.token - 1]
            let k = tok.key, pk = prevTok.key
            let strong = v.restartWords.contains(k) || v.subjectPronouns.contains(k)
            let pronoun = v.subjectPronouns.contains(k)
            // The word before is lowercase; a name before a strong restart word also counts ("from October But").
            let functionWord = v.determiners.contains(k) || v.subjectPronouns.contains(k) || v.coordinators.contains(k)
            guard prevTok.kind == .word, prevTok.end < tok.start,
                  !prevTok.isCapitalized || (functionWord && k != WordKeys.a && j > 1 && !prevTok.isAllCaps && !(j + 1 < ws.count && ws[j + 1].afterComma)) else { continue }
            let prev = ws[j - 1]
            if v.namingWords.contains(pk) || v.coordinators.contains(pk) || prev.role == .determiner { continue }
            // "in The Lancet" is a title; "go down It may" is a restart.
            if (v.prepositions.contains(pk) || pk == WordKeys.to) && !pronoun { continue }
            // "bisphenol A", "triple A": "A" restarts only after a verb, pronoun or adverb.
            if k == WordKeys.a {
                // "bisphenol A exposure", "activins A and B", "rs99 A allele": a name. "A exposure" would be "An".
                guard j + 1 < ws.count, prev.primary != .adjective, !block.utf8[prevTok.range].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
                let nextKey = key(block, ws[j + 1])
                if v.coordinators.contains(nextKey) || v.prepositions.contains(nextKey) { continue }
                if let c = block.text(of: block.tokens[ws[j + 1].token]).first, "aeiouAEIOU".contains(c) { continue }
            }
            if v.prepositionalSubordinators.contains(pk) || v.determiners.contains(pk) || v.relatives.contains(pk) { continue }
            // "What can I do?", "When should I see a GP?": a question puts the subject after its
            // auxiliary or modal; that is inversion, not a new sentence.
            if pronoun, s.terminator == "?", v.modals.contains(pk) || v.finiteAuxiliaries.contains(pk) || v.baseAuxiliaries.contains(pk) { continue }
            if !v.subordinators.matches(startingAt: w.token - 1, in: block.tokens).isEmpty { continue }
            if Self.letterNamers.contains(pk) { continue }
            // "- 70% said they would use it again\nThese results describe...": a line after an
            // unpunctuated list item is the paragraph after the list, folded into the item.
            if block.kind.isListItem, block.block.lineStarts.contains(Int(tok.start)) { continue }
            // A run of capitalised words is a name or a title ("Mayo Clinic", "Eat Well Live Longer").
            if j + 1 < ws.count, ws[j + 1].isCapitalized, !ws[j + 1].afterComma, !(strong && ws[j + 1].isAllCaps),
               block.tokens[ws[j + 1].token].length > 1 || block.tokens[ws[j + 1].token].key == WordKeys.i { continue }
            // Windows around the restart keep a huge unpunctuated unit linear, not quadratic.
            let right = analyzer.analyze(block, w.token..<min(s.tokens.upperBound, w.token + Self.restartWindow))
            if strong {
                guard right.hasMainVerb || !right.allFinite.isEmpty else { continue }
            } else {
                // A content word after a verb is its object ("patients who take Ozempic lose weight"),
                // after an adjective or a quantity a name ("active Ebola", "million Americans").
                if [.finite, .weakFinite, .base, .participle].contains(prev.role) { continue }
                if prev.primary == .adjective || prev.tags.contains(.gerund) || prev.tags.contains(.participle) || prev.tags.contains(.number) { continue }
                if Self.quantityWords.contains(pk) || tok.length <= 2 { continue }
                // "B-cell", "T-cells": a letter and a hyphen is a term, not a restart.
                if tok.length > 1 && block.utf8[tok.range.lowerBound + 1] == UInt8(ascii: "-") { continue }
                // "polyclonal Tregs", "northeast China": an adjective-like word before a name.
                let prevText = block.text(of: prevTok).lowercased()
                if ["al", "ic", "ar", "ary", "ern", "east", "west", "north", "south"].contains(where: { prevText.hasSuffix($0) }) { continue }
                // The new clause's verb comes soon after its first word ("Cold weather narrows"),
                // or the first word is an -ing subject ("Swimming builds").
                guard let f = right.finite.first, f <= 5 || (w.tags.contains(.gerund) && right.words.first?.role == .participle) else { continue }
                // "Toxoplasma gondii, found in...": a verb after a comma belongs to an aside.
                if f >= 1 && right.words[1...f].contains(where: { $0.afterComma }) { continue }
                if f > 2 && right.words[1..<f].contains(where: { $0.role == .finite }) { continue }
            }
            let left = analyzer.analyze(block, max(s.tokens.lowerBound, w.token - Self.restartWindow)..<w.token)
            guard !left.allFinite.isEmpty || left.hasMainVerb else { continue }
            let prevText = block.text(of: prevTok), word = block.text(of: tok)
            let range = Int(prevTok.start)..<Int(tok.end)
            let firstWord = ws[0]
            let opensSubordinate = !v.subordinators.matches(startingAt: firstWord.token, in: block.tokens, limit: s.tokens.upperBound).isEmpty
                || v.prepositionalSubordinators.contains(key(block, firstWord))
            if opensSubordinate && !left.words.contains(where: { $0.afterComma }) {
                let isCoordinator = v.coordinators.contains(k)
                let lowered = k == WordKeys.i ? word : word.lowercased()
                let replacement = isCoordinator ? "\(prevText)," : "\(prevText), \(lowered)"
                let fix = isCoordinator ? "drop '\(word)' and put a comma after '\(prevText)'" : "put a comma after '\(prevText)' and lowercase '\(word)'"
                out.append(diagnostic("sentence.fused-subordinate", block, range,
                                      ["word": word, "previous": prevText, "lead": block.text(of: block.tokens[firstWord.token]), "fix": fix],
                                      suggestion: fix, replacement: replacement))
            } else {
                out.append(diagnostic("sentence.run-on", block, range, ["word": word, "previous": prevText],
                                      suggestion: "add a period before '\(word)'", replacement: "\(prevText). \(word)"))
            }
            found = true
        }
        return found
    }

    // MARK: Lowercase start

    private func checkLowercaseStart(_ block: AnalyzedBlock, _ si: Int, _ clause: Clause, into out: inout [Diagnostic]) -> Bool {
        guard si > 0, let first = clause.words.first else { return false }
        let s = block.sentences[si]
        let prev = block.sentences[si - 1]
        guard let term = prev.terminator, term == "." || term == "!" || term == "?" || term == "\u{2026}" else { return false }
        let tok = block.tokens[first.token]
        guard first.token == s.tokens.lowerBound, tok.kind == .word, !tok.isCapitalized, !first.hasInnerCapital else { return false }
        guard let scalar = block.text(of: tok).unicodeScalars.first, scalar.properties.isLowercase else { return false }
        // "NHS. Hives. nhs.uk/conditions/hives/": a web address after a period.
        if isWebAddress(block, tok) { return false }
        let word = block.text(of: tok)
        if clause.hasMainVerb && !clause.words.isEmpty && clause.finite.first.map({ $0 <= 3 }) ?? clause.imperativeAtStart {
            // A whole sentence that only lost its capital.
            let capital = word.prefix(1).uppercased() + word.dropFirst()
            out.append(diagnostic("sentence.lowercase-start", block, tok.range,
                                  ["word": word, "fix": "capitalise it ('\(capital)')"],
                                  suggestion: "capitalise '\(word)'", replacement: capital))
        } else {
            // A piece split off the previous sentence: join it back with a comma.
            let termTok = block.tokens[prev.tokens.upperBound - 1]
            let range = Int(termTok.start)..<Int(tok.end)
            let fix = "replace the period before '\(word)' with a comma to join it to the previous sentence"
            out.append(diagnostic("sentence.lowercase-start", block, range, ["word": word, "fix": fix],
                                  suggestion: fix, replacement: ", \(word)"))
        }
        return true
    }

    // MARK: Fragments

    private func isLabelLike(_ block: AnalyzedBlock, _ s: Sentence, _ clause: Clause) -> Bool {
        guard let first = clause.words.first else { return true }
        if vocabulary.labelLeads.contains(key(block, first)) { return true }
        if isNotice(block, s, clause) { return true }
        // "Dose: 5 mg twice daily." "Source: NHS."
        for t in s.tokens.prefix(6) where block.tokens[t].kind == .punctuation && block.utf8[Int(block.tokens[t].start)] == UInt8(ascii: ":") {
            return true
        }
        // Quoted speech and titles in quotes.
        let firstTok = block.tokens[s.tokens.lowerBound]
        if firstTok.kind == .symbol {
            let c = block.utf8[Int(firstTok.start)]
            if c == UInt8(ascii: "\"") || c == 0xE2 || c == UInt8(ascii: "'") { return true }
        }
        // Citations and references: "Smith J, Jones K. ... 2020;12:34."
        var digits = 0
        for t in s.tokens where block.tokens[t].kind == .number { digits += 1 }
        if digits >= 3 { return true }
        return false
    }

    static let inKey = WordKey("in")

    /// Pack and label notices, elliptical by convention: a short unit opening with "Not" ("Not
    /// suitable for children under 12.", "Not for use by anyone under 18.", "Not tested on
    /// animals."; not a base verb or an -ing form: "Not mix with coffee."), and an origin line,
    /// a participle, "in" and a capitalised place ("Made in the UK.", "Manufactured in Italy.").
    private func isNotice(_ block: AnalyzedBlock, _ s: Sentence, _ clause: Clause) -> Bool {
        let ws = clause.words
        guard let first = ws.first, first.isCapitalized else { return false }
        let words = wordCount(block, s.tokens)
        // "Not mix with coffee." lost its "Do": a base verb (or an -ing form) after "Not" is broken.
        if key(block, first) == WordKeys.not {
            let next = ws.count > 1 ? ws[1] : first
            let verb = next.primary == .gerund || (next.tags.contains(.verbBase) && next.primary != .adjective)
            return words <= Self.labelMaxWords && ws.count > 1 && !verb
        }
        guard words <= 6, ws.count >= 3, first.role == .participle || first.primary == .past,
              key(block, ws[1]) == Self.inKey, !ws[1].afterComma else { return false }
        let place = key(block, ws[2]) == WordKeys.the && ws.count > 3 ? ws[3] : ws[2]
        return place.isCapitalized || place.isAllCaps
    }

    /// Adverbs that may come before a subordinator: "Especially when the child is small."
    static let focusAdverbs: Set<WordKey> = Set(["especially", "particularly", "mainly", "mostly", "only", "even", "just", "partly", "simply", "probably"].map { WordKey($0) })

    private func subordinatorLength(_ block: AnalyzedBlock, _ s: Sentence, _ clause: Clause) -> Int? {
        guard var first = clause.words.first, first.token == s.tokens.lowerBound else { return nil }
        var skipped = 0
        if Self.focusAdverbs.contains(first.token == s.tokens.lowerBound ? block.tokens[first.token].key : WordKeys.empty), clause.words.count > 1 {
            first = clause.words[1]
            skipped = 1
        }
        if vocabulary.subordinatorStarts.contains(block.tokens[first.token].key),
           let m = vocabulary.subordinators.longestMatch(startingAt: first.token, in: block.tokens, limit: s.tokens.upperBound) {
            var n = skipped
            for t in first.token..<m.end where block.tokens[t].kind == .word { n += 1 }
            return n
        }
        return nil
    }

    private func checkFragment(_ block: AnalyzedBlock, _ s: Sentence, _ clause: Clause, words: Int, into out: inout [Diagnostic]) -> Bool {
        guard !isLabelLike(block, s, clause), let first = clause.words.first else { return false }
        let v = vocabulary
        let firstKey = key(block, first)
        // Message parts, built only when a finding is reported (most sentences report none).
        lazy var leadText = block.text(of: block.tokens[first.token])
        let range = s.range
        lazy var excerpt = opening(block, s.tokens)
        let subLength = subordinatorLength(block, s, clause)
        let isRelative = v.relatives.contains(firstKey) && s.terminator == "."
        // "Because of", "since 2019": a preposition, not a subordinator.
        let secondKey = clause.words.count > 1 ? key(block, clause.words[1]) : WordKeys.empty
        let prepositionalUse = secondKey == WordKeys.of
            || (v.prepositionalSubordinators.contains(firstKey) && clause.words.count > 1 && clause.words[1].tags.contains(.number))

        // A unit that opens with a participle needs a sure verb ("Offering free blood pressure checks" has none).
        let startsWithParticiple = first.role == .participle && !first.tags.contains(.preposition)
        let firstComma = clause.words.indices.dropFirst().first { clause.words[$0].afterComma } ?? clause.words.count
        let sureVerb = clause.finite.contains { clause.words[$0].role == .finite || $0 >= firstComma } || clause.imperativeAtStart || clause.imperativeAfterComma != nil
        // Deep stage: a short unit whose verb is only a guess ("The ointment chapped lips from
        // the wind") is a fragment when Link Grammar finds no complete clause in it.
        if let parser = deepParser, clause.hasMainVerb, !startsWithParticiple, subLength == nil, !isRelative, words >= Self.nounPhraseMinWords,
           clause.imperativeAtStart == false, clause.imperativeAfterComma == nil,
           words <= 15, clause.finite.allSatisfy({ clause.words[$0].role == .weakFinite }),
           parser.classify(block.text(of: s)) != .clause {
            out.append(diagnostic("sentence.noun-phrase-fragment", block, range, ["start": excerpt],
                                  suggestion: "this phrase has no verb; join it to the previous sentence or add a verb"))
            return true
        }
        if !clause.hasMainVerb || (startsWithParticiple && !sureVerb && words >= 3) {
            if let n = subLength, !prepositionalUse, words > n + 1 {
                out.append(diagnostic("sentence.subordinate-fragment", block, range, ["start": excerpt, "lead": leadText],
                                      suggestion: "join it to the sentence before or after it, or add a main clause"))
                return true
            }
            if isRelative && words >= 3 {
                out.append(diagnostic("sentence.subordinate-fragment", block, range, ["start": excerpt, "lead": leadText],
                                      suggestion: "join it to the previous sentence with a comma"))
                return true
            }
            let infinitive = first.tags == .to || firstKey == WordKeys.to
            let participle = first.role == .participle && !first.tags.contains(.preposition)
            if (participle || (infinitive && clause.words.count > 1 && clause.words[1].role == .base)) && words >= 3 {
                let kind = infinitive ? "an infinitive ('\(leadText) ...')" : "a participle ('\(leadText)')"
                out.append(diagnostic("sentence.participle-fragment", block, range, ["start": excerpt, "lead": leadText, "kind": kind],
                                      suggestion: "join it to the previous sentence or give it a subject and a verb"))
                return true
            }
            // "Leaves hair soft and shiny.", "Helps reduce breakage.": product copy leaves out
            // the subject (the product) of a verb whose usual reading is the -s form.
            if first.primary == .verbS, first.isCapitalized, clause.words.count > 1,
               clause.words[1].tags.intersection([.preposition, .coordinator]).isEmpty, !clause.words[1].afterComma {
                return false
            }
            if words >= Self.nounPhraseMinWords {
                // Deep stage: Link Grammar finds a full clause the fast stage missed.
                if let parser = deepParser, parser.classify(block.text(of: s)) == .clause { return false }
                out.append(diagnostic("sentence.noun-phrase-fragment", block, range, ["start": excerpt],
                                      suggestion: "this phrase has no verb; join it to the previous sentence or add a verb"))
                return true
            }
            return false
        }
        // A subordinate clause with no main clause: "Because the skin was dry."
        var opens = false, prepositional = false
        if let n = subLength, !prepositionalUse, n < clause.words.count {
            opens = true
        } else if isRelative {
            opens = true
        } else if v.prepositionalSubordinators.contains(firstKey), !prepositionalUse, let f = clause.finite.first {
            prepositional = true
            // "After the cream dries." is a clause; "After the surgery the patient rested." is not.
            var phraseStarts = 0
            // "After chickenpox the virus lies dormant", "Before this study there was": a bare noun
            // right after the subordinator and an existential "there" start phrases too.
            for (n, w) in clause.words[1..<f].enumerated() where w.role == .determiner || w.role == .pronoun || (w.isCapitalized && !w.afterComma)
                || (n == 0 && w.role == .nominal) || key(block, w) == WordKeys.there { phraseStarts += 1 }
            // "After shaving, rinse your face": a verb right after the comma that closes a verbless
            // opening phrase is the main verb (an imperative read as a finite verb before its object).
            opens = phraseStarts <= 1 && !clause.words[1...f].contains(where: { $0.afterComma })
        }
        guard opens, isRelative || !hasMainClause(block, clause, prepositional: prepositional) else { return false }
        out.append(diagnostic("sentence.subordinate-fragment", block, range, ["start": excerpt, "lead": leadText],
                              suggestion: "join it to the sentence before or after it, or add a main clause"))
        return true
    }

    /// Whether a sentence that opens with a subordinate clause also has a main clause. The
    /// analysis already sets aside the verb of a clause opened by a subordinator; after a
    /// prepositional one ("After the cream dries"), the first verb is the clause's own.
    private func hasMainClause(_ block: AnalyzedBlock, _ clause: Clause, prepositional: Bool) -> Bool {
        let v = vocabulary
        if clause.imperativeAfterComma != nil { return true }
        guard prepositional else { return !clause.finite.isEmpty }
        let ws = clause.words
        guard clause.finite.count >= 2 else { return false }
        let f1 = clause.finite[0], f2 = clause.finite[1]
        if ws[(f1 + 1)...f2].contains(where: { $0.afterComma }) { return true }
        // No comma: "As it dries it tightens." has a second subject and verb with no link word.
        for w in ws[(f1 + 1)..<f2] {
            let k = key(block, w)
            if v.coordinators.contains(k) || v.relatives.contains(k) || k == WordKeys.that || w.role == .function { return false }
        }
        let subject = ws[f2 - 1]
        return f2 - f1 >= 2 && (subject.role == .pronoun || subject.role == .nominal)
    }

    // MARK: Comma splices

    private func checkCommaSplice(_ block: AnalyzedBlock, _ s: Sentence, _ clause: Clause, into out: inout [Diagnostic]) {
        let v = vocabulary
        let ws = clause.words
        guard ws.count >= 5, ws.count <= Self.spliceMaxWords, let first = ws.first else { return }
        let firstKey = key(block, first)
        if subordinatorLength(block, s, clause) != nil || v.prepositionalSubordinators.contains(firstKey) || v.relatives.contains(firstKey) { return }
        if firstKey == WordKeys.to || v.labelLeads.contains(firstKey) { return }
        // Quoted speech ("'Rest,' she said") is left alone.
        if block.tokens[s.tokens.lowerBound].kind == .symbol { return }
        var clauseStart = 0
        for j in ws.indices.dropFirst() where ws[j].afterComma {
            let sep = block.tokens[ws[j].token - 1]
            let sepByte = block.utf8[Int(sep.start)]
            // A semicolon, colon or dash starts a new clause: the left side is counted from there.
            if sep.kind == .punctuation && sepByte != UInt8(ascii: ",") { clauseStart = j; continue }
            guard sep.kind == .punctuation, sepByte == UInt8(ascii: ","), ws[j].token - 1 > ws[j - 1].token else { continue }
            let leftKey = key(block, ws[clauseStart])
            // "In a study of 1339 children, we found": an introductory phrase, not a clause.
            if !ws[clauseStart].cls.isDisjoint(with: WordClass.anyPrepositionPrepositionalSubordinator) || Self.conjunctiveAdverbs.contains(leftKey) { continue }
            // "...; however, it remains": a linking word before the comma.
            let before = key(block, ws[j - 1])
            if Self.conjunctiveAdverbs.contains(before) || ws[j - 1].cls.contains(.coordinator) { continue }
            // "that although X, Y": the comma closes a subordinate clause.
            let opensClause: (Int) -> Bool = { i in
                !ws[i].cls.isDisjoint(with: WordClass.anyPrepositionPrepositionalSubordinator) || v.subordinators.longestMatch(startingAt: ws[i].token, in: block.tokens) != nil
            }
            if opensClause(clauseStart) { continue }
            if (clauseStart + 1..<j).contains(where: { key(block, ws[$0 - 1]) == WordKeys.that && opensClause($0) }) { continue }
            // "..., while the mechanisms are alike, the effect...", ", using a model, they show":
            // the comma closes an aside that opened after an earlier comma.
            if let asideStart = (clauseStart..<j).last(where: { ws[$0].afterComma }), asideStart > clauseStart {
                let k = key(block, ws[asideStart])
                if opensClause(asideStart) || ws[asideStart].role == .participle || v.relatives.contains(k) || Self.conjunctiveAdverbs.contains(k) { continue }
            }
            // Left: a complete clause of its own.
            let leftFinite = clause.finite.filter { $0 >= clauseStart && $0 < j }
            guard !leftFinite.isEmpty || (clauseStart == 0 && clause.imperativeAtStart) else { continue }
            // Right: a subject pronoun or a short noun phrase, then a finite verb.
            var segEnd = j + 1
            while segEnd < ws.count && !ws[segEnd].afterComma { segEnd += 1 }
            let rk = key(block, ws[j])
            var verbAt: Int?
            if v.subjectPronouns.contains(rk) || rk == WordKeys.this || rk == WordKeys.there {
                var k = j + 1
                while k < segEnd && ws[k].role != .finite && ws[k].tags.contains(.adverb) && k < j + 3 { k += 1 }
                if k < segEnd && ws[k].role == .finite { verbAt = k }
            } else if rk == WordKeys.the || rk == WordKeys.these || rk == WordKeys.most || rk == WordKeys.many {
                var k = j + 1
                while k < segEnd && k <= j + 3 && ws[k].role == .nominal { k += 1 }
                if k > j + 1, k < segEnd, ws[k].role == .finite, ws[k].tags.intersection([.noun, .plural]).isEmpty || ws[k].primary != .noun { verbAt = k }
            }
            guard let verb = verbAt else { continue }
            // "The gel works, I think." is a parenthetical, not a second sentence.
            if segEnd - j <= 4 && (j..<segEnd).contains(where: { v.reportingVerbs.contains(key(block, ws[$0])) }) { continue }
            // "It is cheap, it is fast, and it works": a deliberate series.
            if ws[segEnd...].contains(where: { $0.afterComma && v.coordinators.contains(key(block, $0)) }) { return }
            if ws[verb].tags.contains(.noun) && ws[verb].primary == .noun && !objectLikeAfter(clause, verb, block) { continue }
            let nextWord = block.text(of: block.tokens[ws[j].token])
            out.append(diagnostic("sentence.comma-splice", block, sep.range, ["word": nextWord],
                                  suggestion: "use a period or a semicolon before '\(nextWord)', or add 'and' or 'but'",
                                  replacement: ";"))
            return
        }
    }

    private func objectLikeAfter(_ clause: Clause, _ i: Int, _ block: AnalyzedBlock) -> Bool {
        analyzer.objectLike(clause.words, i + 1, block)
    }

    // MARK: Dangling lead-ins

    private func isLabelShaped(_ block: AnalyzedBlock) -> Bool {
        if block.kind.isLabel { return true }
        guard let last = block.sentences.last else { return false }
        let terminated = last.terminator.map { $0 == "." || $0 == "!" || $0 == "?" || $0 == ":" || $0 == "\u{2026}" } ?? false
        return !terminated && block.sentences.count == 1 && wordCount(block, last.tokens) <= Self.labelMaxWords
    }

    private func promisedCount(_ block: AnalyzedBlock, _ s: Sentence) -> Int? {
        var t = s.tokens.lowerBound
        while t < s.tokens.upperBound {
            let tok = block.tokens[t]
            var n: Int?
            if tok.kind == .number, let value = Int(block.text(of: tok)), value >= 2, value <= 20 { n = value }
            if let w = vocabulary.numberWords[tok.key], w >= 2 { n = w }
            if let n {
                // "three warning signs", "five simple steps": a plural noun within three words.
                var k = t + 1
                while k < min(s.tokens.upperBound, t + 4) {
                    let e = analyzer.entry(block, k)
                    if block.tokens[k].kind == .word && e.tags.contains(.plural) && !e.tags.contains(.verbBase) { return n }
                    k += 1
                }
            }
            t += 1
        }
        return nil
    }

    private func checkLeadIns(_ linted: [AnalyzedBlock], into out: inout [Diagnostic]) {
        let v = vocabulary
        for (n, block) in linted.enumerated() {
            guard !block.kind.isLabel, !block.block.quoted, let last = block.sentences.last, let lastTok = block.tokens.last else { continue }
            let next = n + 1 < linted.count ? linted[n + 1] : nil
            let endsWithColon = lastTok.kind == .punctuation && block.utf8[Int(lastTok.start)] == UInt8(ascii: ":")
            lazy var excerpt = opening(block, last.tokens, words: 6)
            let promises = last.tokens.contains { v.promiseStarts.contains(block.tokens[$0].key) && !v.promisePhrases.matches(startingAt: $0, in: block.tokens, limit: last.tokens.upperBound).isEmpty }
            let range = last.range
            if endsWithColon {
                guard !block.kind.isListItem || next == nil else { continue }
                var problem: String?
                if let next {
                    switch next.kind {
                    case .listItem(_, _, let listID):
                        if let promised = promisedCount(block, last) {
                            var items = 0
                            for b in linted[(n + 1)...] {
                                if case .listItem(_, _, let id) = b.kind, id == listID { items += 1 } else { break }
                            }
                            if items < promised {
                                problem = "the lead-in promises \(promised) items but the list below has \(items)"
                            }
                        }
                    case .tableCell, .blockquote, .figcaption, .imageAlt:
                        break
                    case .title, .heading:
                        problem = "the colon promises content, but a heading follows"
                    case .paragraph:
                        // A heading written as a plain-text line, with a new section after it.
                        if isLabelShaped(next), n + 2 >= linted.count || !isLabelShaped(linted[n + 2]) {
                            problem = "the colon promises content, but a heading follows"
                        } else if promises || promisedCount(block, last) != nil {
                            // "The benefits are listed below:" then ordinary prose: the list is gone.
                            problem = "it promises a list, but a paragraph follows"
                        }
                    }
                } else {
                    problem = "the colon promises content, but nothing follows"
                }
                if let problem {
                    out.append(diagnostic("sentence.dangling-lead-in", block, range, ["start": excerpt, "problem": problem],
                                          suggestion: "add the list or content it introduces, or end the sentence with a period"))
                }
            } else if promises && (last.terminator == "." || last.terminator == nil) && next == nil {
                out.append(diagnostic("sentence.dangling-lead-in", block, range,
                                      ["start": excerpt, "problem": "it points to content below, but nothing follows"],
                                      suggestion: "add the content it points to, or remove the reference"))
            } else if promises && last.terminator == ".", let next, next.kind.isHeading || isLabelShaped(next),
                      last.tokens.contains(where: { block.tokens[$0].key == WordKeys.listed || block.tokens[$0].key == WordKeys.following }) {
                out.append(diagnostic("sentence.dangling-lead-in", block, range,
                                      ["start": excerpt, "problem": "it points to a list below, but a heading follows"],
                                      suggestion: "add the list it points to, or remove the reference"))
            }
        }
        // A numbered list with a gap in its numbers: "1., 2., 4.".
        var previous: (listID: Int, index: Int)?
        for block in linted {
            guard case .listItem(true, let index, let listID) = block.kind else { previous = nil; continue }
            if let p = previous, p.listID == listID, index > p.index + 1, let first = block.sentences.first {
                let missing = p.index + 1 == index - 1 ? "item \(p.index + 1) is" : "items \(p.index + 1) to \(index - 1) are"
                out.append(diagnostic("sentence.dangling-lead-in", block, first.range,
                                      ["start": opening(block, first.tokens), "problem": "the numbered list jumps from \(p.index) to \(index): \(missing) missing"],
                                      suggestion: "restore the missing items or renumber the list"))
            }
            previous = (listID, index)
        }
    }
}

import ClaimlintCore

/// The paraphrase families a disclaimer is recognised in.
enum DisclaimerFamily: String, Sendable, CaseIterable {
    /// "for informational purposes only"
    case informationalOnly = "informational-only"
    /// "this is not medical advice"
    case notAdvice = "not-medical-advice"
    /// "not a substitute for professional medical advice"
    case notSubstitute = "not-a-substitute"
    /// "consult your doctor before starting any supplement"
    case consultBefore = "consult-before-acting"
    /// "never disregard professional medical advice"
    case neverDisregard = "never-disregard"
    /// The US supplement label statement (21 CFR 101.93); counts on supplement pages only.
    case supplementStatement = "supplement-statement"
    /// A block headed "Disclaimer" that talks about advice or professionals.
    case labelled = "labelled"
}

/// Where a found disclaimer sits, and whether readers will see it.
enum DisclaimerPlacement: Sendable, Equatable {
    case prominent
    case caption
    case altText
    case tableCell
    case afterComments
    case chrome

    var isWeak: Bool { self != .prominent }

    /// For messages: "it sits only in {where}".
    var description: String {
        switch self {
        case .prominent: "the article"
        case .caption: "an image or table caption"
        case .altText: "an image's alt text"
        case .tableCell: "a table cell"
        case .afterComments: "the text after the comments"
        case .chrome: "the page chrome outside the article (footer, sidebar or header)"
        }
    }
}

/// One disclaimer statement found in the page.
struct FoundDisclaimer: Sendable {
    var family: DisclaimerFamily
    var block: Int
    var sentence: Int
    var text: String
    var placement: DisclaimerPlacement
    /// "top", "body" or "end" of the page.
    var position: String
}

/// "See a doctor if symptoms persist": advice to consult that is about a symptom, not the page.
struct PassingAdvice: Sendable {
    var block: Int
    var text: String
    var sentence = 0
    /// The consult verb's token ("see" in "see a doctor if ...").
    var verb = 0
}

/// Recognises disclaimers in every paraphrase family, from `Rules/disclaimer.yml`.
struct DisclaimerVocabulary: Sendable {
    /// Tokens between the two halves of a split consult verb ("run ... past").
    static let splitConsultGap = 10
    let direct: PhraseTrie<DisclaimerFamily>
    let substituteFrames: PhraseTrie<Bool>
    let adviceTerms: PhraseTrie<Bool>
    let consultVerbs: PhraseTrie<Bool>
    /// "them", "him": after a consult verb, the professional of the block's previous sentence.
    let consultPronouns: PhraseTrie<Bool>
    let professionals: PhraseTrie<Bool>
    /// `true` for a cue ("before giving"), `false` for a longer look-alike that starts the same
    /// way ("before giving birth"): leftmost-longest matching lets the exception win.
    let actingCues: PhraseTrie<Bool>
    let referents: PhraseTrie<Bool>
    /// Words that limit what the page is ("not", "only", "general", "rather than").
    let limitations: PhraseTrie<Bool>
    let labels: PhraseTrie<Bool>
    let commentMarkers: PhraseTrie<Bool>
    /// "12 thoughts on “...”": a count, then one of these, then the post's title.
    let commentLeadMarkers: PhraseTrie<Bool>
    static let commentLeadMaxTokens = 24
    static let chromeHeadingMaxTokens = 10
    static let chromeHeadingMaxWords = 6
    /// "comments", "replies": a short heading that ends with one ("Quick replies", "Latest
    /// comments"), or opens with one not followed by its object ("Replies below the fold"; not
    /// "Comments on dosing"), heads a comment thread too (round 17).
    let commentHeadNouns: PhraseTrie<Bool>
    /// Round 21: "reactions", "responses" head a thread only outside the article text (a comment
    /// section marked as chrome), where they cannot be a body's ("Allergic reactions").
    let chromeThreadNouns: PhraseTrie<Bool>
    /// Round 21: "Reply from kerrianne", "[Reply by Bob, 21 Nov]": a forum post's header.
    let replyOpeners: PhraseTrie<Bool>
    /// Round 21: "-- end of replies (6) --": the thread ends here.
    let threadEndMarkers: PhraseTrie<Bool>
    /// "not a clinician", "not an herbalist": a professional the writer says they are not.
    let notProfessional: PhraseTrie<Bool>
    /// "I", "we", "the author": with `notProfessional`, the writer's own disclaimer ("I'm a
    /// science writer, not a clinician"), not a remark about who may prescribe ("a pharmacist,
    /// not a doctor, can sell it").
    let selfReferences: PhraseTrie<Bool>
    /// "this short guide", "these notes", "what I share": the page or what its writer offers.
    let contentReferents: PhraseTrie<Bool>
    /// "I'm only", "we cannot replace": the writer limiting what they offer.
    let selfFrames: PhraseTrie<Bool>
    /// "It is not", "they are no": a pronoun for the page and a limiting frame, at a sentence's start.
    let pronounFrames: PhraseTrie<Bool>
    /// "financial", "legal": advice after one of these is not about health.
    let otherAdviceQualifiers: Set<WordKey>
    /// Words that complete a composed disclaimer as advice ("it is not medical advice", "no
    /// substitute for a diagnosis"): `disclaimer.advice-words`.
    let adviceWords: Set<WordKey>
    /// Tokens from a referent to its limiting word, and from that word to the advice or professional.
    static let referentWindow = 8
    static let objectWindow = 8
    /// Tokens from a substitute frame to its advice when a gerund follows the frame.
    static let gerundReach = 10
    /// After the writer's role ("I'm only a swimming coach, so ask your doctor").
    static let selfObjectWindow = 8
    static let always = WordKey("always")

    init(rules: RuleSet) throws {
        var direct = PhraseTrie<DisclaimerFamily>()
        for family in [DisclaimerFamily.informationalOnly, .notAdvice, .neverDisregard, .supplementStatement] {
            let name = family == .notAdvice ? "not-advice" : family.rawValue
            for p in try rules.lexicon("disclaimer.family.\(name)") {
                direct.insert(p, value: family)
            }
        }
        // "written purely to inform", "solely educational": a purpose adverb and an
        // informational purpose.
        for adverb in try rules.lexicon("disclaimer.purpose-adverbs") {
            for purpose in try rules.lexicon("disclaimer.informational-purposes") { direct.insert("\(adverb) \(purpose)", value: .informationalOnly) }
        }
        // "none of the above is tailored to", "nothing here is personalised to": an opener, up to
        // four words, then a tailoring verb.
        let openers = try rules.lexicon("disclaimer.substitute-openers")
        for opener in openers {
            for verb in try rules.lexicon("disclaimer.tailoring-verbs") {
                for gap in ["", "* ", "* * ", "* * * ", "* * * * "] { direct.insert("\(opener) \(gap)\(verb)", value: .informationalOnly) }
            }
        }
        // "for general interest and information only", "for information and education purposes":
        // two informational purposes joined by "and" (either order), closed by "only" or "purposes".
        let purposes = try rules.lexicon("disclaimer.purpose-nouns")
        for first in purposes {
            for second in purposes where second != first {
                for close in ["only", "purposes", "purposes only"] { direct.insert("for \(first) and \(second) \(close)", value: .informationalOnly) }
            }
        }
        // "Please don't let anything here stop you from getting medical help": a negated "let",
        // the page as its object, up to three words, then a verb of holding back.
        let holdBack = try rules.lexicon("disclaimer.hold-back-verbs")
        for negation in try rules.lexicon("disclaimer.let-negations") {
            for object in try rules.lexicon("disclaimer.page-objects") {
                for verb in holdBack {
                    for gap in ["", "* ", "* * ", "* * * "] { direct.insert("\(negation) \(object) \(gap)\(verb)", value: .neverDisregard) }
                }
            }
        }
        // "for general information and training reminders only", "shares general information and
        // carers' experience only": "for" (or the page giving it), an informational purpose, then
        // "and", any one to three tokens and "only" (the first purpose says what the page is for).
        for lead in try rules.lexicon("disclaimer.purpose-leads") {
            for first in try rules.lexicon("disclaimer.leading-purposes") {
                for gap in ["* ", "* * ", "* * * "] { direct.insert("\(lead) \(first) and \(gap)only", value: .informationalOnly) }
            }
        }
        self.direct = direct
        func set(_ name: String) throws -> PhraseTrie<Bool> { PhraseTrie(phrases: try rules.lexicon(name)) { _ in true } }
        var frames = try set("disclaimer.substitute-frames")
        // "Nothing in this guide replaces", "none of this is a substitute for": an opener, up to
        // five words, then a substitute verb. (The opener comes first, so no trie path starts
        // with a wildcard.)
        let verbs = try rules.lexicon("disclaimer.substitute-verbs")
        for opener in openers {
            for verb in verbs {
                for gap in ["", "* ", "* * ", "* * * ", "* * * * ", "* * * * * "] { frames.insert("\(opener) \(gap)\(verb)", value: true) }
            }
        }
        // "never a replacement for", "not meant as a substitute for", "in no way a stand-in for": a
        // negation, up to two words and an article, then a substitute noun.
        for negation in try rules.lexicon("disclaimer.substitute-negations") {
            for noun in try rules.lexicon("disclaimer.substitute-nouns") {
                for gap in ["a ", "an ", "* a ", "* an ", "* * a ", "* * an "] { frames.insert("\(negation) \(gap)\(noun)", value: true) }
            }
        }
        substituteFrames = frames
        adviceTerms = try set("disclaimer.advice-terms")
        consultPronouns = try set("disclaimer.consult-pronouns")
        var consult = try set("disclaimer.consult-verbs")
        // "run any new exercise plan, tablet or device past your urology nurse", "clear the new
        // routine with your physio": a consult verb split by what is consulted about, one to ten
        // tokens (a professional must still follow the particle).
        for pair in try rules.lexicon("disclaimer.split-consult-verbs") {
            // The gap goes before the last word, the particle: "talk through * with", not "talk *
            // through with" (the plan is talked through, then "with" the professional).
            let words = pair.split(separator: " ").map(String.init)
            // A one-word entry would silently split nothing: fail at start-up instead.
            guard words.count >= 2, let particle = words.last else {
                throw RulePackError(file: "Rules", line: nil, message: "disclaimer.split-consult-verbs: '\(pair)' needs a verb and a particle")
            }
            let verb = words.dropLast().joined(separator: " ")
            for n in 1...Self.splitConsultGap { consult.insert(verb + String(repeating: " *", count: n) + " " + particle, value: true) }
        }
        consultVerbs = consult
        professionals = try set("disclaimer.professionals")
        var cues = try set("disclaimer.acting-cues")
        // "before your child starts these exercises", "before anyone takes it": "before", who
        // acts, then how.
        for subject in try rules.lexicon("disclaimer.acting-subjects") {
            for verb in try rules.lexicon("disclaimer.acting-verbs") { cues.insert("before \(subject) \(verb)", value: true) }
        }
        for p in try rules.lexicon("disclaimer.acting-cue-exceptions") { cues.insert(p, value: false) }
        actingCues = cues
        referents = try set("disclaimer.article-referents")
        limitations = try set("disclaimer.limitation-cues")
        labels = try set("disclaimer.labels")
        commentMarkers = try set("disclaimer.comment-markers")
        commentLeadMarkers = try set("disclaimer.comment-lead-markers")
        commentHeadNouns = try set("disclaimer.comment-head-nouns")
        chromeThreadNouns = try set("disclaimer.chrome-thread-nouns")
        replyOpeners = try set("disclaimer.reply-openers")
        threadEndMarkers = try set("disclaimer.thread-end-markers")
        var notProfessional = PhraseTrie<Bool>()
        for professional in try rules.lexicon("disclaimer.professionals") {
            for article in ["a", "an", "your", "a qualified", "a trained", "a registered", "a medical", "a health"] {
                notProfessional.insert("not \(article) \(professional)", value: true)
            }
            notProfessional.insert("not \(professional)", value: true)
            // "a keen forager and home cook, not a herbalist or a doctor": the professional second
            // in what the writer says they are not.
            for first in ["a *", "an *", "a * *", "an * *"] {
                for second in ["a", "an", "your", ""] {
                    notProfessional.insert("not \(first) or \(second.isEmpty ? "" : second + " ")\(professional)", value: true)
                    notProfessional.insert("neither \(first) nor \(second.isEmpty ? "" : second + " ")\(professional)", value: true)
                }
            }
        }
        self.notProfessional = notProfessional
        selfReferences = try set("disclaimer.self-references")
        var content = try set("disclaimer.writer-referents")
        for determiner in try rules.lexicon("disclaimer.content-determiners") {
            for noun in try rules.lexicon("disclaimer.content-nouns") {
                for gap in ["", "* "] { content.insert("\(determiner) \(gap)\(noun)", value: true) }
            }
        }
        contentReferents = content
        var limitedSelf = PhraseTrie<Bool>()
        for reference in try rules.lexicon("disclaimer.self-references") {
            for frame in try rules.lexicon("disclaimer.self-frames") { limitedSelf.insert("\(reference) \(frame)", value: true) }
            // "I'm only a coach", "we're no doctors": after a reference that carries its verb, a
            // role the writer limits ("I'm only seeing the GP next week" is not one).
            if ["'m", "'re", " am", " are"].contains(where: { reference.hasSuffix($0) }) {
                for frame in ["only a", "only an", "just a", "just an", "no", "in no way", "not able to", "unable to"] { limitedSelf.insert("\(reference) \(frame)", value: true) }
            }
        }
        selfFrames = limitedSelf
        otherAdviceQualifiers = Set(try rules.lexicon("disclaimer.other-advice-qualifiers").map { WordKey($0) })
        adviceWords = Set(try rules.lexicon("disclaimer.advice-words").map { WordKey($0) })
        var pronouns = PhraseTrie<Bool>()
        for pronoun in try rules.lexicon("disclaimer.pronoun-referents") {
            for frame in try rules.lexicon("disclaimer.pronoun-frames") { pronouns.insert("\(pronoun) \(frame)", value: true) }
        }
        pronounFrames = pronouns
    }

    /// Every disclaimer sentence in the page (chrome included), and the consult-a-doctor
    /// sentences that were not counted.
    func find(in document: AnalyzedDocument) -> (found: [FoundDisclaimer], passing: [PassingAdvice]) {
        var found: [FoundDisclaimer] = []
        var passing: [PassingAdvice] = []
        let layout = PageLayout(document, commentStart: commentSectionStart(document))
        var afterLabelHeading = false
        // Under a heading that says when to act ("Before you book", "Before starting"), consulting
        // a professional is about acting on the page, whatever the sentence itself says.
        var actingSection = false
        for block in document.blocks {
            if block.kind.isHeading { actingSection = actingCues.scan(block.tokens, in: 0..<block.tokens.count).contains(where: \.value) }
            // "Disclaimer" as a heading labels the block after it; "Disclaimer: ..." labels its own block.
            let labelled = afterLabelHeading || startsWithLabel(block)
            afterLabelHeading = startsWithLabel(block) && block.tokens.count <= 4
            for (si, sentence) in block.sentences.enumerated() {
                let consultVerb = consultVerbPosition(block, sentence.tokens)
                var family = classify(block, sentence, consultVerb: consultVerb)
                if family == nil, consultVerb != nil, actingSection, !block.kind.isHeading { family = .consultBefore }
                if family == nil, labelled, mentionsAdvice(block, sentence.tokens) { family = .labelled }
                if let family {
                    found.append(FoundDisclaimer(family: family, block: block.index, sentence: si, text: block.text(of: sentence),
                                                 placement: layout.placement(of: block), position: layout.position(of: block.index)))
                } else if let consultVerb {
                    passing.append(PassingAdvice(block: block.index, text: block.text(of: sentence), sentence: si, verb: consultVerb))
                }
            }
        }
        return (found, passing)
    }

    /// The family of one sentence, or nil when it is not a disclaimer.
    /// (`composing: false` leaves out `composedDisclaimer`, for measuring what it adds.)
    func classify(_ block: AnalyzedBlock, _ sentence: Sentence, consultVerb: Int?, composing: Bool = true) -> DisclaimerFamily? {
        let tokens = block.tokens
        let range = sentence.tokens
        if let m = direct.firstMatch(in: tokens, range: range) { return m.value }
        // "not a substitute for" + advice or professional within six words ("no replacement for
        // antibiotics or for seeing a doctor").
        for frame in substituteFrames.scan(tokens, in: range) {
            // After a gerund ("no substitute for getting a painful shin looked at by a GP") the
            // advice ends its clause: look further, up to the clause's end ("no substitute for
            // getting enough sleep, says my GP" names the GP in another clause).
            var reach = 6
            var end = min(range.upperBound, frame.tokens.upperBound + reach + 2)
            if frame.tokens.upperBound < range.upperBound && tokens[frame.tokens.upperBound].kind == .word
                && block.text(of: tokens[frame.tokens.upperBound]).hasSuffix("ing") {
                reach = Self.gerundReach
                end = frame.tokens.upperBound
                while end < min(range.upperBound, frame.tokens.upperBound + reach) && tokens[end].kind != .punctuation { end += 1 }
            }
            let window = frame.tokens.upperBound..<end
            if (adviceTerms.scan(tokens, in: window) + professionals.scan(tokens, in: window)).contains(where: { $0.tokens.lowerBound < frame.tokens.upperBound + reach }) {
                return .notSubstitute
            }
        }
        if let verb = consultVerb, consultQualifies(block, range, verb: verb) { return .consultBefore }
        // The writer says what they are not: "I'm a science writer, not a clinician".
        if let not = notProfessional.firstMatch(in: tokens, range: range),
           selfReferences.occurs(in: tokens, range: range.lowerBound..<not.tokens.lowerBound) {
            return .notAdvice
        }
        // Whatever the wording, a sentence about the page itself that limits it and names advice
        // or a professional is a disclaimer: "None of what you have read here replaces your own
        // GP", "Everything on this page is general; your pharmacist knows your history".
        if referents.occurs(in: tokens, range: range), limitations.occurs(in: tokens, range: range), mentionsAdvice(block, range) {
            return .informationalOnly
        }
        if composing && composedDisclaimer(block, range) { return .informationalOnly }
        return nil
    }

    /// A disclaimer recognised by its parts, in order, whatever its words: the page or its writer
    /// ("these notes", "my posts", "what I share"), a limiting word ("only", "not", "rather than",
    /// "instead of"), then advice or a professional within a few words ("these notes are only a
    /// starting point and no stand-in for your pharmacist"); or the writer and how they limit what
    /// they offer ("I'm only a mum, so please ask your GP"). A limiting word before the page
    /// ("don't skip the GP because of this post") or advice far from it does not count.
    func composedDisclaimer(_ block: AnalyzedBlock, _ range: Range<Int>) -> Bool {
        let tokens = block.tokens
        // An advice word not qualified as another trade's ("financial advice").
        func adviceWord(in window: Range<Int>) -> Bool {
            window.contains { adviceWords.contains(tokens[$0].key) && ($0 == window.lowerBound || !otherAdviceQualifiers.contains(tokens[$0 - 1].key)) }
        }
        // "It is not medical advice", "They are no substitute for advice" (a pronoun only at the
        // start of the sentence, after any label words: "Note: it is not ...").
        var first = range.lowerBound
        while first < range.upperBound && tokens[first].kind != .word { first += 1 }
        for start in first..<min(first + 3, range.upperBound) {
            if let frame = pronounFrames.longestMatch(startingAt: start, in: tokens, limit: range.upperBound),
               adviceWord(in: frame.end..<min(range.upperBound, frame.end + Self.objectWindow)) { return true }
        }
        var i = range.lowerBound
        while i < range.upperBound {
            if let frame = selfFrames.longestMatch(startingAt: i, in: tokens, limit: range.upperBound) {
                // What the writer does not offer is advice or a professional's work, not a "visit"
                // or a "cure" ("we do not offer a cure for everything in one visit").
                let window = frame.end..<min(range.upperBound, frame.end + Self.selfObjectWindow)
                if professionals.occurs(in: tokens, range: window) || adviceWord(in: window) { return true }
                i = frame.end
                continue
            }
            guard let referent = contentReferents.longestMatch(startingAt: i, in: tokens, limit: range.upperBound) else { i += 1; continue }
            // "Nothing in this listing replaces advice ...": the referent limits itself.
            if limitations.longestMatch(startingAt: i, in: tokens, limit: referent.end) != nil,
               healthAdvice(block, referent.end..<min(range.upperBound, referent.end + Self.referentWindow)) { return true }
            // Limiting words may follow one another ("is provided for general information only
            // and should not be taken as medical advice"): each one extends the reach.
            var j = referent.end
            var reach = referent.end + Self.referentWindow
            while j < min(range.upperBound, reach) {
                guard let limit = limitations.longestMatch(startingAt: j, in: tokens, limit: range.upperBound) else { j += 1; continue }
                if healthAdvice(block, limit.end..<min(range.upperBound, limit.end + Self.objectWindow)) { return true }
                j = limit.end
                reach = limit.end + Self.referentWindow
            }
            i = referent.end
        }
        return false
    }

    /// A consult verb followed within six words by a professional ("talk to your GP").
    func consultVerbPosition(_ block: AnalyzedBlock, _ range: Range<Int>) -> Int? {
        let tokens = block.tokens
        // The matches of `consultVerbs.scan`, walked in place (every sentence of every page).
        var i = range.lowerBound
        while i < range.upperBound {
            guard let verb = consultVerbs.longestMatch(startingAt: i, in: tokens, limit: range.upperBound) else { i += 1; continue }
            let window = verb.end..<min(range.upperBound, verb.end + 6)
            if professionals.occurs(in: tokens, range: window) { return i }
            // A split consult can run past a plain one and swallow its professional ("check with
            // your GP or with our surgical team": "check ... with" ends after the second "with"):
            // the shorter consult verbs at the same word.
            if verb.end - i > 2 {
                for shorter in consultVerbs.matches(startingAt: i, in: tokens, limit: range.upperBound) where shorter.end < verb.end {
                    if professionals.occurs(in: tokens, range: shorter.end..<min(range.upperBound, shorter.end + 6)) { return i }
                }
            }
            // "Please check with them before ...": the professional the previous sentence named.
            if consultPronouns.longestMatch(startingAt: verb.end, in: tokens, limit: range.upperBound) != nil,
               let previous = block.sentences.last(where: { $0.tokens.upperBound <= range.lowerBound }),
               professionals.occurs(in: tokens, range: previous.tokens) {
                return i
            }
            i = verb.end
        }
        return nil
    }

    /// Consulting counts as a disclaimer when it is about acting on the page: "before starting",
    /// "the information in this article", or an "always" rule. A symptom condition does not.
    func consultQualifies(_ block: AnalyzedBlock, _ range: Range<Int>, verb: Int) -> Bool {
        let tokens = block.tokens
        if actingCues.scan(tokens, in: range).contains(where: \.value) || referents.occurs(in: tokens, range: range) { return true }
        // "Always ask your pharmacist", not the "always" of a condition ("If one brand always
        // triggers it, ... ask a dermatologist about patch testing": round 32).
        for t in range.lowerBound..<verb where tokens[t].key == Self.always {
            if !(range.lowerBound..<t).contains(where: { Self.conditionalWords.contains(tokens[$0].key) }) { return true }
        }
        return false
    }
    static let conditionalWords: Set<WordKey> = Set(["if", "when", "whenever", "unless"].map { WordKey($0) })

    /// Advice or a professional in `range` that is not another trade's ("not financial advice",
    /// "a regulated adviser").
    func healthAdvice(_ block: AnalyzedBlock, _ range: Range<Int>) -> Bool {
        for m in adviceTerms.scan(block.tokens, in: range) + professionals.scan(block.tokens, in: range) {
            let before = m.tokens.lowerBound - 1
            if before >= range.lowerBound, otherAdviceQualifiers.contains(block.tokens[before].key) { continue }
            return true
        }
        return false
    }

    func mentionsAdvice(_ block: AnalyzedBlock, _ range: Range<Int>) -> Bool {
        adviceTerms.occurs(in: block.tokens, range: range) || professionals.occurs(in: block.tokens, range: range)
    }

    /// A block that opens with "Disclaimer", "Medical disclaimer:", "Please note"...
    func startsWithLabel(_ block: AnalyzedBlock) -> Bool {
        guard let first = block.tokens.indices.first else { return false }
        return labels.longestMatch(startingAt: first, in: block.tokens) != nil
    }

    /// Where the page's comments start (blocks after it are after the comments): the first short
    /// block that heads a comment thread ("12 comments", "Leave a reply"), or the last post of a forum
    /// thread (`threadEnd`), whichever comes first.
    func commentSectionStart(_ document: AnalyzedDocument) -> Int? {
        let heading = commentHeading(document)
        return threadEnd(document, before: heading ?? document.blocks.count) ?? heading
    }

    /// Reply headers that make a page a forum thread, and the longest thread-end marker (words).
    static let threadMinReplies = 2
    static let threadEndMaxWords = 6

    /// Round 21: a forum thread's end, in any format. The posts of a thread are its text (a member's or a
    /// moderator's disclaimer in a reply is prominent), so a thread's comments do not start at its
    /// first reply; a notice after the thread does sit after the comments. On a page with two or more
    /// reply headers (`disclaimer.reply-openers`: "Reply from kerrianne", "[Reply by Bob, 21 Nov]"), the
    /// first block after the last of them that opens with a rule line ("-----", "=====", "_____") or a
    /// thread-end marker ("-- end of replies (6) --") ends the thread. A rule line on a page with no
    /// reply headers ends nothing: articles put their own disclaimer under one.
    func threadEnd(_ document: AnalyzedDocument, before limit: Int) -> Int? {
        var replies = 0
        var end: Int? = nil
        for block in document.blocks.prefix(limit) {
            var start = 0
            while start < block.tokens.count && block.tokens[start].kind != .word { start += 1 }
            if start < block.tokens.count, replyOpeners.longestMatch(startingAt: start, in: block.tokens) != nil
                || Self.opensWithNumberedPost(block.tokens, at: start) {
                replies += 1
                end = nil
                continue
            }
            guard replies > 0, end == nil else { continue }
            // A rule line alone, or over the notice that follows it.
            if start > 0 && Self.opensWithRuleLine(block.block.text) { end = block.index; continue }
            guard start < block.tokens.count else { continue }
            if threadEndMarkers.longestMatch(startingAt: start, in: block.tokens) != nil {
                var words = 0
                for token in block.tokens where token.kind == .word { words += 1 }
                if words <= Self.threadEndMaxWords { end = block.index }
            }
        }
        // The comments' last block is the thread's last post: the rule line's block (a notice may
        // follow the line in it) and what follows are after the comments.
        return replies >= Self.threadMinReplies ? end.map { $0 - 1 } : nil
    }

    /// "[post 3] reedbed_rachel, 14 Jul", "Post #12 by ...": a numbered post's header (round 32).
    static func opensWithNumberedPost(_ tokens: [Token], at start: Int) -> Bool {
        guard start < tokens.count, tokens[start].key == postWord else { return false }
        var next = start + 1
        if next < tokens.count, tokens[next].kind == .symbol { next += 1 }
        return next < tokens.count && tokens[next].kind == .number
    }
    static let postWord = WordKey("post")

    /// Three or more of one rule character ("---", "===", "___", "***", "~~~") open the text.
    static func opensWithRuleLine(_ text: String) -> Bool {
        var run = 0
        var first: UInt8 = 0
        for byte in text.utf8 {
            if run == 0 {
                guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "~") else { return false }
                first = byte
            } else if byte != first {
                break
            }
            run += 1
            if run >= 3 { return true }
        }
        return false
    }

    /// The index of the first short block that heads a comment thread ("12 comments",
    /// "Leave a reply"), or nil.
    func commentHeading(_ document: AnalyzedDocument) -> Int? {
        // Round 21: chrome after the article's first block (a comment section inside <main>, not a
        // sidebar or header before it).
        let firstMain = document.blocks.first { $0.inScope && $0.block.region != .chrome && $0.kind != .title }?.index ?? 0
        for block in document.blocks {
            // "12 thoughts on “Turmeric for knees”": a count first, then a lead marker.
            if block.tokens.count <= Self.commentLeadMaxTokens, block.tokens.count > 2, block.tokens[0].kind == .number,
               let lead = commentLeadMarkers.longestMatch(startingAt: 1, in: block.tokens),
               lead.end < block.tokens.count, block.tokens[lead.end].kind != .word {
                return block.index
            }
            // Round 21: a comment section's heading outside the article text, after its first
            // block, may be longer ("Replies from the blog feed") and end with "reactions"
            // ("Quick reactions"): six words, ten tokens.
            let chromeHeading = block.kind.isHeading && block.index > firstMain && (!block.inScope || block.block.region == .chrome)
            // Short blocks only: at most eight tokens, one to four of them words (counted in
            // place: this runs on every block of every page).
            guard block.tokens.count <= (chromeHeading ? Self.chromeHeadingMaxTokens : 8) else { continue }
            var words = 0
            for token in block.tokens where token.kind == .word { words += 1 }
            guard words > 0, words <= (chromeHeading ? Self.chromeHeadingMaxWords : 4) else { continue }
            var start = 0
            while start < block.tokens.count && block.tokens[start].kind != .word { start += 1 }
            guard start < block.tokens.count else { continue }
            // (One word too, round 23: "Reactions", "Responses" or "Discussion" alone head a comment
            // section outside the article as "Comments" does anywhere; inside it they stay a body's or a
            // text's, "Reactions" under a vaccine's side effects.)
            if chromeHeading {
                var last = block.tokens.count - 1
                while last > start && block.tokens[last].kind != .word { last -= 1 }
                if commentHeadNouns.longestMatch(startingAt: last, in: block.tokens)?.end == last + 1
                    || chromeThreadNouns.longestMatch(startingAt: last, in: block.tokens)?.end == last + 1 { return block.index }
                if commentHeadNouns.longestMatch(startingAt: start, in: block.tokens) != nil || chromeThreadNouns.longestMatch(startingAt: start, in: block.tokens) != nil,
                   commentLeadMarkers.longestMatch(startingAt: start, in: block.tokens) == nil {
                    return block.index
                }
            }
            guard block.tokens.count <= 8, words <= 4 else { continue }
            if let m = commentMarkers.longestMatch(startingAt: start, in: block.tokens),
               block.tokens[m.end...].allSatisfy({ $0.kind != .word }) {
                return block.index
            }
            // A heading with a comment noun at either end: "Quick replies", "Replies below the fold".
            if block.kind.isHeading, words > 1 {
                var last = block.tokens.count - 1
                while last > start && block.tokens[last].kind != .word { last -= 1 }
                if commentHeadNouns.longestMatch(startingAt: last, in: block.tokens)?.end == last + 1 { return block.index }
                if commentHeadNouns.longestMatch(startingAt: start, in: block.tokens) != nil,
                   commentLeadMarkers.longestMatch(startingAt: start, in: block.tokens) == nil {
                    return block.index
                }
            }
        }
        return nil
    }
}

/// Where blocks sit on the page: before, inside or after the article, and after the comments.
struct PageLayout {
    let firstMain: Int
    let lastMain: Int
    let commentStart: Int?
    /// Markdown paragraphs that are an image's caption: the line under an image that opens the
    /// paragraph (`![Knee brace](brace.jpg)` then `*For information only...*`), the Markdown
    /// convention for a caption. HTML has its own element (`<figcaption>`), which the front end
    /// reports as a caption block.
    let markdownCaptions: Set<Int>

    init(_ document: AnalyzedDocument, commentStart: Int?) {
        let main = document.blocks.filter { $0.inScope && $0.kind != .title }.map(\.index)
        firstMain = main.first ?? 0
        lastMain = main.last ?? max(0, document.blocks.count - 1)
        self.commentStart = commentStart
        markdownCaptions = document.document.format == .markdown ? Self.imageCaptions(document) : []
    }

    /// The Markdown front end emits a paragraph's image alt texts right after the paragraph, so
    /// an alt block that follows a paragraph but sits before its text in the source is an image
    /// that opens that paragraph; when the text starts on a later line, the text is the image's
    /// caption. (An icon on the same line as a callout's text does not make it a caption, nor
    /// does a hero image on the line above a paragraph longer than a caption.)
    static let captionMaxSentences = 3
    static let captionMaxTokens = 90

    static func imageCaptions(_ document: AnalyzedDocument) -> Set<Int> {
        var out: Set<Int> = []
        let blocks = document.blocks
        let source = document.document.source
        for i in blocks.indices.dropLast() where blocks[i].kind == .paragraph && blocks[i + 1].kind == .imageAlt
            && blocks[i].sentences.count <= captionMaxSentences && blocks[i].tokens.count <= captionMaxTokens {
            let text = blocks[i].block.sourceMap.utf8Range(forText: 0..<0).lowerBound
            let image = blocks[i + 1].block.sourceMap.utf8Range(forText: 0..<0).lowerBound
            if image < text && source.location(ofUTF8: image).line < source.location(ofUTF8: text).line { out.insert(i) }
        }
        return out
    }

    func placement(of block: AnalyzedBlock) -> DisclaimerPlacement {
        if !block.inScope || block.block.region == .chrome { return .chrome }
        if let c = commentStart, block.index > c { return .afterComments }
        if markdownCaptions.contains(block.index) { return .caption }
        switch block.kind {
        case .figcaption: return .caption
        case .imageAlt: return .altText
        case .tableCell: return .tableCell
        default: return .prominent
        }
    }

    /// "top", "body" or "end" of the page.
    func position(of index: Int) -> String {
        if index < firstMain { return "top" }
        if index > lastMain { return "end" }
        let span = max(1, lastMain - firstMain + 1)
        let fraction = Double(index - firstMain) / Double(span)
        if fraction < 0.2 && span > 2 || index == firstMain { return "top" }
        if fraction >= 0.75 || index == lastMain { return "end" }
        return "body"
    }
}

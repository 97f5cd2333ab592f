import ClaimlintCore

/// How a word reads in its sentence after the left-to-right disambiguation.
enum WordRole: UInt8, Sendable {
    /// A finite verb that can head a clause ("is", "softens", "may").
    case finite
    /// A past form after a noun that may be a finite verb or a reduced relative ("used").
    case weakFinite
    /// A base-form verb after "to", a modal or "do" ("to keep", "can help").
    case base
    /// A participle or -ing form after "be"/"have" or standing alone.
    case participle
    case nominal
    case determiner
    case pronoun
    case function
    case other
}

/// One word of a sentence with its tags and role.
struct AnalyzedWord: Sendable {
    var token: Int
    /// The closed classes of the word (`SentenceVocabulary.classes`), looked up once.
    var cls: WordClass
    var tags: POSTags
    var primary: POSTags
    var role: WordRole
    /// A comma (or semicolon, dash) stands between this word and the previous one.
    var afterComma: Bool
    var isCapitalized: Bool
    var isAllCaps: Bool
    /// Upper-case letters after the first ("iPhone", "mRNA", "pH").
    var hasInnerCapital: Bool
}

/// The finite-verb analysis of a run of tokens: which words are verbs, whether the run has a
/// verb that can head a main clause, and whether it reads as an imperative.
struct Clause: Sendable {
    var words: [AnalyzedWord]
    /// Index into `words` of each finite verb that can head the sentence (not inside a
    /// subordinate or relative clause).
    var finite: [Int]
    /// Every finite verb, embedded ones included.
    var allFinite: [Int]
    /// Starts with an imperative verb (after optional "Please", "Always"...).
    var imperativeAtStart: Bool
    /// An imperative verb right after a comma ("If it spreads, see a doctor").
    var imperativeAfterComma: Int?

    var hasMainVerb: Bool { !finite.isEmpty || imperativeAtStart || imperativeAfterComma != nil }
}

/// The arrays `ClauseAnalyzer.analyze` fills, kept from one analysis to the next: a clause
/// analysis made four to eight heap arrays (12% of a run's `malloc` calls), one checker runs
/// one per sentence, and the arrays are the same size from sentence to sentence. One value per
/// page check (not shared between threads); a clause's own arrays come back through `recycle`.
struct ClauseBuffers {
    fileprivate var words: [AnalyzedWord] = []
    fileprivate var finite: [Int] = []
    fileprivate var main: [Int] = []
    fileprivate var deferred: [Int] = []
    fileprivate var segmentOf: [Int] = []
    fileprivate var segmentBounds: [(start: Int, end: Int)] = []
    fileprivate var segmentHasVerb: [Bool] = []
    fileprivate var isVerb: [Bool] = []
    /// Part-of-speech guesses for ASCII words the lexicon lacks, by word key, direct-mapped
    /// (`guessSlots` slots, allocated at the first guess; key 0 marks an empty slot): a page
    /// repeats its names and terms, and a guess runs a dozen suffix tests.
    fileprivate var guessKeys: [UInt64] = []
    fileprivate var guesses: [POSEntry] = []
    fileprivate static let guessSlots = 256

    /// Takes back the arrays of a clause the caller has finished with (`clause` is left with
    /// whatever was here, which may be empty).
    mutating func recycle(_ clause: inout Clause) {
        swap(&words, &clause.words)
        swap(&finite, &clause.allFinite)
        swap(&main, &clause.finite)
    }

    /// Moves `array` out, emptied with its storage kept: a local array that is the storage's
    /// only owner grows in place instead of being copied.
    fileprivate static func take<Element>(_ array: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &array)
        taken.removeAll(keepingCapacity: true)
        return taken
    }
}

struct ClauseAnalyzer: Sendable {
    let vocabulary: SentenceVocabulary

    private static let causatives: Set<WordKey> = Set(["help", "helps", "helped", "helping", "make", "makes", "made", "making", "let", "lets", "letting"].map { WordKey($0) })
    static let particles: Set<WordKey> = Set(["up", "out", "down", "off", "away", "back", "over"].map { WordKey($0) })
    private static let demonstrativesPlural: Set<WordKey> = Set(["these", "those", "both", "many", "most", "some", "all", "others"].map { WordKey($0) })
    fileprivate static let verbPrefixes = ["re", "pre", "over", "under", "un", "mis", "co"]
    private static let floatingQuantifiers: Set<WordKey> = Set(["all", "both"].map { WordKey($0) })
    private static let degreeWords: Set<WordKey> = Set(["most", "more", "less", "least"].map { WordKey($0) })
    private static let articles: Set<WordKey> = Set(["a", "an", "the", "every", "each", "no"].map { WordKey($0) })
    private static let postpositive: Set<WordKey> = Set(["below", "above", "here", "there", "today", "overall"].map { WordKey($0) })
    static let doForms: Set<WordKey> = Set(["do", "does", "did", "don't", "doesn't", "didn't", "do not"].map { WordKey($0) })
    private static let thirdPersonPronouns: Set<WordKey> = Set(["he", "she", "it", "this", "that", "who", "which", "everyone", "everything", "nothing", "something", "someone", "each",
                                                                                 "nobody", "somebody", "everybody", "anyone", "anybody", "no-one"].map { WordKey($0) })

    /// Tags of one token, with suffix guesses for words the lexicon does not list.
    func entry(_ block: AnalyzedBlock, _ t: Int) -> POSEntry {
        let tok = block.tokens[t]
        if tok.kind == .number { return POSEntry(tags: .number, primary: .number) }
        if let e = vocabulary.pos.entry(tok.key) { return e }
        return guessedEntry(block, t)
    }

    /// `guessedEntry` through the page's cache in `buffers`, for ASCII words only: a guess depends
    /// on the word's bytes with ASCII case folded, which an ASCII word's key stands for (other
    /// words' keys also fold typographic apostrophes and hyphens, which the guesses read).
    private func cachedGuess(_ block: AnalyzedBlock, _ t: Int, _ buffers: inout ClauseBuffers) -> POSEntry {
        let key = block.tokens[t].key.raw
        guard key != 0, block.utf8[block.tokens[t].range].allSatisfy({ $0 < 0x80 }) else { return guessedEntry(block, t) }
        if buffers.guessKeys.isEmpty {
            buffers.guessKeys = [UInt64](repeating: 0, count: ClauseBuffers.guessSlots)
            buffers.guesses = [POSEntry](repeating: POSEntry(tags: [], primary: []), count: ClauseBuffers.guessSlots)
        }
        // The key's top bits: FNV-1a mixes them best.
        let slot = Int(truncatingIfNeeded: key >> 56)
        if buffers.guessKeys[slot] == key { return buffers.guesses[slot] }
        let guess = guessedEntry(block, t)
        buffers.guessKeys[slot] = key
        buffers.guesses[slot] = guess
        return guess
    }

    /// `entry` for a word the lexicon does not list.
    private func guessedEntry(_ block: AnalyzedBlock, _ t: Int) -> POSEntry {
        let tok = block.tokens[t]
        let bytes = block.utf8[tok.range]
        // Words the lexicon lacks are common (names, drug and condition terms), so the guesses
        // work on one lowercased copy, on the stack (a heap array per word showed in profiles),
        // and precomputed suffixes: no String per test.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            for (i, b) in bytes.enumerated() { buffer[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            return guessedEntry(bytes: bytes, lower: UnsafeBufferPointer(buffer))
        }
    }

    /// `guessedEntry` for a word's bytes and their ASCII-lowercased copy.
    private func guessedEntry(bytes: ArraySlice<UInt8>, lower: UnsafeBufferPointer<UInt8>) -> POSEntry {
        // (A stem of two bytes at least: "is" is no plural, "ed" no participle.)
        func hasSuffix(_ suffix: StaticString) -> Bool { Self.bytes(lower, endWith: suffix, stem: 2) }
        // British spellings: the lexicon is American ("moisturises" -> "moisturizes").
        // The "s" of "-ise" sits at a fixed distance from the end: "summarises" has a plural "s"
        // after it, so the last "s" of the word is not the one to change.
        let iseSIndex = hasSuffix("ise") ? lower.count - 2 : hasSuffix("ises") || hasSuffix("ised") ? lower.count - 3 : hasSuffix("ising") ? lower.count - 4 : nil
        if let i = iseSIndex {
            var american = Array(lower)
            if i > 0, american[i] == UInt8(ascii: "s"), american[i - 1] == UInt8(ascii: "i") {
                american[i] = UInt8(ascii: "z")
                let key = american.withUnsafeBufferPointer { WordKey($0) }
                if let e = vocabulary.pos.entry(key) { return e }
            }
        }
        // "reapply", "overheat", "unblock": a known verb behind a common prefix.
        for prefix in Suffixes.verbPrefixes where lower.count > prefix.count + 3 && lower.starts(with: prefix) {
            let key = WordKey(UnsafeBufferPointer(rebasing: lower[prefix.count...]))
            if let e = vocabulary.pos.entry(key), !e.tags.intersection(POSTags.anyVerb).isEmpty { return e }
        }
        // "the baby's": a possessive works like a determiner.
        if bytes.count > 2, bytes[bytes.endIndex - 1] | 0x20 == UInt8(ascii: "s"),
           bytes[bytes.endIndex - 2] == UInt8(ascii: "'") || (bytes.count > 4 && bytes[bytes.endIndex - 2] == 0x99 && bytes[bytes.endIndex - 4] == 0xE2) {
            return POSEntry(tags: .possessive, primary: .possessive)
        }
        // "harbours", "favoured": British -our spellings.
        var our: Int?
        var i = 1
        while i + 2 < lower.count {
            if lower[i] == UInt8(ascii: "o") && lower[i + 1] == UInt8(ascii: "u") && lower[i + 2] == UInt8(ascii: "r") { our = i; break }
            i += 1
        }
        if let r = our {
            var american = Array(lower)
            american.remove(at: r + 1)
            let key = american.withUnsafeBufferPointer { WordKey($0) }
            if let e = vocabulary.pos.entry(key) { return e }
        }
        if hasSuffix("ing") && bytes.count >= 5 { return POSEntry(tags: [.gerund, .noun, .adjective], primary: .gerund) }
        if hasSuffix("ed") && bytes.count >= 5 { return POSEntry(tags: [.past, .participle, .adjective], primary: .participle) }
        if hasSuffix("ly") && bytes.count >= 5 { return POSEntry(tags: .adverb, primary: .adverb) }
        if hasSuffix("s") && !hasSuffix("ss") && !hasSuffix("us") && !hasSuffix("is") { return POSEntry(tags: .plural, primary: .plural) }
        // Adjective endings: "healthy" is not in the list, but reads as an adjective.
        if hasSuffix("ive") || hasSuffix("ous") || hasSuffix("ful") || hasSuffix("less") || hasSuffix("able") || hasSuffix("ible")
            || hasSuffix("ical") || hasSuffix("thy") {
            return POSEntry(tags: [.adjective, .noun], primary: .adjective)
        }
        if bytes.contains(UInt8(ascii: "-")) { return POSEntry(tags: [.adjective, .noun], primary: .adjective) }
        return POSEntry(tags: [.noun, .adjective], primary: .noun)
    }

    /// Lowercase byte prefixes for the guesses in `entry`.
    private enum Suffixes {
        static let verbPrefixes = ClauseAnalyzer.verbPrefixes.map { Array($0.utf8) }
    }

    /// Whether lowercase `bytes` end with `suffix` and keep at least `stem` bytes before it; byte by
    /// byte on a static string (arrays of suffixes and a generic `elementsEqual` per test showed in
    /// profiles: most unknown words run every test).
    @inline(__always)
    static func bytes<C: RandomAccessCollection>(_ bytes: C, endWith suffix: StaticString, stem: Int) -> Bool
        where C.Element == UInt8, C.Index == Int {
        let n = suffix.utf8CodeUnitCount
        guard bytes.count >= n + stem else { return false }
        let p = suffix.utf8Start
        let base = bytes.endIndex - n
        for k in 0..<n where bytes[base + k] != p[k] { return false }
        return true
    }

    /// A contracted auxiliary ("don't", "they're"). Asked of most words of a sentence, and nearly
    /// every answer is no: a word whose last four bytes are ASCII with no apostrophe third or
    /// second from the end has none of the endings below, so it is turned away here, inlined,
    /// without building a slice of the block's bytes (perf20b). Other words take the full test.
    @inline(__always)
    private func isContractedAuxiliary(_ block: AnalyzedBlock, _ t: Int) -> Bool {
        let tok = block.tokens[t]
        guard tok.length >= 3 else { return false }
        let end = Int(tok.end)
        let utf8 = block.utf8
        let last = utf8[end - 1], second = utf8[end - 2], third = utf8[end - 3]
        let fourth: UInt8 = tok.length >= 4 ? utf8[end - 4] : 0
        if (last | second | third | fourth) < 0x80 && second != UInt8(ascii: "'") && third != UInt8(ascii: "'") { return false }
        return hasContractedEnding(block, t)
    }

    @inline(never)
    private func hasContractedEnding(_ block: AnalyzedBlock, _ t: Int) -> Bool {
        let bytes = block.utf8[block.tokens[t].range]
        guard bytes.count >= 3, bytes.contains(where: { $0 == UInt8(ascii: "'") || $0 == 0x99 }) else { return false }
        // ASCII endings (nearly all) are compared as bytes; the String path below gives the same answer for them.
        let tail = bytes.suffix(4)
        if tail.allSatisfy({ $0 < 0x80 }) {
            let lower = tail.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            func ends(_ suffix: StaticString) -> Bool { Self.bytes(lower, endWith: suffix, stem: 0) }
            return ends("n't") || ends("'re") || ends("'ve") || ends("'ll") || ends("'m")
        }
        let s = String(decoding: bytes.suffix(4), as: UTF8.self).lowercased().replacingApostrophes()
        return s.hasSuffix("n't") || s.hasSuffix("'re") || s.hasSuffix("'ve") || s.hasSuffix("'ll") || s.hasSuffix("'m")
    }

    /// Analyses `range` of the block's tokens as one sentence-like run.
    func analyze(_ block: AnalyzedBlock, _ range: Range<Int>) -> Clause {
        var buffers = ClauseBuffers()
        return analyze(block, range, reusing: &buffers)
    }

    /// `analyze(_:_:)` with its arrays taken from `buffers` (and the internal ones put back).
    /// Its passes are functions of their own, kept out of line (perf20b): as one function of 300
    /// lines it was too large for the optimiser, which stopped inlining into it and called
    /// `Array<AnalyzedWord>`'s subscript out of line from 54 places, and the set tests before that (perf19).
    func analyze(_ block: AnalyzedBlock, _ range: Range<Int>, reusing buffers: inout ClauseBuffers) -> Clause {
        var words = ClauseBuffers.take(&buffers.words)
        collectWords(block, range, into: &words, buffers: &buffers)
        var finite = ClauseBuffers.take(&buffers.finite)
        // Words inside a prepositional phrase that could be verbs, decided after the pass.
        var deferred = ClauseBuffers.take(&buffers.deferred)
        let gerundSubject = assignRoles(block, &words, finite: &finite, deferred: &deferred)
        // Comma segments, only when some word waits for this test (most sentences have none).
        if !deferred.isEmpty {
            acceptDeferredVerbs(block, &words, finite: &finite, deferred: deferred, gerundSubject: gerundSubject, buffers: &buffers)
        }
        addFallbackVerbs(block, &words, finite: &finite, deferred: deferred)
        buffers.deferred = deferred
        // Verbs of embedded clauses ("that my levels were low", "who sleep less") do not head
        // the sentence; a verb after a relative clause does ("Children who sleep less find...").
        let allFinite = finite
        var main = ClauseBuffers.take(&buffers.main)
        mainClauseVerbs(block, range, &words, finite: allFinite, into: &main)
        finite = main

        // Imperatives: a base verb first (after "Please", "Always"...), or right after a comma.
        var imperativeAtStart = false
        var start = 0
        while start < words.count, words[start].cls.contains(.imperativeLead) { start += 1 }
        if start < words.count, isImperative(words, start, block, afterLead: start > 0) { imperativeAtStart = true }
        var afterComma: Int?
        for i in words.indices where i > 0 && words[i].afterComma && isImperative(words, i, block) {
            afterComma = i
            break
        }
        return Clause(words: words, finite: finite, allFinite: allFinite, imperativeAtStart: imperativeAtStart, imperativeAfterComma: afterComma)
    }

    /// The first pass: the words of `range` with their lexicon entries (or guesses), classes,
    /// capitals and whether a comma stands before them.
    @inline(never)
    private func collectWords(_ block: AnalyzedBlock, _ range: Range<Int>, into words: inout [AnalyzedWord], buffers: inout ClauseBuffers) {
        words.reserveCapacity(range.count)
        var pendingComma = false
        var inQuote = false
        for t in range {
            let tok = block.tokens[t]
            switch tok.kind {
            case .punctuation:
                let c = block.utf8[tok.range.lowerBound]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":") || c == UInt8(ascii: "-") || c >= 0x80 { pendingComma = true }
                continue
            case .symbol:
                let c = block.utf8[tok.range.lowerBound]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") { pendingComma = true; if c == UInt8(ascii: "\"") { inQuote.toggle() } }
                continue
            case .word, .number:
                break
            }
            // One look-up for the lexicon entry and the closed classes (`entry` without a second look-up).
            let info = vocabulary.words[tok.key]
            let e = tok.kind == .number ? POSEntry(tags: .number, primary: .number) : (info?.entry ?? cachedGuess(block, t, &buffers))
            // Upper-case letters after the first ("iPhone", "mRNA"); ASCII needs no decoding.
            var inner = false
            if tok.kind == .word && !tok.isAllCaps {
                let r = tok.range
                if block.utf8[r].allSatisfy({ $0 < 0x80 }) {
                    inner = block.utf8[(r.lowerBound + 1)..<r.upperBound].contains { $0 >= 0x41 && $0 <= 0x5A }
                } else {
                    var first = true
                    for u in block.text(of: tok).unicodeScalars where u.isAlphabeticQuick {
                        if !first && u.isUppercaseQuick { inner = true; break }
                        first = false
                    }
                }
            }
            words.append(AnalyzedWord(token: t, cls: info?.cls ?? [], tags: e.tags, primary: e.primary, role: .other, afterComma: pendingComma,
                                      isCapitalized: tok.isCapitalized, isAllCaps: tok.isAllCaps, hasInnerCapital: inner))
            pendingComma = false
        }
    }

    /// The role of each word, left to right; the finite verbs found, and the words inside a
    /// prepositional phrase that could be verbs (`deferred`). Returns whether the sentence opens
    /// with an -ing subject.
    @inline(never)
    private func assignRoles(_ block: AnalyzedBlock, _ words: inout [AnalyzedWord], finite: inout [Int], deferred: inout [Int]) -> Bool {
        var gerundSubject = false
        for i in words.indices {
            let w = words[i]
            let tok = block.tokens[w.token]
            let cls = w.cls
            let p = Self.previousWord(words, i, block)
            // The previous word's facts, read once (closures over `words` here cost more than the tests).
            var prevRole: WordRole?, prevKey: WordKey?, prevClass: WordClass = [], prevIsCoordinator = false
            if let p {
                let pw = words[p]
                prevRole = pw.role
                prevKey = block.tokens[pw.token].key
                prevClass = pw.cls
                prevIsCoordinator = pw.role == .function && pw.cls.contains(.coordinator)
            }
            let clauseStart = p == nil || w.afterComma || prevIsCoordinator
            var role: WordRole
            if tok.kind == .number {
                role = .determiner
            } else if w.isAllCaps && tok.length > 1 && !(cls.contains(.finiteAuxiliary) || cls.contains(.modal)) && i > 0 {
                // "WHO", "IMT": acronyms are names, whatever word they spell.
                role = .nominal
            } else if cls.contains(.finiteAuxiliary) || isContractedAuxiliary(block, w.token) {
                role = .finite
            } else if cls.contains(.modal) {
                // "a can", "the will" are nouns; "This could", "these may" are verbs.
                role = (prevRole == .determiner && Self.articles.contains(prevKey ?? WordKeys.empty)) ? .nominal : .finite
            } else if cls.contains(.baseAuxiliary) {
                let afterAuxiliary = !prevClass.isDisjoint(with: WordClass.anyModalFiniteAuxiliaryDoForm)
                if prevKey == WordKeys.to || (prevRole == .finite && afterAuxiliary) || prevRole == .base {
                    role = .base
                } else if prevRole == .determiner && (Self.articles.contains(prevKey ?? WordKeys.empty) || p.map({ words[$0].tags == .possessive }) == true) {
                    // "the haves", "our do-list"; but "Some have been found", "Most do": a quantifier is the subject.
                    role = .nominal
                } else { role = .finite }
            } else if cls.contains(.nonFiniteAuxiliary) {
                role = .base
            } else if !cls.isDisjoint(with: WordClass.anySubjectPronounObjectPronoun) {
                role = .pronoun
            } else if cls.contains(.determiner) || w.tags == .possessive {
                // "this"/"that" before a verb are subjects ("This helps"); otherwise determiners.
                role = .determiner
            } else if !cls.isDisjoint(with: WordClass.anyPrepositionCoordinatorRelativePrepositionalSubordinator) || w.tags == .to || w.primary == .preposition {
                role = .function
            } else if w.isCapitalized && i > 0 && !w.afterComma && w.tags.intersection(POSTags.anyPastVerbS).isEmpty {
                // A capitalised word inside a sentence is a name unless the lexicon says verb.
                role = .nominal
            } else if !w.tags.intersection(POSTags.anyVerb).isEmpty {
                role = verbRole(w, i: i, prev: p, prevRole: prevRole, prevKey: prevKey, prevClass: prevClass, clauseStart: clauseStart, words: words, block: block,
                                gerundSubject: gerundSubject, earlierFinite: !finite.isEmpty)
            } else if w.tags.contains(.modal) {
                role = .finite
            } else if !w.tags.intersection(POSTags.anyAdjectiveNounPlural).isEmpty {
                role = .nominal
            } else {
                role = .other
            }
            // "This helps", "that means": a demonstrative directly before a finite-only reading is the subject.
            // "this damages the villi", "this usually means": "this" cannot determine a plural, so
            // a plural-or-verb form after it is its verb.
            if role == .nominal, let p, words[p].role == .determiner, prevKey == WordKeys.this || prevKey == WordKeys.that,
               w.tags.contains(.verbS), !w.tags.contains(.noun) || (prevKey == WordKeys.this && w.tags.contains(.plural) && !w.isCapitalized) {
                role = .finite
                words[p].role = .pronoun
            }
            if role == .nominal, !w.tags.intersection(POSTags.anyPastVerbBaseVerbS).isEmpty, !w.isCapitalized, let p,
               words[p].role == .nominal || (words[p].role == .determiner && block.tokens[words[p].token].kind == .number && objectLike(words, i + 1, block)) { deferred.append(i) }
            words[i].role = role
            if i == 0 && role == .participle && w.tags.contains(.gerund) { gerundSubject = true }
            if role == .finite || role == .weakFinite { finite.append(i) }
        }
        // "levels were": an ambiguous plural right before a sure verb is the subject.
        finite.removeAll { i in
            guard words[i].role == .weakFinite, i + 1 < words.count, words[i + 1].role == .finite, !words[i + 1].afterComma else { return false }
            words[i].role = .nominal
            return true
        }
        return gerundSubject
    }

    /// A comma segment with no verb: a noun that can be a verb, right after the subject or
    /// followed by an object, is the verb after all ("The cream costs about five pounds",
    /// "Chlorine in pool water dries out the skin").
    @inline(never)
    private func acceptDeferredVerbs(_ block: AnalyzedBlock, _ words: inout [AnalyzedWord], finite: inout [Int], deferred: [Int], gerundSubject: Bool,
                                     buffers: inout ClauseBuffers) {
        // Computed once: segment index per word, bounds and whether it has a verb.
        var segmentOf = ClauseBuffers.take(&buffers.segmentOf)
        segmentOf.append(contentsOf: repeatElement(0, count: words.count))
        var segmentBounds = ClauseBuffers.take(&buffers.segmentBounds)
        for i in words.indices {
            if i == 0 || words[i].afterComma { segmentBounds.append((i, i + 1)) } else { segmentBounds[segmentBounds.count - 1].end = i + 1 }
            segmentOf[i] = segmentBounds.count - 1
        }
        var segmentHasVerb = ClauseBuffers.take(&buffers.segmentHasVerb)
        segmentHasVerb.append(contentsOf: repeatElement(false, count: segmentBounds.count))
        var isVerb = ClauseBuffers.take(&buffers.isVerb)
        isVerb.append(contentsOf: repeatElement(false, count: words.count))
        for f in finite { segmentHasVerb[segmentOf[f]] = true; isVerb[f] = true }
        for c in deferred {
            let (segStart, segEnd) = segmentBounds[segmentOf[c]]
            // "the Academy notes that treatment tends to...": a verb behind "that" or another
            // clause opener after the word is the embedded clause's, not the segment's; only
            // when "that" opens a clause with its own subject ("that treatment tends"), not a
            // relative with a gap ("a smell that lingers").
            let onlyEmbeddedVerbs = segmentHasVerb[segmentOf[c]]
            if onlyEmbeddedVerbs {
                // A verb before the word, or after it before any clause opener.
                let ownVerb = Self.segmentHasOwnVerb(words, isVerb, c, segStart: segStart, segEnd: segEnd, block)
                if ownVerb { continue }
                // Before "that", only an -s form ("the Academy notes that"): "the mushroom that she calls" is a relative.
                if c + 1 < segEnd && Self.opensEmbeddedClause(words[c + 1], block) {
                    if !words[c].tags.contains(.verbS) { continue }
                    let subjectAfter = c + 2 < segEnd && (words[c + 2].role == .determiner || words[c + 2].role == .pronoun
                        || (words[c + 2].role == .nominal && words[c + 2].tags.isDisjoint(with: POSTags.anyVerb)))
                    if !subjectAfter { continue }
                }
            }
            // "Eating one spoon every day boost the immune system": an -ing subject takes an -s
            // verb, so a bare form after it is only a weak verb ("Eating and sleeping well help" is a sure one).
            let disagreesWithGerund = segStart == 0 && gerundSubject && !words[c].tags.contains(.verbS) && !words[c].tags.contains(.past)
                && !words[1..<c].contains(where: { $0.cls.contains(.coordinator) })
            var run = c - 1
            while run > segStart && run > c - 12 && (words[run - 1].role == .nominal || words[run - 1].role == .determiner) { run -= 1 }
            // Right after a whole noun phrase ("The cream costs"), not inside one ("A small red bump").
            let subjectPosition = run == segStart && words[segStart].role == .determiner && c - 1 > run
                && words[c - 1].primary != .adjective && !words[c - 1].tags.isDisjoint(with: POSTags.anyNounPlural)
                && (c - run == 2 || vocabulary.pos.entry(block.tokens[words[c - 1].token].key)?.primary == .noun)
            // "Sessions last about an hour": a bare plural subject, then the verb.
            let bareSubject = segStart == 0 && c == 1 && words[0].primary == .plural
            let endsSegment = c + 1 == segEnd && (words[c].primary == .verbBase || words[c].primary == .verbS)
            // A bare verb form needs a clear object ("delay the release"); "blood pressure" is a compound.
            let nextClass = c + 1 < words.count ? words[c + 1].cls : (vocabulary.classes[WordKeys.empty] ?? [])
            let clearObject = !nextClass.isDisjoint(with: WordClass.anyDeterminerObjectPronounParticle)
            let objectFollows = words[c].tags.isDisjoint(with: POSTags.anyPastVerbS) ? clearObject && !words[c + 1].afterComma : objectLike(words, c + 1, block)
            // "The relative risk of HFpEF increases with...": an -s verb before a preposition.
            let verbBeforePreposition = words[c].tags.contains(.verbS) && c + 1 < segEnd
                && words[c + 1].cls.contains(.preposition)
                && (words[c].primary == .verbS || words[segStart].role == .determiner || (c == segStart && c > 0))
            // "Hormonal changes during puberty increase oil production", "Levels in men fall
            // slowly": a verb after a subject modified by a prepositional phrase.
            let modifiedSubject = segStart == 0 && isVerbAfterModifiedSubject(words, c, segEnd: segEnd, block)
            // With a verb later in the segment, behind "that" or "which", only an -s or past form
            // before an object ("sets out the medicines that...") or an agreeing verb after a
            // modified subject: "the shaggy white mushroom that she calls" has no verb of its own.
            let accepted = onlyEmbeddedVerbs
                ? modifiedSubject || (objectFollows && !words[c].tags.isDisjoint(with: POSTags.anyPastVerbS))
                : subjectPosition || bareSubject || objectFollows || endsSegment || verbBeforePreposition || modifiedSubject
            if accepted {
                words[c].role = disagreesWithGerund ? .weakFinite : .finite
                finite.append(c)
                segmentHasVerb[segmentOf[c]] = true
                isVerb[c] = true
            }
        }
        buffers.segmentOf = segmentOf
        buffers.segmentBounds = segmentBounds
        buffers.segmentHasVerb = segmentHasVerb
        buffers.isVerb = isVerb
    }

    /// Verbs for sentences still without one, then the past forms before "by" taken back; sorts `finite`.
    @inline(never)
    private func addFallbackVerbs(_ block: AnalyzedBlock, _ words: inout [AnalyzedWord], finite: inout [Int], deferred: [Int]) {
        // Still no verb, but a coordinated verb ("IMT ameliorates X and improves Y"): the first
        // verb was a word the lexicon does not know. Not when a noun phrase runs straight into
        // another ("The health visitor the baby and answered..."): that is a dropped verb.
        if finite.isEmpty, let c = words.indices.first(where: { words[$0].role == .participle && $0 > 0 && !words[$0].tags.isDisjoint(with: POSTags.anyPastVerbS)
                                                                  && words[$0 - 1].cls.contains(.coordinator) }) {
            let adjacentPhrases = words.indices.dropFirst().contains { i in
                words[i].role == .determiner && !words[i].afterComma && words[i - 1].role == .nominal
                    && block.tokens[words[i].token].key != WordKeys.that && words[i].tags != .number
            }
            if !adjacentPhrases {
                words[c].role = .weakFinite
                finite.append(c)
            }
        }
        // Still no verb in a long unit: a past form after a noun is its verb ("Levels of HDL
        // correlated with outcomes"); verbless fragments rarely contain one.
        if finite.isEmpty && words.count >= 6, let c = deferred.first(where: { words[$0].tags.contains(.past) }) {
            words[c].role = .finite
            finite.append(c)
        }
        finite.sort()
        // A past form followed by "by" is a participle ("the risk reduced by exercise").
        finite.removeAll { i in
            guard words[i].role == .weakFinite, i + 1 < words.count else { return false }
            if block.tokens[words[i + 1].token].key == WordKeys.by { words[i].role = .participle; return true }
            return false
        }
    }

    /// The finite verbs (`finite`, sorted) that head the sentence, into `main` (empty): not those of
    /// embedded clauses. Marks the embedded ones weak and may promote a verb after a relative clause.
    @inline(never)
    private func mainClauseVerbs(_ block: AnalyzedBlock, _ range: Range<Int>, _ words: inout [AnalyzedWord], finite: [Int], into main: inout [Int]) {
        // `finite` is sorted: walked alongside the words instead of a flag array per sentence.
        var nextFinite = 0
        var pending = false, pendingRelative = false, lastEmbedded = false, relativeDone = false
        for i in words.indices {
            let k = block.tokens[words[i].token].key
            let cls = words[i].cls
            let opensSubordinate = cls.contains(.subordinatorStart) && vocabulary.subordinators.longestMatch(startingAt: words[i].token, in: block.tokens, limit: range.upperBound) != nil
            let clauseAfterPreposition = cls.contains(.prepositionalSubordinator) && i + 1 < words.count
                && words[i + 1].cls.contains(.subjectPronoun) && i > 0
            let isRelative = (cls.contains(.relative) && !words[i].isAllCaps && (i == 0 || !words[i].isCapitalized)) || (k == WordKeys.that && i > 0 && Self.canHostRelativeThat(words[i - 1].role))
            while nextFinite < finite.count && finite[nextFinite] < i { nextFinite += 1 }
            let isFinite = nextFinite < finite.count && finite[nextFinite] == i
            let reduced = i + 1 < words.count && (words[i + 1].role == .participle || (words[i + 1].tags.contains(.gerund) && words[i + 1].primary == .gerund))
            if (opensSubordinate && !reduced) || clauseAfterPreposition || (isRelative && i > 0) {
                pending = true
                pendingRelative = isRelative
                continue
            }
            // "When controlling for age, the authors report": a reduced clause ends at its comma.
            if words[i].afterComma && pending { pending = false }
            // "If you are eligible, the kit tests for blood and is free": after the comma that
            // closes an opening subordinate clause, "and is" joins the main clause, not the embedded one.
            if words[i].afterComma && !cls.contains(.coordinator) && main.isEmpty && !pendingRelative { lastEmbedded = false }
            if isFinite {
                let afterCoordinator = i > 0 && words[i - 1].cls.contains(.coordinator)
                if pending || (afterCoordinator && lastEmbedded) {
                    lastEmbedded = true
                    if pending && pendingRelative { relativeDone = true }
                    pending = false
                    words[i].role = .weakFinite
                    continue
                }
                main.append(i)
                lastEmbedded = false
                continue
            }
            // "Most of the results that sellers quote come from mice": two lexical verbs in a row,
            // the first closing the relative clause, the second the main verb.
            let afterRelativeVerb = relativeDone && (words[i].role == .participle || (words[i].role == .nominal && words[i].primary == .verbBase)) && i > 0 && words[i - 1].role == .weakFinite && !words[i - 1].afterComma
                && words[i - 1].cls.isDisjoint(with: WordClass.anyModalFiniteAuxiliaryDoForm) && words[i - 1].cls.isDisjoint(with: WordClass.anyBaseAuxiliaryFiniteAuxiliary)
                && words[i].tags.contains(.verbBase) && !words[i].afterComma
            if relativeDone && main.isEmpty && afterRelativeVerb && !words[i].isCapitalized {
                words[i].role = .finite
                main.append(i)
                relativeDone = false
                continue
            }
            if relativeDone && main.isEmpty && words[i].role == .nominal && !words[i].afterComma, let p = Self.previousWord(words, i, block), words[p].role == .nominal
                && !words[i].isCapitalized && !words[i].tags.intersection(POSTags.anyPastVerbBaseVerbS).isEmpty {
                words[i].role = .finite
                main.append(i)
                relativeDone = false
            }
        }
    }

    private func verbRole(_ w: AnalyzedWord, i: Int, prev p: Int?, prevRole: WordRole?, prevKey: WordKey?, prevClass: WordClass, clauseStart: Bool,
                          words: [AnalyzedWord], block: AnalyzedBlock, gerundSubject: Bool, earlierFinite: Bool) -> WordRole {
        let tags = w.tags
        let finiteOnly = tags.intersection(POSTags.anyAdjectiveGerundNounParticiplePluralVerbBase).isEmpty
        if let prevKey, prevKey == WordKeys.to { return tags.contains(.verbBase) ? .base : .nominal }
        // "It positively impacts", "Full findings now appear": an adverb right before marks a verb.
        if let p, p < i - 1, i > 0, words[i - 1].primary == .adverb, prevRole == .nominal || prevRole == .pronoun,
           !tags.intersection(POSTags.anyPastVerbBaseVerbS).isEmpty, !tags.contains(.adverb) {
            let skippedAreAdverbs = words[(p + 1)..<i].allSatisfy { $0.primary == .adverb }
            if skippedAreAdverbs { return .finite }
        }
        if prevRole == .finite, prevKey != nil {
            // After a modal or "do": a base verb. After "be"/"have": a participle or -ing form.
            if !prevClass.isDisjoint(with: WordClass.anyModalDoForm) { return tags.contains(.verbBase) ? .base : .participle }
            if !tags.intersection(POSTags.anyGerundParticiplePast).isEmpty { return .participle }
            return tags.intersection(POSTags.anyAdjectiveNounPlural).isEmpty ? .participle : .nominal
        }
        if prevRole == .base { return tags.intersection(POSTags.anyAdjectiveNounPlural).isEmpty ? .participle : .nominal }
        if clauseStart && p == nil {
            if tags.contains(.gerund) { return .participle }
            if !tags.intersection(.participle).isEmpty && tags.intersection(POSTags.anyNounPlural).isEmpty { return .participle }
            return .nominal  // imperative or subject: decided later
        }
        if let prevRole {
            switch prevRole {
            case .determiner:
                // "interventions that target children": a relative "that" after a noun.
                if prevKey == WordKeys.that, let p, p > 0, words[p - 1].role == .nominal,
                   !tags.intersection(POSTags.anyPastVerbBaseVerbS).isEmpty, objectLike(words, i + 1, block) { return .finite }
                // "These call for": a demonstrative pronoun before a verb and a preposition or object.
                if let prevKey, Self.demonstrativesPlural.contains(prevKey), p == 0 || words[p ?? 0].afterComma, tags.contains(.verbBase),
                   i + 1 < words.count, !words[i + 1].cls.isDisjoint(with: WordClass.anyPrepositionDeterminerPrepositionalSubordinator) { return .finite }
                // "fruit and vegetables all add fibre", "they both need": a quantifier floated after
                // a plural subject, then the verb.
                if tags.contains(.verbBase), let p, p > 0, !words[p].afterComma,
                   words[p - 1].role == .nominal && (words[p - 1].primary == .plural || words[p - 1].tags == .plural) || words[p - 1].role == .pronoun,
                   let prevKey, Self.floatingQuantifiers.contains(prevKey), w.primary != .adjective, objectLike(words, i + 1, block) { return .finite }
                // "78% agreed that", "70% said they": a number is the subject of a past form before a clause or an object.
                if let p, block.tokens[words[p].token].kind == .number, tags.contains(.past), i + 1 < words.count, !words[i + 1].afterComma,
                   block.tokens[words[i + 1].token].key == WordKeys.that || !words[i + 1].cls.isDisjoint(with: WordClass.anyDeterminerObjectPronounSubjectPronoun) { return .finite }
                // "they all contain", "most recover": a word with no noun reading after a quantifier.
                if tags.intersection(POSTags.anyAdjectiveNounPlural).isEmpty {
                    if !tags.intersection(POSTags.anyPastVerbBaseVerbS).isEmpty { return .finite }
                }
                return finiteOnly ? .finite : .nominal
            case .pronoun:
                guard let prevKey else { return .nominal }
                if prevClass.contains(.objectPronoun) && !prevClass.contains(.subjectPronoun) { return .nominal }
                let third = Self.thirdPersonPronouns.contains(prevKey)
                if !tags.intersection(.past).isEmpty { return .finite }
                if third && tags.contains(.verbS) { return .finite }
                if !third && tags.contains(.verbBase) { return .finite }
                return tags.contains(.gerund) ? .participle : .nominal
            case .nominal:
                guard let p else { return .nominal }
                let prevWord = words[p]
                // After an appositive or a list item: only a sure verb form ("The gland, in the neck, produces").
                if w.afterComma {
                    if w.primary == .verbS || w.primary == .past || tags.intersection(POSTags.anyAdjectiveNounPluralVerbBase).isEmpty { return .finite }
                    if !tags.intersection(POSTags.anyPastVerbS).isEmpty && (objectLike(words, i + 1, block) || (i + 1 < words.count && block.tokens[words[i + 1].token].key == WordKeys.that)) { return .finite }
                    return .nominal
                }
                // Inside a prepositional phrase ("for ten minutes"), the noun is not the subject:
                // agreement says nothing, so trust the word's most frequent reading.
                var head = p
                while head > 0, head > p - 12, words[head - 1].role == .nominal || words[head - 1].role == .determiner, !words[head].afterComma { head -= 1 }
                if head > 0, words[head - 1].role == .function, !words[head - 1].cls.isDisjoint(with: WordClass.anyPrepositionPrepositionalSubordinator) {
                    if w.primary == .verbS || w.primary == .past || (w.primary == .verbBase && tags.contains(.verbBase)) { return .finite }
                    return .nominal
                }
                var prevPlural = prevWord.primary == .plural || (prevWord.tags.contains(.plural) && !prevWord.tags.contains(.noun))
                // "Fresh air and daylight lift": a coordinated subject is plural.
                if (head..<p).contains(where: { words[$0].cls.contains(.coordinator) })
                    || (head > 0 && words[head - 1].cls.contains(.coordinator)) { prevPlural = true }
                let objectFollows = objectLike(words, i + 1, block)
                // "Using cold compresses helps": an -ing subject takes an -s verb whatever noun precedes it.
                if gerundSubject && tags.contains(.verbS) && (w.primary == .verbS || objectFollows) { return .finite }
                // "red spots", "blood pressure checks": an adjective or a noun before a plural noun.
                if tags.contains(.verbS) && !prevPlural {
                    if tags.contains(.plural) && prevWord.primary == .adjective { return .nominal }
                    // "The rash usually fades": an adverb between noun and -s form marks a verb.
                    if p < i - 1 && words[(p + 1)..<i].allSatisfy({ $0.tags.contains(.adverb) }) { return .finite }
                    if w.primary == .plural { return objectFollows ? .weakFinite : .nominal }
                    return .finite
                }
                if tags.contains(.verbS) && w.primary == .verbS && objectFollows { return .finite }  // "Our data suggests that"
                if tags.contains(.verbBase) && prevPlural {
                    if (w.primary == .adjective || w.primary == .adverb) && !objectFollows { return .nominal }
                    // "helps some people fall asleep": a bare verb after help/make/let + object.
                    if (max(0, i - 4)..<i).contains(where: { Self.causatives.contains(block.tokens[words[$0].token].key) }) { return .base }
                    if gerundSubject { return .weakFinite }
                    return .finite
                }
                if tags.contains(.past) { return finiteOnly ? .finite : .weakFinite }
                if tags.contains(.participle) && tags.intersection(POSTags.anyAdjectiveNounPlural).isEmpty { return .participle }
                if tags.contains(.gerund) && tags.intersection(POSTags.anyAdjectiveNoun).isEmpty { return .participle }
                // A form that can only be a verb ("appears") is one, whatever the agreement says.
                if finiteOnly { return .weakFinite }
                return .nominal
            case .function:
                guard let prevKey else { return .nominal }
                // "The table below shows": "below" and "above" after a noun are adverbs.
                if Self.postpositive.contains(prevKey), !tags.intersection(POSTags.anyPastVerbS).isEmpty { return .finite }
                if prevClass.contains(.relative) || prevKey == WordKeys.that {
                    if !tags.intersection(POSTags.anyPastVerbBaseVerbS).isEmpty { return .finite }
                }
                if prevClass.contains(.coordinator) {
                    // "and softens": a coordinated verb shares the earlier subject, if there is one.
                    if !tags.intersection(POSTags.anyPastVerbS).isEmpty && tags.intersection(POSTags.anyAdjectiveNounPlural).isEmpty {
                        return earlierFinite ? .finite : .participle
                    }
                }
                if tags.contains(.gerund) && tags.intersection(.noun).isEmpty { return .participle }
                return finiteOnly ? .finite : .nominal
            case .finite, .weakFinite, .base, .participle, .other:
                // "Swimming builds strength": the -ing subject takes an -s verb.
                if prevRole == .participle && gerundSubject && p == 0 && tags.contains(.verbS) { return .finite }
                if tags.contains(.gerund) || tags.contains(.participle) { return .participle }
                return finiteOnly ? .finite : .nominal
            }
        }
        if clauseStart {
            if tags.contains(.gerund) { return .participle }
            return finiteOnly ? .finite : .nominal
        }
        return finiteOnly ? .finite : .nominal
    }

    /// Roles after which "that" opens a relative clause (a switch: the array literal it replaces
    /// was allocated at every "that").
    private static func canHostRelativeThat(_ role: WordRole) -> Bool {
        switch role {
        case .finite, .weakFinite, .nominal, .participle, .base: return true
        case .determiner, .pronoun, .function, .other: return false
        }
    }

    /// The word before `i` that carries the syntax: adverbs and "not" are skipped. A static
    /// function over the array passed in: as a nested function capturing the `words` that
    /// `analyze` mutates, every call paid a dynamic exclusivity check (`swift_beginAccess`, about
    /// 1% of a run).
    private static func previousWord(_ words: [AnalyzedWord], _ i: Int, _ block: AnalyzedBlock) -> Int? {
        var j = i - 1
        while j >= 0 && j >= i - 8 {
            let w = words[j]
            if w.afterComma && j < i - 1 { return j }
            let key = block.tokens[w.token].key
            let adverb = w.primary == .adverb && !w.cls.contains(.determiner) && (!w.tags.contains(.noun) || j == 0 || words[j - 1].role != .determiner)
            // "It most often affects": "most", "more", "less" before an adverb grade it.
            // (Class tests first: most words are in neither class, and a set look-up hashes the key.)
            let degree = j + 1 < i && w.cls.contains(.determiner) && words[j + 1].primary == .adverb && Self.degreeWords.contains(key)
            // "The authors themselves called": a reflexive right after its noun only stresses it.
            let intensifier = j > 0 && w.cls.contains(.objectPronoun) && !w.afterComma
                && (words[j - 1].role == .nominal || words[j - 1].role == .pronoun) && WordKeys.reflexivePronouns.contains(key)
            if key == WordKeys.not || adverb || degree || intensifier { j -= 1; continue }
            return j
        }
        return nil
    }

    /// The subject's noun phrase from the sentence start, a prepositional phrase after it, then word `c`:
    /// a verb when it agrees with the subject's head and takes an object, an adverb or a particle.
    /// (Out of `analyze`, which the optimiser inlines less once it grows.)
    @inline(never)
    private func isVerbAfterModifiedSubject(_ words: [AnalyzedWord], _ c: Int, segEnd: Int, _ block: AnalyzedBlock) -> Bool {
        guard let q = (1..<c).first(where: { words[$0].role == .function }), c - q >= 2, c - q <= 5,
              !words[q].cls.isDisjoint(with: WordClass.anyPrepositionPrepositionalSubordinator) else { return false }
        // The head: the last word before the preposition ("such as" counts as one).
        var h = q - 1
        if h > 0, block.tokens[words[h].token].key == WordKeys.such { h -= 1 }
        let head = words[h]
        let subjectWords = words[0...h].allSatisfy { $0.role == .nominal || $0.role == .determiner }
        let phraseWords = words[(q + 1)..<c].allSatisfy { ($0.role == .nominal || $0.role == .determiner) && !$0.afterComma }
        let pluralHead = head.primary == .plural || (head.tags.contains(.plural) && !head.tags.contains(.noun))
        let agrees = pluralHead ? words[c].tags.contains(.verbBase) : (words[c].tags.contains(.verbS) && words[c].primary != .plural)
        let next: AnalyzedWord? = c + 1 < segEnd ? words[c + 1] : nil
        // A clear object (a determiner, a pronoun, a particle) or an adverb; a bare noun only
        // after a word read first as a verb ("oil production" after "puberty" is a compound).
        let clearObject = next.map { !$0.cls.isDisjoint(with: WordClass.anyDeterminerObjectPronounParticle) } ?? false
        let takesSomething = clearObject || next.map { word in
            words[c].primary != .adjective && (word.primary == .adverb || (words[c].primary == .verbBase && word.role == .nominal && !word.isCapitalized))
        } ?? false
        return subjectWords && phraseWords && head.role == .nominal && (!head.isCapitalized || h == 0) && agrees && takesSomething
    }

    @inline(never)
    private static func segmentHasOwnVerb(_ words: [AnalyzedWord], _ isVerb: [Bool], _ c: Int, segStart: Int, segEnd: Int, _ block: AnalyzedBlock) -> Bool {
        for k in segStart..<c where isVerb[k] { return true }
        for k in (c + 1)..<segEnd {
            if isVerb[k] { return true }
            if opensEmbeddedClause(words[k], block) { return false }
        }
        return false
    }

    /// "that", "which", "who" or a subordinator: the start of an embedded clause.
    static func opensEmbeddedClause(_ w: AnalyzedWord, _ block: AnalyzedBlock) -> Bool {
        block.tokens[w.token].key == WordKeys.that || w.cls.contains(.relative) || w.cls.contains(.subordinatorStart)
    }

    /// Whether word `j` can start the object of a verb before it: not a preposition, a link
    /// word, a verb, a comma, or the end.
    func objectLike(_ words: [AnalyzedWord], _ j: Int, _ block: AnalyzedBlock) -> Bool {
        guard j < words.count, !words[j].afterComma else { return false }
        let c = words[j].cls
        if c.contains(.particle) { return true }
        if !c.isDisjoint(with: WordClass.anyPrepositionCoordinatorRelativePrepositionalSubordinator) { return false }
        if !c.isDisjoint(with: WordClass.anyFiniteAuxiliaryModal) { return false }
        return true
    }

    /// A base-form verb followed by something an imperative takes: an object, an adverb, a
    /// preposition other than "of", or the end.
    private func isImperative(_ words: [AnalyzedWord], _ i: Int, _ block: AnalyzedBlock, afterLead: Bool = false) -> Bool {
        let w = words[i]
        if !w.cls.isDisjoint(with: WordClass.anyBaseAuxiliaryFiniteAuxiliary) { return i == 0 || words[i].afterComma }
        guard w.tags.contains(.verbBase), w.role != .finite else { return false }
        if !w.cls.isDisjoint(with: WordClass.anyDeterminerSubjectPronounPreposition) { return false }
        guard i + 1 < words.count else { return w.primary == .verbBase }
        let next = words[i + 1]
        let nk = block.tokens[next.token].key
        if next.afterComma { return w.primary == .verbBase }
        if nk == WordKeys.of || nk == WordKeys.and || nk == WordKeys.or { return false }
        if next.role == .finite || next.role == .weakFinite { return false }
        if !next.cls.isDisjoint(with: WordClass.anyDeterminerObjectPronounSubjectPronoun) || next.tags == .possessive { return true }
        // "Long flights...", "Hay fever...": a word read first as an adjective or a noun is an
        // imperative only before a clear object ("Clean the wound"), unless it is a common
        // instruction verb ("Use sunscreen daily").
        if !afterLead && (w.primary == .adjective || (w.primary == .noun && !w.cls.contains(.instructionVerb))) { return false }
        if next.role == .function || next.tags.contains(.adverb) || next.tags.contains(.number) { return true }
        if next.tags.contains(.adjective) || next.tags.contains(.noun) || next.tags.contains(.plural) { return true }
        return w.primary == .verbBase
    }
}

extension String {
    func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 }))
    }
}

/// Tag unions the clause analyser tests per word, made once: an array literal there was built
/// (and allocated) at every test, as `WordClass` unions were before.
extension POSTags {
    static let anyAdjectiveGerundNounParticiplePluralVerbBase: POSTags = [.adjective, .gerund, .noun, .participle, .plural, .verbBase]
    static let anyAdjectiveNoun: POSTags = [.adjective, .noun]
    static let anyAdjectiveNounPlural: POSTags = [.adjective, .noun, .plural]
    static let anyAdjectiveNounPluralVerbBase: POSTags = [.adjective, .noun, .plural, .verbBase]
    static let anyGerundParticiplePast: POSTags = [.gerund, .participle, .past]
    static let anyNounPlural: POSTags = [.noun, .plural]
    static let anyPastVerbBaseVerbS: POSTags = [.past, .verbBase, .verbS]
    static let anyPastVerbS: POSTags = [.past, .verbS]
}

import ClaimlintCore
import Foundation

/// The page-topic model (round 15, issue 5): a bag-of-words logistic regression that says whether
/// a page reads as health, beauty or supplement content, trained by
/// `Scripts/train_disclaimer_topic.py` on the dev documents' `topic` column and stored in
/// `Rules/disclaimer-topic.yml` as two lexicons (rule packs hold rules and lexicons only):
/// `disclaimer.topic.settings` ("threshold T", "bias B", "min-evidence N") and
/// `disclaimer.topic.weights` ("word weight" per word).
///
/// It opens the disclaimer need on pages whose health content the trigger vocabulary does not
/// name (hair extensions, a microcurrent wand, hip protectors): p(health) >= threshold, and a guard
/// that keeps other trades out (`DisclaimerChecker.topicOpens`).
///
/// Features: the words of the page as the disclaimer checker reads it: the linted blocks (the
/// article, its title and headings; not the page chrome), less the disclaimer sentences found
/// (they are full of "doctor" and "medical advice" and say nothing about the page's own topic).
/// A word is a run of 3 or more ASCII letters inside a word token, lower-cased; a final "s" is
/// dropped from runs of 4 or more letters not ending in "ss", "us" or "is" ("tablets" ->
/// "tablet", "stress", "virus", "psoriasis" kept). Presence only (a word counts once per page).
/// `PageTopicModel.words(of:skipping:)` lists them for the audit (`disclaimer.audit`), which is
/// what the training script reads: training and inference share `wordRuns`.
struct PageTopicModel: Sendable {
    /// Whether the checker consults the model (decided by the round-15 ship rule, docs/disclaimer.md).
    static let enabledByDefault = true

    let threshold: Double
    let bias: Double
    /// The guard: distinct body-specific health words and body triggers the page must have.
    let minEvidence: Int
    /// Round 20: a need the trigger rules open is closed when p(health) < veto ("veto V" in the
    /// settings; 0, no veto, when the pack has none). `HealthPageAnalyzer` applies it.
    let veto: Double
    /// Index into `weights` by word key.
    let index: WordKeyMap<Int32>
    /// The model's words as a bit filter (32 bits a word, 4 kB for 1,000 words): most of a page's
    /// words are not in the model, and the filter answers them from cache where the index's 32 kB
    /// of slots missed it (the index probe was a fifth of the veto read's samples).
    let filter: WordKeyFilter
    let words: [String]
    let weights: [Double]

    /// The model of the loaded packs, or nil when no pack defines it (a test's own rule set).
    /// A malformed entry fails the load with the pack's file name.
    init?(rules: RuleSet) throws {
        guard let settings = rules.optionalLexicon("disclaimer.topic.settings"), let entries = rules.optionalLexicon("disclaimer.topic.weights") else { return nil }
        let file = rules.files(defining: "disclaimer.topic.settings", "disclaimer.topic.weights")
        func error(_ message: String) -> RulePackError { RulePackError(file: file, line: nil, message: message) }
        let values = try ModelSettings.read(settings, lexicon: "disclaimer.topic.settings", names: ["threshold", "bias", "min-evidence"],
                                            optional: [("veto", 0)], error: error)
        let threshold = values[0], bias = values[1], minEvidence = Int(values[2]), veto = values[3]
        guard threshold > 0 && threshold < 1 else { throw error("threshold \(threshold) must lie between 0 and 1") }
        guard veto >= 0 && veto < threshold else { throw error("veto \(veto) must lie between 0 and the threshold \(threshold)") }
        var keys: [WordKey: Int32] = [:]
        var words: [String] = [], weights: [Double] = []
        for entry in entries {
            let parts = entry.split(separator: " ")
            guard parts.count == 2, let w = Double(parts[1]), w.isFinite else {
                throw error("bad entry '\(entry)' in disclaimer.topic.weights (expected: word weight)")
            }
            let word = String(parts[0])
            // A word the features can never produce would silently weigh nothing: fail instead.
            guard word.utf8.count >= 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                throw error("'\(word)' in disclaimer.topic.weights is no feature word (3 or more lower-case ASCII letters)")
            }
            guard keys[WordKey(word)] == nil else { throw error("'\(word)' is listed twice in disclaimer.topic.weights") }
            keys[WordKey(word)] = Int32(words.count)
            words.append(word)
            weights.append(w)
        }
        guard !words.isEmpty else { throw error("disclaimer.topic.weights is empty") }
        self.threshold = threshold
        self.bias = bias
        self.minEvidence = minEvidence
        self.veto = veto
        index = WordKeyMap(keys)
        var bits = 1 << 10
        while bits < words.count * 32 && bits < 1 << 16 { bits <<= 1 }
        var filter = WordKeyFilter(bitCount: bits)
        for key in keys.keys { filter.insert(key) }
        self.filter = filter
        self.words = words
        self.weights = weights
    }

    /// One scored page: the probability and the words that pushed it up most.
    struct Reading: Sendable {
        var probability: Double
        /// The page's words with the largest positive weights, strongest first, as the page
        /// writes them ("tablets", not "tablet").
        var drivers: [String]
    }

    /// Calls `body` with the UTF-8 range of each feature word of `block`'s `tokens`, already
    /// normalised (the plural "s" cut off), and the range as written. The one definition of a
    /// feature word. `key` is the token's own key when the word is the whole token unchanged (the
    /// segmenter hashed the same bytes the same way), so most words need no hashing of their own.
    @inline(__always)
    static func wordRuns(_ block: AnalyzedBlock, tokens: Range<Int>, _ body: (_ stem: Range<Int>, _ surface: Range<Int>, _ key: WordKey?) -> Void) {
        block.utf8.withUnsafeBufferPointer { utf8 in
            for t in tokens {
                let tok = block.tokens[t]
                guard tok.kind == .word, tok.length >= 3 else { continue }
                var i = Int(tok.start)
                let end = Int(tok.end)
                while i < end {
                    while i < end && !isLetter(utf8[i]) { i += 1 }
                    let start = i
                    while i < end && isLetter(utf8[i]) { i += 1 }
                    // A run that touches a non-ASCII letter ("naïve") is cut there: both halves are
                    // runs of their own, as the training script sees them.
                    let surface = start..<i
                    guard surface.count >= 3 else { continue }
                    var stem = surface
                    if surface.count >= 4 && folded(utf8[i - 1]) == 0x73 {
                        let before = folded(utf8[i - 2])
                        if before != 0x73 && before != 0x75 && before != 0x69 { stem = start..<(i - 1) }
                    }
                    body(stem, surface, stem == Int(tok.start)..<end ? tok.key : nil)
                }
            }
        }
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
    @inline(__always) static func folded(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }

    /// Calls `body` for each linted sentence not in `skipping` (the disclaimer sentences).
    @inline(__always)
    static func forEachSentence(_ document: AnalyzedDocument, skipping: Set<SentenceRef>, _ body: (AnalyzedBlock, Range<Int>) -> Void) {
        for block in document.blocks where block.inScope {
            for (si, sentence) in block.sentences.enumerated() where skipping.isEmpty || !skipping.contains(SentenceRef(block: block.index, sentence: si)) {
                body(block, sentence.tokens)
            }
        }
    }

    /// The page's distinct feature words, sorted (the audit's `words`; what training reads).
    static func words(of document: AnalyzedDocument, skipping: Set<SentenceRef>) -> [String] {
        var seen = Set<String>()
        forEachSentence(document, skipping: skipping) { block, tokens in
            wordRuns(block, tokens: tokens) { stem, _, _ in
                seen.insert(String(decoding: block.utf8[stem].map(folded), as: UTF8.self))
            }
        }
        return seen.sorted()
    }

    /// p(health) of the page: one pass over its words, one hash look-up per word occurrence
    /// (a word counts once however often it occurs).
    func read(_ document: AnalyzedDocument, skipping: Set<SentenceRef>, drivers limit: Int = 5) -> Reading {
        // Positive words of the page and where each first occurs (block index, surface range).
        var positive: [(word: Int, block: Int, surface: Range<Int>)] = []
        let p = score(document, skipping: skipping) { word, block, surface in
            if weights[word] > 0 { positive.append((word, block.index, surface)) }
        }
        let top = positive.sorted { weights[$0.word] != weights[$1.word] ? weights[$0.word] > weights[$1.word] : $0.word < $1.word }.prefix(limit)
        let drivers = top.map { String(decoding: document.blocks[$0.block].utf8[$0.surface], as: UTF8.self).lowercased() }
        return Reading(probability: p, drivers: drivers)
    }

    /// p(health) of the page alone, no drivers (the veto's reading, on every page the rules open).
    func probability(_ document: AnalyzedDocument, skipping: Set<SentenceRef>) -> Double {
        score(document, skipping: skipping) { _, _, _ in }
    }

    /// The one scoring pass: p(health), calling `found` once per distinct model word with its index
    /// and where it first occurs.
    @inline(__always)
    private func score(_ document: AnalyzedDocument, skipping: Set<SentenceRef>,
                       _ found: (_ word: Int, _ block: AnalyzedBlock, _ surface: Range<Int>) -> Void) -> Double {
        var seen = [Bool](repeating: false, count: weights.count)
        var z = bias
        Self.forEachSentence(document, skipping: skipping) { block, tokens in
            block.utf8.withUnsafeBufferPointer { bytes in
                Self.wordRuns(block, tokens: tokens) { stem, surface, tokenKey in
                    let key = tokenKey ?? WordKey(UnsafeBufferPointer(rebasing: bytes[stem]))
                    guard filter.mayContain(key), let k = index[key], !seen[Int(k)] else { return }
                    seen[Int(k)] = true
                    z += weights[Int(k)]
                    found(Int(k), block, surface)
                }
            }
        }
        return 1 / (1 + exp(-z))
    }

    /// p(health) from a list of feature words (the audit's), as the training script computes it.
    func probability(words list: [String]) -> Double {
        var z = bias
        for w in Set(list) { if let k = index[WordKey(w)] { z += weights[Int(k)] } }
        return 1 / (1 + exp(-z))
    }
}

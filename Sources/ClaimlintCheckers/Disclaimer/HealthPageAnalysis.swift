import ClaimlintCore
import Synchronization

/// What the disclaimer and balance checkers both read from a page: whether it needs a
/// disclaimer (and why), the disclaimer sentences it carries, and the consult-a-doctor
/// sentences that were not counted.
struct HealthPageAnalysis: Sendable {
    var profile: HealthProfile
    var found: [FoundDisclaimer]
    var passing: [PassingAdvice]
}

/// Makes a page's `HealthPageAnalysis` from the `disclaimer.*` lexicons and the claims
/// analysis. The disclaimer and balance checkers each hold one; the first to look at a document
/// stores the analysis in the document's memo and the other reads it, so the page is scanned
/// once per run.
struct HealthPageAnalyzer: Sendable {
    let health: HealthVocabulary
    let disclaimers: DisclaimerVocabulary
    /// Same for both checkers when they were built from the same lexicons.
    let memoKey: MemoKey
    /// The claims analysis, for its links (`ClaimLinks.swift`).
    let claims: ClaimsSource
    /// The page-topic model (`Rules/disclaimer-topic.yml`), parsed once for both checkers: the
    /// disclaimer checker's opening reads it, and so does the veto here when the pack sets one
    /// (round 20: a need the rules open is closed on a page it reads as non-health, p < veto).
    let topic: PageTopicModel?

    init(rules: RuleSet) throws {
        health = try HealthVocabulary(rules: rules)
        disclaimers = try DisclaimerVocabulary(rules: rules)
        claims = ClaimsSource(rules: rules)
        topic = try PageTopicModel(rules: rules)
        // The claims lexicons are read too (shared health terms, claim links).
        memoKey = MemoKey(analysis: "health-page", vocabulary: rules.fingerprint(lexiconsWithPrefix: "disclaimer.") &+ rules.fingerprint(lexiconsWithPrefix: "claims."))
    }

    /// The page's analysis: from the memo when another checker already made it.
    func analysis(of document: AnalyzedDocument) -> HealthPageAnalysis {
        document.memo.value(for: memoKey) { analyze(document) }
    }

    /// Scans the page. Disclaimer sentences are left out of the health score: they are full of
    /// "diagnose, treat, cure".
    func analyze(_ document: AnalyzedDocument) -> HealthPageAnalysis {
        let (found, passing) = disclaimers.find(in: document)
        let skip = Set(found.map { SentenceRef(block: $0.block, sentence: $0.sentence) })
        let links = claims.links(of: document)
        var care: [SentenceRef: Int] = [:]
        // A consult line in the same block as a disclaimer sentence is the note's own ("It isn't
        // medical advice. If you get a rash after bathing, speak to a doctor"): part of the
        // disclaimer, left out of the score like it (round 17, a hot tub blog's stray note).
        let noteBlocks = Set(found.map(\.block))
        for p in passing where !noteBlocks.contains(p.block) { care[SentenceRef(block: p.block, sentence: p.sentence)] = p.verb }
        var profile = health.profile(document, skipping: skip, links: links, care: care)
        // Round 20: the topic model closes a need the rules open on a page it reads as non-health
        // (a crop's dose, a suit's knee, an op-ed's bitter medicine). Read on those pages only.
        if let model = topic, model.veto > 0, profile.rulesNeedDisclaimer {
            let p = model.probability(document, skipping: skip)
            if p < model.veto { profile.topicVeto = p }
        }
        return HealthPageAnalysis(profile: profile, found: found, passing: passing)
    }
}

/// The claims checker's per-sentence links of a page. In a full run the claims checker has put
/// them in the document's memo already; when its rules are off (or the disclaimer checker runs
/// alone) a claims checker is built on first use and computes them here.
final class ClaimsSource: Sendable {
    let rules: RuleSet
    let key: MemoKey
    private let checker = Mutex<ClaimsChecker??>(nil)

    init(rules: RuleSet) {
        self.rules = rules
        key = ClaimsChecker.linksKey(rules: rules)
    }

    func links(of document: AnalyzedDocument) -> ClaimPageLinks {
        document.memo.value(for: key) {
            guard let claims = built() else { return ClaimPageLinks() }
            return ClaimsChecker.links(claims.judgedSentences(document), in: document)
        }
    }

    /// Whether this source had to build its own claims checker (tests: a full run never does).
    var hasBuiltChecker: Bool { checker.withLock { $0 != nil } }

    /// The claims checker, built once; nil when the rule set has no claims packs (a test's own).
    private func built() -> ClaimsChecker? {
        checker.withLock { stored in
            if let stored { return stored }
            let made = try? ClaimsChecker(rules: rules, settings: .empty)
            stored = .some(made)
            return made
        }
    }
}

import ClaimlintCore

/// What the disclaimer and balance checkers both read from a page: whether it needs a
/// disclaimer (and why), the disclaimer sentences it carries, and the consult-a-doctor
/// sentences that were not counted.
struct HealthPageAnalysis: Sendable {
    var profile: HealthProfile
    var found: [FoundDisclaimer]
    var passing: [PassingAdvice]
}

/// Makes a page's `HealthPageAnalysis` from the `disclaimer.*` lexicons. The disclaimer and
/// balance checkers each hold one; the first to look at a document stores the analysis in the
/// document's memo and the other reads it, so the page is scanned once per run.
struct HealthPageAnalyzer: Sendable {
    let health: HealthVocabulary
    let disclaimers: DisclaimerVocabulary
    /// Same for both checkers when they were built from the same lexicons.
    let memoKey: MemoKey

    init(rules: RuleSet) throws {
        health = try HealthVocabulary(rules: rules)
        disclaimers = try DisclaimerVocabulary(rules: rules)
        // The claims conditions are read too (shared health terms).
        memoKey = MemoKey(analysis: "health-page", vocabulary: rules.fingerprint(lexiconsWithPrefix: "disclaimer.") &+ rules.fingerprint(lexiconsWithPrefix: "claims.conditions"))
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
        return HealthPageAnalysis(profile: health.profile(document, skipping: skip), found: found, passing: passing)
    }
}

import ClaimlintCore

/// `disclaimer.missing` and `disclaimer.weak`: a page that gives actionable health
/// information must say it does not replace professional advice, where readers see it.
public struct DisclaimerChecker: Checker {
    public static let ruleIDs = ["disclaimer.missing", "disclaimer.weak"]

    let page: HealthPageAnalyzer
    let policy: DisclaimerPolicy
    let missingRule: RuleDescription
    let weakRule: RuleDescription
    /// Words of products put on the body rather than taken ("numbing gel", "antifungal cream"),
    /// from `disclaimer.topical-words`.
    let topicalWords: Set<String>

    public init(rules: RuleSet, settings: CheckerSettings) throws {
        try self.init(rules: rules, settings: settings, shared: SharedCheckerParts())
    }

    /// In the engine's set the page analyser is the one the balance checker holds: built once.
    public init(rules: RuleSet, settings: CheckerSettings, shared: SharedCheckerParts) throws {
        page = try shared.part(HealthPageAnalyzer.self) { try HealthPageAnalyzer(rules: rules) }
        policy = try DisclaimerPolicy(settings: settings)
        missingRule = try rules.require("disclaimer.missing")
        weakRule = try rules.require("disclaimer.weak")
        topicalWords = Set(try rules.lexicon("disclaimer.topical-words").map { $0.lowercased() })
    }

    /// Everything the checker decided about one page, for tests and the scorer.
    typealias Verdict = HealthPageAnalysis

    /// Shared with `BalanceChecker` through the document's memo.
    func verdict(_ document: AnalyzedDocument) -> Verdict {
        page.analysis(of: document)
    }

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        if Self.ruleIDs.allSatisfy(context.disabledRules.contains) { return [] }
        let path = context.relativePath
        if policy.skips(path) { return [] }
        let severityOverride = policy.severity(for: path)
        if case .some(.none) = severityOverride { return [] }
        let severity = severityOverride ?? nil

        // A required wording is checked on every matching page, health triggers or not.
        if let requirement = policy.requirement(for: path), !requirement.isMet(by: document) {
            let quoted = requirement.texts.prefix(2).map { "'\($0)'" }.joined(separator: " or ")
            let more = requirement.texts.count > 2 ? " (or one of \(requirement.texts.count - 2) more)" : ""
            let reason = "the site's policy requires pages under '\(requirement.paths.map(\.pattern).joined(separator: "', '"))' to carry \(quoted)\(more)"
            return [Diagnostic(rule: "disclaimer.missing", location: .document,
                               message: "Required disclaimer wording is missing: \(reason)", severity: severity,
                               suggestion: "Add one of the required texts word for word.",
                               details: ["reason": "policy", "required": requirement.texts.joined(separator: " | ")])]
        }
        // The page says so itself in front matter or a meta tag (true: it carries one; false: waived).
        if document.document.metadata.disclaimerFlag != nil { return [] }
        if policy.coveredBySiteWide(path) { return [] }

        let v = verdict(document)
        guard v.profile.needsDisclaimer else { return [] }
        // The supplement statement covers supplement pages; a page that carries it is selling one
        // when it also gives a dosage or names a product ("melatonin gummies").
        let hasStatement = v.found.contains { $0.family == .supplementStatement }
        // (A gel, cream or anaesthetic put on the body is no supplement: "numbing gel" on a
        // hyaluron pen listing does not make the statement count.)
        let supplementPage = v.profile.isSupplementPage
            || (hasStatement && v.profile.hits.contains { $0.kind == .medicine && !$0.inferred && !isTopical($0.phrase) })
        let counted = v.found.filter { $0.family != .supplementStatement || supplementPage }
        // Only the findings quote the triggers: most pages that need a disclaimer carry one, and
        // ranking every hit of the page for them showed in profiles.
        lazy var triggers = v.profile.strongest().map(\.phrase).joined(separator: " | ")

        if counted.isEmpty {
            var reason = v.profile.reason()
            if v.found.contains(where: { $0.family == .supplementStatement }) {
                reason += "; the supplement label statement covers supplement pages only"
            }
            if let p = v.passing.first {
                reason += "; '\(Self.clip(p.text))' was not counted: it does not ask readers to consult a professional before acting on the page"
            }
            return [Diagnostic(rule: "disclaimer.missing", location: .document,
                               message: missingRule.render(["reason": reason]), severity: severity,
                               suggestion: "Add a short paragraph: this article is for general information only and is not a substitute for advice from your doctor or another qualified health professional.",
                               details: ["reason": "triggers", "triggers": triggers, "score": String(v.profile.score)])]
        }
        guard !counted.contains(where: { !$0.placement.isWeak }), let weakest = counted.first else { return [] }
        return [Diagnostic(rule: "disclaimer.weak", location: .document,
                           message: weakRule.render(["where": weakest.placement.description, "placement": Self.describe(position: weakest.position)]),
                           suggestion: "Move the disclaimer into the article text, or declare the site-wide disclaimer in the config (disclaimer: site_wide).",
                           details: ["family": weakest.family.rawValue, "position": weakest.position,
                                     "disclaimer": Self.clip(weakest.text), "triggers": triggers])]
    }

    /// The phrase names a product put on the body ("numbing gel"), not one taken.
    func isTopical(_ phrase: String) -> Bool {
        phrase.lowercased().split(whereSeparator: { !$0.isLetter }).contains { topicalWords.contains(String($0)) }
    }

    static func describe(position: String) -> String {
        switch position {
        case "top": "near the top of the page"
        case "end": "at the end of the page"
        default: "in the middle of the page"
        }
    }

    static func clip(_ s: String, _ limit: Int = 80) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 3)) + "..."
    }
}

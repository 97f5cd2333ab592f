import ClaimlintCore
import ClaimlintEngine
import ClaimlintRules
@testable import ClaimlintCheckers

/// Builds documents by hand (no front end needed) and runs the disclaimer and balance checkers.
enum DisclaimerTestSupport {
    /// The built-in rule packs, loaded once.
    static let rules: RuleSet = {
        do { return try RuleSet(files: BuiltinRuleFiles.all) } catch { fatalError("rule packs: \(error)") }
    }()

    /// The built-in rule files less the page-topic pack: the trigger rules alone, or with a test's own pack.
    static let filesWithoutTopicPack = BuiltinRuleFiles.all.filter { !$0.path.hasSuffix("disclaimer-topic.yml") }

    struct Part {
        var kind: BlockKind = .paragraph
        var text: String
        var region: Region = .main
        var links: [InlineLink] = []
        var citations: [CitationMarker] = []
    }

    /// A document whose source is the blocks joined by blank lines, each mapped verbatim.
    static func document(_ parts: [Part], metadata: DocumentMetadata = .init(), format: InputFormat = .text,
                         hasMainLandmark: Bool? = nil) -> AnalyzedDocument {
        var source: [UInt8] = []
        var blocks: [Block] = []
        for part in parts {
            if !source.isEmpty { source.append(contentsOf: Array("\n\n".utf8)) }
            let bytes = Array(part.text.utf8)
            let start = source.count
            source.append(contentsOf: bytes)
            var builder = BlockTextBuilder()
            builder.appendVerbatim(bytes, range: start..<source.count)
            let (text, map) = builder.build()
            blocks.append(Block(kind: part.kind, text: text, sourceMap: map, links: part.links, citations: part.citations,
                                region: part.region))
        }
        let landmark = hasMainLandmark ?? parts.contains { $0.region == .chrome }
        let doc = Document(source: SourceText(path: "test.\(format == .html ? "html" : "txt")", original: source, utf8: source,
                                              encoding: "utf-8", offsetMap: .shift(0)),
                           format: format, blocks: blocks, metadata: metadata, hasMainLandmark: landmark)
        return AnalyzedDocument(document: doc)
    }

    /// Plain text split into paragraphs at blank lines.
    static func text(_ s: String, metadata: DocumentMetadata = .init()) -> AnalyzedDocument {
        let paragraphs = s.split(separator: "\n\n").map { Part(text: $0.split(whereSeparator: \.isNewline).joined(separator: " ")) }
        return document(paragraphs, metadata: metadata)
    }

    static func disclaimerChecker(_ settingsYAML: String? = nil) throws -> DisclaimerChecker {
        try DisclaimerChecker(rules: rules, settings: settings(settingsYAML))
    }

    static func settings(_ yaml: String?) throws -> CheckerSettings {
        guard let yaml else { return .empty }
        let root = try YAMLValue.parse(yaml)
        var sections: [String: YAMLValue] = [:]
        for e in root?.entries ?? [] { sections[e.key] = e.value }
        return CheckerSettings(sections: sections, file: "test.claimlint.yml")
    }

    static func rulesFired(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.rule).sorted() }

    /// The built-in disclaimer and balance checkers, for the round suites that read a page's findings of both.
    struct PageCheckers {
        let checker: DisclaimerChecker
        let balance: BalanceChecker
        init() throws {
            checker = try disclaimerChecker()
            balance = try BalanceChecker(rules: rules, settings: .empty)
        }

        /// The disclaimer and balance rules a plain-text page fires together (the balance rules run on
        /// the pages that need a disclaimer), the opt-in audit off.
        func fired(_ page: String) -> [String] {
            let doc = text(page)
            let context = CheckContext(relativePath: "a.txt", disabledRules: optInRules)
            return rulesFired(checker.check(doc, context: context) + balance.check(doc, context: context))
        }
    }

    /// The disclaimer checker on the rule files less the page-topic pack: the round suites test a rule on the
    /// rules alone, so a retrained model cannot pass or fail them by its incidental reading (round 26).
    struct RulesOnly {
        let checker: DisclaimerChecker
        init() throws {
            checker = try DisclaimerChecker(rules: RuleSet(files: filesWithoutTopicPack), settings: .empty)
        }

        func fired(_ doc: AnalyzedDocument) -> [String] {
            rulesFired(checker.check(doc, context: CheckContext(relativePath: "a.txt", disabledRules: optInRules)))
        }

        /// Plain text split into paragraphs at blank lines.
        func fired(_ page: String) -> [String] { fired(text(page)) }
    }

    /// Opt-in rules a hand-made `CheckContext` must switch off, as the engine does unless the config
    /// names them (`disclaimer.audit`).
    static let optInRules: Set<String> = ["disclaimer.audit"]

    /// The disclaimer findings of a page linted whole, front end included, each as "rule: message"
    /// (the message names the placement). Non-HTML pages are linted under `textPath`.
    static func disclaimerFindings(_ linter: Linter, _ text: String, _ format: InputFormat, textPath: String) throws -> [String] {
        try linter.lint(text: text, format: format, path: format == .html ? "a.html" : textPath).findings
            .filter { $0.rule.hasPrefix("disclaimer.") }.map { "\($0.rule): \($0.message)" }
    }
}

import Yams
extension YAMLValue {
    static func parse(_ yaml: String) throws -> YAMLValue? {
        try Yams.compose(yaml: yaml).map(YAMLValue.init)
    }
}

import ClaimlintCore
import ClaimlintEngine
import ClaimlintRules
import Testing

/// SwiftLint's model: every rule documents examples that must and must not trigger it, and
/// this one test runs them all, so documentation and behaviour cannot drift apart.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    let rule: String
    let example: RuleExample
    let shouldTrigger: Bool
    var testDescription: String { "\(rule) \(shouldTrigger ? "triggers on" : "ignores") \(example.format): \(example.text.prefix(60))" }

    static let all: [RuleExampleCase] = {
        guard let linter = try? Linter() else { return [] }
        return linter.rules.orderedRules.flatMap { r in
            r.triggering.map { RuleExampleCase(rule: r.id, example: $0, shouldTrigger: true) }
                + r.nonTriggering.map { RuleExampleCase(rule: r.id, example: $0, shouldTrigger: false) }
        }
    }()
}

@Test func builtinRulePacksLoadAndEveryRuleHasExamples() throws {
    let linter = try Linter()
    #expect(!linter.rules.orderedRules.isEmpty)
    for rule in linter.rules.orderedRules {
        #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
        #expect(!rule.references.isEmpty, "\(rule.id) has no reference")
    }
    #expect(RuleExampleCase.all.count >= linter.rules.orderedRules.count * 2)
}

@Test(arguments: RuleExampleCase.all)
func ruleExample(_ c: RuleExampleCase) throws {
    // Opt-in rules run their examples with the rule switched on, as a user would.
    var config = Configuration()
    config.ruleSettings = [(c.rule, .on, nil)]
    let linter = try Linter(configuration: config)
    let report = try linter.lint(text: c.example.text, format: c.example.format, path: "example.\(c.example.format.rawValue)")
    let hits = report.findings.filter { $0.rule == c.rule }
    if c.shouldTrigger {
        #expect(!hits.isEmpty, "expected \(c.rule) on: \(c.example.text)\nfound: \(report.findings.map(\.rule))")
    } else {
        #expect(hits.isEmpty, "\(c.rule) fired on a non-triggering example: \(c.example.text)\n\(hits.map(\.message))")
    }
}

/// Every lexicon of the built-in packs is read by a checker once they are built and have linted a page:
/// lexicons merge by name, so a misspelt name in a pack would load without error and change nothing.
@Test func everyBuiltinLexiconIsRead() throws {
    let linter = try Linter()
    _ = try linter.lint(text: "<main><h1>Vitamin D</h1><p>Take 1,000 IU a day. It cures colds.</p></main>", format: .html, path: "a.html")
    #expect(linter.rules.unreadLexicons == [], "no checker reads these lexicons")
}

/// The check above can fail: a lexicon nothing asks for is listed.
@Test func anUnreadLexiconIsListed() throws {
    var rules = try RuleSet(files: BuiltinRuleFiles.all)
    try rules.add(path: "extra.yml", contents: "pack: extra\nlexicons:\n  disclaimer.no-such-list: [\"a\"]\n")
    for name in rules.lexicons.keys where name != "disclaimer.no-such-list" { _ = try rules.lexicon(name) }
    #expect(rules.unreadLexicons == ["disclaimer.no-such-list"])
}

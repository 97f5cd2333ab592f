import ClaimlintCore
@testable import ClaimlintEngine
import Foundation
import Testing

@Test func parsesEverySetting() throws {
    let yaml = """
    scope: page
    include: ["content/**/*.html"]
    exclude: ["**/drafts/**"]
    rules:
      boilerplate: info
      boilerplate.ad-label: off
    limits:
      max-file-size: 2MB
      max-nesting-depth: 300
    """
    let c = try Configuration.parse(yaml, file: "c.yml", baseDirectory: "/tmp")
    #expect(c.scope == .page)
    #expect(c.include == ["content/**/*.html"])
    #expect(c.maxFileSize == 2 << 20)
    #expect(c.maxNestingDepth == 300)
    let linter = try Linter(configuration: c)
    #expect(c.severity(for: try linter.rules.require("boilerplate.read-more")) == .info)
    #expect(c.severity(for: try linter.rules.require("boilerplate.ad-label")) == nil)
}

@Test(arguments: [
    ("scope: everything\n", 1, "'scope' must be"),
    ("rules:\n  boilerplate.read-more: loud\n", 2, "not a severity"),
    ("limits:\n  max-file-size: huge\n", 2, "max-file-size"),
    ("colour: blue\n", 1, "unknown setting 'colour'"),
    ("rules: [\n", nil, "not valid YAML"),
    ("- just\n- a list\n", 1, "must be a mapping"),
] as [(String, Int?, String)])
func brokenConfigNamesFileLineAndProblem(_ yaml: String, _ line: Int?, _ fragment: String) {
    do {
        _ = try Configuration.parse(yaml, file: "bad.yml", baseDirectory: "/tmp")
        Issue.record("expected an error for \(yaml)")
    } catch let e as ConfigurationError {
        #expect(e.file == "bad.yml")
        if let line { #expect(e.line == line) }
        #expect(e.description.contains(fragment), "\(e)")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func unknownRuleIdInConfigIsAnError() throws {
    let c = try Configuration.parse("rules:\n  claims.unsuported: error\n", file: "c.yml", baseDirectory: "/tmp")
    #expect(throws: ConfigurationError.self) { try Linter(configuration: c) }
}

@Test func globs() {
    #expect(Glob("**/drafts/**").matches("content/drafts/a.html"))
    #expect(Glob("**/drafts/**").matches("drafts/a.html"))
    #expect(!Glob("**/drafts/**").matches("content/draftsman/a.html"))
    #expect(Glob("content/**/*.html").matches("content/a/b/c.html"))
    #expect(Glob("content/**/*.html").matches("content/c.html"))
    #expect(!Glob("content/*.html").matches("content/a/c.html"))
    #expect(Glob("*.md").matches("docs/a.md"))
    #expect(Glob("a?[0-9].txt").matches("ab7.txt"))
    #expect(!Glob("a?[!0-9].txt").matches("ab7.txt"))
}

@Test func userPackAddsPhraseRuleAndExtendsLexicon() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimlint-pack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let pack = """
    rules:
      - id: house.detox
        category: style
        severity: info
        summary: Our style guide bans "detox".
        message: "House style: avoid '{phrase}'"
        what: Flags detox wording.
        why: The body clears waste itself; "detox" implies an effect we cannot show.
        references: [Style guide section 4]
        phrases: [detox, detoxify, cleanse your liver]
        triggering: ["Try this detox tea."]
        non_triggering: ["Drink water with meals."]
    lexicons:
      boilerplate.promo-leads: [keep reading]
    """
    try pack.write(to: dir.appendingPathComponent("house.yml"), atomically: true, encoding: .utf8)
    // claims.* would also (rightly) flag the sample sentence; this test is about packs.
    let config = try Configuration.parse("packs: [house.yml]\nrules:\n  claims: off\n", file: dir.appendingPathComponent(".claimlint.yml").path, baseDirectory: dir.path)
    let linter = try Linter(configuration: config)
    let report = try linter.lint(text: "A detox tea will cleanse your liver.\n\nKeep reading: our tea guide\n", format: .text)
    #expect(report.findings.map(\.rule) == ["house.detox", "house.detox", "boilerplate.read-more"])
    #expect(report.findings[1].excerpt == "cleanse your liver")
    #expect(report.findings[0].category.rawValue == "style")

    try "rules:\n  - id: house.empty\n    category: style\n    severity: info\n    summary: s\n    message: m\n    what: w\n    why: y\n".write(to: dir.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
    let bad = try Configuration.parse("packs: [bad.yml]\n", file: "c.yml", baseDirectory: dir.path)
    #expect(throws: RulePackError.self) { try Linter(configuration: bad) }
}

import ClaimlintCore
@testable import ClaimlintEngine
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

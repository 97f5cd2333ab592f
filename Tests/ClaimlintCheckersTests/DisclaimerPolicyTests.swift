import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// The `disclaimer:` config section: site-wide disclaimer, required wording and severity per glob.
@Suite struct DisclaimerPolicyTests {
    static let page = "Collagen supplements repair damaged skin and fade wrinkles. Take 10 g a day in your morning coffee."
    static let required = "This article is for information only and does not replace advice from your doctor."

    func run(_ yaml: String, _ text: String = page, path: String) throws -> [Diagnostic] {
        try S.disclaimerChecker(yaml).check(S.text(text), context: CheckContext(relativePath: path, disabledRules: DisclaimerTestSupport.optInRules))
    }

    @Test(arguments: [
        ("content/health/**", "content/health/a.html", true),
        ("content/health/**", "content/health/skin/acne.html", true),
        ("content/health/**", "content/healthy.html", false),
        ("content/**/*.html", "content/a.html", true),
        ("content/**/*.html", "content/x/y/a.html", true),
        ("content/*.html", "content/x/a.html", false),
        ("**/drafts/**", "drafts/a.txt", true),
        ("**/drafts/**", "blog/drafts/a.txt", true),
        ("blog/?.txt", "blog/a.txt", true),
        ("blog/?.txt", "blog/ab.txt", false),
        ("./blog/*.txt", "blog/a.txt", true),
        ("blog/*.txt", "./blog/a.txt", true),
    ])
    func globs(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func siteWideDisclaimerCoversItsPaths() throws {
        let yaml = """
        disclaimer:
          site_wide:
            text: "Everything on this site is for information only."
            paths: ["blog/**"]
        """
        #expect(try run(yaml, path: "blog/collagen.html").isEmpty)
        #expect(S.rulesFired(try run(yaml, path: "shop/collagen.html")) == ["disclaimer.missing"])
        #expect(try run("disclaimer:\n  site_wide: true\n", path: "anything.txt").isEmpty)
    }

    @Test func requiredWordingIsCheckedWordForWord() throws {
        let yaml = """
        disclaimer:
          required:
            - paths: content/health/**
              texts:
                - "\(Self.required)"
                - "Talk to your pharmacist before taking any supplement."
        """
        // Another disclaimer is not enough where the wording is required...
        let other = Self.page + "\n\nThis page is not medical advice."
        let d = try #require(try run(yaml, other, path: "content/health/collagen.txt").first)
        #expect(d.rule == "disclaimer.missing")
        #expect(d.message.contains("content/health/**"))
        #expect(d.details["reason"] == "policy")
        // ...the required text is, in any case and spacing...
        let carried = Self.page + "\n\nTHIS article is for information only, and does not replace advice from your doctor!"
        #expect(try run(yaml, carried, path: "content/health/collagen.txt").isEmpty)
        // ...and other paths keep the ordinary check.
        #expect(try run(yaml, other, path: "content/news/collagen.txt").isEmpty)
        // Required wording applies even when the page has no health triggers.
        #expect(S.rulesFired(try run(yaml, "Opening hours are nine to five.", path: "content/health/hours.txt")) == ["disclaimer.missing"])
    }

    @Test func severityPerGlob() throws {
        let yaml = """
        disclaimer:
          severity:
            - paths: ["drafts/**"]
              level: off
            - paths: ["content/health/**", "content/beauty/**"]
              level: error
        """
        #expect(try run(yaml, path: "drafts/a.txt").isEmpty)
        #expect(try run(yaml, path: "content/beauty/a.txt").first?.severity == .error)
        #expect(try run(yaml, path: "blog/a.txt").first?.severity == nil)
    }

    @Test func skippedPaths() throws {
        #expect(try run("disclaimer:\n  skip: [\"legal/**\"]\n", path: "legal/terms.txt").isEmpty)
    }

    @Test(arguments: [
        ("disclaimer:\n  sitewide: true\n", 2, "unknown key 'sitewide'"),
        ("disclaimer:\n  severity:\n    - paths: [\"a/**\"]\n      level: loud\n", 4, "severity level 'loud'"),
        ("disclaimer:\n  required:\n    - paths: [\"a/**\"]\n", 3, "needs 'texts'"),
        ("disclaimer:\n  required:\n    - texts: [\"x\"]\n", 3, "needs 'paths'"),
        ("disclaimer:\n  required: yes please\n", 2, "required must be a list"),
        ("disclaimer:\n  site_wide: [1, 2]\n", 2, "site_wide must be"),
        ("disclaimer: [1]\n", 1, "must be a mapping"),
    ])
    func badSettingsNameFileAndLine(_ yaml: String, _ line: Int, _ words: String) throws {
        do {
            _ = try S.disclaimerChecker(yaml)
            Issue.record("expected an error for \(yaml)")
        } catch let e as RulePackError {
            #expect(e.file == "test.claimlint.yml")
            #expect(e.line == line, "\(e)")
            #expect(e.message.contains(words), "\(e)")
            #expect(e.description.hasPrefix("test.claimlint.yml:\(line): disclaimer:"))
        }
    }
}

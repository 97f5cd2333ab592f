import ArgumentParser
import ClaimlintCore
import ClaimlintEngine
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .claimlint.yml in the working directory.")

    @Option(help: "Where to write the config.")
    var output: String = Configuration.fileName

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func run() async throws {
        if FileManager.default.fileExists(atPath: output) && !force {
            LintCommand.fail("\(output) already exists; use --force to overwrite it")
        }
        let linter: Linter
        do { linter = try Linter() } catch { LintCommand.fail("\(error)") }
        do { try StarterConfig.render(rules: linter.rules).write(toFile: output, atomically: true, encoding: .utf8) } catch {
            LintCommand.fail("cannot write \(output): \(error.localizedDescription)")
        }
        FileHandle.standardError.write(Data("claimlint: wrote \(output); edit it, then run `claimlint lint`\n".utf8))
    }
}

/// The starter config: every engine key with its default, and every built-in rule listed (commented
/// out) with its default severity, so turning one off or up is a one-line edit.
enum StarterConfig {
    static func render(rules: RuleSet) -> String {
        var y = """
        # claimlint configuration. Found by walking up from the working directory;
        # `claimlint lint --config FILE` picks another. Paths are relative to this file.

        # article: lint only the page's main content when it marks one (<article>, <main>);
        # page: lint navigation, sidebars and footers too.
        scope: article

        # Files to lint when `claimlint lint` is given no paths (globs; ** crosses folders).
        # With none, the working directory is linted (.html, .htm, .txt, .md files).
        include:
          - "**/*.html"
          - "**/*.md"
          - "**/*.txt"

        # Never lint these, even inside a directory named on the command line.
        exclude:
          - "**/drafts/**"
          - "**/node_modules/**"

        # Extra rule packs (YAML, the same shape as the built-in Rules/*.yml): house style,
        # banned words. A pack can add phrase rules without code and extend built-in lexicons.
        packs: []
        #  - rules/house-style.yml

        # Severity per rule id, per family (the part before the dot) or "*": error, warning,
        # info, or off. `claimlint rules` lists them; `claimlint explain RULE` documents one.
        # Only error-level findings fail the build by default (see `lint --fail-on`).
        # Uncomment `rules:` and the lines you change; listed values are the defaults.

        """
        var families: [String: [RuleDescription]] = [:]
        var familyOrder: [String] = []
        for r in rules.orderedRules {
            let family = String(r.id.split(separator: ".").first ?? Substring(r.id))
            if families[family] == nil { familyOrder.append(family) }
            families[family, default: []].append(r)
        }
        y += "# rules:\n"
        for family in familyOrder {
            y += "#   \(family): warning        # the whole family\n"
            for r in families[family]! {
                y += "#   \(r.id): \(r.severity.rawValue)" + String(repeating: " ", count: max(1, 36 - r.id.count - r.severity.rawValue.count)) + "# \(oneLine(r.summary))\n"
            }
        }
        y += """

        # Protection against hostile or accidental input.
        limits:
          max-file-size: 10MB
          max-nesting-depth: 1000
          max-blocks: 50000

        # Checker settings, one section per rule family (docs/disclaimer.md has the details).
        # disclaimer:
        #   # The site shows a disclaimer outside the article (e.g. its footer): covered pages
        #   # need not repeat it.
        #   site_wide:
        #     text: "Everything on this site is for information only and is not medical advice."
        #     paths: ["**"]
        #   # Pages that must carry one of these texts word for word.
        #   required:
        #     - paths: ["health/**"]
        #       texts: ["This article is for information only and does not replace advice from your doctor."]
        #   # Severity of disclaimer.missing per path; the first match wins; off silences it.
        #   severity:
        #     - paths: ["drafts/**"]
        #       level: off
        #   # Pages never checked for a disclaimer.
        #   skip: ["legal/**"]
        #
        # sentence:
        #   # Broken-sentence checks (fragments, run-ons, lowercase starts). `deep: true` adds the
        #   # optional, experimental Link Grammar stage when the library is installed.
        #   deep: false

        """
        return y
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

import ArgumentParser
import ClaimlintCore
import ClaimlintEngine
import Foundation

struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: id, category, default severity, one line.")

    @Option(help: "Config file (adds its rule packs and severities).")
    var config: String?

    func run() async throws {
        let linter: Linter
        do {
            linter = try Linter(configuration: try LintCommand.loadConfiguration(explicit: config))
        } catch { LintCommand.fail("\(error)") }
        let rules = linter.rules.orderedRules
        let idWidth = rules.map(\.id.count).max() ?? 10
        let catWidth = rules.map(\.category.rawValue.count).max() ?? 8
        var out = ""
        for r in rules {
            let severity = linter.configuration.severity(for: r)?.rawValue ?? "off"
            out += r.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                + r.category.rawValue.padding(toLength: catWidth + 2, withPad: " ", startingAt: 0)
                + severity.padding(toLength: 9, withPad: " ", startingAt: 0)
                + r.summary + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: what it does, why, an example, what to write instead, references.")

    @Argument(help: "A rule id, e.g. claims.unsupported.")
    var rule: String

    func run() async throws {
        let linter: Linter
        do {
            linter = try Linter(configuration: try LintCommand.loadConfiguration(explicit: nil))
        } catch { LintCommand.fail("\(error)") }
        guard let r = linter.rules.rule(rule) else {
            let close = linter.rules.ruleOrder.filter { $0.hasPrefix(rule) || $0.contains(rule) }
            LintCommand.fail("unknown rule '\(rule)'" + (close.isEmpty ? "; see `claimlint rules`" : "; did you mean: \(close.joined(separator: ", "))?"))
        }
        FileHandle.standardOutput.write(Data(RuleDocumentation.render(r).utf8))
    }
}

import ArgumentParser
import ClaimlintEngine

@main
struct Claimlint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimlint",
        abstract: "Lint health, medical and beauty content for unsupported claims, broken sentences, missing disclaimers and page furniture.",
        version: Linter.version,
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, MergeCommand.self, InitCommand.self],
        defaultSubcommand: LintCommand.self)
}

import ArgumentParser
import ClaimlintEngine
import Foundation

@main
struct Claimlint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimlint",
        abstract: "Lint health, medical and beauty content for unsupported claims, broken sentences, missing disclaimers and page furniture.",
        version: Linter.version,
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, MergeCommand.self, InitCommand.self],
        defaultSubcommand: LintCommand.self)

    /// ArgumentParser exits 64 (EX_USAGE) on a usage error; the contract says 2, the same as a
    /// bad config, so a CI step can tell "findings" (1) from "the run itself was wrong" (2).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

import ArgumentParser
import ClaimlintEngine
import Foundation

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine JSON or SARIF reports of `lint --shard K/N` runs into one report of the same format.")

    @Argument(help: "Report files (all --format json or all --format sarif).")
    var reports: [String]

    @Option(help: "Write the merged report to this file instead of stdout.")
    var output: String?

    func run() async throws {
        var inputs: [(name: String, data: Data)] = []
        for path in reports {
            guard let data = FileManager.default.contents(atPath: path) else {
                LintCommand.fail("\(path): " + (FileManager.default.fileExists(atPath: path) ? "cannot read the report" : "no such file"))
            }
            inputs.append((path, data))
        }
        let merged: String
        do { merged = try ReportMerger.merge(inputs).output } catch let e as MergeError { LintCommand.fail(e.message) }
        if let output {
            do { try merged.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                LintCommand.fail("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(merged.utf8))
        }
    }
}

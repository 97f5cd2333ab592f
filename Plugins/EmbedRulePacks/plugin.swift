import Foundation
import PackagePlugin

/// Turns every file under the package's `Rules/` folder into a Swift string constant, so the
/// built-in rule packs travel inside the binary (no `Bundle.module`, no files beside it).
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appendingPathComponent("Rules")
        let files = try FileManager.default.subpathsOfDirectory(atPath: rulesDir.path)
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") || $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
            .sorted()
            .map { rulesDir.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRulePacks.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) rule files",
                executable: try context.tool(named: "RulePackEmbedder").url,
                arguments: [rulesDir.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

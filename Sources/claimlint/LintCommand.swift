import ArgumentParser
import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint files or directories (\"-\" reads stdin).")

    @Argument(help: "Files or directories. With none, the config's include patterns, else the working directory.")
    var paths: [String] = []

    @Option(help: "Output format: \(Reporters.names.joined(separator: ", ")).")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of stdout.")
    var output: String?

    @Option(help: "Config file (default: the nearest .claimlint.yml upward from the working directory).")
    var config: String?

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning, info, never.")
    var failOn: String = "error"

    @Option(help: "Format of stdin: html, text, markdown.")
    var stdinFormat: String = "text"

    @Option(help: "Name shown for stdin in reports.")
    var stdinName: String = "<stdin>"

    @Option(help: "Lint the whole page (page) or only its main article when it marks one (article).")
    var scope: String?

    @Flag(help: "Colour the text report even when not writing to a terminal.")
    var color = false

    @Flag(help: "Never colour the text report.")
    var noColor = false

    @OptionGroup var surface: SurfaceOptions

    func run() async throws {
        guard let reporter = Reporters.named(format) else {
            throw ValidationError("unknown format '\(format)'; expected one of: \(Reporters.names.joined(separator: ", "))")
        }
        let failThreshold: Severity?
        switch failOn {
        case "never": failThreshold = nil
        default:
            guard let s = Severity(rawValue: failOn) else { throw ValidationError("--fail-on must be error, warning, info or never") }
            failThreshold = s
        }
        guard let stdinFormat = InputFormat(rawValue: stdinFormat) else { throw ValidationError("--stdin-format must be html, text or markdown") }

        var linter: Linter
        do {
            var configuration = try Self.loadConfiguration(explicit: config)
            if let scope {
                guard let s = LintScope(rawValue: scope) else { throw ValidationError("--scope must be article or page") }
                configuration.scope = s
            }
            linter = try Linter(configuration: configuration)
        } catch let e as ConfigurationError {
            Self.fail("\(e)")
        } catch let e as RulePackError {
            Self.fail("\(e)")
        } catch let e as ValidationError {
            throw e
        } catch {
            Self.fail("\(error)")
        }

        linter.sourceRetention = type(of: reporter).sourceRetention
        let shard = try surface.parsedShard()
        let minSeverity = try surface.parsedMinSeverity()

        // Files first, then stdin if "-" was given, in the order named.
        // No paths: the config's include, else the working directory. Only "-": stdin alone.
        let filePaths = paths.filter { $0 != "-" }
        var report = RunReport(files: [], errors: [])
        if paths.isEmpty || !filePaths.isEmpty {
            let progress = surface.quiet ? nil : Progress.make()
            if let shard {
                let (inputs, errors) = FileDiscovery(configuration: linter.configuration).inputs(for: filePaths)
                report = await linter.lint(inputs: shard.select(inputs), progress: progress)
                report.errors = errors + report.errors
            } else {
                report = await linter.run(paths: filePaths, progress: progress)
            }
        }
        if paths.contains("-") {
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            switch linter.lint(bytes: bytes, path: stdinName, format: stdinFormat) {
            case .success(let r):
                report.files.append(r.report)
                report.warnings += r.warnings
            case .failure(let e): report.errors.append(e)
            }
        }

        let workingDirectory = FileManager.default.currentDirectoryPath
        report = surface.applyFilters(report, minSeverity: minSeverity, workingDirectory: workingDirectory)

        let useColor = !noColor && (color || (output == nil && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil))
        let context = ReportContext(rules: linter.rules, toolVersion: Linter.version,
                                    workingDirectory: workingDirectory, useColor: useColor)
        let rendered = try reporter.render(report, context: context)
        if reporter is GitHubReporter { surface.appendStepSummary(report, context: context) }
        if surface.quiet && output == nil && report.findingCount == 0 && report.errors.isEmpty {
            // --quiet: nothing on stdout for a clean run
        } else if let output {
            do {
                try rendered.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                Self.fail("cannot write the report to \(output): \(error.localizedDescription)")
            }
        } else {
            // Straight from the string's buffer: a large report is not copied a second time.
            var text = rendered
            text.withUTF8 { buffer in
                var done = 0
                while done < buffer.count {
                    let n = write(STDOUT_FILENO, buffer.baseAddress! + done, buffer.count - done)
                    if n < 0 { if errno == EINTR { continue } else { break } }
                    done += n
                }
            }
        }
        for w in report.warnings where !surface.quiet { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        for e in report.errors { FileHandle.standardError.write(Data("claimlint: \(e.path): \(e.message)\n".utf8)) }

        if !report.errors.isEmpty { throw ExitCode(2) }
        if let threshold = failThreshold, report.files.contains(where: { $0.findings.contains { $0.severity >= threshold } }) {
            throw ExitCode(1)
        }
    }

    static func loadConfiguration(explicit: String?) throws -> Configuration {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw ConfigurationError(file: explicit, line: nil, message: "no such config file")
            }
            return try Configuration.load(path: explicit)
        }
        if let found = Configuration.find(from: FileManager.default.currentDirectoryPath) {
            return try Configuration.load(path: found)
        }
        return Configuration()
    }

    /// Prints a usage or configuration error and exits 2.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("claimlint: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// A progress line on stderr for long runs on a terminal.
enum Progress {
    static func make() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { done, total in
            guard total >= 200, done % 50 == 0 || done == total else { return }
            let line = done == total ? "\r\u{1B}[K" : "\rlinting \(done)/\(total) files…"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

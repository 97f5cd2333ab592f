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
        // A trap while linting names the file on stderr before the backtrace (CrashNotice).
        CrashNotice.install()
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

        // Files first, then stdin if "-" was given, in the order named.
        // No paths: the config's include, else the working directory. Only "-": stdin alone.
        let filePaths = paths.filter { $0 != "-" }
        let lintsFiles = paths.isEmpty || !filePaths.isEmpty
        var linter: Linter
        var discovery: Task<(inputs: [FileDiscovery.Input], errors: [LintError]), Never>?
        do {
            var configuration = try Self.loadConfiguration(explicit: config)
            if let scope {
                guard let s = LintScope(rawValue: scope) else { throw ValidationError("--scope must be article or page") }
                configuration.scope = s
            }
            // The file walk needs only the configuration: it runs on another core while the
            // checkers are built instead of after them (2,000 files: about 25 ms of start-up).
            if lintsFiles {
                let walk = FileDiscovery(configuration: configuration)
                discovery = Task { walk.inputs(for: filePaths) }
            }
            linter = try Linter(configuration: configuration)
        } catch let e as SettingsError {
            Self.fail("\(e)")
        } catch let e as ValidationError {
            throw e
        } catch {
            Self.fail("\(error)")
        }

        linter.sourceRetention = type(of: reporter).sourceRetention
        let shard = try surface.parsedShard()
        let minSeverity = try surface.parsedMinSeverity()
        let workingDirectory = FileManager.default.currentDirectoryPath
        let useColor = !noColor && (color || (output == nil && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil))
        let context = ReportContext(rules: linter.rules, toolVersion: Linter.version,
                                    workingDirectory: workingDirectory, useColor: useColor)
        var filters = surface.makeFilters(minSeverity: minSeverity, workingDirectory: workingDirectory)
        let sink: ReportSink
        do { sink = try ReportSink(path: output, holdUntilFindings: surface.quiet && output == nil) } catch {
            Self.fail("cannot write the report to \(output ?? "stdout"): \(error)")
        }

        // A streaming reporter writes each file as soon as it and the files before it are done
        // and keeps only counts (memory stays flat); the others get the whole run at the end.
        var stream = (reporter as? any StreamingReporter)?.makeStream(context: context)
        var collected = RunReport(files: [], errors: [])
        var summary = RunSummary()
        var errors: [LintError] = []
        var warnings: [String] = []
        var stepSummary = reporter is GitHubReporter ? GitHubReporter.StepSummary(context: context) : nil
        var failed = false
        if let text = stream?.begin() { sink.write(text) }
        func accept(_ result: Linter.FileResult) {
            switch result {
            case .success(let ok):
                let file = filters.apply(ok.report)
                warnings += ok.warnings
                summary.add(file)
                stepSummary?.add(file)
                if let threshold = failThreshold, file.findings.contains(where: { $0.severity >= threshold }) { failed = true }
                if !file.findings.isEmpty { sink.release() }
                if stream != nil { sink.write(stream!.file(file)) } else { collected.files.append(file) }
            case .failure(let e):
                errors.append(e)
                sink.release()
            }
        }

        if let discovery {
            let progress = surface.quiet ? nil : Progress.make()
            var (inputs, discoveryErrors) = await discovery.value
            if let shard { inputs = shard.select(inputs) }
            errors += discoveryErrors
            if !discoveryErrors.isEmpty { sink.release() }
            await linter.lint(inputs: inputs, progress: progress, deliver: accept)
        }
        if paths.contains("-") {
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            accept(linter.lint(bytes: bytes, path: stdinName, format: stdinFormat))
        }
        surface.finishFilters(filters)

        summary.errors = errors
        do {
            if stream != nil {
                sink.write(stream!.end(summary))
            } else {
                collected.errors = errors
                sink.write(try reporter.render(collected, context: context))
            }
            try sink.finish()
        } catch {
            Self.fail("cannot write the report to \(output ?? "stdout"): \(error)")
        }
        if let stepSummary { surface.appendStepSummary(markdown: stepSummary.markdown(summary)) }
        for w in warnings where !surface.quiet { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        for e in errors { FileHandle.standardError.write(Data("claimlint: \(e.path): \(e.message)\n".utf8)) }

        if !errors.isEmpty { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
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

/// Where the report goes: stdout, or a file written under a temporary name and renamed into
/// place when complete, so a failed run never leaves half a report under the real name (a
/// device, a FIFO or /dev/stdout is written in place instead: `OutputTarget`). A failed write,
/// to a file or to stdout (a full disk), fails the run with exit 2.
final class ReportSink {
    private let file: OutputFile
    /// `--quiet` without `--output`: nothing reaches stdout unless a finding or an error does.
    private var held: [String]?

    init(path: String?, holdUntilFindings: Bool) throws {
        held = holdUntilFindings ? [] : nil
        file = try path.map { try OutputFile(OutputTarget($0)) } ?? OutputFile()
    }

    /// Stops holding output back and writes what was held.
    func release() {
        guard let pending = held else { return }
        held = nil
        for s in pending { write(s) }
    }

    func write(_ text: String) {
        if held != nil { held!.append(text); return }
        file.write(text)
    }

    func finish() throws { try file.commit() }
}

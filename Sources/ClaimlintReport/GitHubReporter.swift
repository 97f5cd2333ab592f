import ClaimlintCore
import Foundation

/// `--format github`: GitHub Actions workflow commands, one annotation per finding:
/// `::warning file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`.
///
/// GitHub shows only a few annotations per step, so `stepSummary` renders a Markdown summary
/// of the whole run that the CLI appends to `$GITHUB_STEP_SUMMARY`.
public struct GitHubReporter: StreamingReporter {
    public static let name = "github"
    public init() {}

    public static let sourceRetention = SourceRetention.none

    public func makeStream(context: ReportContext) -> any ReportStream { Stream(context: context) }

    struct Stream: ReportStream {
        let context: ReportContext

        func begin() -> String { "" }

        func file(_ file: FileReport) -> String {
            var out = ""
            let path = ReportPath.relative(file.path, to: context.workingDirectory)
            for f in file.findings {
                let message = f.messageWithSuggestion(separator: "\n")
                let props: [(String, String)] = [
                    ("file", path), ("line", String(f.span.line)), ("col", String(f.span.column)),
                    ("endLine", String(f.span.endLine)), ("endColumn", String(f.span.endColumn)),
                    ("title", f.rule + (f.strength.map { " (\($0.rawValue))" } ?? "")),
                ]
                out += GitHubReporter.command(GitHubReporter.command(for: f.severity), properties: props, message: message) + "\n"
            }
            return out
        }

        func end(_ summary: RunSummary) -> String {
            var out = ""
            for e in summary.errors {
                out += GitHubReporter.command("error", properties: [("file", ReportPath.relative(e.path, to: context.workingDirectory)), ("title", "claimlint could not lint this file")], message: e.message) + "\n"
            }
            return out
        }
    }

    static func command(for s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// One workflow command line with escaped properties and message.
    public static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let props = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(props.isEmpty ? "" : " " + props)::\(escapeData(message))"
    }

    /// Message escaping: %, CR and LF.
    public static func escapeData(_ s: String) -> String { escape(s, property: false) }

    /// Property escaping: as messages, plus `:` and `,`, which delimit properties.
    public static func escapeProperty(_ s: String) -> String { escape(s, property: true) }

    private static func escape(_ s: String, property: Bool) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    // MARK: Step summary

    /// GitHub caps a step summary at 1 MiB; stay well under it.
    static let summaryLimit = 900_000

    /// A Markdown summary of the run: counts by severity and category, then each file's findings.
    public static func stepSummary(_ report: RunReport, context: ReportContext) -> String {
        var builder = StepSummary(context: context)
        var summary = RunSummary()
        for file in report.files {
            summary.add(file)
            builder.add(file)
        }
        summary.errors = report.errors
        return builder.markdown(summary)
    }

    /// The step summary built as files pass: per-file sections stop growing at the size limit,
    /// so a streamed run keeps only counts and at most `summaryLimit` bytes.
    public struct StepSummary: Sendable {
        let context: ReportContext
        var byCategory: [String: Int] = [:]
        var sections = ""
        var truncated = false

        public init(context: ReportContext) { self.context = context }

        public mutating func add(_ file: FileReport) {
            for f in file.findings { byCategory[f.category.rawValue, default: 0] += 1 }
            guard !truncated, !file.findings.isEmpty else { return }
            var section = "<details><summary>\(XML.escape(ReportPath.relative(file.path, to: context.workingDirectory))) (\(file.findings.count))</summary>\n\n"
            section += "| Line | Severity | Rule | Message |\n|---:|---|---|---|\n"
            for f in file.findings {
                section += "| \(f.span.line) | \(f.severity.rawValue) | `\(f.rule)` | \(cell(f.message)) |\n"
            }
            section += "\n</details>\n\n"
            // The head (counts and category table) is small; keep room for it under the limit.
            if sections.utf8.count + section.utf8.count > summaryLimit - 4_000 { truncated = true; return }
            sections += section
        }

        public func markdown(_ summary: RunSummary) -> String {
            var md = "## claimlint\n\n"
            let total = summary.findingCount
            md += "\(total) finding\(total == 1 ? "" : "s") in \(summary.files) file\(summary.files == 1 ? "" : "s")"
            md += ": \(summary.errorCount) error, \(summary.warningCount) warning, \(summary.infoCount) info"
            md += summary.errors.isEmpty ? ".\n\n" : "; \(summary.errors.count) could not be read.\n\n"
            if !byCategory.isEmpty {
                md += "| Category | Findings |\n|---|---:|\n"
                for (c, n) in byCategory.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { md += "| \(cell(c)) | \(n) |\n" }
                md += "\n"
            }
            md += sections
            if truncated { md += "_Summary truncated; see the full report artifact._\n" }
            if !summary.errors.isEmpty {
                md += "### Could not be linted\n\n"
                for e in summary.errors { md += "- `\(cell(e.path))`: \(cell(e.message))\n" }
            }
            return md
        }
    }

    /// A table cell: pipes escaped, newlines folded, HTML neutralised (GitHub renders HTML in Markdown).
    static func cell(_ s: String) -> String {
        XML.escape(s, attribute: false)
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// Appends the summary to the file `$GITHUB_STEP_SUMMARY` names; does nothing when unset.
    /// Returns the path written, if any.
    @discardableResult
    public static func appendStepSummary(_ report: RunReport, context: ReportContext,
                                         environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        try appendStepSummary(markdown: stepSummary(report, context: context), environment: environment)
    }

    /// Appends an already built summary (see `StepSummary`).
    @discardableResult
    public static func appendStepSummary(markdown: String,
                                         environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return nil }
        let data = Data(markdown.utf8)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: data) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            return path
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
        return path
    }
}

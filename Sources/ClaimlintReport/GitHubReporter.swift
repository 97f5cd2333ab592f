import ClaimlintCore
import Foundation

/// `--format github`: GitHub Actions workflow commands, one annotation per finding:
/// `::warning file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`.
///
/// GitHub shows only a few annotations per step, so `stepSummary` renders a Markdown summary
/// of the whole run that the CLI appends to `$GITHUB_STEP_SUMMARY`.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public init() {}

    public func render(_ report: RunReport, context: ReportContext) throws -> String {
        var out = ""
        for file in report.files {
            let path = ReportPath.relative(file.path, to: context.workingDirectory)
            for f in file.findings {
                var message = f.message
                if let s = f.suggestion { message += "\nSuggestion: " + s }
                let props: [(String, String)] = [
                    ("file", path), ("line", String(f.span.line)), ("col", String(f.span.column)),
                    ("endLine", String(f.span.endLine)), ("endColumn", String(f.span.endColumn)),
                    ("title", f.rule + (f.strength.map { " (\($0.rawValue))" } ?? "")),
                ]
                out += Self.command(Self.command(for: f.severity), properties: props, message: message) + "\n"
            }
        }
        for e in report.errors {
            out += Self.command("error", properties: [("file", ReportPath.relative(e.path, to: context.workingDirectory)), ("title", "claimlint could not lint this file")], message: e.message) + "\n"
        }
        return out
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
        var md = "## claimlint\n\n"
        let total = report.findingCount
        md += "\(total) finding\(total == 1 ? "" : "s") in \(report.files.count) file\(report.files.count == 1 ? "" : "s")"
        md += ": \(report.count(.error)) error, \(report.count(.warning)) warning, \(report.count(.info)) info"
        md += report.errors.isEmpty ? ".\n\n" : "; \(report.errors.count) could not be read.\n\n"
        var byCategory: [String: Int] = [:]
        for file in report.files { for f in file.findings { byCategory[f.category.rawValue, default: 0] += 1 } }
        if !byCategory.isEmpty {
            md += "| Category | Findings |\n|---|---:|\n"
            for (c, n) in byCategory.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { md += "| \(cell(c)) | \(n) |\n" }
            md += "\n"
        }
        var truncated = false
        for file in report.files where !file.findings.isEmpty {
            var section = "<details><summary>\(XML.escape(ReportPath.relative(file.path, to: context.workingDirectory))) (\(file.findings.count))</summary>\n\n"
            section += "| Line | Severity | Rule | Message |\n|---:|---|---|---|\n"
            for f in file.findings {
                section += "| \(f.span.line) | \(f.severity.rawValue) | `\(f.rule)` | \(cell(f.message)) |\n"
            }
            section += "\n</details>\n\n"
            if md.utf8.count + section.utf8.count > summaryLimit { truncated = true; break }
            md += section
        }
        if truncated { md += "_Summary truncated; see the full report artifact._\n" }
        if !report.errors.isEmpty {
            md += "### Could not be linted\n\n"
            for e in report.errors { md += "- `\(cell(e.path))`: \(cell(e.message))\n" }
        }
        return md
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
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return nil }
        let data = Data(stepSummary(report, context: context).utf8)
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

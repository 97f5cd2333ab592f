import ClaimlintCore

/// A reporter turns a run's findings into one output format. It never computes findings.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    /// How much of each file's source and document the report needs; less keeps memory flat.
    static var sourceRetention: SourceRetention { get }
    func render(_ report: RunReport, context: ReportContext) throws -> String
}

extension Reporter {
    /// Keeps everything unless a reporter says it needs less.
    public static var sourceRetention: SourceRetention { .all }
}

/// What reporters may need besides the findings.
public struct ReportContext: Sendable {
    /// Rule metadata (summary, docs, references) for formats that carry it (SARIF, HTML).
    public var rules: RuleSet
    public var toolName: String
    public var toolVersion: String
    /// Absolute path of the working directory, for repository-relative URIs.
    public var workingDirectory: String
    /// ANSI colour, only when writing to a terminal.
    public var useColor: Bool

    public init(rules: RuleSet, toolName: String = "claimlint", toolVersion: String, workingDirectory: String, useColor: Bool = false) {
        self.rules = rules
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
        self.useColor = useColor
    }
}

/// A reporter that can write a run file by file, as files finish, so a run over many files
/// never holds every finding (memory stays flat) and output overlaps linting. `render` is the
/// same stream written into one string, so both paths give identical bytes.
public protocol StreamingReporter: Reporter {
    func makeStream(context: ReportContext) -> any ReportStream
}

/// The state of one streamed report: `begin`, one `file` per file in input order, `end`.
public protocol ReportStream {
    mutating func begin() -> String
    mutating func file(_ file: FileReport) -> String
    mutating func end(_ summary: RunSummary) -> String
}

extension StreamingReporter {
    public func render(_ report: RunReport, context: ReportContext) throws -> String {
        var stream = makeStream(context: context)
        var out = stream.begin()
        var summary = RunSummary()
        for file in report.files {
            summary.add(file)
            out += stream.file(file)
        }
        summary.errors = report.errors
        out += stream.end(summary)
        return out
    }
}

/// The totals a report's closing part needs, counted as files pass.
public struct RunSummary: Sendable, Equatable {
    public var files = 0
    public var errorCount = 0
    public var warningCount = 0
    public var infoCount = 0
    public var errors: [LintError] = []

    public init() {}

    public var findingCount: Int { errorCount + warningCount + infoCount }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errorCount
        case .warning: warningCount
        case .info: infoCount
        }
    }

    public mutating func add(_ file: FileReport) {
        files += 1
        for f in file.findings {
            switch f.severity {
            case .error: errorCount += 1
            case .warning: warningCount += 1
            case .info: infoCount += 1
            }
        }
    }
}

extension Finding {
    /// The message with the suggestion after it, for formats that have one text field:
    /// `separator` is "\n" where the format keeps line breaks, ". " where it does not.
    func messageWithSuggestion(separator: String) -> String {
        suggestion.map { message + separator + "Suggestion: " + $0 } ?? message
    }
}

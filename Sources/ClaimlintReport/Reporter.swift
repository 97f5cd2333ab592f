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

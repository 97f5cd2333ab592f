import ClaimlintCore

/// The filters a run's findings pass through after checking, in order: recording a baseline
/// (of every finding), hiding the findings a baseline knows, then the severity floor. They
/// work file by file, so a streamed run filters each file as it is delivered.
public struct RunFilters: Sendable {
    /// Filled when the run records a baseline (`--write-baseline`).
    public private(set) var recorded: Baseline?
    private var known: Baseline.Matcher?
    public var minSeverity: Severity?
    public let workingDirectory: String

    public init(recordBaseline: Bool = false, known: Baseline? = nil, minSeverity: Severity? = nil, workingDirectory: String) {
        recorded = recordBaseline ? Baseline() : nil
        self.known = known.map(Baseline.Matcher.init)
        self.minSeverity = minSeverity
        self.workingDirectory = workingDirectory
    }

    /// How many findings the baseline has hidden so far.
    public var hiddenByBaseline: Int { known?.hidden ?? 0 }

    public mutating func apply(_ file: FileReport) -> FileReport {
        recorded?.record(file, workingDirectory: workingDirectory)
        var out = known?.filter(file, workingDirectory: workingDirectory) ?? file
        if let minSeverity { out.findings.removeAll { $0.severity < minSeverity } }
        return out
    }
}

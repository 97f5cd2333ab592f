/// What a checker reports: a rule, a place in a block's text (or the whole document), and words.
/// The engine turns it into a located `Finding`.
public struct Diagnostic: Sendable, Hashable {
    public enum Location: Sendable, Hashable {
        /// A UTF-8 range of `document.blocks[block].text`.
        case text(block: Int, range: Range<Int>)
        /// The document as a whole (points at the start of the main content, length 0).
        case document
    }

    public var rule: String
    public var location: Location
    public var message: String
    /// Overrides the rule's default severity when set (before config overrides).
    public var severity: Severity?
    public var strength: ClaimStrength?
    /// Advice on how to fix it, in words ("add a period before 'Many'").
    public var suggestion: String?
    /// Exact replacement text for the flagged range, when the fix is mechanical.
    public var replacement: String?
    /// Structured details for machine readers (`triggers`, `missing`, `standard`, ...).
    public var details: [String: String]

    public init(rule: String, location: Location, message: String, severity: Severity? = nil,
                strength: ClaimStrength? = nil, suggestion: String? = nil, replacement: String? = nil,
                details: [String: String] = [:]) {
        self.rule = rule
        self.location = location
        self.message = message
        self.severity = severity
        self.strength = strength
        self.suggestion = suggestion
        self.replacement = replacement
        self.details = details
    }
}

/// A located finding in one file, as reporters print it.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var category: Category
    public var severity: Severity
    public var message: String
    public var span: SourceSpan
    /// The decoded source text of the flagged span.
    public var excerpt: String
    public var strength: ClaimStrength?
    public var suggestion: String?
    public var replacement: String?
    /// The flagged text, whitespace-folded and lowercased: stable under reflow and line
    /// shifts, used by baselines and SARIF fingerprints.
    public var fingerprintText: String
    public var details: [String: String]

    public init(rule: String, category: Category, severity: Severity, message: String, span: SourceSpan,
                excerpt: String, strength: ClaimStrength? = nil, suggestion: String? = nil,
                replacement: String? = nil, fingerprintText: String, details: [String: String] = [:]) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.span = span
        self.excerpt = excerpt
        self.strength = strength
        self.suggestion = suggestion
        self.replacement = replacement
        self.fingerprintText = fingerprintText
        self.details = details
    }
}

/// Everything found in one file.
public struct FileReport: Sendable, Codable {
    public var path: String
    public var format: InputFormat
    public var findings: [Finding]
    /// The linted text, for reporters that show it (text and HTML). Not encoded in JSON.
    public var source: SourceText?
    /// The blocks, for reporters that render the article (HTML review report).
    public var document: Document?

    public init(path: String, format: InputFormat, findings: [Finding], source: SourceText? = nil, document: Document? = nil) {
        self.path = path
        self.format = format
        self.findings = findings
        self.source = source
        self.document = document
    }

    enum CodingKeys: String, CodingKey { case path, format, findings }
}

/// What a multi-file run keeps of each file's source and document for the reporter. Keeping
/// everything made memory grow with the number of files (234 MB for 2,000 articles, 844 MB
/// for 8,000); a reporter that needs no source lets the run drop it as each file finishes.
public enum SourceRetention: Sendable {
    case all
    /// Only files with findings keep theirs (the text report shows their source lines).
    case filesWithFindings
    case none
}

extension FileReport {
    /// This report without the source and document when `retention` does not keep them.
    public func retaining(_ retention: SourceRetention) -> FileReport {
        switch retention {
        case .all: return self
        case .filesWithFindings where !findings.isEmpty: return self
        case .filesWithFindings, .none: return FileReport(path: path, format: format, findings: findings)
        }
    }
}

/// An input that could not be linted, with the reason.
public struct LintError: Sendable, Codable, Hashable, Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// A whole run: the files in input order and the errors.
public struct RunReport: Sendable {
    public var files: [FileReport]
    public var errors: [LintError]
    /// Non-fatal notes for stderr (e.g. a suppression comment that suppressed nothing).
    public var warnings: [String]

    public init(files: [FileReport], errors: [LintError], warnings: [String] = []) {
        self.files = files
        self.errors = errors
        self.warnings = warnings
    }

    public var findingCount: Int { files.reduce(0) { $0 + $1.findings.count } }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.findings.filter { $0.severity == severity }.count }
    }
}

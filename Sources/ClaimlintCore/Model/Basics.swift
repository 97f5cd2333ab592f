/// How bad a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The rule family a finding belongs to (`claim`, `fragment`, `disclaimer`, `boilerplate`, ...).
/// A string, not an enum, so rule packs can add families without a code change.
public struct Category: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let claim: Category = "claim"
    public static let fragment: Category = "fragment"
    public static let disclaimer: Category = "disclaimer"
    public static let boilerplate: Category = "boilerplate"
    public static let balance: Category = "balance"
}

/// How strongly a claim asserts its effect.
public enum ClaimStrength: String, Sendable, Codable, Comparable {
    case moderate, strong
    public static func < (lhs: ClaimStrength, rhs: ClaimStrength) -> Bool { lhs == .moderate && rhs == .strong }
}

/// The markup a file is written in; picks the front end.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case html, text, markdown

    /// The format implied by a file name's extension, or nil when claimlint does not lint it.
    public init?(pathExtension ext: String) {
        switch ext.lowercased() {
        case "html", "htm", "xhtml": self = .html
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }
}

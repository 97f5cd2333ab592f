import ClaimlintCore

/// A front end turns one format's decoded source into a `Document`. It judges structure
/// (which element is a heading, which region is page chrome), never content.
public protocol FrontEnd: Sendable {
    func parse(_ source: SourceText, options: IngestOptions) throws -> Document
}

/// Limits that protect the linter from hostile input.
public struct IngestOptions: Sendable {
    /// Deeper element nesting than this is refused (an error naming the file), not recursed into.
    public var maxNestingDepth: Int = 1000
    public init() {}
}

/// An input that cannot be turned into a document, with the reason in plain words.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ m: String) { message = m }
    public var description: String { message }
}

/// The front end for each format.
public enum FrontEnds {
    public static func frontEnd(for format: InputFormat) -> any FrontEnd {
        switch format {
        case .text: TextFrontEnd()
        case .html: HTMLFrontEnd()
        case .markdown: MarkdownFrontEnd()
        }
    }
}

/// What a front end produces: the article as ordered blocks of plain text, each with a map
/// back to the source, plus metadata and suppression directives. Checkers see this and
/// never the markup.
public struct Document: Sendable {
    public var source: SourceText
    public var format: InputFormat
    public var blocks: [Block]
    public var metadata: DocumentMetadata
    /// `claimlint-disable` style comments found in the source, in source order.
    public var directives: [SuppressionDirective]
    /// True when the page marks its main content (`<article>`, `<main>`, `role="main"`);
    /// blocks outside it then have `region == .chrome`.
    public var hasMainLandmark: Bool
    /// Non-fatal problems the front end met (e.g. invalid UTF-8 replaced).
    public var warnings: [String]

    public init(source: SourceText, format: InputFormat, blocks: [Block] = [], metadata: DocumentMetadata = .init(),
                directives: [SuppressionDirective] = [], hasMainLandmark: Bool = false, warnings: [String] = []) {
        self.source = source
        self.format = format
        self.blocks = blocks
        self.metadata = metadata
        self.directives = directives
        self.hasMainLandmark = hasMainLandmark
        self.warnings = warnings
    }

    /// UTF-8 offset where the main content starts: where document-level findings point.
    public var contentStartOffset: Int {
        if let first = blocks.first(where: { $0.region == .main && $0.kind != .title }) ?? blocks.first {
            return first.sourceMap.utf8Range(forText: 0..<0).lowerBound
        }
        return 0
    }
}

/// The structural role of a block. Front ends decide this from markup alone.
public enum BlockKind: Sendable, Hashable {
    /// The document title (`<title>`, front-matter title).
    case title
    case heading(level: Int)
    case paragraph
    /// An item of a list; `index` is its 1-based position, `listID` groups items of one list.
    case listItem(ordered: Bool, index: Int, listID: Int)
    case tableCell(header: Bool)
    case blockquote
    /// A figure or table caption.
    case figcaption
    /// An image's alt text.
    case imageAlt

    /// Titles, headings, captions, cells and alt text are labels, not prose: sentence
    /// checkers must not judge them as sentences.
    public var isLabel: Bool {
        switch self {
        case .title, .heading, .tableCell, .figcaption, .imageAlt: true
        case .paragraph, .listItem, .blockquote: false
        }
    }

    public var isHeading: Bool {
        switch self {
        case .title, .heading: true
        default: false
        }
    }

    public var isListItem: Bool {
        if case .listItem = self { return true }
        return false
    }

    /// A short name for reports and tests.
    public var name: String {
        switch self {
        case .title: "title"
        case .heading(let level): "h\(level)"
        case .paragraph: "paragraph"
        case .listItem(let ordered, _, _): ordered ? "ordered-item" : "list-item"
        case .tableCell(let header): header ? "table-header" : "table-cell"
        case .blockquote: "blockquote"
        case .figcaption: "figcaption"
        case .imageAlt: "image-alt"
        }
    }
}

/// Whether a block is part of the article or of the page around it.
public enum Region: String, Sendable, Hashable {
    case main
    /// Navigation, header, footer, sidebar, forms, cookie banners, comments.
    case chrome
}

/// One unit of text: a paragraph, heading, list item, cell, caption...
public struct Block: Sendable {
    public var kind: BlockKind
    /// Plain text: markup removed, entities decoded, whitespace runs folded to one space, trimmed.
    public var text: String
    /// Maps every UTF-8 byte of `text` back to the UTF-8 source.
    public var sourceMap: TextSourceMap
    /// Links, with the UTF-8 range of `text` they cover.
    public var links: [InlineLink]
    /// Citation markers found by markup (`<sup>`, `<cite>`, footnote references).
    /// Bracketed numbers like "[3]" in plain text are found by `CitationScanner`.
    public var citations: [CitationMarker]
    public var region: Region
    /// Emphasised, quoted or otherwise marked inline spans the front end saw, for checkers
    /// that care (e.g. `<q>`, `<blockquote>` text is quoted speech).
    public var quoted: Bool
    /// UTF-8 offsets of `text` where a line of the source starts inside the block (the text after
    /// a folded line break: `BlockTextBuilder.lineStarts`), ascending. Layout, for the segmenter:
    /// a line opening with a timestamp is an item of a chapter list.
    public var lineStarts: [Int]

    public init(kind: BlockKind, text: String, sourceMap: TextSourceMap, links: [InlineLink] = [],
                citations: [CitationMarker] = [], region: Region = .main, quoted: Bool = false, lineStarts: [Int] = []) {
        self.kind = kind
        self.text = text
        self.sourceMap = sourceMap
        self.links = links
        self.citations = citations
        self.region = region
        self.quoted = quoted
        self.lineStarts = lineStarts
    }
}

/// A hyperlink inside a block.
public struct InlineLink: Sendable, Hashable {
    /// UTF-8 range of the block text that the link covers.
    public var range: Range<Int>
    public var href: String
    public init(range: Range<Int>, href: String) {
        self.range = range
        self.href = href
    }
}

/// A citation marker: a superscript, a `<cite>`, a footnote reference.
public struct CitationMarker: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case superscript, cite, footnote, bracket }
    public var range: Range<Int>
    public var kind: Kind
    /// The marker's label (for "[3]" or `<sup>3</sup>`, "3"); empty for `<cite>`.
    public var label: String
    public init(range: Range<Int>, kind: Kind, label: String) {
        self.range = range
        self.kind = kind
        self.label = label
    }
}

/// Facts about the page that front ends read from metadata (HTML meta tags, schema.org,
/// `<time>`, Markdown front matter). Checkers decide what they mean.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String?
    public var authors: [String] = []
    public var reviewers: [String] = []
    public var datePublished: String?
    public var dateModified: String?
    public var language: String?
    public var description: String?
    /// A front-matter or meta flag that says the page carries (true) or waives (false) a disclaimer.
    public var disclaimerFlag: Bool?
    /// Anything else a front end found, by a stable key (`og:type`, front-matter keys...).
    public var extra: [String: String] = [:]

    public init() {}
}

/// A suppression comment: `claimlint-disable RULE...`, `claimlint-enable RULE...`,
/// `claimlint-disable-next-line RULE...`. No rules means every rule.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case disable, enable, disableNextLine = "disable-next-line" }
    public var kind: Kind
    public var rules: [String]
    /// UTF-8 range of the whole comment in the source.
    public var range: Range<Int>
    public init(kind: Kind, rules: [String], range: Range<Int>) {
        self.kind = kind
        self.rules = rules
        self.range = range
    }

    /// Parses the inside of a comment (`claimlint-disable claims.unsupported, sentence.run-on`),
    /// or returns nil when the comment is not a directive.
    public static func parse(commentBody: String, range: Range<Int>) -> SuppressionDirective? {
        let trimmed = commentBody.trimmingCharacters(in: .whitespacesAndNewlinesSet)
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," })
        guard let head = words.first else { return nil }
        let kind: Kind
        switch head {
        case "claimlint-disable": kind = .disable
        case "claimlint-enable": kind = .enable
        case "claimlint-disable-next-line": kind = .disableNextLine
        default: return nil
        }
        // Text after "--" is a free-form reason.
        var rules: [String] = []
        for w in words.dropFirst() {
            if w == "--" { break }
            rules.append(String(w))
        }
        return SuppressionDirective(kind: kind, rules: rules, range: range)
    }
}

extension String {
    /// Foundation-free trimming so Core needs no Foundation import for this.
    func trimmingCharacters(in _: WhitespaceSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start && scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

enum WhitespaceSet { case whitespacesAndNewlinesSet }

import CCmark
import ClaimlintCore
import Synchronization

/// cmark-gfm 0.29 is not safe to run on two threads at once: extension registration uses an
/// unguarded static flag, and every parse adds and removes the extensions' characters (`~`,
/// `|`, ...) in a process-wide table of special inline characters, so a parse on another
/// thread intermittently stops seeing strikethrough or table cells (measured: the parallel
/// test fails on every run without this lock). Parsing holds this lock; walking the finished
/// tree does not need it.
private let cmarkLock = Mutex(false)

/// Markdown (CommonMark + GitHub extensions) through cmark-gfm's AST, with YAML or TOML front
/// matter (`MarkdownFrontMatter`).
///
/// Blocks: headings, paragraphs, list items, table cells, block quotes (`quoted`), image alt
/// text, footnote definitions (as items of one ordered list, as cmark renders them), and the
/// text of top-level raw HTML blocks (read by `HTMLFrontEnd`). Skipped: code blocks, code spans
/// (a word break), struck-through text (deleted); inline HTML tags are dropped and the text
/// between them kept. Footnote references become
/// the text `[n]` (mapped to `[^label]`) with a `.footnote` citation marker. Every text byte
/// maps to the exact source bytes, see `MarkdownSourceAligner`.
public struct MarkdownFrontEnd: FrontEnd {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// No CMARK_OPT_SMART: curly quotes invented by the parser would not match the source.
    static let cmarkOptions: Int32 = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES

    public init() {}

    public func parse(_ source: SourceText, options: IngestOptions) throws -> Document {
        var document = Document(source: source, format: .markdown)
        var metadata = DocumentMetadata()
        var blocks: [Block] = []
        var warnings: [String] = []
        var bodyStart = 0
        source.utf8.withUnsafeBufferPointer { src in
            if let frontMatter = MarkdownFrontMatter.find(in: src) {
                let result = frontMatter.read(src, into: &metadata)
                if result.isFrontMatter {
                    bodyStart = frontMatter.range.upperBound
                    if let title = result.title { blocks.append(title) }
                    warnings += result.warnings
                }
            }
        }
        // The body as cmark and the aligner read it: admonition fences blanked, offsets unchanged.
        let body = MarkdownTemplateSyntax.blankedFences(source.utf8, from: bodyStart) ?? source.utf8
        let templateTags = MarkdownTemplateSyntax.tagRanges(source.utf8, from: bodyStart)
        try body.withUnsafeBufferPointer { src in
            try MarkdownInputGuard.check(src, from: bodyStart)
            var walker = MarkdownWalker(src: src, bodyStart: bodyStart, maxDepth: options.maxNestingDepth, skipped: templateTags)
            try walker.run()
            blocks += Self.readHTMLBlocks(walker, source: source, body: body, options: options, warnings: &warnings)
            if metadata.title == nil, let h1 = walker.blocks.first(where: { $0.kind == .heading(level: 1) }) {
                metadata.title = h1.text
            }
            if walker.unaligned > 0 {
                warnings.append("\(walker.unaligned) piece(s) of Markdown text could not be matched to the source; their positions are approximate")
            }
            document.blocks = blocks
            document.metadata = metadata
            document.directives = walker.directives
            document.warnings = warnings
        }
        return document
    }
}

extension MarkdownFrontEnd {
    /// The walker's blocks with the content of top-level raw HTML blocks (`<div class="note">`,
    /// `<p align="center">`, `<details>`) merged in at their places. One libxml2 pass reads all
    /// of them from a copy of the file in which every other byte is blanked to a space (line
    /// ends kept), so offsets, lines and columns need no translation.
    static func readHTMLBlocks(_ walker: MarkdownWalker, source: SourceText, body: [UInt8], options: IngestOptions, warnings: inout [String]) -> [Block] {
        guard !walker.htmlSlots.isEmpty else { return walker.blocks }
        var blanked = [UInt8](repeating: 0x20, count: body.count)
        for (i, b) in body.enumerated() where b == 0x0A || b == 0x0D { blanked[i] = b }
        for slot in walker.htmlSlots { blanked.replaceSubrange(slot.range, with: body[slot.range]) }
        let html: Document
        do {
            html = try HTMLFrontEnd().parse(SourceText(path: source.path, original: blanked, utf8: blanked, encoding: "utf-8", offsetMap: .shift(0)),
                                            options: options)
        } catch {
            warnings.append("raw HTML blocks not linted: \(error)")
            return walker.blocks
        }
        // Each HTML block's text goes where its raw block stood among the Markdown blocks
        // (slots are in source order: the last one starting at or before the text).
        let slots = walker.htmlSlots
        var inserts: [Int: [Block]] = [:]
        for block in html.blocks where block.kind != .title {
            let start = block.sourceMap.utf8Range(forText: 0..<0).lowerBound
            var lo = 0, hi = slots.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if slots[mid].range.lowerBound <= start { lo = mid } else { hi = mid - 1 }
            }
            inserts[slots[lo].insertAt, default: []].append(block)
        }
        var merged: [Block] = []
        merged.reserveCapacity(walker.blocks.count + html.blocks.count)
        for (i, block) in walker.blocks.enumerated() {
            merged += inserts[i] ?? []
            merged.append(block)
        }
        merged += inserts[walker.blocks.count] ?? []
        return merged
    }
}

/// One pass over cmark's AST with `cmark_iter` (no recursion, so nesting depth costs memory,
/// not stack), building blocks as leaf nodes close.
struct MarkdownWalker {
    let src: UnsafeBufferPointer<UInt8>
    let aligner: MarkdownSourceAligner
    let lines: LineTable
    let bodyStart: Int
    let maxDepth: Int

    private(set) var blocks: [Block] = []
    /// Top-level raw HTML blocks and the index in `blocks` where their content belongs.
    private(set) var htmlSlots: [(range: Range<Int>, insertAt: Int)] = []
    private(set) var directives: [SuppressionDirective] = []
    /// Text runs that could not be found in the source (0 unless cmark surprises us).
    private(set) var unaligned = 0

    private struct ListFrame { var ordered: Bool; var next: Int; var id: Int }
    private struct ItemFrame { var ordered: Bool; var index: Int; var listID: Int }
    private struct Leaf {
        var kind: BlockKind
        var builder = BlockTextBuilder()
        var links: [InlineLink] = []
        var citations: [CitationMarker] = []
        /// Where the next inline content is read from, and where the block's source ends.
        var cursor: Int
        var limit: Int
        var openLinks: [(start: Int, href: String)] = []
        /// Per open link: whether it is an angle autolink (`<https://...>`), which ends in `>`.
        var angleLinks: [Bool] = []
        /// Inside a footnote definition, which cmark moves to the end of the document.
        var inFootnote = false
        var alt = BlockTextBuilder()
        var altBlocks: [Block] = []
        var imageStart = 0
    }
    private enum ExtensionKind { case table, row, cell, strikethrough, other }

    private var quoteDepth = 0
    private var lists: [ListFrame] = []
    private var items: [ItemFrame] = []
    private var listCount = 0
    private var footnoteListID: Int?
    private var footnoteCount = 0
    private var headerRow = false
    private var leaf: Leaf?
    private var imageDepth = 0
    private var struckDepth = 0
    private var depth = 0
    private var extensionKinds: [UInt32: ExtensionKind] = [:]
    private var pieces: [MarkdownSourceAligner.Piece] = []
    /// The end of the text read so far outside footnotes: where a block whose position
    /// cmark did not record (or recorded wrongly) is looked for.
    private var documentCursor = 0
    private var footnoteDepth = 0
    /// How far past its expected place text is looked for before it counts as not found.
    static let searchWindow = 64 * 1024
    /// After this many misses a document only gets short searches, so hostile input cannot
    /// make every text node scan its whole block.
    static let fullSearchBudget = 256
    private var misses = 0

    /// Source ranges whose text is dropped (template tags), sorted.
    let skipped: [Range<Int>]

    init(src: UnsafeBufferPointer<UInt8>, bodyStart: Int, maxDepth: Int, skipped: [Range<Int>] = []) {
        self.src = src
        self.skipped = skipped
        self.aligner = MarkdownSourceAligner(src: src)
        self.lines = LineTable(src, base: bodyStart, end: src.count)
        self.bodyStart = bodyStart
        self.maxDepth = maxDepth
    }

    /// Parses the body into cmark's tree; the caller frees it. The tree is this call's alone,
    /// so it leaves the lock as a plain address (a pointer is not `Sendable`).
    private func parseTree() -> OpaquePointer? {
        let address = cmarkLock.withLock { registered -> UInt in
            if !registered {
                cmark_gfm_core_extensions_ensure_registered()
                registered = true
            }
            guard let parser = cmark_parser_new(MarkdownFrontEnd.cmarkOptions) else { return 0 }
            defer { cmark_parser_free(parser) }
            for name in MarkdownFrontEnd.extensionNames {
                if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
            }
            if src.count > bodyStart, let base = src.baseAddress {
                UnsafeRawPointer(base + bodyStart).withMemoryRebound(to: CChar.self, capacity: src.count - bodyStart) {
                    cmark_parser_feed(parser, $0, src.count - bodyStart)
                }
            }
            return UInt(bitPattern: cmark_parser_finish(parser))
        }
        return OpaquePointer(bitPattern: address)
    }

    mutating func run() throws {
        guard let root = parseTree() else { throw IngestError("cmark-gfm could not parse the Markdown") }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { throw IngestError("cmark-gfm could not walk the Markdown") }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                try enter(node)
            } else if event == CMARK_EVENT_EXIT {
                exit(node)
            }
        }
    }

    // MARK: Events

    private mutating func enter(_ node: OpaquePointer) throws {
        let type = cmark_node_get_type(node)
        if !isLeafNode(type) {
            depth += 1
            if depth > maxDepth {
                throw IngestError("Markdown nested more than \(maxDepth) levels deep at line \(line(of: node))")
            }
        }
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_LIST:
            listCount += 1
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            lists.append(ListFrame(ordered: ordered, next: ordered ? Int(cmark_node_get_list_start(node)) : 1, id: listCount))
        case CMARK_NODE_ITEM:
            var list = lists.last ?? ListFrame(ordered: false, next: 1, id: 0)
            items.append(ItemFrame(ordered: list.ordered, index: list.next, listID: list.id))
            list.next += 1
            if !lists.isEmpty { lists[lists.count - 1] = list }
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            if footnoteListID == nil {
                listCount += 1
                footnoteListID = listCount
            }
            footnoteCount += 1
            footnoteDepth += 1
            items.append(ItemFrame(ordered: true, index: footnoteCount, listID: footnoteListID ?? 0))
        case CMARK_NODE_PARAGRAPH:
            var kind = BlockKind.paragraph
            let parentType = cmark_node_parent(node).map(cmark_node_get_type)
            if parentType == CMARK_NODE_ITEM || parentType == CMARK_NODE_FOOTNOTE_DEFINITION, let item = items.last {
                kind = .listItem(ordered: item.ordered, index: item.index, listID: item.listID)
            } else if parentType == CMARK_NODE_BLOCK_QUOTE {
                kind = .blockquote
            }
            startLeaf(kind, node, exactEnd: false)
        case CMARK_NODE_HEADING:
            startLeaf(.heading(level: Int(cmark_node_get_heading_level(node))), node, exactEnd: false)
        case CMARK_NODE_HTML_BLOCK:
            htmlBlock(node)
        case CMARK_NODE_TEXT:
            text(node)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            lineBreak()
        case CMARK_NODE_CODE:
            codeSpan()
        case CMARK_NODE_HTML_INLINE:
            inlineHTML(node)
        case CMARK_NODE_LINK:
            guard leaf != nil else { return }
            leaf!.angleLinks.append(aligner.opensAngleAutolink(from: leaf!.cursor, limit: leaf!.limit))
            if imageDepth == 0 && struckDepth == 0 {
                leaf!.openLinks.append((leaf!.builder.count, string(cmark_node_get_url(node))))
            }
        case CMARK_NODE_IMAGE:
            imageDepth += 1
            if imageDepth == 1, leaf != nil {
                leaf!.alt = BlockTextBuilder()
                leaf!.imageStart = find(ascii: "![", from: leaf!.cursor, limit: leaf!.limit) ?? leaf!.cursor
            }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            footnoteReference(node)
        case CMARK_NODE_DOCUMENT, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
             CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            break
        default:
            switch extensionKind(node, type) {
            case .row: headerRow = cmark_gfm_extensions_get_table_row_is_header(node) != 0
            case .cell: startLeaf(.tableCell(header: headerRow), node, exactEnd: true)
            case .strikethrough: struckDepth += 1
            case .table, .other: break
            }
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if !isLeafNode(type) { depth -= 1 }
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_LIST:
            _ = lists.popLast()
        case CMARK_NODE_ITEM:
            _ = items.popLast()
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            _ = items.popLast()
            footnoteDepth -= 1
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            finishLeaf()
        case CMARK_NODE_LINK:
            guard leaf != nil else { return }
            let angle = leaf!.angleLinks.popLast() ?? false
            leaf!.cursor = aligner.linkTail(from: leaf!.cursor, limit: leaf!.limit, angle: angle)
            if imageDepth == 0 && struckDepth == 0, let open = leaf!.openLinks.popLast() {
                var start = open.start
                let end = leaf!.builder.count
                if start < end && leaf!.builder.bytes[start] == 0x20 { start += 1 }
                if start < end { leaf!.links.append(InlineLink(range: start..<end, href: open.href)) }
            }
        case CMARK_NODE_IMAGE:
            imageDepth -= 1
            guard leaf != nil else { return }
            leaf!.cursor = aligner.linkTail(from: leaf!.cursor, limit: leaf!.limit, angle: false)
            if imageDepth == 0 {
                if !leaf!.alt.isEmpty {
                    let (text, map) = leaf!.alt.build()
                    leaf!.altBlocks.append(Block(kind: .imageAlt, text: text, sourceMap: map, quoted: quoteDepth > 0))
                }
                // The image separates the words around it.
                if struckDepth == 0 { leaf!.builder.appendSpace(range: leaf!.imageStart..<max(leaf!.imageStart, leaf!.cursor)) }
            }
        default:
            if extensionKind(node, type) == .cell { finishLeaf() }
            if extensionKind(node, type) == .strikethrough { struckDepth -= 1 }
        }
    }

    // MARK: Blocks

    private mutating func startLeaf(_ kind: BlockKind, _ node: OpaquePointer, exactEnd: Bool) {
        finishLeaf()
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        var start = lines.offset(line: startLine, column: Int(cmark_node_get_start_column(node)))
        var limit = endLine >= startLine ? lines.lineEnd(endLine) : src.count
        if exactEnd && endLine >= startLine {
            // A table cell ends at its own last byte, not at the end of the row.
            limit = min(limit, lines.offset(line: endLine, column: Int(cmark_node_get_end_column(node))) + 1)
        }
        if startLine <= 0 {
            // A paragraph line that a table split off has no position: it follows what came before.
            start = documentCursor
            limit = min(src.count, start + Self.searchWindow)
        }
        leaf = Leaf(kind: kind, cursor: start, limit: max(start, limit), inFootnote: footnoteDepth > 0)
        imageDepth = 0
    }

    private mutating func finishLeaf() {
        guard let current = leaf else { return }
        leaf = nil
        if !current.inFootnote { documentCursor = max(documentCursor, current.cursor) }
        if !current.builder.isEmpty {
            let (text, map) = current.builder.build()
            blocks.append(Block(kind: current.kind, text: text, sourceMap: map, links: current.links,
                                citations: current.citations, quoted: quoteDepth > 0, lineStarts: current.builder.lineStarts))
        }
        blocks += current.altBlocks
    }

    /// Raw HTML blocks: their comments may be directives; top-level ones that hold content are
    /// read later by the HTML front end (see `MarkdownFrontEnd.readHTMLBlocks`).
    private mutating func htmlBlock(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = cBytes(literal)
        var lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if bytes.last != 0x0A { lineCount += 1 }
        let startLine = Int(cmark_node_get_start_line(node))
        let from = lines.lineStart(startLine)
        let to = lines.lineEnd(startLine + max(0, lineCount - 1))
        var p = from
        while let open = find(ascii: "<!--", from: p, limit: to) {
            guard let close = find(ascii: "-->", from: open + 4, limit: to) else { break }
            addDirective(comment: open..<close + 3)
            p = close + 3
        }
        // Inside a quote or list the source lines carry `>` and indentation that are not HTML.
        if quoteDepth == 0 && items.isEmpty && footnoteDepth == 0 && !bytes.starts(with: "<!--".utf8) {
            htmlSlots.append((from..<to, blocks.count))
        }
    }

    private mutating func addDirective(comment range: Range<Int>) {
        guard range.count >= 7 else { return }
        let body = String(decoding: src[(range.lowerBound + 4)..<(range.upperBound - 3)], as: UTF8.self)
        if let directive = SuppressionDirective.parse(commentBody: body, range: range) { directives.append(directive) }
    }

    // MARK: Inlines

    private mutating func text(_ node: OpaquePointer) {
        guard leaf != nil, let literal = cmark_node_get_literal(node) else { return }
        let lit = cBytes(literal)
        guard !lit.isEmpty else { return }
        pieces.removeAll(keepingCapacity: true)
        let limit = misses < Self.fullSearchBudget ? leaf!.limit : min(leaf!.limit, leaf!.cursor + 4096)
        var found = aligner.find(lit, from: leaf!.cursor, limit: limit, into: &pieces)
        if found == nil && misses < Self.fullSearchBudget {
            // cmark got the block's position wrong (table header cells after a paragraph line
            // report that line): look further on, from what was read last.
            pieces.removeAll(keepingCapacity: true)
            let from = leaf!.inFootnote ? leaf!.cursor : max(leaf!.cursor, documentCursor)
            found = aligner.find(lit, from: from, limit: min(src.count, from + Self.searchWindow), into: &pieces)
            if let end = found { leaf!.limit = max(leaf!.limit, lines.lineEnd(containing: end)) }
        }
        if let end = found { leaf!.cursor = end } else { unaligned += 1; misses += 1 }
        guard struckDepth == 0 else { return }
        let inAlt = imageDepth > 0
        let skipped = self.skipped
        let src = self.src
        func append(_ builder: inout BlockTextBuilder, _ pieces: [MarkdownSourceAligner.Piece], _ cursor: Int) {
            guard found != nil else {
                builder.appendMapped(String(decoding: lit, as: UTF8.self), range: cursor..<cursor)
                return
            }
            for piece in pieces {
                switch piece {
                case .verbatim(let r):
                    // Template tags inside the run become word breaks.
                    var p = r.lowerBound
                    for tag in Self.overlapping(skipped, r) {
                        if p < tag.lowerBound { builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[p..<tag.lowerBound]), range: p..<tag.lowerBound) }
                        let covered = max(p, tag.lowerBound)..<min(r.upperBound, tag.upperBound)
                        builder.appendSpace(range: covered)
                        p = covered.upperBound
                    }
                    if p < r.upperBound { builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[p..<r.upperBound]), range: p..<r.upperBound) }
                case .mapped(let l, let r):
                    if Self.overlapping(skipped, r).isEmpty {
                        builder.appendMapped(String(decoding: lit[l], as: UTF8.self), range: r)
                    } else {
                        builder.appendSpace(range: r)
                    }
                }
            }
        }
        if inAlt { append(&leaf!.alt, pieces, leaf!.cursor) } else { append(&leaf!.builder, pieces, leaf!.cursor) }
    }

    /// Soft and hard breaks are one space, mapped to the bytes that end the line (trailing
    /// spaces or the backslash included).
    private mutating func lineBreak() {
        guard leaf != nil else { return }
        let from = leaf!.cursor
        let to = aligner.afterLineBreak(from: from, limit: leaf!.limit) ?? from
        leaf!.cursor = to
        guard struckDepth == 0 else { return }
        if imageDepth > 0 { leaf!.alt.appendSpace(range: from..<to, lineBreak: true) } else { leaf!.builder.appendSpace(range: from..<to, lineBreak: true) }
    }

    /// Code is not prose: the span is skipped and leaves a word break.
    private mutating func codeSpan() {
        guard leaf != nil, let span = aligner.codeSpan(from: leaf!.cursor, limit: leaf!.limit) else { return }
        leaf!.cursor = span.upperBound
        guard struckDepth == 0 else { return }
        if imageDepth > 0 { leaf!.alt.appendSpace(range: span) } else { leaf!.builder.appendSpace(range: span) }
    }

    /// Tags are dropped (the text between them stays); comments may be directives; `<br>`
    /// breaks words.
    private mutating func inlineHTML(_ node: OpaquePointer) {
        guard leaf != nil, let literal = cmark_node_get_literal(node) else { return }
        let lit = cBytes(literal)
        guard let range = aligner.inlineHTML(lit, from: leaf!.cursor, limit: leaf!.limit) else { return }
        leaf!.cursor = range.upperBound
        if lit.starts(with: "<!--".utf8) {
            if struckDepth == 0 { addDirective(comment: range) }
        } else if lit.count >= 3, lit[1] | 0x20 == UInt8(ascii: "b"), lit[2] | 0x20 == UInt8(ascii: "r"),
                  lit.count == 3 || !isAlphanumericByte(lit[3]) {
            if imageDepth == 0 && struckDepth == 0 { leaf!.builder.appendSpace(range: range, lineBreak: true) }
        }
    }

    /// `[^label]` becomes the text `[n]` (n as cmark numbers it) with a footnote marker.
    private mutating func footnoteReference(_ node: OpaquePointer) {
        guard leaf != nil else { return }
        let label = string(cmark_node_get_literal(node))
        let range = aligner.footnoteReference(from: leaf!.cursor, limit: leaf!.limit) ?? leaf!.cursor..<leaf!.cursor
        leaf!.cursor = range.upperBound
        guard struckDepth == 0, imageDepth == 0 else { return }
        let text = "[\(label)]"
        leaf!.builder.appendMapped(text, range: range)
        let end = leaf!.builder.count
        leaf!.citations.append(CitationMarker(range: end - text.utf8.count..<end, kind: .footnote, label: label))
    }

    // MARK: Helpers

    /// The ranges of `sorted` that overlap `r`.
    static func overlapping(_ sorted: [Range<Int>], _ r: Range<Int>) -> ArraySlice<Range<Int>> {
        guard !sorted.isEmpty else { return [] }
        // The first range that ends after r starts.
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < sorted.count && sorted[end].lowerBound < r.upperBound { end += 1 }
        return sorted[lo..<end]
    }

    private func isLeafNode(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_REFERENCE:
            true
        default:
            false
        }
    }

    /// Table and strikethrough node types are numbered when the extensions register, so
    /// they are recognised by name, once per type.
    private mutating func extensionKind(_ node: OpaquePointer, _ type: cmark_node_type) -> ExtensionKind {
        if let known = extensionKinds[type.rawValue] { return known }
        let kind: ExtensionKind
        switch string(cmark_node_get_type_string(node)) {
        case "table": kind = .table
        case "table_row", "table_header": kind = .row
        case "table_cell": kind = .cell
        case "strikethrough": kind = .strikethrough
        default: kind = .other
        }
        extensionKinds[type.rawValue] = kind
        return kind
    }

    private func find(ascii needle: String, from: Int, limit: Int) -> Int? {
        let n = Array(needle.utf8)
        var p = from
        let end = min(limit, src.count)
        while p + n.count <= end {
            if src[p] == n[0] && (1..<n.count).allSatisfy({ src[p + $0] == n[$0] }) { return p }
            p += 1
        }
        return nil
    }

    private func line(of node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node)) + (bodyStart > 0 ? lineCountBefore(bodyStart) : 0)
    }

    private func lineCountBefore(_ offset: Int) -> Int {
        LineTable(src, base: 0, end: offset).starts.count - 1
    }

    private func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}

/// The bytes of a NUL-terminated C string, without copying.
private func cBytes(_ p: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
    let bytes = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)
    var n = 0
    while bytes[n] != 0 { n += 1 }
    return UnsafeBufferPointer(start: bytes, count: n)
}

@inline(__always) private func isAlphanumericByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
}

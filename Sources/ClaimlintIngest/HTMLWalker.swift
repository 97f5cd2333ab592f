import CLibXML2
import ClaimlintCore

/// Walks a parsed HTML DOM into blocks. Iterative (explicit frame stack, parent pointers
/// to climb), so nesting depth never turns into Swift recursion.
struct HTMLWalker {
    let src: UnsafeBufferPointer<UInt8>
    let pieces: [TextPiece]
    /// The elements that are the page's main content (see `HTMLLandmarks`).
    let mainLandmarks: [xmlNodePtr]
    let hasLandmark: Bool
    let maxDepth: Int

    private(set) var blocks: [Block] = []
    private(set) var warnings: [String] = []

    // The run of text being collected into the next block.
    private var builder = BlockTextBuilder()
    private var links: [InlineLink] = []
    private var citations: [CitationMarker] = []
    private var runQuoted = false
    /// Changes whenever a block is emitted, so inline ranges know which run they started in.
    private var serial = 0
    /// Alt texts met inside the current run, emitted right after it to keep source order.
    private var pendingAlts: [Block] = []
    /// Run and text length at the last `<br>`, to spot `<br><br>`.
    private var lastBreak = (serial: -1, count: -1)

    // Context of the element being visited.
    private var frames: [Frame] = []
    private var kinds: [BlockKind] = []
    private var lists: [(id: Int, ordered: Bool, count: Int)] = []
    private var nextListID = 0
    private var landmarkDepth = 0
    private var articleDepth = 0
    private var chromeDepth = 0
    private var quoteDepth = 0
    private var superscriptDepth = 0
    private var openLinks = 0

    var metadata = HTMLMetadataCollector()
    private var unmappedTextNodes = 0

    init(source: UnsafeBufferPointer<UInt8>, pieces: [TextPiece], mainLandmarks: [xmlNodePtr], maxDepth: Int) {
        self.src = source
        self.pieces = pieces
        self.mainLandmarks = mainLandmarks
        self.hasLandmark = !mainLandmarks.isEmpty
        self.maxDepth = maxDepth
    }

    /// What to undo when an element is left.
    private struct Frame {
        var flags: UInt16 = 0
        /// Text offset where a link, superscript or cite began.
        var start = 0
        var serial = 0
        var href: String?
    }

    private enum Flag {
        static let flush: UInt16 = 1 << 0
        static let kind: UInt16 = 1 << 1
        static let list: UInt16 = 1 << 2
        static let landmark: UInt16 = 1 << 3
        static let chrome: UInt16 = 1 << 4
        static let quote: UInt16 = 1 << 5
        static let link: UInt16 = 1 << 6
        static let footnote: UInt16 = 1 << 7
        static let superscript: UInt16 = 1 << 8
        static let cite: UInt16 = 1 << 9
        static let article: UInt16 = 1 << 10
    }

    private var region: Region {
        if hasLandmark { return landmarkDepth > 0 && chromeDepth == 0 ? .main : .chrome }
        return chromeDepth == 0 ? .main : .chrome
    }

    // MARK: Traversal

    mutating func walk(_ doc: htmlDocPtr) throws {
        var node: xmlNodePtr? = doc.pointee.children
        while let n = node {
            var descend = false
            if n.pointee.type == XML_ELEMENT_NODE {
                if frames.count >= maxDepth { throw IngestError("nesting deeper than \(maxDepth) elements") }
                if let frame = enter(n) {
                    if n.pointee.children != nil {
                        frames.append(frame)
                        descend = true
                    } else {
                        leave(frame)
                    }
                }
            } else if n.pointee.type == XML_TEXT_NODE {
                appendText(n)
            }
            if descend {
                node = n.pointee.children
                continue
            }
            // Next sibling, or climb, leaving each finished ancestor.
            var cur = n
            node = nil
            while true {
                if let next = cur.pointee.next {
                    node = next
                    break
                }
                guard !frames.isEmpty, let parent = cur.pointee.parent else { break }
                leave(frames.removeLast())
                cur = parent
            }
        }
        while !frames.isEmpty { leave(frames.removeLast()) }
        flush()
        if unmappedTextNodes > 0 {
            warnings.append("\(unmappedTextNodes) text node(s) without a source position were left out")
        }
    }

    private mutating func enter(_ n: xmlNodePtr) -> Frame? {
        guard let name = n.pointee.name else { return nil }
        if n.pointee.properties != nil && isHidden(n) { return nil }
        let tag = HTMLTag.classify(name)
        var f = Frame(serial: serial)
        var checkMarkers = true
        switch tag {
        case .skip:
            return nil
        case .script:
            if let type = attribute(n, "type"), HTMLTag.bytesEqualIgnoringCase(type, "application/ld+json") {
                metadata.readJSONLD(textContent(n))
            }
            return nil
        case .meta:
            metadata.readMeta(name: attributeString(n, "name") ?? attributeString(n, "property"),
                              content: attributeString(n, "content"))
            return nil
        case .image:
            appendImageAlt(n)
            return nil
        case .lineBreak:
            // `<br><br>` is how older pages separate paragraphs: end the block there.
            if !builder.isEmpty && lastBreak == (serial, builder.count) {
                flush()
            } else {
                builder.appendSpace(range: tagRange(n), lineBreak: true)
                lastBreak = (serial, builder.count)
            }
            return nil
        case .title:
            beginBlock(&f, .title)
            checkMarkers = false
        case .heading(let level):
            beginBlock(&f, .heading(level: level))
        case .paragraph:
            beginBlock(&f, inheritedKind() ?? .paragraph)
        case .listItem:
            let kind: BlockKind
            if lists.isEmpty {
                nextListID += 1
                kind = .listItem(ordered: false, index: 1, listID: nextListID)
            } else {
                lists[lists.count - 1].count += 1
                let l = lists[lists.count - 1]
                kind = .listItem(ordered: l.ordered, index: l.count, listID: l.id)
            }
            beginBlock(&f, kind)
        case .cell(let header):
            beginBlock(&f, .tableCell(header: header))
        case .blockquote:
            beginBlock(&f, .blockquote)
            quoteDepth += 1
            f.flags |= Flag.quote
        case .caption:
            beginBlock(&f, .figcaption)
        case .list(let ordered):
            flush()
            nextListID += 1
            lists.append((nextListID, ordered, 0))
            f.flags |= Flag.flush | Flag.list
        case .landmark:
            flush()
            landmarkDepth += 1
            f.flags |= Flag.flush | Flag.landmark
            if HTMLTag.bytesEqual(name, "article") {
                articleDepth += 1
                f.flags |= Flag.article
            }
            checkMarkers = false
        case .chrome:
            flush()
            f.flags |= Flag.flush
            // A page-wide <form> (ASP.NET wraps whole pages in one) is not chrome.
            let isForm = HTMLTag.bytesEqual(name, "form")
            // An <aside> inside an article is the article's own note or callout box (HTML: content
            // related to the article around it), not page chrome; a classed one ("related-posts",
            // "sidebar") is still chrome through its markers below.
            let articleAside = articleDepth > 0 && chromeDepth == 0 && HTMLTag.bytesEqual(name, "aside")
            if !articleAside && (chromeDepth > 0 || !holdsMainContent(n, h1Counts: isForm)) {
                chromeDepth += 1
                f.flags |= Flag.chrome
            }
        case .header:
            flush()
            f.flags |= Flag.flush
            if landmarkDepth == 0 && (chromeDepth > 0 || !holdsMainContent(n, h1Counts: false)) {
                chromeDepth += 1
                f.flags |= Flag.chrome
            }
        case .boundary:
            flush()
            f.flags |= Flag.flush
            if HTMLTag.bytesEqual(name, "body") { checkMarkers = false }
        case .html:
            metadata.language = metadata.language ?? attributeString(n, "lang")
            checkMarkers = false
        case .link:
            checkMarkers = false
            if let href = attributeString(n, "href") {
                f.flags |= Flag.link
                f.start = builder.count
                f.href = href
                openLinks += 1
                if superscriptDepth == 0, href.hasPrefix("#cite") || href.hasPrefix("#ref") || href.hasPrefix("#fn") {
                    f.flags |= Flag.footnote
                }
            }
        case .superscript:
            checkMarkers = false
            superscriptDepth += 1
            f.flags |= Flag.superscript
            f.start = builder.count
        case .cite:
            checkMarkers = false
            f.flags |= Flag.cite
            f.start = builder.count
        case .inlineQuote:
            checkMarkers = false
            runQuoted = true
        case .time:
            checkMarkers = false
            if region == .main, let dt = attributeString(n, "datetime") { metadata.noteTime(dt) }
        case .inline:
            checkMarkers = false
        }
        if checkMarkers && n.pointee.properties != nil {
            let (chrome, main) = inspectAttributes(n)
            if main && f.flags & Flag.landmark == 0 {
                if f.flags & Flag.flush == 0 { flush() }
                landmarkDepth += 1
                f.flags |= Flag.flush | Flag.landmark
            } else if chrome && f.flags & Flag.chrome == 0 && chromeDepth == 0 && !holdsMainContent(n, h1Counts: !hasLandmark) {
                // A wrapper whose class merely mentions a sidebar or comments ("has-sidebar",
                // "comments-open") but holds the article is not chrome.
                if f.flags & Flag.flush == 0 { flush() }
                chromeDepth += 1
                f.flags |= Flag.flush | Flag.chrome
            }
        }
        return f
    }

    private mutating func leave(_ f: Frame) {
        let flags = f.flags
        if flags == 0 { return }
        if flags & Flag.link != 0 {
            openLinks -= 1
            if f.serial == serial, let href = f.href, let range = trimmedRange(f.start..<builder.count) {
                links.append(InlineLink(range: range, href: href))
                if flags & Flag.footnote != 0 {
                    citations.append(CitationMarker(range: range, kind: .footnote, label: label(range)))
                }
            }
        }
        if flags & Flag.superscript != 0 {
            superscriptDepth -= 1
            if f.serial == serial, let range = trimmedRange(f.start..<builder.count) {
                let l = label(range)
                if !l.isEmpty { citations.append(CitationMarker(range: range, kind: .superscript, label: l)) }
            }
        }
        if flags & Flag.cite != 0, f.serial == serial, let range = trimmedRange(f.start..<builder.count) {
            citations.append(CitationMarker(range: range, kind: .cite, label: ""))
        }
        if flags & Flag.flush != 0 { flush() }
        if flags & Flag.kind != 0 { kinds.removeLast() }
        if flags & Flag.quote != 0 { quoteDepth -= 1 }
        if flags & Flag.list != 0 { lists.removeLast() }
        if flags & Flag.landmark != 0 { landmarkDepth -= 1 }
        if flags & Flag.article != 0 { articleDepth -= 1 }
        if flags & Flag.chrome != 0 { chromeDepth -= 1 }
    }

    private mutating func beginBlock(_ f: inout Frame, _ kind: BlockKind) {
        flush()
        kinds.append(kind)
        f.flags |= Flag.flush | Flag.kind
    }

    /// A `<p>` inside a list item, cell, quote or caption keeps the container's kind.
    private func inheritedKind() -> BlockKind? {
        guard let k = kinds.last else { return nil }
        switch k {
        case .listItem, .tableCell, .blockquote, .figcaption: return k
        default: return nil
        }
    }

    /// Emits the current run as a block (if it has text).
    private mutating func flush() {
        if !builder.isEmpty {
            // A link still open across a block boundary covers the end of this run.
            if openLinks > 0 {
                for i in frames.indices where frames[i].flags & Flag.link != 0 && frames[i].serial == serial {
                    if let href = frames[i].href, let range = trimmedRange(frames[i].start..<builder.count) {
                        links.append(InlineLink(range: range, href: href))
                    }
                    frames[i].start = 0
                    frames[i].serial = serial + 1
                }
            }
            let (text, map) = builder.build()
            var kind = kinds.last ?? .paragraph
            if quoteDepth > 0 && kind == .paragraph { kind = .blockquote }
            blocks.append(Block(kind: kind, text: text, sourceMap: map, links: links, citations: citations,
                                region: region, quoted: runQuoted || quoteDepth > 0, lineStarts: builder.lineStarts))
            if kind == .title && metadata.title == nil { metadata.title = text }
            builder = BlockTextBuilder()
            links.removeAll(keepingCapacity: true)
            citations.removeAll(keepingCapacity: true)
            serial += 1
        }
        runQuoted = false
        if !pendingAlts.isEmpty {
            blocks.append(contentsOf: pendingAlts)
            pendingAlts.removeAll()
        }
    }

    // MARK: Text

    private mutating func appendText(_ n: xmlNodePtr) {
        guard let priv = n.pointee._private, let content = n.pointee.content else {
            if n.pointee.content != nil && n.pointee.content[0] != 0 { unmappedTextNodes += 1 }
            return
        }
        let first = Int(bitPattern: priv) - 1
        let key = UnsafeMutableRawPointer(n)
        let total = Int(xmlStrlen(content))
        var i = first
        var offset = 0
        while i < pieces.count && pieces[i].node == key {
            let p = pieces[i]
            guard offset + p.decodedLength <= total else { break }
            if p.verbatim {
                appendVerbatim(p.rawStart..<p.rawEnd)
            } else {
                let decoded = UnsafeBufferPointer(start: content + offset, count: p.decodedLength)
                if decoded.count == 2 && decoded[0] == 0xC2 && decoded[1] == 0xA0 {
                    builder.appendSpace(range: p.rawStart..<p.rawEnd)  // &nbsp; separates words
                } else {
                    builder.appendMapped(String(decoding: decoded, as: UTF8.self), range: p.rawStart..<p.rawEnd)
                }
            }
            offset += p.decodedLength
            i += 1
        }
    }

    /// Source bytes copied as they are, except that a no-break space counts as a space.
    private mutating func appendVerbatim(_ r: Range<Int>) {
        var s = r.lowerBound
        var i = s
        let end = r.upperBound
        while i + 1 < end {
            if src[i] == 0xC2 && src[i + 1] == 0xA0 {
                if i > s { builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[s..<i]), range: s..<i) }
                builder.appendSpace(range: i..<i + 2)
                i += 2
                s = i
            } else {
                i += 1
            }
        }
        if s < end { builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[s..<end]), range: s..<end) }
    }

    /// `range` without the spaces at either end, or nil when nothing is left.
    private func trimmedRange(_ range: Range<Int>) -> Range<Int>? {
        let b = builder.bytes
        var lo = max(0, range.lowerBound), hi = min(b.count, range.upperBound)
        while lo < hi && b[lo] == 0x20 { lo += 1 }
        while hi > lo && b[hi - 1] == 0x20 { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// A marker's label: its text without brackets (`[3]` -> `3`).
    private func label(_ range: Range<Int>) -> String {
        let text = String(decoding: builder.bytes[range], as: UTF8.self)
        return text.trimmingASCII("[]() ,")
    }

    // MARK: Images

    private mutating func appendImageAlt(_ n: xmlNodePtr) {
        guard let alt = attribute(n, "alt"), alt[0] != 0 else { return }
        var b = BlockTextBuilder()
        if let raw = rawAttributeValue(n, tag: "<img", attribute: "alt") {
            HTMLEntities.appendRaw(src, raw, into: &b)
        } else {
            let at = tagRange(n)
            b.appendMapped(String(cString: alt), range: at)
        }
        guard !b.isEmpty else { return }
        let (text, map) = b.build()
        let block = Block(kind: .imageAlt, text: text, sourceMap: map, region: region)
        if builder.isEmpty { blocks.append(block) } else { pendingAlts.append(block) }
    }

    /// Where the parser stood when the element's start tag was read (on its `>`).
    private func tagEnd(_ n: xmlNodePtr) -> Int? {
        guard let p = n.pointee._private else { return nil }
        let e = Int(bitPattern: p) - 1
        return e >= 0 && e <= src.count ? e : nil
    }

    /// The source range of a (void) element's tag, e.g. `<br>`.
    private func tagRange(_ n: xmlNodePtr) -> Range<Int> {
        guard let e = tagEnd(n) else { return 0..<0 }
        var s = min(e, src.count - 1)
        while s > 0 && src[s] != UInt8(ascii: "<") && e - s < 256 { s -= 1 }
        var end = e
        while end < src.count && src[end] != UInt8(ascii: ">") && end - e < 4 { end += 1 }
        return max(0, s)..<min(src.count, end + 1)
    }

    /// The raw source bytes of an attribute's value, found by rescanning the start tag.
    private func rawAttributeValue(_ n: xmlNodePtr, tag: StaticString, attribute name: StaticString) -> Range<Int>? {
        guard let e = tagEnd(n) else { return nil }
        var s = min(e, src.count - 1)
        let tagLength = tag.utf8CodeUnitCount
        while s >= 0 && e - s < 65_536 && !HTMLTag.matchesIgnoringCase(src, at: s, tag) { s -= 1 }
        guard s >= 0, HTMLTag.matchesIgnoringCase(src, at: s, tag) else { return nil }
        var tagEndOut = 0
        let attrs = HTMLAttributeScanner.attributes(in: src, from: s + tagLength, limit: src.count, tagEnd: &tagEndOut)
        let want = name.utf8Start
        let wantLength = name.utf8CodeUnitCount
        for a in attrs where a.name.count == wantLength {
            var k = 0
            while k < wantLength && asciiLower(src[a.name.lowerBound + k]) == want[k] { k += 1 }
            if k == wantLength { return a.value }
        }
        return nil
    }

    // MARK: Attributes

    private func attribute(_ n: xmlNodePtr, _ name: StaticString) -> UnsafePointer<xmlChar>? {
        var a = n.pointee.properties
        while let attr = a {
            if let an = attr.pointee.name, HTMLTag.bytesEqualIgnoringCase(an, name) {
                if let t = attr.pointee.children, let c = t.pointee.content { return UnsafePointer(c) }
                return emptyCString
            }
            a = attr.pointee.next
        }
        return nil
    }

    private func attributeString(_ n: xmlNodePtr, _ name: StaticString) -> String? {
        attribute(n, name).map { String(cString: $0) }
    }

    /// Content readers do not see: the `hidden` attribute, an inline `display: none`, and the
    /// common screen-reader-only classes ("(opens in a new tab)" inserted mid-sentence).
    private func isHidden(_ n: xmlNodePtr) -> Bool {
        var a = n.pointee.properties
        while let attr = a {
            if let an = attr.pointee.name {
                if HTMLTag.bytesEqual(an, "hidden") { return true }
                if let v = attr.pointee.children?.pointee.content {
                    if HTMLTag.bytesEqual(an, "style") && HTMLTag.containsIgnoringSpaces(v, "display:none") { return true }
                    if HTMLTag.bytesEqual(an, "class") {
                        let length = Int(xmlStrlen(v))
                        if HTMLTag.contains(v, length, "visually-hidden") || HTMLTag.contains(v, length, "visuallyhidden")
                            || HTMLTag.contains(v, length, "sr-only") || HTMLTag.contains(v, length, "screen-reader-text") {
                            return true
                        }
                    }
                }
            }
            a = attr.pointee.next
        }
        return false
    }

    /// Whether `id`, `class` or `role` marks the element as page chrome, or as the main content.
    private func inspectAttributes(_ n: xmlNodePtr) -> (chrome: Bool, main: Bool) {
        var chrome = false, main = false
        var a = n.pointee.properties
        while let attr = a {
            if let an = attr.pointee.name, let value = attr.pointee.children?.pointee.content {
                if HTMLTag.bytesEqual(an, "role") {
                    if HTMLTag.bytesEqualIgnoringCase(value, "main") { main = true }
                    if ChromeMarkers.roleMarksChrome(value) { chrome = true }
                } else if HTMLTag.bytesEqual(an, "class") || HTMLTag.bytesEqual(an, "id") {
                    if ChromeMarkers.marksChrome(value, structural: !hasLandmark) { chrome = true }
                }
            }
            a = attr.pointee.next
        }
        return (chrome, main)
    }

    /// Whether `root`'s subtree holds the page's main landmark, or with `h1Counts` an `<h1>`.
    /// Only called for chrome candidates.
    private func holdsMainContent(_ root: xmlNodePtr, h1Counts: Bool) -> Bool {
        for landmark in mainLandmarks {
            var p = landmark.pointee.parent
            while let a = p {
                if a == root { return true }
                p = a.pointee.parent
            }
        }
        return h1Counts && HTMLLandmarks.findElement(under: root) { _, name in HTMLTag.bytesEqual(name, "h1") }
    }

    /// The concatenated text of an element's children (a script's JSON).
    private func textContent(_ n: xmlNodePtr) -> [UInt8] {
        var out: [UInt8] = []
        var c = n.pointee.children
        while let child = c {
            if let content = child.pointee.content {
                out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            c = child.pointee.next
        }
        return out
    }

    func finishMetadata() -> DocumentMetadata { metadata.finish() }
}

/// A valid empty C string (string literals are NUL-terminated) for attributes without a value.
private var emptyCString: UnsafePointer<xmlChar> {
    UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: xmlChar.self)
}

extension String {
    /// Trims any of the ASCII characters in `set` from both ends.
    func trimmingASCII(_ set: StaticString) -> String {
        let chars = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        var u = Substring(self).utf8
        while let f = u.first, chars.contains(f) { u = u.dropFirst() }
        while let l = u.last, chars.contains(l) { u = u.dropLast() }
        return String(Substring(u))
    }
}

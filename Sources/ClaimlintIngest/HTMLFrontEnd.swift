import CLibXML2
import ClaimlintCore

/// The HTML front end: libxml2's forgiving HTML parser builds the DOM while a wrapped SAX2
/// `characters` callback records where each text chunk sits in the source; a walk over the
/// DOM then turns elements into `Block`s whose every text byte maps back to the source.
///
/// The input is always the decoded UTF-8 of `SourceText` (see `SourceDecoder`), and the
/// parser is told so, which keeps it from switching encodings on a `<meta charset>`.
public struct HTMLFrontEnd: FrontEnd {
    public init() {}

    public func parse(_ source: SourceText, options: IngestOptions) throws -> Document {
        if source.utf8.allSatisfy(isSpaceByte) { return Document(source: source, format: .html) }
        guard source.utf8.count < Int(Int32.max) else { throw IngestError("file too large for the HTML parser (over 2 GB)") }
        return try source.utf8.withUnsafeBufferPointer { buffer in
            try Self.parse(buffer, source: source, options: options)
        }
    }

    /// Everything that touches libxml2 pointers happens inside this one synchronous call;
    /// only Sendable Swift values leave it.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, source: SourceText, options: IngestOptions) throws -> Document {
        xmlInitParser()  // idempotent and guarded by libxml2's own init lock
        guard let ctxt = htmlNewParserCtxt() else { throw IngestError("cannot create an HTML parser (out of memory)") }
        defer { htmlFreeParserCtxt(ctxt) }
        let recorder = HTMLParseRecorder(source: buffer, maxDepth: options.maxNestingDepth)
        guard let sax = ctxt.pointee.sax else { throw IngestError("cannot create an HTML parser (no SAX handler)") }
        sax.pointee.characters = recordCharacters
        // Whitespace between inline elements (`</sup> <a>`) is sometimes reported as
        // "ignorable"; keep it as text so the words on either side stay apart.
        sax.pointee.ignorableWhitespace = recordCharacters
        sax.pointee.startElement = recordStartElement
        sax.pointee.comment = recordComment
        let doc: htmlDocPtr? = withExtendedLifetime(recorder) {
            ctxt.pointee._private = Unmanaged.passUnretained(recorder).toOpaque()
            defer { ctxt.pointee._private = nil }
            return buffer.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(ctxt, $0.baseAddress, Int32($0.count), source.path, "UTF-8", htmlParseOptions)
            }
        }
        guard let doc else { return Document(source: source, format: .html) }
        defer { xmlFreeDoc(doc) }
        if recorder.tooDeep { throw IngestError("nesting deeper than \(options.maxNestingDepth) elements") }

        // An <article> inside an <aside> or a comment section is not the page's main content.
        var landmarks = HTMLLandmarks()
        let mainLandmarks = landmarks.mainLandmarks(among: recorder.landmarkCandidates)
        let hasLandmark = !mainLandmarks.isEmpty
        var walker = HTMLWalker(source: buffer, pieces: recorder.pieces, mainLandmarks: mainLandmarks,
                                maxDepth: options.maxNestingDepth)
        try walker.walk(doc)

        var document = Document(source: source, format: .html, blocks: walker.blocks, metadata: walker.finishMetadata(),
                                hasMainLandmark: hasLandmark, warnings: walker.warnings)
        for comment in recorder.comments {
            let body = String(decoding: buffer[comment.body], as: UTF8.self)
            if let directive = SuppressionDirective.parse(commentBody: body, range: comment.range) {
                document.directives.append(directive)
            }
        }
        return document
    }
}

/// RECOVER: real pages are sloppy. NOERROR/NOWARNING: nothing printed. NONET: no network.
/// COMPACT: less memory. IGNORE_ENC: the buffer is UTF-8 whatever its `<meta>` says.
/// HUGE lifts libxml2's fixed 256-level depth cap, which would silently drop the rest of the
/// page; `IngestOptions.maxNestingDepth` is enforced instead, with a clear error.
private let htmlParseOptions = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

/// One `characters` callback: `decodedLength` bytes appended to text node `node`, standing
/// for `rawStart..<rawEnd` of the source. Verbatim chunks have equal lengths and bytes.
struct TextPiece {
    var node: UnsafeMutableRawPointer
    var rawStart: Int
    var rawEnd: Int
    var decodedLength: Int
    var verbatim: Bool
}

/// Per-parse state, reached from the C callbacks through `ctxt->_private`.
final class HTMLParseRecorder {
    let source: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var pieces: [TextPiece] = []
    /// Where the last recorded piece ended in the source.
    var lastEnd = 0
    var lastStart = 0
    /// Comments that mention claimlint: whole-comment range and body range.
    var comments: [(range: Range<Int>, body: Range<Int>)] = []
    /// `article`, `main` and `role="main"` elements, in document order (at most 64).
    var landmarkCandidates: [xmlNodePtr] = []
    var tooDeep = false

    init(source: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.source = source
        self.maxDepth = maxDepth
    }

    @inline(__always)
    func recordPieceIndex(_ textNode: xmlNodePtr) {
        // The node's first piece index (+1) lives in the text node itself: no dictionary.
        // Chunks of one node always arrive together, so its pieces are contiguous.
        if textNode.pointee._private == nil { textNode.pointee._private = UnsafeMutableRawPointer(bitPattern: pieces.count + 1) }
    }

    @inline(__always)
    func recordPiece(_ textNode: xmlNodePtr, start: Int, end: Int, decodedLength: Int, verbatim: Bool) {
        recordPieceIndex(textNode)
        if end > lastEnd { lastEnd = end }
        lastStart = start
        pieces.append(TextPiece(node: UnsafeMutableRawPointer(textNode), rawStart: start, rawEnd: end,
                                decodedLength: decodedLength, verbatim: verbatim))
    }
}

@inline(__always)
private func recorder(of ctxt: UnsafeMutablePointer<xmlParserCtxt>) -> HTMLParseRecorder? {
    guard let p = ctxt.pointee._private else { return nil }
    return Unmanaged<HTMLParseRecorder>.fromOpaque(p).takeUnretainedValue()
}

/// The source offset just after what the parser has consumed. Not `xmlByteConsumed`, which
/// is wrong in libxml2 2.9 once an encoder is attached and more than ~32 KB remain.
@inline(__always)
private func parserOffset(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>) -> Int? {
    guard let input = ctxt.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else { return nil }
    return Int(input.pointee.consumed) + (cur - base)
}

private func recordCharacters(_ ctx: UnsafeMutableRawPointer?, _ ch: UnsafePointer<xmlChar>?, _ len: Int32) {
    xmlSAX2Characters(ctx, ch, len)  // keep libxml2's DOM building
    guard let ctx, let ch, len > 0 else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let rec = recorder(of: ctxt), let offset = parserOffset(ctxt),
          let textNode = ctxt.pointee.node?.pointee.last, textNode.pointee.type == XML_TEXT_NODE
    else { return }
    let n = Int(len)
    let src = rec.source
    let end = min(offset, src.count)
    let floor = rec.lastEnd  // pieces arrive in source order and never overlap
    @inline(__always) func same(at s: Int) -> Bool {
        guard s >= floor && s + n <= src.count else { return false }
        var i = 0
        while i < n {
            if src[s + i] != ch[i] { return false }
            i += 1
        }
        return true
    }
    // 1. Verbatim text the parser has just moved past (the usual case).
    if same(at: end - n) {
        rec.recordPiece(textNode, start: end - n, end: end, decodedLength: n, verbatim: true)
        return
    }
    // 2. An entity or character reference ending where the parser stands: its decoded text
    //    differs from the source, which starts at the nearest `&`.
    var amp = end - 1
    while amp >= floor && amp >= 0 && src[amp] != UInt8(ascii: "&") && end - amp < 48 { amp -= 1 }
    let foundAmp = amp >= floor && amp >= 0 && src[amp] == UInt8(ascii: "&")
    // Only a stray `<` is reported before the parser moves past it.
    let atCursor = ch[0] == UInt8(ascii: "<") && same(at: end)
    if foundAmp && isReference(src, amp..<end) {
        // `&lt;</p>`: the decoded "<" also equals the next source byte. Only when that happens
        // does the reference have to decode to the chunk to win.
        if !atCursor || HTMLEntities.decodeReference(src, amp..<end).map({ decodedEquals($0, ch, n) }) == true {
            rec.recordPiece(textNode, start: amp, end: end, decodedLength: n, verbatim: false)
            return
        }
    }
    // 3. Text reported before the parser moves past it (the stray `<` in `a <> b`).
    if atCursor {
        rec.recordPiece(textNode, start: end, end: end + n, decodedLength: n, verbatim: true)
        return
    }
    // 4. Anything else (an unknown entity is reported as "&" then its name, both after its
    //    `;`): from its `&`, or the previous piece's range, or the source since that piece.
    let start = foundAmp ? amp : floor < end ? floor : min(rec.lastStart, end)
    rec.recordPiece(textNode, start: max(0, start), end: end, decodedLength: n, verbatim: false)
}

/// Whether `r` spells a character reference the parser decodes: `&name;`, `&#123;`,
/// `&#x1F;` (numeric ones also without the `;`).
private func isReference(_ src: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
    guard r.count >= 3, src[r.lowerBound] == UInt8(ascii: "&") else { return false }
    var i = r.lowerBound + 1
    var end = r.upperBound
    let numeric = src[i] == UInt8(ascii: "#")
    if src[end - 1] == UInt8(ascii: ";") {
        end -= 1
    } else if !numeric {
        return false
    }
    if numeric { i += 1 }
    guard i < end else { return false }
    while i < end {
        guard ChromeMarkers.isAlnum(src[i]) && src[i] < 0x80 else { return false }
        i += 1
    }
    return true
}

private func decodedEquals(_ scalar: Unicode.Scalar, _ ch: UnsafePointer<xmlChar>, _ n: Int) -> Bool {
    var bytes: [UInt8] = []
    bytes.append(contentsOf: String(Character(scalar)).utf8)
    guard bytes.count == n else { return false }
    for i in 0..<n where bytes[i] != ch[i] { return false }
    return true
}

private func recordStartElement(_ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                                _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    xmlSAX2StartElement(ctx, name, atts)
    guard let ctx, let name else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let rec = recorder(of: ctxt) else { return }
    if Int(ctxt.pointee.nameNr) > rec.maxDepth {
        rec.tooDeep = true
        xmlStopParser(ctxt)
        return
    }
    // The element's tag ends here (the parser stands on its `>`); kept in the node for
    // `<img alt>` and `<br>` source ranges.
    if let node = ctxt.pointee.node, node.pointee.name == name || xmlStrEqual(node.pointee.name, name) != 0,
       let end = parserOffset(ctxt) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: end + 1)
    }
    // Candidates for the main landmark; whether one really is (not a teaser card in a
    // sidebar, not a comment) is decided once the tree is complete.
    guard rec.landmarkCandidates.count < 64, let node = ctxt.pointee.node else { return }
    var isLandmark = HTMLTag.isLandmarkName(name)
    if !isLandmark, let atts {
        var i = 0
        while let key = atts[i] {
            if HTMLTag.bytesEqual(key, "role"), let value = atts[i + 1], HTMLTag.bytesEqualIgnoringCase(value, "main") {
                isLandmark = true
            }
            i += 2
        }
    }
    if isLandmark { rec.landmarkCandidates.append(node) }
}

private func recordComment(_ ctx: UnsafeMutableRawPointer?, _ value: UnsafePointer<xmlChar>?) {
    // Comments stay out of the DOM: the walker never needs them.
    guard let ctx, let value else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let rec = recorder(of: ctxt), let end0 = parserOffset(ctxt) else { return }
    let src = rec.source
    let end = min(end0, src.count)
    let bodyLength = Int(xmlStrlen(value))
    // Cheap filter: only comments that mention claimlint can be directives.
    guard HTMLTag.contains(value, bodyLength, "claimlint") else { return }
    // The parser stands just after `-->`; the body is raw (comments are not decoded).
    var start = end - 3 - bodyLength - 4
    if !(start >= 0 && HTMLTag.matches(src, at: start, "<!--")) {
        var s = end - 3
        while s >= 0 && !HTMLTag.matches(src, at: s, "<!--") { s -= 1 }
        guard s >= 0 else { return }
        start = s
    }
    let bodyStart = min(start + 4, end)
    let bodyEnd = max(bodyStart, min(bodyStart + bodyLength, end))
    rec.comments.append((range: start..<end, body: bodyStart..<bodyEnd))
}

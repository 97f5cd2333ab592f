import ClaimlintCore
import Yams

/// YAML front matter (`---` ... `---` at the very top, as Hugo, Jekyll, Docusaurus and Astro
/// write it): page facts, never prose.
struct MarkdownFrontMatter {
    /// The whole front matter including both fences and the closing line's terminator.
    var range: Range<Int>
    /// The YAML between the fences.
    var yamlRange: Range<Int>

    /// Front matter at the top of `src`, or nil. The opening fence must be the first line;
    /// without a closing `---` (or `...`) line the `---` is Markdown (a thematic break).
    static func find(in src: UnsafeBufferPointer<UInt8>) -> MarkdownFrontMatter? {
        guard let firstEnd = fenceLineEnd(src, at: 0) else { return nil }
        var lineStart = firstEnd
        while lineStart < src.count {
            if let closeEnd = fenceLineEnd(src, at: lineStart, allowDots: true) {
                return MarkdownFrontMatter(range: 0..<closeEnd, yamlRange: firstEnd..<lineStart)
            }
            var p = lineStart
            while p < src.count && src[p] != 0x0A && src[p] != 0x0D { p += 1 }
            if p < src.count {
                if src[p] == 0x0D && p + 1 < src.count && src[p + 1] == 0x0A { p += 1 }
                p += 1
            }
            lineStart = p
        }
        return nil
    }

    /// If a line that is exactly `---` (or `...`), trailing blanks allowed, starts at `p`:
    /// the offset after its terminator.
    private static func fenceLineEnd(_ src: UnsafeBufferPointer<UInt8>, at p: Int, allowDots: Bool = false) -> Int? {
        guard p + 3 <= src.count else { return nil }
        let c = src[p]
        guard c == UInt8(ascii: "-") || (allowDots && c == UInt8(ascii: ".")), src[p + 1] == c, src[p + 2] == c else { return nil }
        var q = p + 3
        while q < src.count && (src[q] == 0x20 || src[q] == 0x09) { q += 1 }
        if q == src.count { return q }
        if src[q] == 0x0A { return q + 1 }
        if src[q] == 0x0D { return q + 1 < src.count && src[q + 1] == 0x0A ? q + 2 : q + 1 }
        return nil
    }

    /// Reads the YAML into metadata. Returns the title block (the title is real text in the
    /// file, so it is linted like an HTML `<title>`) and any warnings.
    func read(_ src: UnsafeBufferPointer<UInt8>, into metadata: inout DocumentMetadata) -> (title: Block?, warnings: [String]) {
        let yaml = String(decoding: src[yamlRange], as: UTF8.self)
        if let problem = Self.tooComplex(src, yamlRange) {
            return (nil, ["front matter ignored: \(problem)"])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            return (nil, ["front matter is not valid YAML, ignored: \(Self.describe(error))"])
        }
        guard let node else { return (nil, []) }
        guard case .mapping(let mapping) = node else {
            return (nil, ["front matter is not a YAML mapping of keys to values, ignored"])
        }
        var titleBlock: Block?
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            switch key.lowercased() {
            case "title":
                if let title = value.string?.trimmingCharacters(), !title.isEmpty {
                    metadata.title = title
                    titleBlock = titleBlock ?? self.titleBlock(title, src)
                }
            case "author", "authors":
                metadata.authors += Self.names(value)
            case "reviewer", "reviewers", "reviewed_by", "reviewedby", "medical_reviewer", "medically_reviewed_by":
                metadata.reviewers += Self.names(value)
            case "date", "published", "publishdate", "pubdate", "date_published", "datepublished":
                if let s = value.string, !s.isEmpty { metadata.datePublished = s }
            case "lastmod", "updated", "modified", "last_modified", "last_updated", "date_modified", "datemodified":
                if let s = value.string, !s.isEmpty { metadata.dateModified = s }
            case "description":
                if let s = value.string, !s.isEmpty { metadata.description = s }
            case "lang", "language", "locale":
                if let s = value.string, !s.isEmpty { metadata.language = s }
            case "disclaimer":
                // `disclaimer: false` waives it for the page; a string is the disclaimer itself.
                if let s = value.string {
                    switch s.lowercased() {
                    case "true", "yes", "on": metadata.disclaimerFlag = true
                    case "false", "no", "off": metadata.disclaimerFlag = false
                    default:
                        metadata.disclaimerFlag = !s.isEmpty
                        metadata.extra["disclaimer"] = s
                    }
                }
            default:
                if let s = value.string { metadata.extra[key] = s }
            }
        }
        return (titleBlock, [])
    }

    /// Author-like values: a name, a list of names, or maps with a `name` key.
    private static func names(_ node: Node) -> [String] {
        func name(_ n: Node) -> String? {
            if let s = n.string { return s.trimmingCharacters() }
            if case .mapping(let m) = n { return m["name"]?.string?.trimmingCharacters() }
            return nil
        }
        switch node {
        case .sequence(let items): return items.compactMap(name).filter { !$0.isEmpty }
        default: return [name(node)].compactMap { $0 }.filter { !$0.isEmpty }
        }
    }

    /// The `title:` value's place in the file: verbatim when the source spells the parsed
    /// title exactly, else the parsed text mapped over the whole raw value.
    private func titleBlock(_ title: String, _ src: UnsafeBufferPointer<UInt8>) -> Block? {
        var p = yamlRange.lowerBound
        let end = yamlRange.upperBound
        while p < end {
            var lineEnd = p
            while lineEnd < end && src[lineEnd] != 0x0A && src[lineEnd] != 0x0D { lineEnd += 1 }
            if lineEnd - p > 6, Array(src[p..<p + 6]).map({ $0 | 0x20 }) == Array("title:".utf8) {
                var v = p + 6
                while v < lineEnd && (src[v] == 0x20 || src[v] == 0x09) { v += 1 }
                var valueEnd = lineEnd
                while valueEnd > v && isSpaceByte(src[valueEnd - 1]) { valueEnd -= 1 }
                // A trailing comment on a plain scalar.
                if v < valueEnd && src[v] != UInt8(ascii: "\"") && src[v] != UInt8(ascii: "'") {
                    var q = v
                    while q + 1 < valueEnd && !(isSpaceByte(src[q]) && src[q + 1] == UInt8(ascii: "#")) { q += 1 }
                    if q + 1 < valueEnd { valueEnd = q }
                }
                var inner = v..<valueEnd
                if valueEnd - v >= 2 && (src[v] == UInt8(ascii: "\"") || src[v] == UInt8(ascii: "'")) && src[valueEnd - 1] == src[v] {
                    inner = v + 1..<valueEnd - 1
                }
                var builder = BlockTextBuilder()
                let titleBytes = Array(title.utf8)
                if inner.count == titleBytes.count && src[inner].elementsEqual(titleBytes) {
                    builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[inner]), range: inner)
                } else {
                    // Escapes, folded or multi-line values: map the text over the raw value,
                    // including continuation lines indented under the key.
                    var rawEnd = max(valueEnd, v)
                    var q = lineEnd
                    while q < end {
                        while q < end && (src[q] == 0x0A || src[q] == 0x0D) { q += 1 }
                        guard q < end, src[q] == 0x20 || src[q] == 0x09 else { break }
                        var e = q
                        while e < end && src[e] != 0x0A && src[e] != 0x0D { e += 1 }
                        var trimmed = e
                        while trimmed > q && isSpaceByte(src[trimmed - 1]) { trimmed -= 1 }
                        if trimmed > q { rawEnd = trimmed }
                        q = e
                    }
                    builder.appendMapped(title, range: v..<rawEnd)
                }
                guard !builder.isEmpty else { return nil }
                let (text, map) = builder.build()
                return Block(kind: .title, text: text, sourceMap: map)
            }
            p = lineEnd
            while p < end && (src[p] == 0x0A || src[p] == 0x0D) { p += 1 }
        }
        return nil
    }

    /// Guards Yams (whose composer recurses per nesting level) against hostile input.
    private static func tooComplex(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        if range.count > 256 * 1024 { return "larger than 256 KB" }
        var flowDepth = 0, maxFlow = 0, lineStart = true, lead = 0
        for p in range {
            let c = src[p]
            if c == 0x0A || c == 0x0D { lineStart = true; lead = 0; continue }
            if lineStart {
                // Indentation and compact `- - -` sequences both nest one level per byte or two.
                if c == 0x20 || c == 0x09 || c == UInt8(ascii: "-") || c == UInt8(ascii: "?") {
                    lead += 1
                    if lead > 200 { return "nested too deeply" }
                    continue
                }
                lineStart = false
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { flowDepth += 1; maxFlow = max(maxFlow, flowDepth) }
            if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { flowDepth -= 1 }
            if c == UInt8(ascii: "*") || c == UInt8(ascii: "&") {
                // Anchors and aliases can blow a small file up exponentially ("billion laughs").
                if p + 1 < range.upperBound, isAnchorNameByte(src[p + 1]), p == range.lowerBound || isSpaceByte(src[p - 1]) || src[p - 1] == UInt8(ascii: "[") || src[p - 1] == UInt8(ascii: ",") {
                    if c == UInt8(ascii: "*") { return "YAML aliases are not supported in front matter" }
                }
            }
            if maxFlow > 64 { return "nested too deeply" }
        }
        return nil
    }

    private static func isAnchorNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    /// The YAML error in a line, counting lines of the file (the YAML starts on line 2).
    private static func describe(_ error: Error) -> String {
        if let e = error as? YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return "line \(mark.line + 1): \(problem)"
            default: break
            }
        }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "syntax error"
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}

import ClaimlintCore
import Yams

/// Front matter at the top of a Markdown file: YAML between `---` lines (Jekyll, Hugo,
/// Docusaurus, Astro) or TOML between `+++` lines (Hugo). Page facts, never prose.
struct MarkdownFrontMatter {
    enum Syntax { case yaml, toml }

    var syntax: Syntax
    /// The whole front matter including both fences and the closing line's terminator.
    var range: Range<Int>
    /// The content between the fences.
    var contentRange: Range<Int>

    /// What reading the front matter gave.
    struct Result {
        /// False when the fenced text is not front matter after all (a `---` paragraph `---`
        /// that YAML reads as a plain string): the whole file is then Markdown.
        var isFrontMatter = true
        /// The title as a block: it is real text in the file, linted like an HTML `<title>`.
        var title: Block?
        var warnings: [String] = []
    }

    /// A value reduced to what metadata needs; nesting below `maxDepth` is dropped.
    indirect enum Value {
        case scalar(String)
        case list([Value])
        case map([(key: String, value: Value)])

        var string: String? {
            if case .scalar(let s) = self { return s }
            return nil
        }
    }

    /// Front matter at the top of `src`, or nil. The opening fence must be the first line;
    /// without a closing fence the `---` is Markdown (a thematic break).
    static func find(in src: UnsafeBufferPointer<UInt8>) -> MarkdownFrontMatter? {
        let syntax: Syntax
        if let _ = fenceLineEnd(src, at: 0, char: UInt8(ascii: "-")) { syntax = .yaml }
        else if let _ = fenceLineEnd(src, at: 0, char: UInt8(ascii: "+")) { syntax = .toml }
        else { return nil }
        let fence = syntax == .yaml ? UInt8(ascii: "-") : UInt8(ascii: "+")
        let firstEnd = fenceLineEnd(src, at: 0, char: fence)!
        var lineStart = firstEnd
        while lineStart < src.count {
            if let closeEnd = fenceLineEnd(src, at: lineStart, char: fence) ?? (syntax == .yaml ? fenceLineEnd(src, at: lineStart, char: UInt8(ascii: ".")) : nil) {
                return MarkdownFrontMatter(syntax: syntax, range: 0..<closeEnd, contentRange: firstEnd..<lineStart)
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

    /// If a line that is exactly three `char`s (trailing blanks allowed) starts at `p`: the
    /// offset after its terminator.
    private static func fenceLineEnd(_ src: UnsafeBufferPointer<UInt8>, at p: Int, char c: UInt8) -> Int? {
        guard p + 3 <= src.count, src[p] == c, src[p + 1] == c, src[p + 2] == c else { return nil }
        var q = p + 3
        while q < src.count && (src[q] == 0x20 || src[q] == 0x09) { q += 1 }
        if q == src.count { return q }
        if src[q] == 0x0A { return q + 1 }
        if src[q] == 0x0D { return q + 1 < src.count && src[q + 1] == 0x0A ? q + 2 : q + 1 }
        return nil
    }

    // MARK: Reading

    func read(_ src: UnsafeBufferPointer<UInt8>, into metadata: inout DocumentMetadata) -> Result {
        let entries: [(key: String, value: Value)]
        switch syntax {
        case .yaml:
            if let problem = Self.tooComplex(src, contentRange) {
                return Result(warnings: ["front matter ignored: \(problem)"])
            }
            let node: Node?
            do {
                node = try Yams.compose(yaml: String(decoding: src[contentRange], as: UTF8.self))
            } catch {
                return Result(warnings: ["front matter is not valid YAML, ignored: \(Self.describe(error))"])
            }
            guard let node else { return Result() }
            switch node {
            case .mapping: break
            case .scalar: return Result(isFrontMatter: false)
            default: return Result(warnings: ["front matter is not a YAML mapping of keys to values, ignored"])
            }
            entries = Self.value(node, depth: 0).entries
        case .toml:
            entries = Self.tomlEntries(src, contentRange)
        }
        var result = Result()
        for (key, value) in entries {
            switch key.lowercased() {
            case "title":
                if let title = value.string?.trimmed, !title.isEmpty, metadata.title == nil {
                    metadata.title = title
                    result.title = titleBlock(title, src)
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
        return result
    }

    /// Author-like values: a name, a list of names, or maps with a `name` key.
    private static func names(_ value: Value) -> [String] {
        func name(_ v: Value) -> String? {
            switch v {
            case .scalar(let s): return s.trimmed
            case .map(let m): return m.first { $0.key == "name" }?.value.string?.trimmed
            case .list: return nil
            }
        }
        let names: [String?]
        if case .list(let items) = value { names = items.map(name) } else { names = [name(value)] }
        return names.compactMap { $0 }.filter { !$0.isEmpty }
    }

    private static let maxDepth = 3

    private static func value(_ node: Node, depth: Int) -> Value {
        switch node {
        case .scalar(let s): return .scalar(s.string)
        case .sequence(let seq): return .list(depth < maxDepth ? seq.map { value($0, depth: depth + 1) } : [])
        case .mapping(let m):
            return .map(depth < maxDepth ? m.compactMap { k, v in k.string.map { ($0, value(v, depth: depth + 1)) } } : [])
        case .alias: return .scalar("")
        }
    }

    /// Top-level `key = value` pairs of TOML front matter: strings, single-line arrays and
    /// bare values (dates, booleans, numbers). Tables (`[params]`) end the top level.
    private static func tomlEntries(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [(key: String, value: Value)] {
        var out: [(String, Value)] = []
        let text = String(decoding: src[range], as: UTF8.self)
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine).trimmed
            if line.hasPrefix("[") { break }
            guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
            var key = String(line[..<eq]).trimmed
            if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first { key = String(key.dropFirst().dropLast()) }
            let raw = String(line[line.index(after: eq)...]).trimmed
            if raw.hasPrefix("[") && raw.hasSuffix("]") {
                let items = raw.dropFirst().dropLast().split(separator: ",").compactMap { tomlScalar(String($0).trimmed) }
                out.append((key, .list(items.map { .scalar($0) })))
            } else if let s = tomlScalar(raw) {
                out.append((key, .scalar(s)))
            }
        }
        return out
    }

    private static func tomlScalar(_ raw: String) -> String? {
        guard let first = raw.first else { return nil }
        if first == "'" {
            guard let close = raw.dropFirst().firstIndex(of: "'") else { return nil }
            return String(raw[raw.index(after: raw.startIndex)..<close])
        }
        if first == "\"" {
            var out = ""
            var escaped = false
            for ch in raw.unicodeScalars.dropFirst() {
                if escaped {
                    switch ch {
                    case "n": out += "\n"
                    case "t": out += "\t"
                    default: out.unicodeScalars.append(ch)
                    }
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    return out
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
            return nil
        }
        // A bare value; drop a trailing comment.
        let scalars = Array(raw.unicodeScalars)
        for i in scalars.indices.dropLast() where (scalars[i] == " " || scalars[i] == "\t") && scalars[i + 1] == "#" {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[..<i])
            return String(out).trimmed
        }
        return raw
    }

    // MARK: Title position

    /// The title's place in the file: verbatim when the source spells the parsed title
    /// exactly, else the parsed text mapped over the whole raw value.
    private func titleBlock(_ title: String, _ src: UnsafeBufferPointer<UInt8>) -> Block? {
        let separator = syntax == .yaml ? UInt8(ascii: ":") : UInt8(ascii: "=")
        var p = contentRange.lowerBound
        let end = contentRange.upperBound
        while p < end {
            var lineEnd = p
            while lineEnd < end && src[lineEnd] != 0x0A && src[lineEnd] != 0x0D { lineEnd += 1 }
            var k = p + 5
            let isTitle = lineEnd - p > 5 && src[p..<p + 5].map({ $0 | 0x20 }).elementsEqual("title".utf8)
            if isTitle {
                while k < lineEnd && (src[k] == 0x20 || src[k] == 0x09) { k += 1 }
            }
            if isTitle && k < lineEnd && src[k] == separator {
                return titleBlock(title, src, valueStart: k + 1, lineEnd: lineEnd)
            }
            p = lineEnd
            while p < end && (src[p] == 0x0A || src[p] == 0x0D) { p += 1 }
        }
        return nil
    }

    private func titleBlock(_ title: String, _ src: UnsafeBufferPointer<UInt8>, valueStart: Int, lineEnd: Int) -> Block? {
        let end = contentRange.upperBound
        var v = valueStart
        while v < lineEnd && (src[v] == 0x20 || src[v] == 0x09) { v += 1 }
        var valueEnd = lineEnd
        while valueEnd > v && isSpaceByte(src[valueEnd - 1]) { valueEnd -= 1 }
        let quoted = v < valueEnd && (src[v] == UInt8(ascii: "\"") || src[v] == UInt8(ascii: "'"))
        if quoted {
            // Up to the closing quote; a comment may follow it.
            var q = v + 1
            while q < valueEnd && src[q] != src[v] {
                if src[q] == UInt8(ascii: "\\") && src[v] == UInt8(ascii: "\"") { q += 1 }
                q += 1
            }
            if q < valueEnd { valueEnd = q + 1 }
        } else {
            // A trailing comment on a plain value.
            var q = v
            while q + 1 < valueEnd && !(isSpaceByte(src[q]) && src[q + 1] == UInt8(ascii: "#")) { q += 1 }
            if q + 1 < valueEnd {
                valueEnd = q
                while valueEnd > v && isSpaceByte(src[valueEnd - 1]) { valueEnd -= 1 }
            }
        }
        var inner = v..<valueEnd
        if quoted && valueEnd - v >= 2 { inner = v + 1..<valueEnd - 1 }
        var builder = BlockTextBuilder()
        let titleBytes = Array(title.utf8)
        if inner.count == titleBytes.count && src[inner].elementsEqual(titleBytes) {
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[inner]), range: inner)
        } else {
            // Escapes, folded or multi-line values: map the text over the raw value, including
            // continuation lines indented under the key.
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

    // MARK: Guards

    /// Guards Yams (whose composer recurses per nesting level) against hostile input.
    private static func tooComplex(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        if range.count > 256 * 1024 { return "larger than 256 KB" }
        var flowDepth = 0, lineStart = true, lead = 0
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
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                flowDepth += 1
                if flowDepth > 64 { return "nested too deeply" }
            }
            if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { flowDepth -= 1 }
        }
        // Aliases can blow a small file up exponentially ("billion laughs").
        if YAMLText.firstAliasLine(src, in: range) != nil { return "YAML aliases are not supported in front matter" }
        return nil
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

extension MarkdownFrontMatter.Value {
    var entries: [(key: String, value: MarkdownFrontMatter.Value)] {
        if case .map(let m) = self { return m }
        return []
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}

import ClaimlintCore

/// `--format text`: grouped by file, `path:line:col severity message rule`, the source line
/// with the span underlined, a summary line. Colour only on a terminal.
public struct TextReporter: StreamingReporter {
    public static let name = "text"
    public static let sourceRetention = SourceRetention.filesWithFindings
    public init() {}

    public func makeStream(context: ReportContext) -> any ReportStream { Stream(palette: Palette(enabled: context.useColor)) }

    struct Stream: ReportStream {
        let palette: Palette

        func begin() -> String { "" }

        func file(_ file: FileReport) -> String {
            guard !file.findings.isEmpty else { return "" }
            let c = palette
            let path = file.path.displayable()
            var out = c.bold(path) + "\n"
            var memo = SnippetLineMemo()
            for f in file.findings {
                let severity: String
                switch f.severity {
                case .error: severity = c.red("error")
                case .warning: severity = c.yellow("warning")
                case .info: severity = c.blue("info")
                }
                var head = "\(path):\(f.span.line):\(f.span.column): \(severity) \(f.message.displayable())"
                if let s = f.strength { head += " [\(s.rawValue)]" }
                out += head + " " + c.dim("(\(f.rule))") + "\n"
                if let source = file.source, f.span.length > 0 || f.span.offset > 0 {
                    out += TextReporter.snippet(f, source: source, palette: c, memo: &memo)
                }
                if let s = f.suggestion { out += "    " + c.green("suggestion:") + " " + s.displayable() + "\n" }
            }
            return out + "\n"
        }

        func end(_ summary: RunSummary) -> String {
            let n = summary.findingCount, files = summary.files
            let line = "\(n) finding\(n == 1 ? "" : "s") (\(summary.errorCount) error, \(summary.warningCount) warning, \(summary.infoCount) info) in \(files) file\(files == 1 ? "" : "s")"
                + (summary.errors.isEmpty ? "" : ", \(summary.errors.count) could not be read")
            return palette.bold(line) + "\n"
        }
    }

    /// The first source line of the finding with a caret underline (display is capped for long lines).
    static func snippet(_ f: Finding, source: SourceText, palette c: Palette) -> String {
        var memo = SnippetLineMemo()
        return snippet(f, source: source, palette: c, memo: &memo)
    }

    /// `memo`: the last line's scalar count, kept across a file's findings (they come in line order).
    static func snippet(_ f: Finding, source: SourceText, palette c: Palette, memo: inout SnippetLineMemo) -> String {
        guard f.span.line >= 1 else { return "" }
        return fastSnippet(f, source: source, palette: c, memo: &memo) ?? generalSnippet(f, source: source, palette: c)
    }

    /// `snippet` on the decoded line, for any line (the reference `fastSnippet` must match).
    static func generalSnippet(_ f: Finding, source: SourceText, palette c: Palette) -> String {
        let lineNumber = f.span.line
        guard lineNumber >= 1 else { return "" }
        let line = source.lineText(line: lineNumber)
        let scalars = Array(line.unicodeScalars)
        let startCol = max(1, f.span.column)
        let endCol = f.span.endLine == f.span.line ? max(startCol + 1, f.span.endColumn) : scalars.count + 1
        // Keep long lines readable: show a window around the span.
        let maxWidth = 120
        var from = 0
        if scalars.count > maxWidth { from = max(0, min(startCol - 1 - 20, scalars.count - maxWidth)) }
        let to = min(scalars.count, from + maxWidth)
        var shown = String(String.UnicodeScalarView(scalars[from..<to])).displayable()
        if from > 0 { shown = "…" + shown }
        if to < scalars.count { shown += "…" }
        let pad = (from > 0 ? 1 : 0) + max(0, startCol - 1 - from)
        let width = max(1, min(endCol, to + 1) - startCol)
        let gutter = String(lineNumber)
        return "  " + c.dim(gutter + " | ") + shown + "\n"
            + "  " + String(repeating: " ", count: gutter.count) + c.dim(" | ") + String(repeating: " ", count: pad) + c.red(String(repeating: "^", count: width)) + "\n"
    }
}

extension TextReporter {
    /// `snippet` on the line's bytes: slices them at scalar boundaries instead of decoding the
    /// line into an array of scalars and building the shown part character by character (the
    /// text report spent about 6% of an all-rules run there). Columns count scalars, which in
    /// valid UTF-8 are the bytes that are not continuation bytes. nil when the line is out of
    /// range or not valid UTF-8 (the general path repairs it first). Same output byte for byte.
    static func fastSnippet(_ f: Finding, source: SourceText, palette c: Palette) -> String? {
        var memo = SnippetLineMemo()
        return fastSnippet(f, source: source, palette: c, memo: &memo)
    }

    static func fastSnippet(_ f: Finding, source: SourceText, palette c: Palette, memo: inout SnippetLineMemo) -> String? {
        guard let range = source.lineUTF8Range(line: f.span.line) else { return nil }
        return source.utf8.withUnsafeBufferPointer { all -> String? in
            let line = UnsafeBufferPointer(rebasing: all[range])
            // Counted once per line: 5,000 findings on one 120 KB line (a paragraph of <br> lines)
            // made the count quadratic (12 s for 20,000).
            if memo.line != f.span.line {
                var count = 0
                var ascii = true
                for byte in line where byte & 0xC0 != 0x80 {
                    count += 1
                    if byte >= 0x80 { ascii = false }
                }
                memo = SnippetLineMemo(line: f.span.line, count: count, ascii: ascii,
                                       valid: ascii || String(validating: line, as: UTF8.self) != nil)
            }
            guard memo.valid else { return nil }
            let count = memo.count, ascii = memo.ascii
            let startCol = max(1, f.span.column)
            let endCol = f.span.endLine == f.span.line ? max(startCol + 1, f.span.endColumn) : count + 1
            let maxWidth = 120
            var from = 0
            if count > maxWidth { from = max(0, min(startCol - 1 - 20, count - maxWidth)) }
            let to = min(count, from + maxWidth)
            var fromByte = from, toByte = to
            if !ascii {
                fromByte = line.count
                toByte = line.count
                var scalar = 0
                for k in 0..<line.count where line[k] & 0xC0 != 0x80 {
                    if scalar == from { fromByte = k }
                    if scalar == to { toByte = k; break }
                    scalar += 1
                }
            }
            let shownBytes = UnsafeBufferPointer(rebasing: line[fromByte..<toByte])
            // Three bytes per input byte at most: a control byte becomes U+FFFD (`displayable`).
            var shown = String(unsafeUninitializedCapacity: shownBytes.count * 3 + 8) { out in
                var k = 0
                if from > 0 { for b in "…".utf8 { out[k] = b; k += 1 } }
                var j = 0
                while j < shownBytes.count {
                    let b = shownBytes[j]
                    let c1 = b == 0xC2 && j + 1 < shownBytes.count && shownBytes[j + 1] >= 0x80 && shownBytes[j + 1] <= 0x9F
                    if b == 0x09 {
                        out[k] = 0x20; k += 1
                    } else if b < 0x20 || b == 0x7F || c1 {
                        for r in "\u{FFFD}".utf8 { out[k] = r; k += 1 }
                        if c1 { j += 1 }
                    } else {
                        out[k] = b; k += 1
                    }
                    j += 1
                }
                return k
            }
            if to < count { shown += "…" }
            let pad = (from > 0 ? 1 : 0) + max(0, startCol - 1 - from)
            let width = max(1, min(endCol, to + 1) - startCol)
            let gutter = String(f.span.line)
            var out = "  "
            out.reserveCapacity(shown.utf8.count + gutter.utf8.count * 2 + pad + width + 48)
            out += c.dim(gutter + " | ")
            out += shown
            out += "\n  "
            out += String(repeating: " ", count: gutter.utf8.count)
            out += c.dim(" | ")
            out += String(repeating: " ", count: pad)
            out += c.red(String(repeating: "^", count: width))
            out += "\n"
            return out
        }
    }
}

/// The scalar count of the line the last snippet was cut from.
struct SnippetLineMemo {
    var line = 0
    var count = 0
    var ascii = true
    var valid = true
}

extension String {
    /// Safe to print on a terminal: a tab becomes a space, other control characters (C0, DEL,
    /// C1) become U+FFFD, one scalar each, so columns still line up. An article or a file name
    /// from a pull request could otherwise move the cursor, erase findings or forge a line.
    func displayable() -> String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) }) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            if u == "\t" { out.append(" ") } else if u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F) { out.append("\u{FFFD}") } else { out.append(u) }
        }
        return String(out)
    }
}

/// ANSI styles, or plain text when colour is off.
struct Palette {
    let enabled: Bool
    private func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
    func red(_ s: String) -> String { wrap("31", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func blue(_ s: String) -> String { wrap("34", s) }
}

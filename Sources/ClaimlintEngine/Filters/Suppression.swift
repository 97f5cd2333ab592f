import ClaimlintCore

/// Applies `claimlint-disable` / `claimlint-enable` / `claimlint-disable-next-line` comments.
/// The directives come from the `Document`, so HTML, Markdown and plain text behave alike.
///
/// - `disable RULE...` silences the named rules (a rule id or a family such as `claims`; none
///   means every rule) for findings that start after the comment, up to a matching `enable`.
///   Positions are source offsets, so a comment between two sentences of one paragraph
///   silences the second sentence and not the first: sentence granularity, not per block.
/// - `disable-next-line RULE...` alone on its line silences findings that start on the next
///   non-blank line. Written inside a line, before more text, it silences the next sentence
///   instead: `<p>Intro. <!-- claimlint-disable-next-line claims --> This cures acne.</p>`.
///
/// A directive that silenced nothing, and an `enable` with no open `disable`, become warnings
/// (a stale suppression hides the next real problem).
public enum SuppressionFilter {
    public static func apply(_ findings: [Finding], document: Document) -> (kept: [Finding], warnings: [String]) {
        apply(findings, directives: document.directives, source: document.source, sentences: { sentenceRanges(document) })
    }

    /// Without a document, inline `disable-next-line` covers the rest of its line.
    public static func apply(_ findings: [Finding], directives: [SuppressionDirective], source: SourceText,
                             sentences: () -> [Range<Int>] = { [] }) -> (kept: [Finding], warnings: [String]) {
        guard !directives.isEmpty else { return (findings, []) }
        enum Extent { case offsets(Range<Int>), line(Int) }
        struct Window { var rules: Set<String>; var extent: Extent; var directive: Int }
        var windows: [Window] = []
        var open: [(rules: Set<String>, from: Int, directive: Int)] = []
        var warnings: [String] = []
        var sentenceCache: [Range<Int>]?

        for (i, d) in directives.enumerated() {
            // Findings carry original-file offsets; directives carry UTF-8 offsets.
            let end = source.originalOffset(ofUTF8: d.range.upperBound)
            switch d.kind {
            case .disable:
                open.append((Set(d.rules), end, i))
            case .enable:
                let enableRules = Set(d.rules)
                let start = source.originalOffset(ofUTF8: d.range.lowerBound)
                var still: [(rules: Set<String>, from: Int, directive: Int)] = []
                var matched = false
                for o in open {
                    if enableRules.isEmpty || o.rules.isEmpty || !o.rules.isDisjoint(with: enableRules) {
                        matched = true
                        windows.append(Window(rules: o.rules, extent: .offsets(o.from..<max(o.from, start)), directive: o.directive))
                        let remaining = o.rules.subtracting(enableRules)
                        if !enableRules.isEmpty && !o.rules.isEmpty && !remaining.isEmpty {
                            still.append((remaining, start, o.directive))
                        }
                    } else {
                        still.append(o)
                    }
                }
                open = still
                if !matched { warnings.append(note(d, source, "has no matching claimlint-disable before it")) }
            case .disableNextLine:
                let rest = restOfLine(after: d.range.upperBound, in: source.utf8)
                if rest.hasText {
                    // Inline: the sentence that starts after the comment.
                    if sentenceCache == nil { sentenceCache = sentences() }
                    let next = sentenceCache!.first { $0.lowerBound >= end && $0.lowerBound < $0.upperBound }
                    let lineEnd = source.originalOffset(ofUTF8: rest.end)
                    let to = next.map { $0.upperBound } ?? lineEnd
                    windows.append(Window(rules: Set(d.rules), extent: .offsets(end..<max(end, to)), directive: i))
                } else {
                    windows.append(Window(rules: Set(d.rules), extent: .line(nextNonBlankLine(after: rest.end, in: source)), directive: i))
                }
            }
        }
        for o in open { windows.append(Window(rules: o.rules, extent: .offsets(o.from..<Int.max), directive: o.directive)) }

        var used = Set<Int>()
        let kept = findings.filter { f in
            for w in windows where matches(f.rule, w.rules) {
                let hit: Bool
                switch w.extent {
                case .offsets(let r): hit = r.contains(f.span.offset)
                case .line(let l): hit = f.span.line == l
                }
                if hit { used.insert(w.directive); return false }
            }
            return true
        }
        for (i, d) in directives.enumerated() where d.kind != .enable && !used.contains(i) {
            let what = d.rules.isEmpty ? "any rule" : d.rules.joined(separator: ", ")
            warnings.append(note(d, source, "for \(what) suppressed nothing"))
        }
        // Source order, so the stderr lines read top to bottom.
        return (kept, warnings.sorted { lineOf($0) < lineOf($1) })
    }

    /// A rule matches a directive's list by id or by family prefix (`claims` covers `claims.x`).
    static func matches(_ rule: String, _ rules: Set<String>) -> Bool {
        rules.isEmpty || rules.contains(rule) || rules.contains { rule.hasPrefix($0 + ".") }
    }

    static func note(_ d: SuppressionDirective, _ source: SourceText, _ text: String) -> String {
        let (line, column) = source.location(ofUTF8: d.range.lowerBound)
        return "\(source.path):\(line):\(column): claimlint-\(d.kind.rawValue) \(text)"
    }

    private static func lineOf(_ warning: String) -> (Int, Int) {
        // "path:line:col: ..." -> (line, col); paths may contain ':' so read from the message end.
        let parts = warning.components(separatedBy: ": claimlint-")[0].split(separator: ":")
        guard parts.count >= 2, let l = Int(parts[parts.count - 2]), let c = Int(parts[parts.count - 1]) else { return (0, 0) }
        return (l, c)
    }

    /// Whether anything but whitespace (or the end of an HTML comment run) follows on the line.
    static func restOfLine(after offset: Int, in utf8: [UInt8]) -> (hasText: Bool, end: Int) {
        var i = offset
        var hasText = false
        while i < utf8.count && utf8[i] != 0x0A && utf8[i] != 0x0D {
            if !isSpaceByte(utf8[i]) { hasText = true }
            i += 1
        }
        return (hasText, i)
    }

    /// The 1-based number of the first line after `offset`'s line that has text.
    static func nextNonBlankLine(after lineEnd: Int, in source: SourceText) -> Int {
        let utf8 = source.utf8
        var i = lineEnd
        var lineStart = lineEnd
        // Skip the terminator of the directive's line, then blank lines.
        while i < utf8.count {
            if utf8[i] == 0x0A || utf8[i] == 0x0D {
                i += 1
                lineStart = i
                continue
            }
            if !isSpaceByte(utf8[i]) { break }
            i += 1
        }
        return source.location(ofUTF8: min(lineStart, utf8.count)).line
    }

    /// Every sentence of every block, as original-file byte ranges, in source order.
    static func sentenceRanges(_ document: Document) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for block in document.blocks {
            for s in Segmenter.shared.segment(utf8: Array(block.text.utf8), lineStarts: block.lineStarts).sentences {
                let r = block.sourceMap.utf8Range(forText: s.range)
                ranges.append(document.source.originalOffset(ofUTF8: r.lowerBound)..<document.source.originalOffset(ofUTF8: r.upperBound))
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}

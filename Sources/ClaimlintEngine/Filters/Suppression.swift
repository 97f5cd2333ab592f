import ClaimlintCore

/// Applies `claimlint-disable` / `claimlint-enable` / `claimlint-disable-next-line` comments.
///
/// A disable comment silences the named rules (or all) for findings that start after it, up
/// to a matching enable comment; so a comment between two sentences of one paragraph works
/// at sentence granularity. `disable-next-line` silences findings that start on the line
/// after the comment's last line.
public enum SuppressionFilter {
    public static func apply(_ findings: [Finding], directives: [SuppressionDirective], source: SourceText) -> (kept: [Finding], warnings: [String]) {
        guard !directives.isEmpty else { return (findings, []) }
        // Convert directive positions to original offsets, as findings carry.
        struct Window { var rules: Set<String>; var from: Int; var to: Int; var directive: Int }
        var windows: [Window] = []
        var open: [(rules: Set<String>, from: Int, directive: Int)] = []
        for (i, d) in directives.enumerated() {
            let end = source.originalOffset(ofUTF8: d.range.upperBound)
            switch d.kind {
            case .disable:
                open.append((Set(d.rules), end, i))
            case .enable:
                let enableRules = Set(d.rules)
                let start = source.originalOffset(ofUTF8: d.range.lowerBound)
                var still: [(rules: Set<String>, from: Int, directive: Int)] = []
                for o in open {
                    if enableRules.isEmpty || o.rules.isEmpty || !o.rules.isDisjoint(with: enableRules) {
                        windows.append(Window(rules: o.rules, from: o.from, to: start, directive: o.directive))
                        let remaining = o.rules.subtracting(enableRules)
                        if !enableRules.isEmpty && !o.rules.isEmpty && !remaining.isEmpty {
                            still.append((remaining, start, o.directive))
                        }
                    } else {
                        still.append(o)
                    }
                }
                open = still
            case .disableNextLine:
                let (line, _) = source.location(ofUTF8: d.range.upperBound)
                windows.append(Window(rules: Set(d.rules), from: -line - 1, to: -line - 1, directive: i))
            }
        }
        for o in open { windows.append(Window(rules: o.rules, from: o.from, to: Int.max, directive: o.directive)) }

        var used = Set<Int>()
        let kept = findings.filter { f in
            for w in windows where w.rules.isEmpty || w.rules.contains(f.rule) || w.rules.contains(where: { f.rule.hasPrefix($0 + ".") }) {
                let hit = w.from < 0 ? f.span.line == -w.from : (f.span.offset >= w.from && f.span.offset < w.to)
                if hit { used.insert(w.directive); return false }
            }
            return true
        }
        var warnings: [String] = []
        for (i, d) in directives.enumerated() where d.kind != .enable && !used.contains(i) {
            let (line, column) = source.location(ofUTF8: d.range.lowerBound)
            let what = d.rules.isEmpty ? "any rule" : d.rules.joined(separator: ", ")
            warnings.append("\(source.path):\(line):\(column): claimlint-\(d.kind.rawValue) for \(what) suppressed nothing")
        }
        return (kept, warnings)
    }
}

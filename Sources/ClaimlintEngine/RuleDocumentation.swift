import ClaimlintCore

/// A rule's documentation as `claimlint explain` prints it, in ruff's shape.
public enum RuleDocumentation {
    public static func render(_ r: RuleDescription) -> String {
        var out = "\(r.id)  (\(r.category), default severity: \(r.severity.rawValue))\n\n"
        out += r.summary + "\n\n"
        out += "What it does\n  " + wrap(r.what) + "\n\n"
        out += "Why\n  " + wrap(r.why) + "\n\n"
        if let e = r.example { out += "Example\n  " + indent(e) + "\n\n" }
        if let u = r.useInstead { out += "Use instead\n  " + indent(u) + "\n\n" }
        if !r.standards.isEmpty { out += "Standards\n  " + r.standards.joined(separator: ", ") + "\n\n" }
        if !r.references.isEmpty {
            out += "References\n"
            for ref in r.references { out += "  - " + ref.title + (ref.url.map { " <\($0)>" } ?? "") + "\n" }
            out += "\n"
        }
        out += "Disable with `rules: {\(r.id): off}` in .claimlint.yml, or `<!-- claimlint-disable-next-line \(r.id) -->`.\n"
        return out
    }

    static func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }

    /// Wraps prose at about 88 columns.
    static func wrap(_ s: String, width: Int = 88) -> String {
        var lines: [String] = []
        var line = ""
        for word in s.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n  ")
    }
}

import ClaimlintCore

/// A rule's documentation as plain text and Markdown, for formats that carry rule help
/// (SARIF `help`, the HTML report). Built from the rule pack's fields only.
enum RuleHelp {
    static func text(_ r: RuleDescription) -> String {
        var parts = [r.what, "Why: " + r.why]
        if let e = r.example { parts.append("Example: " + e) }
        if let u = r.useInstead { parts.append("Use instead: " + u) }
        if !r.standards.isEmpty { parts.append("Standards: " + r.standards.joined(separator: ", ")) }
        for ref in r.references { parts.append("Reference: " + ref.title + (ref.url.map { " <\($0)>" } ?? "")) }
        return parts.joined(separator: "\n\n")
    }

    static func markdown(_ r: RuleDescription) -> String {
        var md = "## What it does\n\n\(r.what)\n\n## Why\n\n\(r.why)\n"
        if let e = r.example { md += "\n## Example\n\n" + fenced(e) }
        if let u = r.useInstead { md += "\n## Use instead\n\n" + fenced(u) }
        if !r.standards.isEmpty { md += "\n## Standards\n\n" + r.standards.map { "- \($0)\n" }.joined() }
        if !r.references.isEmpty {
            md += "\n## References\n\n"
            for ref in r.references {
                md += ref.url.map { "- [\(ref.title)](\($0))\n" } ?? "- \(ref.title)\n"
            }
        }
        return md
    }

    /// A code block whose fence is longer than any backtick run inside, so pack text cannot
    /// close it early.
    static func fenced(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text.unicodeScalars {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + text + "\n" + fence + "\n"
    }

    /// The first reference with a URL.
    static func uri(_ r: RuleDescription?) -> String? { r?.references.lazy.compactMap(\.url).first }
}

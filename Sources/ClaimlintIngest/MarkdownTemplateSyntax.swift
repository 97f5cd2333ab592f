/// Site-generator syntax inside Markdown that is not prose: Hugo shortcodes (`{{< figure >}}`,
/// `{{% note %}}`), Liquid/Jekyll/Nunjucks tags and output (`{% include x.html %}`,
/// `{{ page.title }}`), and Docusaurus-style admonition fences (`:::note` ... `:::`).
///
/// Fence lines are blanked to spaces before cmark sees the text (line ends kept, so offsets,
/// lines and columns stay the file's): a blank line separates the admonition's paragraphs from
/// the text around it, as the site renders them. Template tags are left in cmark's input (a
/// shortcode stands in the text as a placeholder does in Hugo, so blanking it could turn a list
/// item's text into an indented code block); their ranges are dropped from block text instead.
enum MarkdownTemplateSyntax {
    /// Longest template tag recognised; longer ones (or ones that cross a blank line) stay text.
    static let maxTagLength = 4096

    /// A copy of `src` with admonition fence lines after `start` blanked, or nil when there are none.
    static func blankedFences(_ src: [UInt8], from start: Int) -> [UInt8]? {
        var out: [UInt8]?
        var p = start
        let n = src.count
        while p < n {
            if let end = admonitionFenceLineEnd(src, at: p) {
                if out == nil { out = src }
                for i in p..<end { out![i] = 0x20 }
                p = end
            }
            while p < n && src[p] != 0x0A && src[p] != 0x0D { p += 1 }
            while p < n && (src[p] == 0x0A || src[p] == 0x0D) { p += 1 }
        }
        return out
    }

    /// The source ranges of template tags after `start`, in order.
    static func tagRanges(_ src: [UInt8], from start: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let n = src.count
        var p = start
        while p + 1 < n {
            if src[p] == UInt8(ascii: "{"), let close = closer(src, at: p), let end = find(close, in: src, from: p + 2) {
                out.append(p..<end)
                p = end
                continue
            }
            p += 1
        }
        return out
    }

    /// The closing delimiter for the tag opening at `p`: `{{<` `>}}`, `{{%` `%}}`, `{%` `%}`, `{{` `}}`.
    private static func closer(_ src: [UInt8], at p: Int) -> [UInt8]? {
        let n = src.count
        if src[p + 1] == UInt8(ascii: "{") {
            if p + 2 < n && src[p + 2] == UInt8(ascii: "<") { return Array(">}}".utf8) }
            if p + 2 < n && src[p + 2] == UInt8(ascii: "%") { return Array("%}}".utf8) }
            return Array("}}".utf8)
        }
        if src[p + 1] == UInt8(ascii: "%") { return Array("%}".utf8) }
        return nil
    }

    /// The offset after `close`, searched within `maxTagLength` and before a blank line.
    private static func find(_ close: [UInt8], in src: [UInt8], from p: Int) -> Int? {
        let limit = min(src.count, p + maxTagLength)
        var q = p
        var newlines = 0
        while q + close.count <= limit {
            let c = src[q]
            if c == 0x0A {
                newlines += 1
                // A blank line ends the search: the tag would swallow a paragraph break.
                var r = q + 1
                while r < limit && (src[r] == 0x20 || src[r] == 0x09 || src[r] == 0x0D) { r += 1 }
                if r < limit && src[r] == 0x0A { return nil }
            }
            if c == close[0] && (1..<close.count).allSatisfy({ src[q + $0] == close[$0] }) { return q + close.count }
            q += 1
        }
        return nil
    }

    /// `:::` (three or more colons) at the start of a line (up to three spaces in), with an
    /// optional type and title: the offset of the line's end (before its terminator).
    private static func admonitionFenceLineEnd(_ src: [UInt8], at p: Int) -> Int? {
        var q = p
        let n = src.count
        while q < n && q - p < 3 && src[q] == 0x20 { q += 1 }
        var colons = 0
        while q < n && src[q] == UInt8(ascii: ":") { colons += 1; q += 1 }
        guard colons >= 3 else { return nil }
        // `:::note`, `:::tip[Title]`, `::: warning Title`, or a bare closing `:::`.
        guard q == n || src[q] == 0x0A || src[q] == 0x0D || src[q] == 0x20 || isLetter(src[q]) else { return nil }
        while q < n && src[q] != 0x0A && src[q] != 0x0D { q += 1 }
        return q
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}

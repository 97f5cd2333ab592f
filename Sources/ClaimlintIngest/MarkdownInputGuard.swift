import ClaimlintCore

/// Refuses the few input shapes on which Debian 12's cmark-gfm 0.29.0.gfm.6 takes quadratic
/// time (fixed upstream in later releases, see CVE-2023-22486 and the 2023 table fixes), so a
/// hostile file cannot stall a CI run. Real articles are far below these limits.
enum MarkdownInputGuard {
    /// `![` openers in one run of lines without a blank line (one paragraph at most).
    static let maxImageOpenersPerParagraph = 500
    /// `|` on one line (a table row's cells).
    static let maxPipesPerLine = 1_000

    static func check(_ src: UnsafeBufferPointer<UInt8>, from start: Int) throws {
        var line = 1
        var images = 0, pipes = 0
        var lineIsBlank = true
        var p = start
        let n = src.count
        while p < n {
            let c = src[p]
            if c == 0x0A || c == 0x0D {
                if c == 0x0D && p + 1 < n && src[p + 1] == 0x0A { p += 1 }
                if lineIsBlank { images = 0 }
                line += 1
                pipes = 0
                lineIsBlank = true
            } else {
                if c != 0x20 && c != 0x09 { lineIsBlank = false }
                if c == UInt8(ascii: "|") {
                    pipes += 1
                    if pipes > maxPipesPerLine {
                        throw IngestError("Markdown line with more than \(maxPipesPerLine) '|' (table cell borders) at line \(line) (cmark-gfm would take too long)")
                    }
                } else if c == UInt8(ascii: "!") && p + 1 < n && src[p + 1] == UInt8(ascii: "[") {
                    images += 1
                    if images > maxImageOpenersPerParagraph {
                        throw IngestError("Markdown paragraph with more than \(maxImageOpenersPerParagraph) images ending at line \(line) (cmark-gfm would take too long)")
                    }
                }
            }
            p += 1
        }
    }
}

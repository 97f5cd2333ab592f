import ClaimlintCore
@testable import ClaimlintReport
import Testing

/// The text report's byte-slicing snippet must print exactly what the decoding one prints.
@Test func fastSnippetMatchesTheGeneralSnippetOnEveryKindOfLine() throws {
    let longASCII = String(repeating: "Zinc lozenges\tshorten colds, says one trial. ", count: 8)
    let longMixed = String(repeating: "Café crème — soothes 😀 skin\tfast; ", count: 9)
    // Control characters (ESC, DEL, a C1 CSI) must reach no terminal: both paths print U+FFFD.
    let controls = "Erase\u{1B}[2K\u{1B}[1A this\u{7F} line"
    let controlsMixed = "Café \u{9B}31m red \u{1B}]0;title\u{07} done"
    let text = "Short line.\r\nTabs\there\tand there.\n\(longASCII)\n\(longMixed)\nÉté\n\nlast\n\(controls)\n\(controlsMixed)"
    let source = SourceText(path: "a.txt", string: text)
    // "\r\n" is one Character, so it is a separator of its own.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    #expect(lines.count == source.lineCount)
    var fastCount = 0
    var memo = SnippetLineMemo()  // kept across findings in line order, as the reporter keeps it
    for (index, line) in lines.enumerated() {
        let lineNumber = index + 1
        let width = line.unicodeScalars.count
        for column in Set([1, 2, 5, 21, 22, 60, 150, 200, width - 3, width, width + 1, width + 7]) where column >= 1 {
            for endColumn in [column + 1, column + 4, column + 130, width + 1] {
                for endLine in [lineNumber, lineNumber + 1] {
                    let f = Finding(rule: "claims.unsupported", category: .claim, severity: .warning, message: "m",
                                    span: SourceSpan(offset: 1, length: 1, line: lineNumber, column: column, endLine: endLine, endColumn: endColumn),
                                    excerpt: "x", fingerprintText: "x")
                    for palette in [Palette(enabled: false), Palette(enabled: true)] {
                        let general = TextReporter.generalSnippet(f, source: source, palette: palette)
                        let fast = try #require(TextReporter.fastSnippet(f, source: source, palette: palette))
                        #expect(fast == general, "line \(lineNumber) column \(column) end \(endLine):\(endColumn)")
                        #expect(TextReporter.fastSnippet(f, source: source, palette: palette, memo: &memo) == general)
                        #expect(!general.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\u{1B}" || $0.value == 0x7F || $0.value == 0x9B })
                        fastCount += 1
                    }
                }
            }
        }
    }
    #expect(fastCount > 500)
    let outside = Finding(rule: "claims.unsupported", category: .claim, severity: .warning, message: "m",
                          span: SourceSpan(offset: 1, length: 1, line: lines.count + 1, column: 1, endLine: lines.count + 1, endColumn: 2),
                          excerpt: "x", fingerprintText: "x")
    #expect(TextReporter.fastSnippet(outside, source: source, palette: Palette(enabled: false)) == nil)
    #expect(TextReporter.snippet(outside, source: source, palette: Palette(enabled: false)) == TextReporter.generalSnippet(outside, source: source, palette: Palette(enabled: false)))
}

/// Bytes that are not UTF-8 leave the snippet to the general path, which repairs them.
@Test func fastSnippetDeclinesInvalidUTF8() {
    let bytes: [UInt8] = Array("Zinc ".utf8) + [0xE2, 0x80] + Array(" cures colds".utf8)
    let source = SourceText(path: "a.txt", original: bytes, utf8: bytes, encoding: "utf-8", offsetMap: .shift(0))
    let f = Finding(rule: "claims.unsupported", category: .claim, severity: .warning, message: "m",
                    span: SourceSpan(offset: 9, length: 5, line: 1, column: 9, endLine: 1, endColumn: 14), excerpt: "cures", fingerprintText: "cures")
    #expect(TextReporter.fastSnippet(f, source: source, palette: Palette(enabled: false)) == nil)
    #expect(TextReporter.snippet(f, source: source, palette: Palette(enabled: false)).contains("Zinc \u{FFFD} cures colds"))
}

@Test func displayableReplacesControlCharactersOneForOne() {
    #expect("a\tb".displayable() == "a b")
    #expect("x\nfake.txt:9:9: error forged".displayable() == "x\u{FFFD}fake.txt:9:9: error forged")
    #expect("\u{1B}[2K\u{7F}\u{9B}ok".displayable() == "\u{FFFD}[2K\u{FFFD}\u{FFFD}ok")
    #expect("Café ✓".displayable() == "Café ✓")
}

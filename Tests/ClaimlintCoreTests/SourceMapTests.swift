import ClaimlintCore
import Testing

@Test func locationCountsScalarsAndHandlesCRLF() {
    let s = SourceText(path: "x", string: "ab\r\ncafé 日本\rx\nlast")
    #expect(s.location(ofUTF8: 0) == (1, 1))
    #expect(s.location(ofUTF8: 4) == (2, 1))
    // "café " is 6 bytes, so 日 starts at byte 10 and column 6.
    #expect(s.location(ofUTF8: 10) == (2, 6))
    #expect(s.location(ofUTF8: 17) == (3, 1))
    #expect(s.location(ofUTF8: 19) == (4, 1))
    #expect(s.lineCount == 4)
}

@Test func builderFoldsWhitespaceAndMapsBack() {
    let src = Array("  Hello,\r\n   wide\tworld &amp; more".utf8)
    var b = BlockTextBuilder()
    b.appendVerbatim(Array(src[0..<24]), range: 0..<24)
    b.appendMapped("&", range: 24..<29)
    b.appendVerbatim(Array(src[29...]), range: 29..<src.count)
    let (text, map) = b.build()
    #expect(text == "Hello, wide world & more")
    let bytes = Array(text.utf8)
    func source(_ word: String) -> String {
        let start = bytes.firstRange(of: Array(word.utf8))!
        let r = map.utf8Range(forText: start)
        return String(decoding: src[r], as: UTF8.self)
    }
    #expect(source("Hello,") == "Hello,")
    #expect(source("wide") == "wide")
    #expect(source("&") == "&amp;")
    #expect(source("world & more") == "world &amp; more")
    #expect(source(", wide") == ",\r\n   wide")
}

@Test func ruleSetErrorsNameFileAndLine() {
    let bad = "rules:\n  - id: x.y\n    category: claim\n    severity: fatal\n"
    #expect(throws: RulePackError.self) { try RuleSet(files: [(path: "p.yml", contents: bad)]) }
    do {
        _ = try RuleSet(files: [(path: "p.yml", contents: bad)])
    } catch let e as RulePackError {
        #expect(e.file == "p.yml")
        #expect(e.line != nil)
    } catch { Issue.record("unexpected \(error)") }
    #expect(throws: RulePackError.self) { try RuleSet(files: [(path: "q.yml", contents: "rules: [\n")]) }
    #expect(throws: RulePackError.self) { try RuleSet(files: [(path: "r.yml", contents: "lexicons:\n  a: {entries: [x], bogus: 1}\n")]) }
}

@Test func lexiconsMergeAcrossPacks() throws {
    var set = try RuleSet(files: [(path: "a.yml", contents: "lexicons:\n  hedges: [may, might]\n")])
    try set.add(path: "b.yml", contents: "lexicons:\n  hedges:\n    source: mine\n    entries: [could]\n")
    #expect(try set.lexicon("hedges") == ["may", "might", "could"])
    #expect(throws: RulePackError.self) { try set.lexicon("missing") }
}

import ClaimlintCore
import ClaimlintCheckers
import ClaimlintRules

/// Builds documents by hand (one block per paragraph) and runs the sentence checker on them.
enum SentenceTestSupport {
    static let rules: RuleSet = {
        do { return try RuleSet(files: BuiltinRuleFiles.all.map { (path: "Rules/" + $0.path, contents: $0.contents) }) } catch { fatalError("rule packs do not load: \(error)") }
    }()

    static let checker: SentenceChecker = {
        do { return try SentenceChecker(rules: rules, settings: .empty) } catch { fatalError("sentence checker: \(error)") }
    }()

    /// A document of `blocks`, each (kind, text), laid out as blank-line separated paragraphs.
    /// `lineBreaks`: each block records where its lines start (after a "\n"), as the text front
    /// end does for a folded line break.
    static func document(_ blocks: [(BlockKind, String)], lineBreaks: Bool = false) -> AnalyzedDocument {
        var source: [UInt8] = []
        var built: [Block] = []
        for (kind, text) in blocks {
            if !source.isEmpty { source += Array("\n\n".utf8) }
            let bytes = Array(text.utf8)
            let start = source.count
            source += bytes
            var builder = BlockTextBuilder()
            builder.appendVerbatim(bytes, range: start..<(start + bytes.count))
            let (t, map) = builder.build()
            let starts = lineBreaks ? bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 } : []
            built.append(Block(kind: kind, text: t, sourceMap: map, lineStarts: starts))
        }
        let st = SourceText(path: "test.txt", original: source, utf8: source, encoding: "utf-8", offsetMap: .shift(0))
        return AnalyzedDocument(document: Document(source: st, format: .text, blocks: built))
    }

    /// Plain text as the text front end sees it: blank-line separated paragraphs.
    static func paragraphs(_ text: String) -> AnalyzedDocument {
        let parts = text.split(separator: "\n\n", omittingEmptySubsequences: true).map { String($0) }
        return document(parts.map { (BlockKind.paragraph, $0) })
    }

    static func check(_ doc: AnalyzedDocument) -> [Diagnostic] {
        checker.check(doc, context: CheckContext(relativePath: "test.txt"))
    }

    static func rules(in text: String) -> [String] { check(paragraphs(text)).map(\.rule) }
}

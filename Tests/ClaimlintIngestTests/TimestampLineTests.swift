import ClaimlintCore
import ClaimlintIngest
import Testing

/// The item units of a document's blocks, each with the source text and (line, column) it starts at.
private func items(_ doc: Document) -> [(text: String, line: Int, column: Int)] {
    AnalyzedDocument(document: doc).blocks.flatMap { block in
        block.sentences.filter(\.isItemLine).map { s in
            let r = block.block.sourceMap.utf8Range(forText: s.range)
            let (line, column) = doc.source.location(ofUTF8: r.lowerBound)
            return (String(decoding: doc.source.utf8[r], as: UTF8.self), line, column)
        }
    }
}

private func text(_ s: String) throws -> Document {
    try TextFrontEnd().parse(SourceText(path: "t.txt", string: s), options: IngestOptions())
}

/// Plain text and Markdown record where each folded line starts; a line opening with a timestamp
/// is an item unit, positioned exactly after the timestamp (LF and CRLF alike).
@Test func chapterLinesAreItemUnitsInTextAndMarkdown() throws {
    for newline in ["\n", "\r\n"] {
        let notes = ["Chapters", "00:00 Intro and a listener question", "(04:15) Why creatine helps sleep",
                     "[12:40] The research.", "1:02:15 Wrap up"].joined(separator: newline) + newline
        let doc = try text(notes)
        #expect(doc.blocks.count == 1 && doc.blocks[0].kind == .paragraph)
        // One folded space per line break, whatever its bytes.
        #expect(doc.blocks[0].lineStarts == [9, 45, 78, 100])
        let found = items(doc)
        #expect(found.map(\.text) == ["Intro and a listener question", "Why creatine helps sleep", "The research.", "Wrap up"])
        #expect(found.map(\.line) == [2, 3, 4, 5])
        #expect(found.map(\.column) == [7, 9, 9, 9])
        // The unit before the first chapter is no item.
        let first = AnalyzedDocument(document: doc).blocks[0].sentences[0]
        #expect(!first.isItemLine && first.terminator == nil)

        let md = try parseMarkdown("# Show notes" + newline + newline + "Chapters" + newline + "**00:00** Intro and a listener question"
                                   + newline + "[04:15] Why creatine helps sleep" + newline)
        let mdItems = items(md)
        #expect(mdItems.map(\.text) == ["Intro and a listener question", "Why creatine helps sleep"])
        #expect(mdItems.map(\.line) == [4, 5])
        #expect(mdItems.map(\.column) == [11, 9])
    }
}

/// A time inside a sentence stays in it; "Step 2:" opening a line is no timestamp.
@Test func timesInsideSentencesAndStepsAreNoItems() throws {
    let doc = try text("Take the first dose at 08:30 daily\nwith food, then rest.\nStep 2: rinse the cup.\n")
    let block = AnalyzedDocument(document: doc).blocks[0]
    #expect(doc.blocks[0].lineStarts.count == 2)
    let anyItem = block.sentences.contains { $0.isItemLine }
    #expect(!anyItem)
    #expect(block.sentences.count == 2)
    let md = try parseMarkdown("Take it at 08:30 daily.\nStep 2: rinse the cup.\n")
    let anyMarkdownItem = AnalyzedDocument(document: md).blocks.flatMap(\.sentences).contains { $0.isItemLine }
    #expect(!anyMarkdownItem)
}

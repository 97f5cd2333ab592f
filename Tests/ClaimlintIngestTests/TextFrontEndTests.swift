import ClaimlintCore
import ClaimlintIngest
import Testing

private func parse(_ s: String) throws -> Document {
    try TextFrontEnd().parse(SourceText(path: "t.txt", string: s), options: IngestOptions())
}

@Test func blocksHeadingsListsAndSoftBreaks() throws {
    let doc = try parse("Why sleep matters\r\n\r\nAdults need seven\r\nto nine hours.\r\n\r\n- Keep a routine\r\n- Avoid late coffee,\r\n  especially after noon\r\n\r\n1. Dim the lights.\r\n2) Read a book.\r\n")
    #expect(doc.blocks.map(\.text) == ["Why sleep matters", "Adults need seven to nine hours.", "Keep a routine",
                                        "Avoid late coffee, especially after noon", "Dim the lights.", "Read a book."])
    #expect(doc.blocks[0].kind == .heading(level: 1))
    #expect(doc.blocks[1].kind == .paragraph)
    guard case .listItem(false, 2, let l1) = doc.blocks[3].kind, case .listItem(true, 2, let l2) = doc.blocks[5].kind else {
        Issue.record("list kinds: \(doc.blocks.map(\.kind))"); return
    }
    #expect(l1 != l2)
    // The soft break maps back to the CRLF and indentation it replaced.
    let para = doc.blocks[1]
    let space = para.text.utf8.count - " to nine hours.".utf8.count  // the space after "seven"
    let r = para.sourceMap.utf8Range(forText: space..<(space + 1))
    #expect(String(decoding: doc.source.utf8[r], as: UTF8.self) == "\r\n")
}

@Test func sentenceLikeShortLinesAreNotHeadings() throws {
    let doc = try parse("Drink water.\n\nIs coffee bad?\n\nThe benefits are listed below:\n")
    #expect(doc.blocks.allSatisfy { $0.kind == .paragraph })
}

@Test func directiveLinesAreNotText() throws {
    let doc = try parse("<!-- claimlint-disable boilerplate -- reason here -->\nRead more: x\n")
    #expect(doc.blocks.map(\.text) == ["Read more: x"])
    #expect(doc.directives.count == 1)
    #expect(doc.directives[0].kind == .disable && doc.directives[0].rules == ["boilerplate"])
}

@Test func decoderRejectsBinaryAndInvalidUTF8AndStripsBOM() throws {
    #expect(throws: IngestError.self) { try SourceDecoder.decode(path: "b", bytes: [0x41, 0x00, 0x42], format: .text) }
    #expect(throws: IngestError.self) { try SourceDecoder.decode(path: "b", bytes: [0x41, 0xC3, 0x28], format: .text) }
    let s = try SourceDecoder.decode(path: "b", bytes: [0xEF, 0xBB, 0xBF, 0x41, 0x42], format: .text)
    #expect(s.utf8 == [0x41, 0x42])
    #expect(s.originalOffset(ofUTF8: 1) == 4)
    let empty = try parse("")
    #expect(empty.blocks.isEmpty)
}

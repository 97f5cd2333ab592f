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

// MARK: Reference lists and headings over their paragraph (careful pages)

/// The source bytes a block's text offset maps back to.
private func sourceText(_ doc: Document, _ block: Block, _ range: Range<Int>) -> String {
    String(decoding: doc.source.utf8[block.sourceMap.utf8Range(forText: range)], as: UTF8.self)
}

@Test(arguments: ["\n", "\r\n"])
func referenceNumbersOpeningALineAreListItems(_ eol: String) throws {
    let lines = ["References", "[1] NHS. Teeth grinding (bruxism). nhs.uk, page reviewed 2023.", "[2] Oral Health Foundation.",
                 "    Teeth grinding. dentalhealth.org.", "*4 Pompoli A et al. Psychological therapies for panic disorder.",
                 "(3) NICE. Antenatal care (NG201), 2021.", "[a] NHS. Hives.", "\u{00B9} NHS. Croup. nhs.uk."]
    let doc = try parse(lines.joined(separator: eol) + eol)
    #expect(doc.blocks.map(\.text) == ["References", "[1] NHS. Teeth grinding (bruxism). nhs.uk, page reviewed 2023.",
                                        "[2] Oral Health Foundation. Teeth grinding. dentalhealth.org.",
                                        "*4 Pompoli A et al. Psychological therapies for panic disorder.",
                                        "(3) NICE. Antenatal care (NG201), 2021.", "[a] NHS. Hives.", "\u{00B9} NHS. Croup. nhs.uk."])
    try #require(doc.blocks.count == 7)
    #expect(doc.blocks[0].kind == .heading(level: 1))
    let kinds = doc.blocks.dropFirst().map(\.kind)
    guard case .listItem(true, 1, let listID) = kinds[0], case .listItem(true, 2, listID) = kinds[1], case .listItem(true, 4, listID) = kinds[2],
          case .listItem(true, 3, listID) = kinds[3], case .listItem(false, _, listID) = kinds[4], case .listItem(true, 1, listID) = kinds[5] else {
        Issue.record("kinds: \(kinds)"); return
    }
    // The label is part of the entry's text, and positions stay exact through CRLF and indentation.
    let second = doc.blocks[2]
    #expect(sourceText(doc, second, 0..<3) == "[2]")
    let wrapped = second.text.utf8.count - "Teeth grinding. dentalhealth.org.".utf8.count
    #expect(sourceText(doc, second, wrapped..<(wrapped + 5)) == "Teeth")
    let croup = doc.blocks[6]
    #expect(sourceText(doc, croup, 0..<croup.text.utf8.count) == "\u{00B9} NHS. Croup. nhs.uk.")
}

@Test func starsBracketsAndNumbersInProseAreNotReferenceMarkers() throws {
    let doc = try parse("*Based on an 8-week study.\n[12]x is not a label.\n(ab) neither is this.\n")
    #expect(doc.blocks.count == 1)
    #expect(doc.blocks[0].kind == .paragraph)
}

@Test(arguments: ["\n", "\r\n"])
func headingLineOverItsParagraphIsAHeading(_ eol: String) throws {
    let text = ["When to get help", "See a dentist if your teeth are worn, painful or sensitive.", "", "Cautions",
                "For external use only. Keep out of reach of children."].joined(separator: eol) + eol
    let doc = try parse(text)
    #expect(doc.blocks.map(\.text) == ["When to get help", "See a dentist if your teeth are worn, painful or sensitive.", "Cautions",
                                        "For external use only. Keep out of reach of children."])
    #expect(doc.blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .paragraph])
    let para = doc.blocks[1]
    let expectedStart = "When to get help".utf8.count + eol.utf8.count
    #expect(para.sourceMap.utf8Range(forText: 0..<3) == expectedStart..<(expectedStart + 3))
}

@Test func hardWrappedParagraphStaysAParagraph() throws {
    // Wrapped at 70 columns: the first line has no punctuation and the next starts with a capital,
    // but "GP" did not fit on the first line, so the break is a wrap, not a heading.
    let wrapped = "Patients with long-term insomnia in the study were referred by their\nGP or practice nurse, and most of them waited under six weeks for a\nfirst visit.\n"
    let doc = try parse(wrapped)
    #expect(doc.blocks.count == 1)
    #expect(doc.blocks[0].kind == .paragraph)
    #expect(doc.blocks[0].text.hasPrefix("Patients with long-term insomnia in the study were referred by their GP or"))
}

@Test(arguments: ["\n", "\r\n"])
func labelStacksGiveOneParagraphPerLine(_ eol: String) throws {
    // A title, subtitle and price stacked on three lines: no line ends like a sentence, each is a label.
    let lines = ["LUMEN BOND CARE MASK", "Weekly treatment mask for coloured hair", "200 ml | £18.00"]
    let stack = try parse(lines.joined(separator: eol) + eol + eol + "A rich mask for dry ends.")
    #expect(stack.blocks.map(\.text) == lines + ["A rich mask for dry ends."])
    #expect(stack.blocks.allSatisfy { $0.kind == .paragraph })
    try #require(stack.blocks.count == 4)
    let price = stack.blocks[2]
    let priceStart = (lines[0] + eol + lines[1] + eol).utf8.count
    #expect(price.sourceMap.utf8Range(forText: 0..<price.text.utf8.count) == priceStart..<(priceStart + lines[2].utf8.count))
}

@Test func labelStacksAndFieldLinesAreNotSplit() throws {
    // "Field: value" lines (an email header) are not headings.
    let header = try parse("From: The Bloom Journey\nSubject: Your December issue is here.\n")
    #expect(header.blocks.count == 1)
    // A line that does not open a sentence continues the one before.
    let continued = try parse("Adults need seven\nto nine hours.\n")
    #expect(continued.blocks.count == 1)
}

@Test(arguments: ["\n", "\r\n"])
func hashHeadingLinesAreHeadingsWithoutTheMarker(_ eol: String) throws {
    let text = ["# Vitamin D", "Most people get enough from sunlight in summer.", "", "##  References", "1. NHS. Vitamin D."].joined(separator: eol) + eol
    let doc = try parse(text)
    #expect(doc.blocks.map(\.text) == ["Vitamin D", "Most people get enough from sunlight in summer.", "References", "NHS. Vitamin D."])
    try #require(doc.blocks.count == 4)
    #expect(doc.blocks[0].kind == .heading(level: 1))
    #expect(doc.blocks[1].kind == .paragraph)
    #expect(doc.blocks[2].kind == .heading(level: 2))
    #expect(doc.blocks[0].sourceMap.utf8Range(forText: 0..<7) == 2..<9)
    let refStart = ("# Vitamin D" + eol + "Most people get enough from sunlight in summer." + eol + eol).utf8.count
    #expect(doc.blocks[2].sourceMap.utf8Range(forText: 0..<10) == (refStart + 4)..<(refStart + 14))
    // "#1 choice", "#hashtag" and a lone "#" are text.
    let prose = try parse("#1 choice of nurses.\n#hashtag\n#\n")
    #expect(prose.blocks.map(\.text) == ["#1 choice of nurses. #hashtag #"])
    #expect(prose.blocks.map(\.kind) == [.paragraph])
}

@Test(arguments: ["\n", "\r\n"])
func sentenceLinesBrokenOnPurposeAreListItems(_ eol: String) throws {
    let lines = ["Hand wash or machine wash on a 30°C delicate cycle.", "Use a mild, pH-neutral detergent.", "Dry flat away from direct sunlight."]
    let doc = try parse("Care instructions" + eol + lines.joined(separator: eol) + eol)
    #expect(doc.blocks.map(\.text) == ["Care instructions"] + lines)
    try #require(doc.blocks.count == 4)
    #expect(doc.blocks[0].kind == .heading(level: 1))
    guard case .listItem(false, 1, let listID) = doc.blocks[1].kind, case .listItem(false, 3, listID) = doc.blocks[3].kind else {
        Issue.record("kinds: \(doc.blocks.map(\.kind))"); return
    }
    let third = doc.blocks[3]
    let thirdStart = ("Care instructions" + eol + lines[0] + eol + lines[1] + eol).utf8.count
    #expect(third.sourceMap.utf8Range(forText: 0..<3) == thirdStart..<(thirdStart + 3))
}

@Test func wrappedOrLongSentenceLinesStayAParagraph() throws {
    // Wrapped at 60 columns: each line happens to end a sentence, but "Treatment" did not fit.
    let wrapped = try parse("The rash usually fades within a week or two without any help.\nTreatment is rarely needed for a mild rash on the arms.\n")
    #expect(wrapped.blocks.count == 1 && wrapped.blocks[0].kind == .paragraph)
    // A line of more than 25 words is a paragraph written on one line, not a list item.
    let long = "Most adults who get the rash after a new soap or washing powder find that it settles within a few days once they stop using the product and keep the skin cool."
    let paragraphs = try parse(long + "\nSee a GP if it spreads.\nKeep the skin cool.\n")
    #expect(paragraphs.blocks.count == 1 && paragraphs.blocks[0].kind == .paragraph)
    // Two lines are too few for a list; a question over its answer is a Q&A.
    let question = try parse("How long does it last?\nMost rashes fade within a week.\nThen the skin heals.\n")
    #expect(question.blocks.count == 1 && question.blocks[0].kind == .paragraph)
    let pair = try parse("Use a mild soap.\nDry the skin gently.\n")
    #expect(pair.blocks.count == 1 && pair.blocks[0].kind == .paragraph)
}

import ClaimlintTestSupport
import ClaimlintCore
import Foundation
import Testing

@testable import ClaimlintIngest

@Suite struct SourceDecoderTests {
    typealias S = HTMLTestSupport

    /// The block whose text contains `word`, and the original byte range the word maps to.
    func originalRange(of word: String, in doc: Document) throws -> Range<Int> {
        for b in doc.blocks {
            let text = Array(b.text.utf8), w = Array(word.utf8)
            guard text.count >= w.count else { continue }
            if let start = (0...(text.count - w.count)).first(where: { Array(text[$0..<$0 + w.count]) == w }) {
                let span = doc.source.span(utf8: b.sourceMap.utf8Range(forText: start..<start + w.count))
                return span.offset..<span.offset + span.length
            }
        }
        throw IngestError("\(word) not found")
    }

    @Test func plainUTF8() throws {
        let bytes = Array("<p>café 日本語</p>".utf8)
        let src = try SourceDecoder.decode(path: "a.html", bytes: bytes, format: .html)
        #expect(src.encoding == "utf-8" && src.utf8 == bytes)
    }

    @Test func utf8BOMIsStrippedAndOffsetsPointIntoTheFile() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>bom café</p>".utf8)
        let doc = try S.parse(bytes: bytes)
        #expect(doc.source.utf8.first == UInt8(ascii: "<"))
        #expect(doc.blocks.map(\.text) == ["bom café"])
        let r = try originalRange(of: "café", in: doc)
        #expect(Array(bytes[r]) == Array("café".utf8))
        #expect(doc.source.span(utf8: 3..<3).column == 4)  // "<p>" then "bom", BOM not counted
        S.checkEveryWord(doc)
    }

    @Test(arguments: [false, true]) func utf16WithBOM(bigEndian: Bool) throws {
        let text = "<p>Zinc 🧪 café\r\nline two</p>"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for u in text.utf16 {
            bytes += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        let doc = try S.parse(bytes: bytes)
        #expect(doc.source.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(doc.blocks.map(\.text) == ["Zinc 🧪 café line two"])
        for word in ["Zinc", "🧪", "café", "two"] {
            let r = try originalRange(of: word, in: doc)
            var units: [UInt16] = []
            for i in stride(from: r.lowerBound, to: r.upperBound, by: 2) {
                let hi = UInt16(bytes[bigEndian ? i : i + 1]), lo = UInt16(bytes[bigEndian ? i + 1 : i])
                units.append(hi << 8 | lo)
            }
            #expect(String(decoding: units, as: UTF16.self) == word)
        }
        let two = doc.blocks[0].sourceMap.utf8Range(forText: 21..<24)
        #expect(doc.source.span(utf8: two).line == 2 && doc.source.span(utf8: two).column == 6)
    }

    @Test func metaCharsetWindows1252() throws {
        // "café “quoted” – 5€" in windows-1252.
        var bytes = Array("<html><head><meta charset=\"windows-1252\"><title>t</title></head><body><p>caf".utf8)
        bytes += [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x96, 0x20, 0x35, 0x80] + Array("</p></body></html>".utf8)
        let doc = try S.parse(bytes: bytes)
        #expect(doc.source.encoding == "windows-1252")
        #expect(doc.blocks.last?.text == "café “quoted” – 5€")
        let cafe = try originalRange(of: "café", in: doc)
        #expect(Array(bytes[cafe]) == Array("caf".utf8) + [0xE9])
        let quoted = try originalRange(of: "“quoted”", in: doc)
        #expect(Array(bytes[quoted]) == [0x93] + Array("quoted".utf8) + [0x94])
        let euro = try originalRange(of: "5€", in: doc)
        #expect(Array(bytes[euro]) == [0x35, 0x80])
        #expect(doc.source.span(utf8: doc.source.utf8.count..<doc.source.utf8.count).offset == bytes.count)
    }

    @Test func httpEquivLatin1() throws {
        var bytes = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\n<p>na".utf8)
        bytes += [0xEF] + Array("ve cr".utf8) + [0xE8] + Array("me</p>".utf8)
        let doc = try S.parse(bytes: bytes)
        #expect(doc.blocks.map(\.text) == ["naïve crème"])
        let r = try originalRange(of: "crème", in: doc)
        #expect(r == 82..<87)
        #expect(doc.source.span(utf8: doc.blocks[0].sourceMap.utf8Range(forText: 7..<13)).line == 2)
    }

    @Test func mislabelledUTF8StaysUTF8() throws {
        let bytes = Array("<meta charset=\"iso-8859-1\"><p>café 日本語</p>".utf8)
        let doc = try S.parse(bytes: bytes)
        #expect(doc.source.encoding == "utf-8")
        #expect(doc.blocks.map(\.text) == ["café 日本語"])
    }

    @Test func lateMetaCharsetRescuesALegacyPage() throws {
        let head = "<head><!-- " + String(repeating: "long comment ", count: 100) + "--><meta charset=windows-1252></head>"
        let bytes = Array((head + "<p>caf").utf8) + [0xE9] + Array("</p>".utf8)
        let doc = try S.parse(bytes: bytes)
        #expect(doc.source.encoding == "windows-1252")
        #expect(doc.blocks.map(\.text) == ["café"])
        // Valid UTF-8 with a late legacy label is left alone.
        let utf8 = try S.parse(bytes: Array((head + "<p>café</p>").utf8))
        #expect(utf8.source.encoding == "utf-8" && utf8.blocks.map(\.text) == ["café"])
    }

    @Test func metaCharsetSniffing() {
        func sniff(_ s: String) -> String? { SourceDecoder.sniffMetaCharset(Array(s.utf8)) }
        #expect(sniff("<META CHARSET=utf-8>") == "utf-8")
        #expect(sniff("<meta name=x><meta charset='windows-1251'>") == "windows-1251")
        #expect(sniff("<!-- <meta charset=latin1> --><p>x") == nil)
        #expect(sniff("<meta content=\"text/html;charset=iso-8859-1\" http-equiv=content-type>") == "iso-8859-1")
        #expect(sniff(String(repeating: " ", count: 1100) + "<meta charset=latin1>") == nil)
    }

    @Test func otherSingleByteCharsetThroughFoundation() throws {
        // "Привет" in windows-1251.
        let bytes = Array("<meta charset=windows-1251><p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array("</p>".utf8)
        let doc = try S.parse(bytes: bytes)
        #expect(doc.blocks.map(\.text) == ["Привет"])
        #expect(try originalRange(of: "Привет", in: doc) == 30..<36)
    }

    @Test func invalidUTF8NamesByteAndLine() {
        let bytes = Array("<p>ok</p>\n<p>two</p>\r\n<p>bad ".utf8) + [0xC3, 0x28] + Array("</p>".utf8)
        #expect(throws: IngestError.self) { try SourceDecoder.decode(path: "x.html", bytes: bytes, format: .html) }
        do {
            _ = try SourceDecoder.decode(path: "x.html", bytes: bytes, format: .html)
        } catch let e as IngestError {
            #expect(e.message == "invalid UTF-8 at byte 29 (line 3)")
        } catch {}
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            #expect(SourceDecoder.firstInvalidUTF8(Array("ab".utf8) + bad) == 2, "\(bad)")
        }
        #expect(SourceDecoder.firstInvalidUTF8(Array("ok é 日 🧪".utf8)) == nil)
    }

    @Test func binaryFilesAreRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        do {
            _ = try SourceDecoder.decode(path: "x.png", bytes: png, format: .html)
            Issue.record("binary accepted")
        } catch let e as IngestError {
            #expect(e.message.hasPrefix("binary file"))
        } catch {}
    }

    @Test func unsupportedCharsetIsAClearError() {
        let bytes = Array("<meta charset=shift_jis><p>x</p>".utf8)
        #expect(throws: IngestError.self) { try SourceDecoder.decode(path: "x.html", bytes: bytes, format: .html) }
        // Text files ignore anything that looks like a meta tag.
        #expect((try? SourceDecoder.decode(path: "x.txt", bytes: bytes, format: .text)) != nil)
    }

    /// Random documents saved as windows-1252 (with a meta tag) and as UTF-16 LE/BE (with a
    /// BOM): every word's span in the original file, decoded the same way, reads as the word,
    /// and its line/column match a count over the decoded text.
    @Test func randomTranscodedDocumentsMapToOriginalBytes() throws {
        var rng = SplitMix64(seed: 1252)
        var checked = 0
        for round in 0..<150 {
            var (html, _) = RandomHTML.document(&rng)
            let kind = round % 3
            var bytes: [UInt8]
            if kind == 0 {
                // windows-1252 cannot spell CJK or emoji: keep to what it can.
                html = html.replacingOccurrences(of: "日本語", with: "Ünïcödé").replacingOccurrences(of: "🧪", with: "©")
                    .replacingOccurrences(of: "Ω", with: "µ")
                bytes = Array("<meta charset=\"windows-1252\">".utf8) + Array(try #require(html.data(using: .windowsCP1252)))
            } else {
                let bigEndian = kind == 2
                bytes = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
                for u in html.utf16 {
                    bytes += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
                }
            }
            let doc = try S.parse(bytes: bytes)
            let locations = S.independentLocations(doc.source.utf8)
            for block in doc.blocks {
                let textBytes = Array(block.text.utf8)
                for w in S.words(block.text) {
                    let word = String(decoding: textBytes[w], as: UTF8.self)
                    let r = block.sourceMap.utf8Range(forText: w)
                    let span = doc.source.span(utf8: r)
                    let original = Array(bytes[span.offset..<span.offset + span.length])
                    let spelled: String
                    switch kind {
                    case 0: spelled = String(data: Data(original), encoding: .windowsCP1252) ?? "?"
                    default:
                        var units: [UInt16] = []
                        for i in stride(from: 0, to: original.count - 1, by: 2) {
                            units.append(kind == 2 ? UInt16(original[i]) << 8 | UInt16(original[i + 1])
                                                   : UInt16(original[i + 1]) << 8 | UInt16(original[i]))
                        }
                        spelled = String(decoding: units, as: UTF16.self)
                    }
                    let read = S.readSource(ArraySlice(spelled.utf8)).replacingOccurrences(of: "\u{A0}", with: " ")
                    #expect(read == word, "\(word.debugDescription) spans \(spelled.debugDescription)")
                    #expect(span.line == locations[r.lowerBound].line && span.column == locations[r.lowerBound].column)
                    checked += 1
                }
            }
        }
        #expect(checked > 2000)
    }
}

import Foundation
import Testing
import ClaimlintCore
@testable import ClaimlintCheckers

/// The labelled set in Fixtures/sentences: scored through the checker directly (the same
/// numbers Scripts/score_sentences.py gets through the binary, minus the front end).
enum SentenceFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Unit {
        var label: String
        var blocks: [(BlockKind, String)]
        var line: String
    }

    static func load(_ name: String) throws -> [Unit] {
        let text = try String(contentsOf: root.appendingPathComponent("Fixtures/sentences/\(name)"), encoding: .utf8)
        var units: [Unit] = []
        var listID = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            var blocks: [(BlockKind, String)] = []
            var index = 0
            var inList = false
            for raw in parts[1].components(separatedBy: " || ") {
                let b = raw.trimmingCharacters(in: .whitespaces)
                func rest(_ prefix: String) -> String { String(b.dropFirst(prefix.count)) }
                if b.hasPrefix("li: ") || b.hasPrefix("oli: ") {
                    if !inList { listID += 1; index = 0; inList = true }
                    index += 1
                    let ordered = b.hasPrefix("oli: ")
                    blocks.append((.listItem(ordered: ordered, index: index, listID: listID), rest(ordered ? "oli: " : "li: ")))
                    continue
                }
                inList = false
                if b.hasPrefix("h: ") { blocks.append((.heading(level: 2), rest("h: "))) }
                else if b.hasPrefix("cap: ") { blocks.append((.figcaption, rest("cap: "))) }
                else if b.hasPrefix("q: ") { blocks.append((.blockquote, rest("q: "))) }
                else { blocks.append((.paragraph, b)) }
            }
            units.append(Unit(label: parts[0], blocks: blocks, line: String(line)))
        }
        return units
    }

    struct Score {
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        var anyTP = 0, anyFP = 0, anyFN = 0
        var labelFindings = 0
        var errors: [String] = []

        static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
        var precision: Double { Self.ratio(tp.values.reduce(0, +), tp.values.reduce(0, +) + fp.values.reduce(0, +)) }
        var recall: Double { Self.ratio(tp.values.reduce(0, +), tp.values.reduce(0, +) + fn.values.reduce(0, +)) }

        func summary(_ name: String) -> String {
            var lines = [String(format: "%@: strict P %.3f R %.3f | detection P %.3f R %.3f | findings on labels: %d", name,
                                precision, recall, Self.ratio(anyTP, anyTP + anyFP), Self.ratio(anyTP, anyTP + anyFN), labelFindings)]
            for f in SentenceChecker.ruleIDs {
                let t = tp[f, default: 0], p = fp[f, default: 0], n = fn[f, default: 0]
                lines.append(String(format: "  %-30@ P %.2f R %.2f (tp %d fp %d fn %d)", f, Self.ratio(t, t + p), Self.ratio(t, t + n), t, p, n))
            }
            return lines.joined(separator: "\n")
        }
    }

    static func score(_ units: [Unit]) -> Score {
        var s = Score()
        for u in units {
            let doc = SentenceTestSupport.document(u.blocks)
            let found = SentenceTestSupport.check(doc)
            let rules = Set(found.map(\.rule))
            // Headings, captions and list labels (list items without closing punctuation).
            for d in found {
                guard case .text(let b, _) = d.location else { continue }
                let block = doc.blocks[b]
                let listLabel = block.kind.isListItem && !(block.block.text.last.map { ".!?".contains($0) } ?? false)
                if block.kind.isLabel || listLabel { s.labelFindings += 1 }
            }
            if u.label == "ok" {
                for r in rules { s.fp[r, default: 0] += 1 }
                if !rules.isEmpty { s.anyFP += 1; s.errors.append("FP \(rules.sorted()) \(u.line)") }
            } else {
                let want = "sentence." + u.label
                if rules.contains(want) { s.tp[want, default: 0] += 1 } else { s.fn[want, default: 0] += 1; s.errors.append("FN \(rules.sorted()) \(u.line)") }
                for r in rules where r != want { s.fp[r, default: 0] += 1 }
                if rules.isEmpty { s.anyFN += 1 } else { s.anyTP += 1 }
            }
        }
        return s
    }
}

@Suite struct SentenceFixtureTests {
    /// Held-out precision and recall at the issue's targets (measured 0.932 / 0.932, see
    /// docs/sentences.md). The held-out file is never used for tuning.
    @Test func heldOutPrecisionAndRecall() throws {
        let units = try SentenceFixtures.load("heldout.tsv")
        #expect(units.count >= 100)
        let score = SentenceFixtures.score(units)
        print(score.summary("held-out"))
        if ProcessInfo.processInfo.environment["SENTENCE_ERRORS"] != nil { score.errors.forEach { print($0) } }
        #expect(score.precision >= 0.90)
        #expect(score.recall >= 0.85)
        #expect(score.labelFindings == 0)
    }

    /// The development set: printed for tuning, with looser floors so a regression shows.
    @Test func devPrecisionAndRecall() throws {
        let units = try SentenceFixtures.load("dev.tsv")
        #expect(units.count >= 400)
        let score = SentenceFixtures.score(units)
        print(score.summary("dev"))
        if ProcessInfo.processInfo.environment["SENTENCE_ERRORS"] != nil { score.errors.forEach { print($0) } }
        #expect(score.precision >= 0.95)
        #expect(score.recall >= 0.90)
        #expect(score.labelFindings == 0)
    }
}

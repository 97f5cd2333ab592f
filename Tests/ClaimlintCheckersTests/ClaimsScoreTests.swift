import ClaimlintCore
import ClaimlintEngine
import Foundation
import Testing

/// Pins the measured accuracy of the claims checker (docs/claims.md) with a margin, so a rule
/// or lexicon change that loses accuracy fails `make test`. The full reports come from
/// Scripts/score_claims*.py; these re-measure the same things in process.
@Suite struct ClaimsScoreTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = root.deletingLastPathComponent().appendingPathComponent("shared/eval/data")

    static let sharedAuditLinter: Linter? = try? makeAuditLinter()

    static func auditLinter() throws -> Linter { try #require(sharedAuditLinter) }

    static func makeAuditLinter() throws -> Linter {
        let config = try Configuration.parse("rules:\n  claims.audit: on\n", file: "audit.yml", baseDirectory: root.path)
        return try Linter(configuration: config)
    }

    /// Lints items as one text, one paragraph each; returns the audit details per item.
    static func audit(_ items: [String], linter: Linter) throws -> [[String: String]] {
        let text = items.map { item -> String in
            var t = item.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
            if let last = t.last, !".!?\"')]".contains(last) { t += "." }
            return t
        }.joined(separator: "\n\n")
        let report = try linter.lint(text: text, format: .text, path: "items.txt")
        var out = Array(repeating: [String: String](), count: items.count)
        let order = ["none": 0, "correlational": 1, "conditional": 2, "direct": 3]
        for f in report.findings where f.rule == "claims.audit" {
            let k = (f.span.line - 1) / 2
            guard k >= 0 && k < items.count else { continue }
            // An item split into several sentences: the strongest level, any hedge, any statement.
            var d = out[k]
            if d.isEmpty || (order[f.details["level"] ?? "none"] ?? 0) > (order[d["level"] ?? "none"] ?? 0) {
                d["level"] = f.details["level"]
                d["strength"] = f.details["strength"]
            }
            if f.details["hedged"] == "yes" { d["hedged"] = "yes" }
            if f.details["statement"] == "yes" { d["statement"] = "yes" }
            out[k] = d
        }
        return out
    }

    // MARK: Labelled fixtures

    static func normalise(_ s: String) -> String {
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true; out.append(" "); continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        out = out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    static func score(_ directory: URL) throws -> (tp: Int, fp: Int, fn: Int) {
        let linter = try Linter()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
        var tp = 0, fp = 0, fn = 0
        for name in names {
            let file = directory.appendingPathComponent(name)
            let labelsURL = file.deletingPathExtension().appendingPathExtension("labels")
            guard let labelText = try? String(contentsOf: labelsURL, encoding: .utf8) else { continue }
            let snippets = Set(labelText.split(separator: "\n").compactMap { line -> String? in
                let l = line.trimmingCharacters(in: .whitespaces)
                guard !l.isEmpty, !l.hasPrefix("#"), let bar = l.firstIndex(of: "|") else { return nil }
                return normalise(String(l[l.index(after: bar)...]).trimmingCharacters(in: .whitespaces))
            })
            let format: InputFormat = name.hasSuffix(".html") ? .html : .text
            let report = try linter.lint(text: try String(contentsOf: file, encoding: .utf8), format: format, path: name)
            var units: [Int: String] = [:]
            for f in report.findings where f.rule.hasPrefix("claims.") && f.rule != "claims.audit" { units[f.span.offset] = normalise(f.excerpt) }
            var matched = Set<Int>()
            for s in snippets {
                let hits = units.filter { $0.value.contains(s) }.map(\.key)
                if hits.isEmpty { fn += 1 } else { tp += 1; matched.formUnion(hits) }
            }
            fp += units.keys.filter { !matched.contains($0) }.count
        }
        return (tp, fp, fn)
    }

    @Test func fixturePrecisionAndRecallStayAboveTheirPins() throws {
        let dir = Self.root.appendingPathComponent("Fixtures/claims")
        let tuning = try Self.score(dir)
        func p(_ s: (tp: Int, fp: Int, fn: Int)) -> Double { Double(s.tp) / Double(max(1, s.tp + s.fp)) }
        func r(_ s: (tp: Int, fp: Int, fn: Int)) -> Double { Double(s.tp) / Double(max(1, s.tp + s.fn)) }
        /// The sets' counts added up.
        func pooled(_ sets: [String]) throws -> (tp: Int, fp: Int, fn: Int) {
            var total = (tp: 0, fp: 0, fn: 0)
            for set in sets {
                let s = try Self.score(dir.appendingPathComponent(set))
                total = (total.tp + s.tp, total.fp + s.fp, total.fn + s.fn)
            }
            return total
        }
        /// Per set: at least `minLabels` labels, precision and recall at least the pins.
        func expectPins(_ pins: [(String, Double, Double, Int)]) throws {
            for (set, minP, minR, minLabels) in pins {
                let s = try Self.score(dir.appendingPathComponent(set))
                #expect(s.tp + s.fn >= minLabels, "\(set) labels")
                #expect(p(s) >= minP && r(s) >= minR, "\(set) \(s)")
            }
        }
        let held = try pooled(["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout-claims3", "heldout-claims3b", "heldout-claims3c"])
        #expect(tuning.tp + tuning.fn >= 20)
        #expect(p(tuning) >= 0.97 && r(tuning) >= 0.94, "tuning \(tuning)")
        #expect(held.tp + held.fn >= 125)
        #expect(p(held) >= 0.95 && r(held) >= 0.88, "held-out \(held)")
        // heldout7 was written by another developer and scored once, blind: P 0.65, R 0.76; its
        // false-alarm classes were then fixed (now P 0.76). The pin keeps later changes from losing ground.
        let blind = try Self.score(dir.appendingPathComponent("heldout7"))
        #expect(blind.tp + blind.fn >= 40)
        // claims5 tuned on it (now P 0.93, R 0.90).
        #expect(p(blind) >= 0.85 && r(blind) >= 0.85, "heldout7 \(blind)")
        // heldout8, by another outside writer, scored once at d2f046b: P 0.84, R 0.84 (its
        // numbered-steps false alarms were then fixed: P 0.89).
        let blind8 = try Self.score(dir.appendingPathComponent("heldout8"))
        #expect(blind8.tp + blind8.fn >= 45)
        // claims5 tuned on it (now P 0.98, R 0.90).
        #expect(p(blind8) >= 0.90 && r(blind8) >= 0.85, "heldout8 \(blind8)")
        // heldout9, a third outside set, scored once at 8984971: P 0.83, R 0.79; claims5 tuned on
        // it (now P 0.97, R 0.86).
        let blind9 = try Self.score(dir.appendingPathComponent("heldout9"))
        #expect(blind9.tp + blind9.fn >= 40)
        #expect(p(blind9) >= 0.90 && r(blind9) >= 0.82, "heldout9 \(blind9)")
        // heldout11, a fourth outside set, first (blind) run P 0.71, R 0.72 (39/16/15, the same at
        // 6e4cc70, the claims5 baseline); claims5 tuned on
        // it (now P 0.94, R 0.89).
        let blind11 = try Self.score(dir.appendingPathComponent("heldout11"))
        #expect(blind11.tp + blind11.fn >= 40)
        #expect(p(blind11) >= 0.85 && r(blind11) >= 0.85, "heldout11 \(blind11)")
        // heldout10 and heldout12, outside sets five and six, first (blind) runs P 0.83 / R 0.83 and
        // P 0.82 / R 0.84 (all files; 43/9/9 and 42/9/8); claims6 tuned on them. The in-process
        // scorer reads .txt and .html only (heldout10 .txt+.html 39/4/5, heldout12 36/4/5 after claims6).
        // claims7 (vocabulary of hurried copy, professional endorsements, item headings) took them to
        // .txt+.html 43/4/1 and 38/4/3.
        let tuned10 = try Self.score(dir.appendingPathComponent("heldout10"))
        #expect(tuned10.tp + tuned10.fn >= 40)
        #expect(p(tuned10) >= 0.88 && r(tuned10) >= 0.93, "heldout10 \(tuned10)")
        let tuned12 = try Self.score(dir.appendingPathComponent("heldout12"))
        #expect(tuned12.tp + tuned12.fn >= 38)
        #expect(p(tuned12) >= 0.87 && r(tuned12) >= 0.88, "heldout12 \(tuned12)")
        // heldout13 and heldout14, outside sets seven and eight, first (blind) runs at 5e85991: 48/7/5
        // (P 0.87, R 0.91) and 39/11/7 (P 0.78, R 0.85), all files; together P 0.83, R 0.88. claims7
        // tuned on them: .txt+.html 45/3/0 and 38/1/0 (all files 53/3/0 and 46/1/0).
        let tuned13 = try Self.score(dir.appendingPathComponent("heldout13"))
        #expect(tuned13.tp + tuned13.fn >= 40)
        #expect(p(tuned13) >= 0.91 && r(tuned13) >= 0.95, "heldout13 \(tuned13)")
        let tuned14 = try Self.score(dir.appendingPathComponent("heldout14"))
        #expect(tuned14.tp + tuned14.fn >= 35)
        #expect(p(tuned14) >= 0.94 && r(tuned14) >= 0.95, "heldout14 \(tuned14)")
        // heldout15-18, outside sets nine to twelve: first (blind) runs at the session-4 start code
        // 35/9/13, 50/8/5, 49/18/6, 36/3/11 (all files; together 170/38/35, P 0.82, R 0.83); claims9 tuned on
        // them (Fixtures/claims/tuning-log.tsv): .txt+.html 128/19/35 before, 34/1/6, 42/2/4, 36/6/2, 35/1/4 after.
        let tunedNew: [(String, Double, Double, Int)] = [
            ("heldout15", 0.88, 0.82, 35), ("heldout16", 0.92, 0.88, 40), ("heldout17", 0.80, 0.92, 32), ("heldout18", 0.94, 0.86, 33),
        ]
        try expectPins(tunedNew)
        // heldout19 and heldout20, outside sets thirteen and fourteen: first (blind) runs at 08320c0 44/7/8 and
        // 48/12/7 (all files); claims10 tuned on them: .txt+.html 41/5/2 and 41/9/6 before, 42/3/1 and 42/2/5 after.
        let tuned1920: [(String, Double, Double, Int)] = [("heldout19", 0.90, 0.95, 40), ("heldout20", 0.92, 0.87, 44)]
        try expectPins(tuned1920)
        // heldout21-24, outside sets fifteen to eighteen: first (blind) runs at 782a7b7 37/8/16, 50/7/1, 31/0/14,
        // 36/14/12 (all files); never tuned on until claims11 (.txt+.html 139/24/24 at f6170b2, P 0.85 R 0.85).
        // claims11 tuned on them: .txt+.html 36/7/8, 40/7/1, 27/0/11, 36/10/4 before, 38/3/6, 40/3/1, 34/1/4,
        // 36/3/4 after (all files 47/4/6, 49/3/2, 41/1/4, 43/3/5; heldout23 .txt+.html 34/1/4).
        let tuned2124: [(String, Double, Double, Int)] = [
            ("heldout21", 0.90, 0.84, 40), ("heldout22", 0.90, 0.95, 38), ("heldout23", 0.95, 0.86, 35), ("heldout24", 0.90, 0.87, 37),
        ]
        try expectPins(tuned2124)
        // heldout25-28, outside sets nineteen to twenty-two: first (blind) runs at f6170b2 50/10/5, 37/9/14, 50/12/1, 43/9/2
        // (all files), 50/9/5, 37/8/14, 49/10/2, 43/8/2 after claims11 (82dad3e). claims12 tuned on them: .txt+.html 43/7/4,
        // 33/6/10, 39/8/2, 35/8/2 before, 46/2/1, 39/3/4, 40/2/1, 35/3/2 after (all files 53/2/2, 45/3/6, 50/3/1, 43/3/2).
        // The layer retrained after claims14 drops one more true finding on heldout25 (.txt+.html 44/2/3).
        let tuned2528: [(String, Double, Double, Int)] = [
            ("heldout25", 0.94, 0.93, 45), ("heldout26", 0.90, 0.88, 41), ("heldout27", 0.93, 0.95, 39), ("heldout28", 0.90, 0.92, 35),
        ]
        try expectPins(tuned2528)
        // heldout29-32, outside sets twenty-three to twenty-six: written blind while claims12 ran; first run at 6e85c63
        // (claims11 code) 39/13/13, 50/4/2, 38/8/14, 37/11/11 (all files; P 0.82 R 0.80), after claims12 (5e228f0)
        // 39/13/13, 50/5/2, 38/8/14, 37/8/11 (P 0.83 R 0.80). claims13 tuned on them: .txt+.html 32/11/11, 34/5/1,
        // 29/7/14, 23/4/10 before (118/27/36), 35/6/8, 34/3/1, 40/1/3, 30/1/3 after (139/11/15; all files 44/7/8, 50/3/2,
        // 49/2/3, 44/2/4).
        let tuned2932: [(String, Double, Double, Int)] = [
            ("heldout29", 0.83, 0.79, 40), ("heldout30", 0.89, 0.95, 33), ("heldout31", 0.95, 0.90, 40), ("heldout32", 0.94, 0.88, 30),
        ]
        try expectPins(tuned2932)
        // heldout33-43, outside sets twenty-seven to thirty-seven: written blind in session 7 (heldout33-39 first run at
        // 5e228f0, rules only, 318/69/42; heldout40-43 at b3060f2 with the learned layer, 182/25/27); claims14 tuned on
        // them. All files with the ml1 layer 537/54/32 (P 0.909 R 0.944; rules alone 538/78/31); the layer retrained after
        // claims14 (findings on blocks with unresolved citation markers exempt) 535/56/34 by cross-validation. This scorer
        // reads .txt and .html: 423/41/26 with the retrained layer, per set as pinned just under.
        let tuned3343: [(String, Double, Double, Int)] = [
            ("heldout33", 0.86, 0.92, 42), ("heldout34", 0.97, 0.89, 36), ("heldout35", 0.86, 0.92, 40), ("heldout36", 0.89, 0.93, 44),
            ("heldout37", 0.88, 0.92, 37), ("heldout38", 0.88, 0.94, 39), ("heldout39", 0.89, 0.86, 35), ("heldout40", 0.87, 0.93, 43),
            ("heldout41", 0.91, 0.89, 45), ("heldout42", 0.81, 0.97, 34), ("heldout43", 0.91, 0.91, 43),
        ]
        try expectPins(tuned3343)
        // heldout44-51, outside sets thirty-eight to forty-five: written blind in session 8 (heldout44-47 first run at
        // e01eb7a, heldout48-51 at fcc27b3, with the layer: 359/30/54 at session 8's final code); claims15 tuned on them.
        // All files with the layer as shipped (the pack retrained after claims14) 384/21/29 (P 0.948 R 0.930; rules alone
        // 384/35/29). This scorer reads .txt and .html: 318/16/20, per set as pinned just under.
        let tuned4451: [(String, Double, Double, Int)] = [
            ("heldout44", 0.95, 0.90, 42), ("heldout45", 0.89, 0.95, 41), ("heldout46", 0.95, 0.97, 41), ("heldout47", 0.90, 0.90, 42),
            ("heldout48", 0.90, 0.97, 34), ("heldout49", 0.92, 0.78, 44), ("heldout50", 0.94, 0.89, 37), ("heldout51", 0.93, 0.95, 41),
        ]
        try expectPins(tuned4451)
        // NEVER-TUNED-ON PIN: heldout52-59, outside sets forty-six to fifty-three, written blind in session 9 (heldout52-55
        // first run at 9410c98 with the layer 180/9/28, all files; heldout56-59 written while claims15 ran and scored once
        // at the final code). Final code, all files, layer as shipped (the pack retrained after claims14): 367/28/51
        // (P 0.929 R 0.878; rules alone 367/43/51). This scorer reads .txt and .html: 320/25/39 (P 0.928 R 0.891). Pinned
        // a little under, pooled: no tuning round has read these sets; the next one will, and this pin then moves up.
        // --- NEVER-TUNED-ON PIN: begin ---
        let blind5259 = try pooled((52...59).map { "heldout\($0)" })
        #expect(blind5259.tp + blind5259.fn >= 350, "heldout52-59 labels \(blind5259)")
        #expect(p(blind5259) >= 0.90 && r(blind5259) >= 0.86, "heldout52-59 never tuned on \(blind5259)")
        // --- NEVER-TUNED-ON PIN: end ---
    }

    // MARK: Public data sets (skipped when ../shared/eval/data is absent)

    @Test func claimStrengthOnEurekAlertSentences() throws {
        guard let s = try Self.strengthShares("annotated_eureka.csv", text: 1, label: 2, rows: 2076) else { return }
        #expect(s.flagged("3") >= 0.86, "direct causal flagged \(s.flagged("3"))")
        // claims7: 17.7% -> 14.6% (background-knowledge frames, trends, care settings); claims8: 12.6% (research as
        // the subject, bare effect nouns, purpose lists; direct 86.6% -> 87.0%).
        #expect(s.flagged("0") <= 0.13, "no relationship flagged \(s.flagged("0"))")
        #expect(s.strong("2") <= 0.03, "conditional causal graded strong \(s.strong("2"))")
    }

    /// claims4: PubMed conclusion sentences, pinned at what claims4 reached (direct 86.0%, no relationship 9.6%);
    /// claims8: direct 86.2%, no relationship 7.8%.
    @Test func claimStrengthOnPubMedConclusions() throws {
        guard let s = try Self.strengthShares("annotated_pubmed.csv", text: 0, label: 1, rows: 3061) else { return }
        #expect(s.flagged("3") >= 0.86, "direct causal flagged \(s.flagged("3"))")
        #expect(s.flagged("0") <= 0.085, "no relationship flagged \(s.flagged("0"))")
        #expect(s.strong("2") <= 0.03, "conditional causal graded strong \(s.strong("2"))")
    }

    /// Share of each causal-claim-strength label (0 none, 1 correlational, 2 conditional, 3 direct)
    /// flagged at the direct or conditional level, and graded strong; nil when the data set is absent.
    static func strengthShares(_ file: String, text: Int, label: Int, rows expected: Int) throws
        -> (flagged: (String) -> Double, strong: (String) -> Double)? {
        let path = data.appendingPathComponent("causal-claim-strength/\(file)")
        guard let csv = try? String(contentsOf: path, encoding: .utf8) else { return nil }
        var rows: [(String, String)] = []
        for line in csvRows(csv).dropFirst() where line.count > max(text, label) { rows.append((line[text], line[label])) }
        #expect(rows.count == expected)
        let details = try audit(rows.map(\.0), linter: try auditLinter())
        var n: [String: Int] = [:], flagged: [String: Int] = [:], strong: [String: Int] = [:]
        for (row, d) in zip(rows, details) {
            n[row.1, default: 0] += 1
            if ["direct", "conditional"].contains(d["level"] ?? "none") { flagged[row.1, default: 0] += 1 }
            if d["strength"] == "strong" { strong[row.1, default: 0] += 1 }
        }
        let total = n, f = flagged, st = strong
        func share(_ m: [String: Int], _ l: String) -> Double { Double(m[l] ?? 0) / Double(max(1, total[l] ?? 0)) }
        return ({ share(f, $0) }, { share(st, $0) })
    }

    @Test func newsClaimRecallOnCheckCOVID() throws {
        let path = Self.data.appendingPathComponent("check-covid/Check-COVID_all.json")
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return }
        var claims = Set<String>()
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  obj["is_auth"] as? Bool == true, let c = obj["claim"] as? String else { continue }
            claims.insert(c.trimmingCharacters(in: .whitespaces))
        }
        #expect(claims.count == 219)
        let details = try Self.audit(claims.sorted(), linter: try Self.auditLinter())
        let recall = Double(details.filter { $0["statement"] == "yes" }.count) / Double(claims.count)
        #expect(recall >= 0.88, "recall \(recall)")
    }

    @Test func hedgedSentencesInBioScopeFullPapers() throws {
        let path = Self.data.appendingPathComponent("bioscope-hedge/full_papers.xml")
        guard let xml = try? String(contentsOf: path, encoding: .utf8) else { return }
        // Byte scan (no regular expressions): each <sentence ...>...</sentence> body.
        let bytes = Array(xml.utf8)
        let open = Array("<sentence".utf8), close = Array("</sentence>".utf8), spec = Array("type=\"speculation\"".utf8)
        func find(_ needle: [UInt8], from: Int) -> Int? {
            var i = from
            while i + needle.count <= bytes.count {
                if bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i }
                i += 1
            }
            return nil
        }
        var sentences: [(text: String, uncertain: Bool)] = []
        var at = 0
        while let o = find(open, from: at), let c = find(close, from: o) {
            var bodyStart = o
            while bodyStart < c && bytes[bodyStart] != 0x3E { bodyStart += 1 }
            let body = Array(bytes[(bodyStart + 1)..<c])
            var uncertain = false
            if body.count >= spec.count {
                for k in 0...(body.count - spec.count) where body[k] == spec[0] && Array(body[k..<(k + spec.count)]) == spec { uncertain = true; break }
            }
            sentences.append((Self.normalise(String(decoding: body, as: UTF8.self)), uncertain))
            at = c + close.count
        }
        #expect(sentences.count == 2670)
        let details = try Self.audit(sentences.map(\.text), linter: try Self.auditLinter())
        var tp = 0, fp = 0, fn = 0
        for (s, d) in zip(sentences, details) {
            let predicted = d["hedged"] == "yes"
            if predicted && s.uncertain { tp += 1 } else if predicted { fp += 1 } else if s.uncertain { fn += 1 }
        }
        let f1 = 2.0 * Double(tp) / Double(max(1, 2 * tp + fp + fn))
        // claims4: 0.81 -> 0.88 (factual readings of hedge words dropped, "would", "possible", "propose" made full cues).
        #expect(f1 >= 0.86, "F1 \(f1) tp \(tp) fp \(fp) fn \(fn)")
    }

    /// Minimal CSV reader: commas, double-quoted fields with "" escapes, newlines in quotes.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var it = text.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? it.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" { quoted = true } else if ch == "," { row.append(field); field = "" } else if ch == "\n" || ch == "\r\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else if ch != "\r" { field.append(ch) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

import ClaimlintCore
import ClaimlintEngine
import ClaimlintIngest
import Foundation
import Testing
@testable import ClaimlintCheckers

/// A tuning aid, run only when DISCLAIMER_DEBUG is set. Dev fixtures only (held-out documents
/// stay unread):
///   DISCLAIMER_DEBUG=d608,d612   the score, gate, triggers and disclaimer sentences of those pages
///   DISCLAIMER_DEBUG=needs       dev pages whose "needs a disclaimer" decision differs from the label
///   DISCLAIMER_DEBUG=found       every disclaimer sentence found on dev pages labelled `missing`
///                                or needing none (false "has" sentences to read), by family
/// Not a check: skipped (not passed) in a normal run, so it never counts as a test that cannot fail.
@Suite struct DisclaimerDebugTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DISCLAIMER_DEBUG"] != nil, "tuning aid: set DISCLAIMER_DEBUG"))
    func printAnalysis() throws {
        guard let request = ProcessInfo.processInfo.environment["DISCLAIMER_DEBUG"] else { return }
        let linter = try Linter()
        let checker = try DisclaimerChecker(rules: linter.rules, settings: .empty)
        let rows = try DisclaimerAccuracyTests.labels().filter { $0.split == "dev" }
        func analyze(_ row: DisclaimerAccuracyTests.Label) throws -> (AnalyzedDocument, HealthPageAnalysis) {
            let url = DisclaimerAccuracyTests.fixtures.appendingPathComponent(row.path)
            let format = InputFormat(pathExtension: url.pathExtension) ?? .text
            let source = try SourceDecoder.decode(path: row.path, bytes: Array(try Data(contentsOf: url)), format: format)
            let document = AnalyzedDocument(document: try FrontEnds.frontEnd(for: format).parse(source, options: IngestOptions()))
            return (document, checker.verdict(document))
        }
        if request == "needs" {
            var right = 0
            for row in rows {
                let (_, v) = try analyze(row)
                if v.profile.needsDisclaimer == row.needs { right += 1 } else { print("NEEDS-MISS \(row.path) label \(row.needs) score \(v.profile.score) body \(v.profile.isAboutBody)") }
            }
            print("NEEDS dev \(right)/\(rows.count)")
            return
        }
        if request == "found" {
            let vocabulary = checker.page.disclaimers
            var sentences = 0, composedToo = 0
            for row in rows {
                let (document, v) = try analyze(row)
                for f in v.found {
                    let block = document.blocks[f.block]
                    let sentence = block.sentences[f.sentence]
                    let composedOnly = vocabulary.classify(block, sentence, consultVerb: vocabulary.consultVerbPosition(block, sentence.tokens), composing: false) == nil
                        && vocabulary.composedDisclaimer(block, sentence.tokens)
                    if row.expected == "missing" || row.needs == false { print("FOUND-ON-\(row.expected)-needs-\(row.needs) \(row.path) [\(f.family.rawValue)]\(composedOnly ? " COMPOSED" : "") \(f.text)") }
                    else if composedOnly { print("COMPOSED \(row.path) \(row.expected) \(f.text)") }
                    if row.expected != "missing" && row.needs && f.family != .supplementStatement {
                        sentences += 1
                        if vocabulary.composedDisclaimer(block, sentence.tokens) { composedToo += 1 } else { print("NOT-COMPOSED [\(f.family.rawValue)] \(f.text)") }
                    }
                }
            }
            print("COMPOSITION-RECALL disclaimer sentences on dev pages that carry one: \(sentences), also read by the composition alone: \(composedToo)")
            return
        }
        let wanted = request.split(separator: ",").map(String.init)
        for row in rows where wanted.contains(where: { row.path.hasPrefix("dev/\($0)") }) {
            let (document, v) = try analyze(row)
            let p = v.profile
            print("== \(row.path) label \(row.expected): score \(p.score) needs \(p.needsDisclaimer) body \(p.isAboutBody) genre \(p.isNonAdviceGenre) inferred \(p.inferredBodySentences) links \(p.linksInterventionToHealth)")
            for h in p.hits { print("  hit \(h.kind.rawValue) '\(h.phrase)' block \(h.block) body \(h.aboutBody) fig \(h.figurativeBody) inf \(h.inferred)") }
            for f in v.found { print("  found [\(f.family.rawValue)] \(f.placement) \(f.position): \(f.text)") }
            for a in v.passing { print("  passing: \(a.text)") }
            if ProcessInfo.processInfo.environment["DISCLAIMER_DEBUG_BLOCKS"] != nil {
                for b in document.blocks { print("  block \(b.index) \(b.kind) inScope \(b.inScope) \(b.block.region): \(String(b.block.text.prefix(90)))") }
            }
        }
    }
}

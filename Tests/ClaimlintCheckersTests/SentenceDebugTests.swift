import Foundation
import Testing
import ClaimlintCore
@testable import ClaimlintCheckers

/// Prints the word roles of SENTENCE_DEBUG="sentence|sentence..." (a tuning aid; silent otherwise).
@Suite struct SentenceDebugTests {
    @Test func printRoles() {
        guard let text = ProcessInfo.processInfo.environment["SENTENCE_DEBUG"] else { return }
        for s in text.split(separator: "|") {
            let doc = SentenceTestSupport.paragraphs(String(s))
            let block = doc.blocks[0]
            for sent in block.sentences {
                let c = SentenceTestSupport.checker.analyzer.analyze(block, sent.tokens)
                let line = c.words.map { w in "\(block.text(of: block.tokens[w.token]))/\(w.role)/\(String(w.tags.rawValue, radix: 2))" }.joined(separator: " ")
                print("\(line) | finite=\(c.finite) imp=\(c.imperativeAtStart) \(String(describing: c.imperativeAfterComma))")
            }
            print("  ->", SentenceTestSupport.check(doc).map { "\($0.rule): \($0.message)" })
        }
    }
}

/// The deep stage: optional, loaded at run time. Without the library the checker still works.
@Suite struct SentenceDeepStageTests {
    @Test func deepSettingLoadsOrFallsBackAndBadKeysAreErrors() throws {
        let settings = CheckerSettings(sections: ["sentence": .map([(key: "deep", value: .scalar("true", line: 1))], line: 1)])
        let checker = try SentenceChecker(rules: SentenceTestSupport.rules, settings: settings)
        // With or without Link Grammar installed, linting works and the fast stage still reports.
        let doc = SentenceTestSupport.paragraphs("The cream softens calluses Many readers use it daily.")
        #expect(checker.check(doc, context: CheckContext(relativePath: "t.txt")).map(\.rule) == ["sentence.run-on"])
        let bad = CheckerSettings(sections: ["sentence": .map([(key: "depth", value: .scalar("true", line: 2))], line: 1)])
        #expect(throws: (any Error).self) { try SentenceChecker(rules: SentenceTestSupport.rules, settings: bad) }
    }

    @Test func aMissingLibraryIsAPlainMessageNotACrash() {
        guard case .failure(let e) = LinkGrammarParser.load(libraryNames: ["liblink-grammar-not-here.so"]) else {
            Issue.record("a missing library must not load")
            return
        }
        #expect(e.message.contains("not installed"))
    }

    @Test func linkGrammarReadsTheLeftWallWhenInstalled() throws {
        guard let parser = DeepStage.shared else { return }  // not installed: nothing to check
        if let text = ProcessInfo.processInfo.environment["SENTENCE_LG"] {
            for s in text.split(separator: "|") { print(s, "->", parser.wallLabels(String(s)) ?? ["(no complete parse)"]) }
        }
        #expect(parser.classify("The risk of infection at the injection site.") != .clause)
        #expect(parser.classify("The cream softens hard skin on the heels.") == .clause)
        #expect(parser.classify("Wash the area gently with warm water.") == .clause)
    }
}

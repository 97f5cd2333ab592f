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

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

@Suite struct DisclaimerCheckerTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func run(_ text: String, path: String = "article.txt", checker: DisclaimerChecker? = nil) -> [Diagnostic] {
        (checker ?? self.checker).check(S.text(text), context: CheckContext(relativePath: path))
    }

    /// The rule pack's own text examples, run through the checker (the engine runs them too, through the front ends).
    @Test func rulePackTextExamples() throws {
        for id in DisclaimerChecker.ruleIDs {
            let rule = try S.rules.require(id)
            #expect(rule.triggering.count >= 3 && rule.nonTriggering.count >= 3, "\(id) needs 3 + 3 examples")
            for e in rule.triggering where e.format == .text {
                #expect(run(e.text).contains { $0.rule == id }, "\(id) should trigger on: \(e.text)")
            }
            for e in rule.nonTriggering where e.format == .text {
                #expect(!run(e.text).contains { $0.rule == id }, "\(id) should not trigger on: \(e.text)")
            }
        }
    }
}

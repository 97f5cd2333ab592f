import ClaimlintCore
import ClaimlintEngine
import ClaimlintRules
import Foundation
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Round 20 (issue 5): the page-topic model closes a need the trigger rules open on a page it reads
/// as non-health (p(health) below the pack's "veto"), for the disclaimer and balance checkers alike,
/// and the audit says so. A page it reads as health keeps the rules' need.
@Suite struct DisclaimerTopicVetoTests {
    /// A hand-made model: "tractor" and "hectare" read as farming, anything else at the bias.
    static func rules(veto: String?) throws -> RuleSet {
        let settings = ["\"threshold 0.9\"", "\"bias 0.0\"", "\"min-evidence 0\""] + (veto.map { ["\"veto \($0)\""] } ?? [])
        let yaml = """
        pack: test-topic
        lexicons:
          disclaimer.topic.settings: [\(settings.joined(separator: ", "))]
          disclaimer.topic.weights: ["tractor -6.0", "hectare -6.0", "wig 6.0"]
        """
        return try RuleSet(files: DisclaimerTestSupport.filesWithoutTopicPack + [("test-topic.yml", yaml)])
    }

    /// A dose the rules read as the reader's (they open the need), on a page the model calls farming.
    static let farmPage = """
    Spring jobs on the farm

    Take 400 mg ibuprofen three times a day with food for back pain, and see your GP if it lasts.

    The tractor needs new tyres before we spread on the top hectare.
    """
    /// The same advice on a page with no farming word: p(health) is the bias's 0.5.
    static let plainPage = """
    Back pain at work

    Take 400 mg ibuprofen three times a day with food for back pain, and see your GP if it lasts.
    """

    static let context = CheckContext(relativePath: "a.txt", disabledRules: ["disclaimer.audit"])

    @Test func vetoClosesARulesOpenedNeedOnAPageTheModelReadsAsNonHealth() throws {
        let rules = try Self.rules(veto: "0.05")
        let checker = try DisclaimerChecker(rules: rules, settings: .empty)
        let farm = S.text(Self.farmPage)
        let profile = checker.verdict(farm).profile
        #expect(profile.rulesNeedDisclaimer)
        #expect(!profile.needsDisclaimer)
        let p = try #require(profile.topicVeto)
        #expect(p < 0.05)
        #expect(checker.check(farm, context: Self.context).isEmpty)
        // The balance checker reads the same closed need.
        let balance = try BalanceChecker(rules: rules, settings: .empty)
        #expect(balance.check(farm, context: Self.context).isEmpty)
        // The audit keeps the rules' need and says the model closed it.
        let audited = checker.check(S.text(Self.farmPage), context: CheckContext(relativePath: "a.txt", disabledRules: []))
        let audit = try #require(audited.first { $0.rule == "disclaimer.audit" })
        #expect(audit.details["rules_need"] == "yes")
        #expect(audit.details["veto"] == "yes")
        #expect(audit.message.contains("closed by the topic model's veto"))
        #expect(!audited.contains { $0.rule == "disclaimer.missing" })
    }

    @Test func aPageTheModelReadsAsHealthKeepsTheRulesNeed() throws {
        let checker = try DisclaimerChecker(rules: Self.rules(veto: "0.05"), settings: .empty)
        let plain = S.text(Self.plainPage)
        #expect(checker.verdict(plain).profile.needsDisclaimer)
        #expect(checker.verdict(plain).profile.topicVeto == nil)
        #expect(checker.check(plain, context: Self.context).map(\.rule) == ["disclaimer.missing"])
        let audited = checker.check(S.text(Self.plainPage), context: CheckContext(relativePath: "a.txt", disabledRules: []))
        #expect(audited.first { $0.rule == "disclaimer.audit" }?.details["veto"] == "no")
    }

    /// No "veto" entry (or 0): no veto, the rules' need stands whatever p says.
    @Test func withoutAVetoTheRulesNeedStands() throws {
        for veto in [nil, "0"] {
            let checker = try DisclaimerChecker(rules: Self.rules(veto: veto), settings: .empty)
            let farm = S.text(Self.farmPage)
            #expect(checker.verdict(farm).profile.needsDisclaimer)
            #expect(checker.check(farm, context: Self.context).map(\.rule) == ["disclaimer.missing"])
        }
    }

    @Test func aVetoAtOrAboveTheThresholdFailsToLoad() throws {
        #expect { _ = try PageTopicModel(rules: Self.rules(veto: "0.95")) } throws: { error in
            guard let e = error as? RulePackError else { return false }
            return e.file == "test-topic.yml" && e.message.contains("veto")
        }
    }
}

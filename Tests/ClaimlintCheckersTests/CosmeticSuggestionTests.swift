import ClaimlintCore
import ClaimlintRules
import Testing
@testable import ClaimlintCheckers

/// perf19: `cosmeticSuggestion` lowers and searches an ASCII action as bytes; a non-ASCII one keeps `lowercased()` and
/// Foundation's `contains`. Both paths give the same advice for the same words.
@Suite struct CosmeticSuggestionTests {
    @Test func asciiActionsGetTheAdviceOfTheFoundationPath() throws {
        let checker = try ClaimsChecker(rules: RuleSet(files: BuiltinRuleFiles.all), settings: .empty)
        let actions = ["Stimulates COLLAGEN", "boosts elastin", "REBUILDS", "heals", "Treats acne", "cures", "clears", "fights Bacteria",
                       "calms inflammation", "erases", "smooths WRINKLES", "Regrows", "restores hair", "soothes", "x", ""]
        var advice = Set<String>()
        for action in actions {
            // " é" sends the same words down the non-ASCII path without adding or breaking a stem.
            #expect(checker.cosmeticSuggestion(action) == checker.cosmeticSuggestion(action + " é"), "\(action)")
            advice.insert(checker.cosmeticSuggestion(action))
        }
        #expect(advice.count == 5)
    }
}

import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 26 (docs/disclaimer.md, "Round 26"): foods and herbs taken to raise a mother's
/// milk supply (galactagogues) are supplements; a herd's lactation feed is not.
@Suite struct DisclaimerRound26Tests {
    let checker: DisclaimerChecker
    init() throws {
        checker = try S.disclaimerChecker()
    }

    func disclaimerFired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test(arguments: [
        "Oaty lactation cookies (makes 16)\n\nI bake a tray of these every Sunday for the new mums in our group. Oats, flax and a spoonful of brewer's yeast go in, with raisins for sweetness. Eat two a day while you are feeding: that is about a tablespoon of brewer's yeast daily.",
        "Blessed thistle and goat's rue are the two herbs our breastfeeding circle swaps tips about most. One mum takes a blessed thistle capsule with each meal; another drinks a mug of lactation tea before every evening feed.",
    ])
    func galactagogueRecipesAndHerbsNeedOne(_ text: String) {
        #expect(disclaimerFired(text) == ["disclaimer.missing"], "\(text)")
    }

    @Test(arguments: [
        // A dairy herd's feed and a sow's ration: a lactation ration or supplement is feed, not a supplement.
        "Our lactation ration for the Jersey herd: 9 kg of grass silage, 4 kg of the blend and a lactation supplement of minerals from calving to drying off. Milk yield held at 24 litres through the heatwave.",
        "Sows move onto the lactation feed the day they farrow and stay on it until weaning, three feeds a day, with fresh water in every pen.",
        // A curry's fenugreek is a spice.
        "Toast a teaspoon of fenugreek seeds with the cumin, then add the onions and cook them slowly until golden. Stir in the tomatoes and simmer for twenty minutes.",
    ])
    func feedAndSpicesNeedNone(_ text: String) {
        #expect(disclaimerFired(text) == [], "\(text)")
    }
}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Non-health pages (disclaimer round 11) that use health words of their own subject: a recipe's skin (the
/// food's, once the page puts it beside the meat or the fish), "a cold pan", and the vocabulary of
/// online game guides (a healer class's "overdose", "antidote", "cures ... disease").
@Suite struct DisclaimerOtherTradesTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test(arguments: [
        // The food's skin: beside the meat or the fish in one sentence, the page's sense elsewhere.
        "The quick remedy for a flabby skin is a night uncovered in the fridge. Rub the seasoned butter over the skin so the salt cures the meat.",
        "Pat the trout dry and salt the skin an hour ahead. This is the one trick that heals a soggy skin, and a hot pan will treat the skin kindly.",
        // "A cold" before the thing that is cold.
        "Signs of a cold pan: the batter sticks and tears. Symptoms of a cold start on a frosty morning: the engine stutters.",
        // An online game's healer guide.
        "The Stim Injection heals one ally and the Antidote Vial cures one poison or disease effect. Overdose doubles your next heal. Read the combat log after a wipe; the PvP build was nerfed and health bars drop fast.",
    ])
    func othersTradesHealthWordsDrawNothing(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }

    @Test(arguments: [
        // A body's skin, with no meat or fish on the page.
        "This balm heals cracked skin within a week. Rub it into the skin every night to relieve the tightness and stinging.",
        // A recipe page that also makes a body claim.
        "Roast the bones in the oven, then simmer them for twelve hours. Drink a mug twice a day to relieve joint pain. Readers tell me the broth eases stiff knees and sore hips within a fortnight.",
        // "A cold" the illness.
        "The first signs of a cold are a scratchy throat and sneezing. To relieve a cold, rest, and take paracetamol for the aches.",
    ])
    func bodyPagesStillNeedOne(_ text: String) {
        #expect(fired(text) == ["disclaimer.missing"], "\(text)")
    }
}

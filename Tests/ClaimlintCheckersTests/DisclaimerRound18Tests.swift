import ClaimlintCore
import ClaimlintRules
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 18 (docs/disclaimer.md, "Round 18"): a plain-text page's opening line in
/// capitals as its title when it names a condition by a medical word form; sight and hearing aids
/// as procedures, like contact lenses and hearing aids.
@Suite struct DisclaimerRound18Tests {
    let checker: DisclaimerChecker
    /// The trigger rules alone (no page-topic pack): the capitals-title rule is theirs, and the
    /// leaflet below is self-treatment advice that the topic model may open by itself (round 26).
    let rulesOnly: DisclaimerChecker
    init() throws {
        checker = try S.disclaimerChecker()
        rulesOnly = try DisclaimerChecker(rules: RuleSet(files: DisclaimerTestSupport.filesWithoutTopicPack),
                                          settings: .empty)
    }

    func fired(_ text: String) -> [String] {
        S.rulesFired(checker.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    func firedByTheRules(_ text: String) -> [String] {
        S.rulesFired(rulesOnly.check(S.text(text), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    // MARK: a capitals title that names a condition by its medical word form

    /// A trail-running club's leaflet (dev `d1612`): signs and a home regimen with no medicine,
    /// procedure or dose, whose title is the only place that names the condition.
    static let leaflet = """
        What is it? The peroneal tendons run behind the bony bump on the outside of your ankle. On rocky trails they \
        work hard to stop your ankle rolling, and they can become irritated. Typical signs: aching behind the outer \
        ankle bone, worse at the start of a run, sometimes a little swelling.

        Cut your weekly distance by about half for two weeks; swap steep descents for flat road.

        Do eversion band exercises daily: 3 sets of 15, slow on the way back.

        Ice pack 10-15 minutes after runs if it is sore.

        If it gets worse or you cannot weight-bear, see your GP.
        """
    static func page(_ title: String) -> String { "HIGH PEAKS TRAIL RUNNING CLUB - INJURY LEAFLET No. 4\n\n\(title)\n\n\(leaflet)" }

    @Test(arguments: [
        "OUTSIDE-OF-ANKLE PAIN (PERONEAL TENDINOPATHY)",
        "PLANTAR FASCIITIS: A RUNNER'S GUIDE",
    ])
    func aCapitalsTitleNamingAConditionOpensTheTopic(_ title: String) {
        let text = Self.page(title)
        #expect(firedByTheRules(text) == ["disclaimer.missing"], "\(title)")
        #expect(fired(text) == ["disclaimer.missing"], "\(title)")
    }

    @Test(arguments: [
        // A kite's bladder: a body word things have too, no medical word form.
        "FINDING AND FIXING A LEAKING LEADING-EDGE BLADDER",
        // Capitals, naming no condition: the leaflet's own text is not enough.
        "SPRING SERIES RESULTS AND ROUTES",
    ])
    func otherOpeningLinesDoNot(_ title: String) {
        let text = Self.page(title)
        #expect(firedByTheRules(text) == [], "\(title)")
    }

    /// The leaflet is self-treatment advice (a daily exercise regimen, ice after runs): the page-topic
    /// model retrained in round 26 opens it whatever its title.
    @Test func theTopicModelOpensTheLeafletByItsText() {
        #expect(fired(Self.page("SPRING SERIES RESULTS AND ROUTES")) == ["disclaimer.missing"])
    }

    @Test func aCapitalsLineFarDownThePageIsNoTitle() {
        let text = "Club news for March.\n\nThe spring series starts soon.\n\nEntries close on Friday.\n\nPERONEAL TENDINOPATHY\n\n\(Self.leaflet)"
        #expect(firedByTheRules(text) == [])
    }

    // MARK: sight and hearing aids

    @Test(arguments: [
        // Reading glasses chosen by strength (dev `d1563`).
        "Which strength of reading glasses should you buy off the shelf?\n\nReady readers from the chemist come in strengths from +1.00 to +3.50. Early to mid forties: start with +1.00 or +1.25.",
        // A hearing aid looked after at home.
        "Looking after a behind-the-ear hearing aid\n\nChange the wax filter every month and swap to a larger dome if your hearing aid whistles. Ask your audiologist before changing the tubing.",
    ])
    func sightAndHearingAidsAreHealthContent(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    @Test(arguments: [
        // Eyewear fashion: frames, sunglasses, blue-light glasses.
        "This season's frames: oversized acetate sunglasses and wire glasses\n\nBlue-light glasses for gaming come in clear frames; tortoiseshell is back for spring, and cat-eye frames suit a round face.",
        // Audio equipment and game gear.
        "The best gaming headset under 100 pounds\n\nThe closed-back headphones isolate noise well, the earbuds fit small ears, and the boom microphone cuts background hum. Pair them with a controller and a pair of gaming glasses.",
        // Sports kit.
        "Kit list for five-a-side\n\nShin guards, knee pads for the keeper, a gum shield and insoles for your boots. Wash the bibs after every game.",
    ])
    func eyewearAudioAndKitPagesStayQuiet(_ text: String) {
        #expect(fired(text) == [], "\(text)")
    }
}

import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 31 (docs/disclaimer.md, "Round 31"): blind batches 151-156 moved to dev after their one run.
/// Rule tests run on the rules alone (no topic model).
@Suite struct DisclaimerRound31Tests {
    let rules: DisclaimerTestSupport.RulesOnly
    init() throws { rules = try S.RulesOnly() }
    func firedByTheRules(_ text: String) -> [String] { rules.fired(text) }

    /// A product made from an animal and sold for people ("goose fat", "drone brood") names no animal patient.
    @Test func anAnimalProductForPeopleIsAPersonsRemedy() {
        let rub = """
            Goose Fat Chest Rub For Winter Cough

            Goose fat is the old remedy for chest colds in our village. Warm two spoons of goose fat with three drops of eucalyptus oil and rub on the chest and back before sleep. Repeat every night until the cough is gone, and the bronchitis is cured in three days without antibiotics.
            """
        #expect(firedByTheRules(rub).contains("disclaimer.missing"))
    }

    /// Capsules and the EU supplement line are a person's, though the page is full of a bee farm's words.
    @Test func capsulesFromABeeFarmAreAPersonsSupplement() {
        let listing = """
            Royal Drone Vitality Capsules - 60 caps

            Freeze-dried drone brood from our own hillside apiaries, harvested by our beekeepers on day seven. Supports energy and stamina after forty. Take 2 capsules daily before breakfast for 30 days. Food supplements should not be used as a substitute for a varied and balanced diet.
            """
        #expect(firedByTheRules(listing).contains("disclaimer.missing"))
    }

    /// A capsule given to a named animal stays the animal's.
    @Test func aCapsuleForAHenIsTheHens() {
        let flock = """
            Worming the laying flock

            Our hens get the poultry wormer in their feed for seven days every spring, at the dose on the bag for the flock's weight. Give each hen one capsule of the vet's wormer if she is too weak to eat. The egg withdrawal period is seven days after the last dose.
            """
        #expect(!firedByTheRules(flock).contains("disclaimer.missing"))
    }

    /// "Big cat keeper": the cat is a lion or a tiger, not a pet.
    @Test func aBigCatIsNotAPet() {
        let diary = """
            Zoo keeper diary: the lion pride's health checks

            By Sam, big cat keeper. Our vet darted the old lioness for her annual check: blood samples, a dental scale and her vaccinations. Diagnosis: early arthritis in one elbow. Treatment: a daily anti-inflammatory hidden in her meat, and she was up within ten minutes of the reversal injection.
            """
        #expect(!firedByTheRules(diary).contains("disclaimer.missing"))
        // Without a wild cat's name on the page, "our cats" are pets (with one, since round 35, they are those cats).
        let petDiary = diary.replacingOccurrences(of: "big cat keeper", with: "keeper of our cats")
            .replacingOccurrences(of: "the lion pride's", with: "the house's").replacingOccurrences(of: "lioness", with: "girl")
        #expect(firedByTheRules(petDiary).contains("disclaimer.missing"))
        #expect(!firedByTheRules(diary.replacingOccurrences(of: "big cat keeper", with: "keeper of our cats")).contains("disclaimer.missing"))
    }

    static let magnesium = "Magnesium oil spray for tired shoulders and night cramps. Spray ten times onto the neck and shoulders twice a day and massage it in. The magnesium absorbs through the skin to relax tight muscles and stop leg cramps at night."

    /// Two machine-translated wordings of the US supplement statement and of "never disregard".
    @Test(arguments: [
        " These statement are not evaluated from the Food and Drug Administration. This product is not intend for diagnose, treat, cure or prevent any disease.",
        " Never you should ignore the advices of your doctor because of something what you read here.",
    ])
    func translatedDisclaimersCount(_ line: String) {
        #expect(firedByTheRules(Self.magnesium).contains("disclaimer.missing"))
        #expect(!firedByTheRules(Self.magnesium + line).contains("disclaimer.missing"), "\(line)")
    }

    /// Steam inhalation is a self-treatment.
    @Test func steamInhalationIsATreatment() {
        let voice = "Hoarse after a long weekend of gigs? Steam inhalation for ten minutes over a bowl of hot water, twice a day, eases the throat. If the hoarseness lasts more than a week, see your GP."
        #expect(firedByTheRules(voice).contains("disclaimer.missing"))
    }
}

import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 27 (docs/disclaimer.md, "Round 27"): blind batches 127-132 moved to dev.
@Suite struct DisclaimerRound27Tests {
    let pages: DisclaimerTestSupport.PageCheckers
    init() throws { pages = try S.PageCheckers() }
    func fired(_ text: String) -> [String] { pages.fired(text) }

    // MARK: local history tells what people once did (disclaimer.genre.history)

    static let millTown = "Stop 2 is the old mill. In the 19th century the weavers' coughs were treated with hot onion syrup, and chilblains with a rub of goose fat and mustard. The heritage group keeps the recipe book in the museum by the war memorial."

    @Test func aHeritageWalkOfOldRemediesNeedsNone() {
        #expect(fired(Self.millTown) == [], "\(Self.millTown)")
    }

    @Test func aRemedyPageOfTodayStillNeedsOne() {
        // The same remedies given to the reader, with no history words.
        let text = "For chilblains, rub goose fat into your toes every night before bed until the itching stops. For a chesty cough, take two teaspoons of onion syrup three times a day."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: consulting before treating yourself; a leaflet as the page

    static let bite = "Parrot bites to the hand often need a course of antibiotics, and a tetanus booster if you are not up to date. Wash the wound for five minutes under running water and raise the hand to ease the swelling."

    @Test(arguments: [
        " Before you treat any bite yourself, talk to the practice nurse or a doctor.",
        " This leaflet is a general guide only and is no substitute for a qualified health professional's advice.",
    ])
    func theseConsultLinesAreDisclaimers(_ line: String) {
        let rules = fired(Self.bite + line)
        #expect(!rules.contains("disclaimer.missing"), "\(line)")
    }

    @Test func withoutOneTheBitePageNeedsOne() {
        #expect(fired(Self.bite).contains("disclaimer.missing"))
    }

    // MARK: a medic as the professional the writer is not

    @Test func aWriterWhoIsNotAMedicSaysSo() {
        let text = "I lost my voice every summer until I changed my routine. I take a throat lozenge every two hours on a show day and do ten minutes of steam inhalation after the last set. I'm a singer, not a medic, so ask your doctor before you try any of this."
        #expect(!fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: a bird's eggs sold to be taken (disclaimer.reader-neutral-phrases)

    @Test func quailEggCapsulesAreAPersonsSupplement() {
        let text = "Quail egg capsules, 60 pcs. Freeze-dried quail eggs for the itchy eyes and sneezing of the hay fever season. Take 2 capsules daily with breakfast from March to August."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: whitened teeth (disclaimer.body-procedure-words)

    @Test func whitenedTeethAreAProcedure() {
        let text = "Crowns do not lighten, so they can look darker next to whitened teeth. For two days whitened teeth pick up stains from coffee and red wine, so stick to pale foods."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    @Test func whitenedWallsAreNoProcedure() {
        let text = "We whitened the cottage walls with lime wash in May. Two coats whitened the gable end, and the old stains on the chimney breast have not come back."
        #expect(fired(text) == [], "\(text)")
    }
}

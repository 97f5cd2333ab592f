import ClaimlintCore
import ClaimlintEngine
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Disclaimer round 28 (docs/disclaimer.md, "Round 28"): blind batches 133-138 moved to dev.
@Suite struct DisclaimerRound28Tests {
    let pages: DisclaimerTestSupport.PageCheckers
    init() throws { pages = try S.PageCheckers() }
    func fired(_ text: String) -> [String] { pages.fired(text) }

    // MARK: words of the stage (disclaimer.genre.creative-work)

    @Test func aTheatresProgrammeNotesAreAboutAPlay() {
        let text = "Programme notes. Running time 1 hr 50 mins. The play follows a hospice nurse through her last week before retirement. In rehearsal the cast learnt to give a morphine dose of 10 mg from a syringe driver, and to treat a pressure sore, from a palliative care adviser."
        #expect(fired(text) == [], "\(text)")
    }

    @Test func aPlasterCastAndAStageAreNotTheStage() {
        // A fracture's cast and a cancer's stage are no theatre: the page still needs one.
        let text = "The cast comes off after six weeks. Take 500 mg paracetamol four times a day for the pain, and raise the arm on a pillow to ease the swelling. At this stage, gentle finger exercises twice a day help the stiffness."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    // MARK: chiropody by its treatments' names; collagen by its product names

    @Test func aMedicalPedicurePriceListNeedsOne() {
        let text = "Medical pedicure, 45 minutes: thinning of thick nails and removal of corns with a scalpel. Nail bracing for ingrowing toenails, from 30 euros a session."
        #expect(fired(text).contains("disclaimer.missing"), "\(text)")
    }

    static let collagen = "Marine collagen peptides, 250 g. Supports firmer skin and eases joint pain after exercise. Take one scoop (10 g) in coffee or juice once a day."
    static let statement = " These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure or prevent any disease."

    @Test func collagenPeptidesAreASupplement() {
        #expect(fired(Self.collagen).contains("disclaimer.missing"))
        #expect(!fired(Self.collagen + Self.statement).contains("disclaimer.missing"))
    }
}

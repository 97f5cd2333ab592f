import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport
private typealias Part = DisclaimerTestSupport.Part

/// The one section annotation the claims, balance and sentence checkers read (`DocumentSections`).
@Suite struct DocumentSectionsTests {
    let finder: SectionFinder
    init() throws { finder = try SectionFinder(rules: S.rules) }

    fileprivate func sections(_ parts: [Part]) -> DocumentSections { finder.find(in: S.document(parts)) }

    static let prose = "Vitamin D helps the body absorb calcium from food. Most people get enough from sunlight in summer."

    /// A references heading in each form: a heading, a heading with a colon, a paragraph standing as
    /// a heading, and heading words running into the first entry.
    @Test func referencesHeadingsInEachFormOpenASection() throws {
        let entry = Part(kind: .listItem(ordered: true, index: 1, listID: 1), text: "NHS. Vitamin D. 2023.")
        for heading in [Part(kind: .heading(level: 2), text: "References"), Part(kind: .heading(level: 3), text: "Sources:"),
                        Part(text: "Sources"), Part(text: "Bibliography:"), Part(kind: .heading(level: 2), text: "Works cited"),
                        Part(kind: .heading(level: 2), text: "SOURCES AND FURTHER READING")] {
            let s = sections([Part(text: Self.prose), heading, entry])
            #expect(s.section(of: 0) == nil, "\(heading.text)")
            #expect(s.section(of: 1) == .init(kind: .references, heading: 1, role: .heading), "\(heading.text)")
            #expect(s.section(of: 2) == .init(kind: .references, heading: 1, role: .entry), "\(heading.text)")
            #expect(s.hasSources, "\(heading.text)")
        }
        let runIn = sections([Part(text: Self.prose), Part(text: "References [1] NHS. Vitamin D. 2023. [2] NICE. Vitamin D. 2022.")])
        #expect(runIn.section(of: 1) == .init(kind: .references, heading: 1, role: .headedEntries))
        // Front ends give headings without their markup ("# References" arrives as "References"):
        // a "#" left in a block's text is text, not a marker the section finder skips.
        let hash = sections([Part(text: "# References"), Part(text: "1. NHS. Vitamin D.")])
        #expect(hash.section(of: 0) == nil && hash.section(of: 1) == nil)
        let ingredients = sections([Part(kind: .heading(level: 2), text: "Full ingredients list"), Part(text: "Aqua, glycerin, niacinamide.")])
        #expect(ingredients.section(of: 1) == .init(kind: .ingredients, heading: 0, role: .entry))
        #expect(!ingredients.hasSources)
    }

    /// A heading that only contains a section word is prose: "Sources of vitamin D" lists foods.
    @Test func headingsThatMerelyContainTheWordOpenNoSection() {
        for text in ["Sources of vitamin D", "Research shows it works", "Evidence for omega-3", "Notes on dosing",
                     "Ingredients to avoid in pregnancy", "Our sources say it works."] {
            for kind in [BlockKind.heading(level: 2), .paragraph] {
                let s = sections([Part(kind: kind, text: text), Part(text: Self.prose)])
                #expect(s.section(of: 0) == nil && s.section(of: 1) == nil, "\(text) (\(kind.name))")
                #expect(!s.hasSources, "\(text)")
            }
        }
        // A list item reading "Sources" is a menu entry, not a heading.
        let menu = sections([Part(kind: .listItem(ordered: false, index: 1, listID: 1), text: "Sources"),
                             Part(kind: .listItem(ordered: false, index: 2, listID: 1), text: "About us")])
        #expect(menu.section(of: 1) == nil)
    }

    /// A section ends at the next heading of the same or a higher level; a deeper heading stays in it.
    @Test func aSectionEndsAtTheNextHeadingOfTheSameOrHigherLevel() {
        let s = sections([
            Part(kind: .heading(level: 2), text: "References"),
            Part(kind: .heading(level: 3), text: "Journal articles"),
            Part(text: "Smith J, et al. Vitamin D and bones. BMJ, 2019."),
            Part(kind: .heading(level: 2), text: "About the author"),
            Part(text: Self.prose),
        ])
        #expect(s.section(of: 1) == .init(kind: .references, heading: 0, role: .entry))
        #expect(s.section(of: 2) == .init(kind: .references, heading: 0, role: .entry))
        #expect(s.section(of: 3) == nil && s.section(of: 4) == nil)
        let higher = sections([Part(kind: .heading(level: 3), text: "Sources"), Part(text: "NHS, 2023."),
                               Part(kind: .heading(level: 2), text: "Next steps"), Part(text: Self.prose)])
        #expect(higher.section(of: 1) != nil && higher.section(of: 3) == nil)
        // A nested "Ingredients" h3 inside a "Sources" h2 ends at the next h3; "Sources" goes on.
        let nested = sections([Part(kind: .heading(level: 2), text: "Sources"), Part(kind: .heading(level: 3), text: "Ingredients"),
                               Part(text: "Aqua, glycerin."), Part(kind: .heading(level: 3), text: "Studies"), Part(text: "NHS, 2023.")])
        #expect(nested.section(of: 2)?.kind == .ingredients)
        #expect(nested.section(of: 4) == .init(kind: .references, heading: 0, role: .entry))
        // A paragraph standing as a heading has no level: any heading ends its section.
        let line = sections([Part(text: "References:"), Part(text: "NHS, 2023."), Part(kind: .heading(level: 6), text: "More"), Part(text: Self.prose)])
        #expect(line.section(of: 1) != nil && line.section(of: 3) == nil)
    }

    /// Under a heading that also heads prose ("Notes", "Evidence") the section lasts only while
    /// blocks read as entries.
    @Test func proseHeadingsLastWhileBlocksReadAsEntries() {
        let notes = sections([Part(kind: .heading(level: 2), text: "Notes"), Part(text: "If you are new to spirulina, start with half a teaspoon.")])
        #expect(notes.section(of: 1) == nil)
        #expect(!notes.hasSources)
        let cited = sections([Part(kind: .heading(level: 2), text: "Notes"), Part(text: "[1] Smith J, et al. Spirulina trial. 2021."),
                              Part(text: "Start with half a teaspoon and see how you feel.")])
        #expect(cited.section(of: 1) == .init(kind: .references, heading: 0, role: .entry))
        #expect(cited.section(of: 2) == nil)
        // "Further reading" heads a list even when its entries carry no link or year.
        let reading = sections([Part(kind: .heading(level: 2), text: "Further reading"), Part(text: "NHS: collagen and skin")])
        #expect(reading.section(of: 1) == .init(kind: .furtherReading, heading: 0, role: .entry))
    }

    /// "Sources: ..." opening a block (a paragraph, or a plain-text line made a heading) is a one-block
    /// section; "Read more: ..." promotes an article and "Research [3] suggests ..." is a sentence.
    @Test func labelledLines() {
        let s = sections([Part(text: Self.prose), Part(text: "Sources: NHS, Vitamin D, 2023.")])
        #expect(s.section(of: 1) == .init(kind: .references, heading: 1, role: .labelledLine))
        #expect(s.hasSources)
        let heading = sections([Part(text: Self.prose), Part(kind: .heading(level: 2), text: "Further reading: NHS, www.nhs.uk")])
        #expect(heading.section(of: 1) == .init(kind: .furtherReading, heading: 1, role: .labelledLine))
        for text in ["Read more: 15 crystals that change your energy", "Research [3] suggests it helps some people sleep."] {
            let t = sections([Part(text: Self.prose), Part(text: text)])
            #expect(t.section(of: 1) == nil, "\(text)")
        }
    }

    /// Computed once per document: every checker reads the same value from the memo.
    @Test func sharedThroughTheMemo() {
        let doc = S.document([Part(kind: .heading(level: 2), text: "References"), Part(text: "NHS, 2023.")])
        let first = finder.sections(of: doc)
        #expect(doc.memo.count == 1)
        #expect(finder.sections(of: doc).memberships == first.memberships)
        #expect(doc.memo.count == 1)
    }
}

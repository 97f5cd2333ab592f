import Testing
import ClaimlintCore
import ClaimlintEngine
@testable import ClaimlintCheckers

@Suite struct SentenceCheckerTests {
    private func findings(_ text: String) -> [Diagnostic] { SentenceTestSupport.check(SentenceTestSupport.paragraphs(text)) }

    private func flagged(_ d: Diagnostic, in doc: AnalyzedDocument) -> String {
        guard case .text(let b, let r) = d.location else { return "" }
        return doc.blocks[b].text(r)
    }

    @Test func lexiconLoadsAndTagsCommonWords() throws {
        let v = SentenceTestSupport.checker.vocabulary
        #expect(v.pos.count > 20_000)
        #expect(v.pos.entry(WordKey("causes"))?.tags.contains(.verbS) == true)
        #expect(v.pos.entry(WordKey("causes"))?.tags.contains(.plural) == true)
        #expect(v.pos.entry(WordKey("taken"))?.tags.contains(.participle) == true)
        #expect(v.pos.entry(WordKey("children"))?.tags == .plural)
    }

    @Test func badLexiconLinesAreReportedWithTheirNumber() {
        #expect(throws: RulePackError.self) { try PartOfSpeechLexicon(tsv: "# header\ncauses\tpz\nbroken line\n") }
        #expect(throws: RulePackError.self) { try PartOfSpeechLexicon(tsv: "walks\tzQ\n") }
    }

    @Test func runOnSaysWhereToPutThePeriodAndOffersTheFix() throws {
        let doc = SentenceTestSupport.paragraphs("The cream softens calluses Many readers use it daily.")
        let d = try #require(SentenceTestSupport.check(doc).first)
        #expect(d.rule == "sentence.run-on")
        #expect(d.message == "Two sentences run together: add a period before 'Many'")
        #expect(flagged(d, in: doc) == "calluses Many")
        #expect(d.replacement == "calluses. Many")
    }

    @Test func fusedSubordinateDropsTheCapitalisedCoordinator() throws {
        let doc = SentenceTestSupport.paragraphs("Although the gel is cheap But it stings.")
        let d = try #require(SentenceTestSupport.check(doc).first)
        #expect(d.rule == "sentence.fused-subordinate")
        #expect(flagged(d, in: doc) == "cheap But")
        #expect(d.replacement == "cheap,")
    }

    @Test func lowercaseStartJoinsAFragmentOrCapitalisesASentence() throws {
        let joined = SentenceTestSupport.paragraphs("The gel is popular. especially with runners who train daily.")
        let j = try #require(SentenceTestSupport.check(joined).first)
        #expect(j.rule == "sentence.lowercase-start")
        #expect(flagged(j, in: joined) == ". especially")
        #expect(j.replacement == ", especially")
        let sentence = SentenceTestSupport.paragraphs("Zinc supports wound healing. it is found in meat and shellfish.")
        let s = try #require(SentenceTestSupport.check(sentence).first)
        #expect(flagged(s, in: sentence) == "it")
        #expect(s.replacement == "It")
    }

    @Test func fragmentsNameTheirKindInPlainWords() throws {
        let p = try #require(findings("Apply ice to the bruise. Using a cold compress for ten minutes.").first)
        #expect(p.rule == "sentence.participle-fragment")
        #expect(p.message.contains("a participle ('Using')"))
        let n = try #require(findings("Needles are changed after each use. The risk of infection at the injection site.").first)
        #expect(n.rule == "sentence.noun-phrase-fragment")
        #expect(n.suggestion == "this phrase has no verb; join it to the previous sentence or add a verb")
        let s = try #require(findings("The skin cracked. Because the air in the clinic was dry.").first)
        #expect(s.rule == "sentence.subordinate-fragment")
    }

    @Test func commaSpliceIsInfoAndSuggestsASemicolon() throws {
        let d = try #require(findings("The gel is cheap, it works fast.").first)
        #expect(d.rule == "sentence.comma-splice")
        #expect(d.replacement == ";")
        #expect(SentenceTestSupport.rules.rule("sentence.comma-splice")?.severity == .info)
    }

    @Test func labelsAreNeverJudgedAsSentences() {
        let doc = SentenceTestSupport.document([
            (.title, "Eczema in children"),
            (.heading(level: 2), "The risk of infection at the injection site"),
            (.figcaption, "A small red bump near the site of the bite."),
            (.imageAlt, "Nurse checking the blood pressure of an older man"),
            (.tableCell(header: false), "Once daily with food."),
            (.paragraph, "Signs to watch for"),
            (.listItem(ordered: false, index: 1, listID: 1), "A dry mouth and fewer wet nappies"),
            (.listItem(ordered: false, index: 2, listID: 1), "Sunken eyes."),
            (.paragraph, "By Dr. Anna Kowalski, consultant dermatologist."),
            (.paragraph, "Figure 2. The three layers of the skin."),
            (.paragraph, "Reviewed by Sam Okafor. Last reviewed 3 March 2024."),
            (.paragraph, "Living Well With Arthritis And Joint Pain"),
        ])
        #expect(SentenceTestSupport.check(doc).isEmpty)
    }

    @Test func namesTitlesAcronymsAndBrandsAreNotRestarts() {
        for text in ["The study was published in The Lancet last year.",
                     "The leaflet called Living Well explains the options in plain words.",
                     "Patients who take Ozempic often lose weight in the first months.",
                     "Vitamin A is important for healthy eyes and skin.",
                     "Infection with E. coli usually clears within a week.",
                     "Exposure to bisphenol A was higher in the city.",
                     "The results were published online May 3 in the journal."] {
            #expect(findings(text).isEmpty, "\(text): \(findings(text).map(\.message))")
        }
    }

    @Test func deliberateFragmentsImperativesAndQuotationsPass() {
        for text in ["Never.", "Not once.", "The result? Fewer infections and shorter stays.",
                     "Wash the area gently with warm water and pat it dry.",
                     "Use sunscreen every day, even when it is cloudy.",
                     "If the rash spreads, see a doctor.",
                     "\"Rest is the best medicine for a sprain,\" the physiotherapist said."] {
            #expect(findings(text).isEmpty, "\(text): \(findings(text).map(\.message))")
        }
        let quoted = SentenceTestSupport.document([(.blockquote, "The risk of infection at the site of the injection.")])
        var doc = quoted
        var blocks = doc.document.blocks
        blocks[0].quoted = true
        doc = AnalyzedDocument(document: Document(source: quoted.document.source, format: .text, blocks: blocks))
        #expect(SentenceTestSupport.check(doc).isEmpty)
    }

    @Test func danglingLeadInsAndMissingListItems() {
        let promisedMore = SentenceTestSupport.document([
            (.paragraph, "Follow these four steps:"),
            (.listItem(ordered: true, index: 1, listID: 1), "Wash your hands."),
            (.listItem(ordered: true, index: 2, listID: 1), "Dry them well."),
        ])
        let d = SentenceTestSupport.check(promisedMore)
        #expect(d.map(\.rule) == ["sentence.dangling-lead-in"])
        #expect(d.first?.message.contains("promises 4 items but the list below has 2") == true)
        let gap = SentenceTestSupport.document([
            (.listItem(ordered: true, index: 1, listID: 1), "Wash your hands."),
            (.listItem(ordered: true, index: 2, listID: 1), "Dry them well."),
            (.listItem(ordered: true, index: 4, listID: 1), "Put on the gloves."),
        ])
        #expect(SentenceTestSupport.check(gap).first?.message.contains("item 3 is missing") == true)
        let headingNext = SentenceTestSupport.document([(.paragraph, "Call your doctor if you notice these signs:"), (.heading(level: 2), "Treatment")])
        #expect(SentenceTestSupport.check(headingNext).map(\.rule) == ["sentence.dangling-lead-in"])
        let fine = SentenceTestSupport.document([(.paragraph, "She told the nurse:"), (.blockquote, "I feel dizzy when I stand up.")])
        #expect(SentenceTestSupport.check(fine).isEmpty)
    }

    /// Through the whole pipeline: exact source positions past multi-byte text and CRLF.
    @Test func positionsAreExactThroughTheEngine() throws {
        let linter = try Linter()
        let text = "Caf\u{E9} culture \u{2014} fine.\r\n\r\nThe cream softens calluses Many readers use it daily.\r\n"
        let report = try linter.lint(text: text, format: .text, path: "t.txt")
        let f = try #require(report.findings.first { $0.rule == "sentence.run-on" })
        #expect(f.excerpt == "calluses Many")
        #expect(f.span.line == 3)
        #expect(f.span.column == 19)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[f.span.offset..<(f.span.offset + f.span.length)], as: UTF8.self) == "calluses Many")
        #expect(f.category == .fragment)
    }

    // MARK: Careful pages: page structure and furniture that is not a broken sentence

    private func rules(_ blocks: [(BlockKind, String)]) -> [String] {
        SentenceTestSupport.check(SentenceTestSupport.document(blocks)).map(\.rule)
    }

    @Test func webAddressAfterAPeriodIsNotALowercaseStart() {
        #expect(SentenceTestSupport.rules(in: "Read the NHS advice on hives. nhs.uk has the full page.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "NHS. Hives. www.nhs.uk/conditions/hives/").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Guidance from NICE. https://www.nice.org.uk/guidance/cg188").isEmpty)
        // A bare lowercase word still starts a sentence.
        #expect(SentenceTestSupport.rules(in: "Read the NHS advice on hives. nhs has the full page.") == ["sentence.lowercase-start"])
    }

    @Test func invertedQuestionsAreNotRunOns() {
        #expect(SentenceTestSupport.rules(in: "What can I do?").isEmpty)
        #expect(SentenceTestSupport.rules(in: "When should I see a GP?").isEmpty)
        #expect(SentenceTestSupport.rules(in: "How much vitamin K do I need?").isEmpty)
        // "I" after a noun in a statement is still a restart.
        #expect(SentenceTestSupport.rules(in: "The patch stings for a minute I can live with that.") == ["sentence.run-on"])
    }

    @Test func entriesOfAReferencesOrIngredientsSectionAreNotProse() {
        let entry = "Pompoli A et al. Psychological therapies for panic disorder in adults."
        #expect(rules([(.heading(level: 2), "References"), (.paragraph, entry)]).isEmpty)
        #expect(rules([(.paragraph, "Sources:"), (.paragraph, entry)]).isEmpty)
        #expect(rules([(.heading(level: 2), "Ingredients"), (.paragraph, "Aqua, glycerin, shea butter, cetearyl alcohol, dimethicone.")]).isEmpty)
        // Under any other heading, and after the next heading, the same text is judged.
        #expect(rules([(.heading(level: 2), "Treatment"), (.paragraph, entry)]) == ["sentence.noun-phrase-fragment"])
        #expect(rules([(.heading(level: 2), "References"), (.paragraph, entry), (.heading(level: 2), "Texture"),
                       (.paragraph, "Aqua, glycerin, shea butter, cetearyl alcohol, dimethicone.")]) == ["sentence.noun-phrase-fragment"])
    }

    @Test func shortAnswerUnderAQuestionIsDeliberate() {
        let answer = "No, not straight from the tap without boiling it first."
        #expect(rules([(.heading(level: 2), "Is tap water safe to use?"), (.paragraph, answer)]).isEmpty)
        #expect(SentenceTestSupport.rules(in: "Is tap water safe to use?\n\n\(answer)").isEmpty)
        #expect(rules([(.heading(level: 2), "Tap water"), (.paragraph, answer)]) == ["sentence.noun-phrase-fragment"])
        // A long verbless unit under a question is still broken.
        let long = "Yes, cyclists using it to recover faster after the race because of the extra oxygen in the muscles."
        #expect(SentenceTestSupport.rules(in: "Is it good for cyclists?\n\n\(long)") == ["sentence.noun-phrase-fragment"])
    }

    @Test func productCopyConventionsAreNotFragments() {
        // The product is the implied subject of an -s verb; delivery notes and credits are labels.
        #expect(SentenceTestSupport.rules(in: "Leaves hair looking smoother and shinier.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Helps reduce breakage from brushing and styling.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Free UK delivery on all orders over 25 pounds.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Produced by the club's sports science team for members.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Patch test on the inner arm before first use.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Sweep from root to tip.").isEmpty)
        // Plural nouns and other adjectives still make verbless fragments.
        #expect(SentenceTestSupport.rules(in: "Leaves of the plant in the evening tea.") == ["sentence.noun-phrase-fragment"])
        #expect(SentenceTestSupport.rules(in: "Cheap delivery of the gel to the clinic.") == ["sentence.noun-phrase-fragment"])
        #expect(SentenceTestSupport.rules(in: "Patches of dry skin on the inner arm before first use.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func reportingClauseAfterACommaIsNotASplice() {
        #expect(SentenceTestSupport.rules(in: "Rest and paracetamol can ease the pain, the NHS advises.").isEmpty)
        #expect(SentenceTestSupport.rules(in: "Rest and paracetamol can ease the pain, the NHS runs a helpline.") == ["sentence.comma-splice"])
    }
}

/// Untrusted input: a huge unit with no period must not take quadratic time. A growth test, not a
/// time limit: four times the words may take at most ten times as long (linear is 4x, quadratic
/// 16x), best of two runs each, so a loaded machine slows both sizes alike instead of failing it.
@Test func hugeUnpunctuatedUnitStaysLinear() {
    let words = ["the", "cream", "softens", "Many", "readers", "use", "it", "daily", "It", "works", "well,"]
    func document(_ n: Int) -> AnalyzedDocument {
        var text = ""
        for i in 0..<n { text += words[(i * 7 + i / 3) % words.count] + " " }
        return SentenceTestSupport.paragraphs(text + "end.")
    }
    let clock = ContinuousClock()
    func best(_ doc: AnalyzedDocument) -> Duration {
        min(clock.measure { _ = SentenceTestSupport.check(doc) }, clock.measure { _ = SentenceTestSupport.check(doc) })
    }
    let small = best(document(3_000)), large = best(document(12_000))
    #expect(large < small * 10 + .milliseconds(200), "3,000 words took \(small), 12,000 took \(large)")
}

/// Found by the claims tests on EurekAlert titles: a capitalised word that is itself the verb.
@Test func capitalisedVerbAfterALowercaseWordDoesNotCrash() {
    for text in ["the gel works Is it safe for children.", "Scientists say Eating late Increases weight gain in mice",
                 "New study Shows coffee Lowers risk of liver disease.", "Our new study Can help patients sleep."] {
        _ = SentenceTestSupport.check(SentenceTestSupport.paragraphs(text))
    }
}

import Testing
import ClaimlintCore
@testable import ClaimlintCheckers

/// Sound sentences of careful pages that the clause analysis used to misread, one class per test:
/// each sound sentence draws no finding, and a broken counterpart of the same shape still does.
@Suite struct SentenceClauseReadingTests {
    private func rules(_ text: String) -> [String] { SentenceTestSupport.rules(in: text) }
    private let lead = "The clinic opens at nine."

    @Test func pluralSubjectWithAPrepositionalPhraseThenItsVerb() {
        #expect(rules("Hormone levels in older men fall slowly each year.").isEmpty)
        #expect(rules("Statins such as simvastatin lower the amount of cholesterol in the blood.").isEmpty)
        #expect(rules("\(lead) Hormone levels in older men every year.") == ["sentence.noun-phrase-fragment"])
        // A noun that could be a verb but runs into a compound stays a noun: the verb is missing.
        #expect(rules("\(lead) Hormonal changes during puberty oil production.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func thisBeforeAPluralFormIsItsSubject() {
        #expect(rules("Over several months this damages the lining of the gut.").isEmpty)
        #expect(rules("For knees this usually means gentle strengthening exercises.").isEmpty)
        #expect(rules("\(lead) Over several months this damage to the lining of the gut.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func numberBeforeAPastFormIsItsSubject() {
        #expect(rules("At the end of the trial, 64% agreed that their skin felt softer.").isEmpty)
        #expect(rules("\(lead) At the end of the trial, 64% of the women in the group.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func quantifiersAsSubjectsAndFloatedAfterThem() {
        #expect(rules("Some have been found to contain lead and mercury.").isEmpty)
        #expect(rules("Oats, barley and beans all add soluble fibre to a meal.").isEmpty)
        #expect(rules("\(lead) Oats, barley and beans all in one large bowl.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func degreeWordsAndReflexivesDoNotHideTheVerb() {
        #expect(rules("It most often affects the outer side of the elbow.").isEmpty)
        #expect(rules("The authors themselves called for larger trials in older adults.").isEmpty)
        #expect(rules("\(lead) The elbow most often in older tennis players.") == ["sentence.noun-phrase-fragment"])
        #expect(rules("\(lead) The authors themselves in the larger trials in older adults.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func indefinitePronounsTakeAnSForm() {
        #expect(rules("If a mole is removed at home, nobody checks the tissue under a microscope.").isEmpty)
        #expect(rules("\(lead) If a mole is removed at home by somebody without training.") == ["sentence.subordinate-fragment"])
    }

    @Test func openingPhraseBeforeTheSubject() {
        // A bare noun or "there" after "after/before" starts a second phrase: the clause is the main one.
        #expect(rules("After chickenpox the virus stays in the nerve cells for years.").isEmpty)
        #expect(rules("Before this trial there was very little evidence in people.").isEmpty)
        #expect(rules("\(lead) After the virus stays in the nerve cells for years.") == ["sentence.subordinate-fragment"])
    }

    @Test func aVerbRightAfterTheCommaClosingAnOpeningPhraseIsTheMainVerb() {
        #expect(rules("After shaving, rinse your face with cool water and pat dry.").isEmpty)
        #expect(rules("Before bed, check your feet for cuts and blisters.").isEmpty)
        // With no comma the verb is the opening clause's own, and the main clause is missing.
        #expect(rules("\(lead) After the cream stays on your face for an hour.") == ["sentence.subordinate-fragment"])
    }

    @Test func packNoticesAreEllipticalByConvention() {
        #expect(rules("For external use only. Not suitable for children under 12. Keep out of reach of children.").isEmpty)
        #expect(rules("Not for use by anyone under 18.").isEmpty)
        #expect(rules("Recyclable bottle. Not tested on animals. Made in the UK.").isEmpty)
        #expect(rules("Manufactured in Italy.").isEmpty)
        // A long verbless unit opening with "Not" is no notice; an origin line needs a place.
        #expect(rules("\(lead) Not the cream from the pharmacy on the corner of the high street near the station.") == ["sentence.noun-phrase-fragment"])
        #expect(rules("\(lead) Made in the kitchen with herbs.") == ["sentence.participle-fragment"])
        #expect(rules("\(lead) Not mix the tablets with strong coffee.") == ["sentence.noun-phrase-fragment"])
        #expect(rules("\(lead) Not using the cream again on the same patch of skin.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func aCoordinatedVerbAfterTheCommaBelongsToTheMainClause() {
        #expect(rules("If you are over 60, the home kit tests for hidden blood and is free.").isEmpty)
        #expect(rules("\(lead) If you are over 60 and eligible for the free home kit.") == ["sentence.subordinate-fragment"])
    }

    @Test func verbsBehindThatBelongToTheEmbeddedClause() {
        #expect(rules("The British Association of Dermatologists notes that lasers work best on dark hair.").isEmpty)
        #expect(rules("The NICE guideline on eczema, itching and dryness sets out the creams that children should be offered.").isEmpty)
        #expect(rules("Most of the claims that sellers repeat come from studies in mice.").isEmpty)
        #expect(rules("\(lead) Most of the claims that sellers repeat from studies in mice.") == ["sentence.noun-phrase-fragment"])
        // A relative clause with its own verb leaves the noun phrase verbless.
        #expect(rules("\(lead) A strong smell that lingers on the skin for hours.") == ["sentence.noun-phrase-fragment"])
        #expect(rules("\(lead) The shaggy white mushroom that she calls a brain tonic.") == ["sentence.noun-phrase-fragment"])
        // An -ing subject takes an -s verb: a bare form after it is no verb, even before "that".
        #expect(rules("Eating one spoonful every day boost the immune system so strong that you never catch colds.") == ["sentence.participle-fragment"])
        #expect(rules("Eating one spoonful every day boosts the immune system so strongly that you rarely catch colds.").isEmpty)
    }

    @Test func britishIsesFormsAreVerbs() {
        #expect(rules("This leaflet summarises advice from the NHS and from research reviews.").isEmpty)
        #expect(rules("\(lead) This leaflet of advice from the NHS and from research reviews.") == ["sentence.noun-phrase-fragment"])
    }

    @Test func standfirstUnderThePageTitleMayBeVerbless() {
        let standfirst = "A rich, non-greasy balm for dry and cracked heels."
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.title, "Heel Balm"), (.paragraph, "£9.50 | 75 ml"), (.paragraph, standfirst)])).isEmpty)
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.heading(level: 1), "Heel balm"), (.paragraph, "\(standfirst) It softens hard skin.")])).isEmpty)
        // With nothing above it, after other prose, or as the second unit, it is judged.
        #expect(rules(standfirst) == ["sentence.noun-phrase-fragment"])
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.heading(level: 1), "Heel balm"), (.paragraph, "It softens hard skin."),
                                                                        (.paragraph, standfirst)])).map(\.rule) == ["sentence.noun-phrase-fragment"])
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.heading(level: 1), "Heel balm"), (.paragraph, "It softens hard skin. \(standfirst)")])).map(\.rule)
                == ["sentence.noun-phrase-fragment"])
    }

    @Test func aLineAfterAnUnpunctuatedListItemIsNotARunOn() {
        let text = "70% said they would use it again\nThese results describe how the testers felt."
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.listItem(ordered: false, index: 1, listID: 1), text)], lineBreaks: true)).isEmpty)
        // In one line, or in a paragraph, the capitalised restart is still a run-on.
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.listItem(ordered: false, index: 1, listID: 1), text.replacingOccurrences(of: "\n", with: " "))],
                                                                       lineBreaks: true)).map(\.rule) == ["sentence.run-on"])
        #expect(SentenceTestSupport.check(SentenceTestSupport.document([(.paragraph, text)], lineBreaks: true)).map(\.rule) == ["sentence.run-on"])
    }
}

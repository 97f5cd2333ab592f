import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Each paraphrase family is recognised, and look-alikes are not.
@Suite struct DisclaimerFamilyTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    static let page = "Magnesium glycinate eases night cramps in the legs. Take 300 mg with your evening meal. Stretch your calves before bed to relieve the cramps."

    func families(_ disclaimer: String) -> [String] {
        checker.verdict(S.text(Self.page + "\n\n" + disclaimer)).found.map(\.family.rawValue)
    }

    func fired(_ disclaimer: String) -> [String] {
        S.rulesFired(checker.check(S.text(Self.page + "\n\n" + disclaimer), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test func thePageAloneNeedsADisclaimer() {
        #expect(fired("") == ["disclaimer.missing"])
    }

    @Test(arguments: [
        ("This article is for informational purposes only.", "informational-only"),
        ("Everything here is provided for general information and education.", "informational-only"),
        ("The content is intended for general information only.", "informational-only"),
        ("This is not medical advice.", "not-medical-advice"),
        ("Nothing on this website should be taken as medical advice.", "not-medical-advice"),
        ("We do not give medical advice.", "not-medical-advice"),
        ("It is not a substitute for professional medical advice, diagnosis or treatment.", "not-a-substitute"),
        ("Our guides cannot replace a visit to your doctor.", "not-a-substitute"),
        ("This page doesn't replace the advice of a qualified pharmacist.", "not-a-substitute"),
        ("Nothing in this guide replaces an examination by a nurse or GP.", "not-a-substitute"),
        ("Nothing you read on this site is a substitute for a visit to your doctor.", "not-a-substitute"),
        ("None of this should take the place of advice from your pharmacist.", "not-a-substitute"),
        ("This page is no replacement for a check-up with your GP.", "not-a-substitute"),
        ("Talk to your GP before starting any new supplement.", "consult-before-acting"),
        ("Always seek the advice of your physician with any questions about a medical condition.", "consult-before-acting"),
        ("Check with a pharmacist whether magnesium is right for you.", "consult-before-acting"),
        ("Check with your child's doctor before giving any other supplement.", "consult-before-acting"),
        ("Speak to a pharmacist before you give magnesium to a teenager.", "consult-before-acting"),
        ("Ask your GP before applying a heat rub to the calves.", "consult-before-acting"),
        ("Please consult a healthcare professional before acting on the information in this article.", "consult-before-acting"),
        ("Never disregard professional medical advice or delay seeking it because of something you read here.", "never-disregard"),
        // A negation, an article and a substitute noun (round 6).
        ("Our leaflets are a complement to, and never a replacement for, an appointment with your GP.", "not-a-substitute"),
        ("This guide is in no way a stand-in for a consultation with a pharmacist.", "not-a-substitute"),
        ("These notes are not meant as an alternative to seeing your doctor.", "not-a-substitute"),
        // A purpose adverb and an informational purpose; an opener and a tailoring verb; the
        // writer saying which professional they are not (round 6).
        ("We put this round-up together purely to inform, so read it as background.", "informational-only"),
        ("The column is written solely for general interest.", "informational-only"),
        ("None of the above is tailored to your own health.", "informational-only"),
        ("I'm a nutrition writer, not a dietitian.", "not-medical-advice"),
        ("We are herbalists and shop owners, not a substitute for anyone's GP, and not pharmacists either.", "not-a-substitute"),
        // Round 7: singular "purpose" and a determiner before "medical advice" (non-native
        // wording), "take (the) suggestion/advice of", two purposes joined by "and", and a
        // professional second in what the writer says they are not.
        ("This is only for information purpose.", "informational-only"),
        ("The remedies above are not the medical advice.", "not-medical-advice"),
        ("Our tips are not any kind of medical advice.", "not-medical-advice"),
        ("Kindly take suggestion of doctor before doing any remedy.", "consult-before-acting"),
        ("Take the advice of your pharmacist before trying magnesium spray.", "consult-before-acting"),
        ("It's for general interest and information only.", "informational-only"),
        ("The post is shared for entertainment and education purposes.", "informational-only"),
        ("I'm a keen forager and home cook, not a herbalist or a doctor.", "not-medical-advice"),
        ("We are neither a clinic chain nor a pharmacist.", "not-medical-advice"),
        // Round 8: an informational purpose, "and", any one or two words and "only"; "talk it
        // through with"; a negated "let" with the page as object; "ignore or put off the advice".
        ("This post is for general information and training reminders only.", "informational-only"),
        ("These notes are for background and revision only.", "informational-only"),
        ("Before you buy or start any of these, talk it through with your GP or a pharmacist.", "consult-before-acting"),
        ("Please don't let anything here stop you from getting proper medical help.", "never-disregard"),
        ("Never let this guide put you off seeing a doctor.", "never-disregard"),
        ("Please don't ignore or put off the advice your podiatrist has given you.", "never-disregard"),
        ("These statements have not been evaluated by the Food and Drug Administration.", "supplement-statement"),
        ("This product is not intended to diagnose, treat, cure or prevent any disease.", "supplement-statement"),
    ])
    func familyIsRecognised(_ sentence: String, _ family: String) {
        #expect(families(sentence).contains(family), "\(sentence) -> \(families(sentence))")
        #expect(!fired(sentence).contains("disclaimer.missing"), "\(sentence)")
    }

    @Test(arguments: [
        "See a doctor if symptoms persist.",
        "Speak to your GP if the cramps last more than a week.",
        "Ask your pharmacist about other magnesium salts.",
        "Do not stop taking prescribed medicine without medical advice.",
        "Magnesium is not a substitute for stretching.",
        "Results may vary.",
        "Ask your midwife about leg cramps before giving birth.",
        "Nothing replaces a good stretch before bed.",
        "Nothing in this guide replaces the need to drink enough water.",
        "Magnesium is never a replacement for stretching.",
        "Your pharmacist, not a nurse, can sell you a stronger cream.",
        "The clinic uses a blood test purely to inform your treatment plan.",
        "There is in no way a substitute for a warm bath before bed.",
        // Round 7 look-alikes: "not" then a verb before "medical advice", consulting about a
        // symptom, purposes without "only", someone else who is not a professional.
        "Most night cramps do not need any medical advice.",
        "Take the advice of your GP if the cramps wake you every night.",
        "The leaflet is for information and advice about cramps.",
        "My sister is not a nurse or a doctor, but she swears by magnesium.",
        // Round 8 look-alikes: a condition (not the page) as what must not stop you; purposes
        // without "only"; talking it through about a symptom.
        "Don't let night cramps stop you from enjoying a long walk.",
        "Never let a sore calf put you off stretching.",
        "The hotline is for information and bookings about the clinic.",
        "Talk it through with your GP if the cramps wake you every night.",
    ])
    func lookAlikesAreNotDisclaimers(_ sentence: String) {
        #expect(fired(sentence) == ["disclaimer.missing"], "\(sentence) -> \(families(sentence))")
    }

    @Test func passingAdviceIsNamedInTheMessage() throws {
        let d = try #require(checker.check(S.text(Self.page + "\n\nSee a doctor if symptoms persist."), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)).first)
        #expect(d.message.contains("was not counted"))
        #expect(d.message.contains("gives dosages"))
        #expect(d.location == .document)
    }

    @Test func labelledBlockAfterADisclaimerHeading() {
        let doc = S.document([.init(text: Self.page), .init(kind: .heading(level: 2), text: "Disclaimer"),
                              .init(text: "The author is a fitness coach. Check with a qualified health professional.")])
        #expect(checker.verdict(doc).found.contains { $0.family == .labelled })
        #expect(checker.check(doc, context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)).isEmpty)
    }

    @Test func supplementStatementCountsOnSupplementPagesOnly() throws {
        let statement = "This product is not intended to diagnose, treat, cure or prevent any disease."
        #expect(!fired(statement).contains("disclaimer.missing"))
        let procedure = "Stem cell injections treat knee arthritis without surgery. The injections reduce joint pain for most patients.\n\n" + statement
        let d = try #require(checker.check(S.text(procedure), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)).first)
        #expect(d.rule == "disclaimer.missing")
        #expect(d.message.contains("supplement pages only"))
    }

    @Test func disclaimerSentencesDoNotMakeAPageHealthRelated() {
        let page = "Our bakery opens at eight. This site is for informational purposes only and is not a substitute for professional medical advice, diagnosis or treatment."
        #expect(checker.verdict(S.text(page)).profile.needsDisclaimer == false)
    }
}

import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Round 10: disclaimers recognised by their parts (the page or its writer, a limiting word, then
/// advice or a professional), consulting "seen by" / "examined by", acting cues composed of who
/// acts and how, and the needs signals for pages that tell readers when to see a clinician.
@Suite struct DisclaimerCompositionTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    static let page = DisclaimerFamilyTests.page

    func families(_ disclaimer: String) -> [String] {
        checker.verdict(S.text(Self.page + "\n\n" + disclaimer)).found.map(\.family.rawValue)
    }

    func fired(_ disclaimer: String) -> [String] {
        S.rulesFired(checker.check(S.text(Self.page + "\n\n" + disclaimer), context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)))
    }

    @Test(arguments: [
        // A kind of content, a limiting word, then advice or a professional, in that order.
        "These jottings from my kitchen table are only a starting point and no stand-in for your pharmacist.",
        "My posts are general and cannot know your medical history, so your own GP comes first.",
        "What I share here is one family's routine, not a plan from a clinician.",
        "This little newsletter is never a diagnosis.",
        // The writer and how they limit what they offer.
        "I'm only a swimming coach, so ask your doctor about the cramps.",
        "We can't examine you, but your pharmacist can.",
        "We are in no way medical professionals.",
    ])
    func composedDisclaimersAreRecognised(_ sentence: String) {
        #expect(!families(sentence).isEmpty, "\(sentence)")
        #expect(!fired(sentence).contains("disclaimer.missing"), "\(sentence)")
    }

    @Test(arguments: [
        // The writer without a limiting frame, a limiting word before the page, another trade's
        // advice, advice far from the limiting word.
        "I didn't see a doctor until the Monday.",
        "I'm only seeing the GP next week about the cramps.",
        "I'm not sure whether to see a doctor about it.",
        "We never needed the GP after that week.",
        "This column is not financial advice.",
        "Our guide to the surgery car park is not finished yet, but the new map on the noticeboard shows where the GP sits.",
        "My blog is not sponsored by anyone, and I bought the magnesium myself after years of trying everything my doctor suggested.",
    ])
    func composedLookAlikesAreNot(_ sentence: String) {
        #expect(fired(sentence) == ["disclaimer.missing"], "\(sentence) -> \(families(sentence))")
    }

    @Test func aSubstituteForAClauseThatEndsWithAProfessional() {
        #expect(families("None of this is a substitute for getting a sore calf looked at by a physiotherapist or GP.").contains("not-a-substitute"))
        #expect(fired("Magnesium is no substitute for getting enough sleep, says my GP.") == ["disclaimer.missing"])
    }

    @Test func consultingBySeeingOrExaminingBeforeActing() {
        #expect(families("Before your child starts these stretches, have the calf examined by a physiotherapist.").contains("consult-before-acting"))
        #expect(families("Before anyone takes magnesium for cramps, get them checked by a pharmacist.").contains("consult-before-acting"))
        // Consulting about a symptom stays passing advice.
        #expect(fired("If the calf swells, have it examined by a physiotherapist.") == ["disclaimer.missing"])
        #expect(fired("Get yourself seen by a doctor if the cramps last a week.") == ["disclaimer.missing"])
    }

    func needs(_ text: String) -> Bool { checker.verdict(S.text(text)).profile.needsDisclaimer }

    @Test func sendingReadersToAClinicianIsHealthInformation() {
        // A medicine and a when-to-go-to-A&E line: two health sentences.
        #expect(needs("Calpol helped with the grumpy evening afterwards. If she still won't use the arm, take her to A&E."))
        #expect(needs("The sweats and the low mood were the worst part. Magnesium is what people on the forum mentioned, and CBD oil. If the low mood doesn't lift, get yourself seen by a doctor."))
        // Another trade's professional, and a doctor named without a consult: nothing about a body.
        #expect(!needs("If the fuse keeps tripping, call a qualified electrician. Ask your provider before you switch the router. The clinic diagnoses the symptoms of a failing hard drive."))
        #expect(!needs("Our book club read a novel about a country doctor. The doctor cures nobody and the village forgives him."))
    }

    @Test func theGPSurgeryIsAPlaceNotAnOperation() {
        // (A walking frame is a mobility aid, scored as a procedure since round 13; the surgery is not one.)
        let hits = checker.verdict(S.text("Worth asking the GP surgery about a walking frame.")).profile.hits
        #expect(hits.map(\.kind).contains(.care) && !hits.contains { $0.kind == .procedure && $0.phrase.lowercased().contains("surgery") }, "\(hits.map(\.phrase))")
        // Surgery as an operation still counts.
        #expect(checker.verdict(S.text("Knee surgery relieves the pain for most patients.")).profile.hits.contains { $0.kind == .treatment || $0.kind == .procedure })
    }

    @Test func aDoseFormAndWhereItGoesIsADose() {
        #expect(needs("Pilocarpine makes the pupil smaller. One drop in each eye in the morning is enough for reading."))
        #expect(needs("Two sprays up each nostril, morning and night, cleared it for me."))
        // A count of a dose form without a body site is packaging.
        #expect(!needs("There are 30 capsules in each bottle of the fish food. The drops in each tank keep the water clear."))
    }

    @Test func commentThreadsByTheirOtherHeadings() throws {
        let body = DisclaimerPlacementTests.body
        let notice = DisclaimerPlacementTests.notice
        func rules(_ parts: [DisclaimerTestSupport.Part]) -> [String] {
            S.rulesFired(checker.check(S.document(parts), context: CheckContext(relativePath: "a.html", disabledRules: DisclaimerTestSupport.optInRules)))
        }
        for heading in ["12 thoughts on \u{201C}PRP for thinning hair\u{201D}", "3 responses to \"PRP for thinning hair\"", "Join the conversation", "Have your say"] {
            #expect(rules(body + [.init(kind: .heading(level: 2), text: heading), .init(text: "Ana: worked for me!"), .init(text: notice)]) == ["disclaimer.weak"], "\(heading)")
        }
        // A heading in the article that counts its points is not a comment thread.
        #expect(rules(body + [.init(kind: .heading(level: 2), text: "3 thoughts on booking a clinic"), .init(text: notice)]).isEmpty)
    }

    @Test func careTriggerNamesItsKindInTheMessage() throws {
        let doc = S.text("Calpol helped with the grumpy evening afterwards.\n\nIf she still won't use the arm, take her to A&E.")
        let d = try #require(checker.check(doc, context: CheckContext(relativePath: "a.txt", disabledRules: DisclaimerTestSupport.optInRules)).first)
        #expect(d.rule == "disclaimer.missing")
        #expect(d.message.contains("tells readers when to see a clinician"), "\(d.message)")
    }
}

@testable import ClaimlintCore
import Testing

private func sentences(_ text: String) -> [String] {
    let (_, s) = Segmenter.shared.segment(text)
    let bytes = Array(text.utf8)
    return s.map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

private func words(_ text: String) -> [String] {
    let (t, _) = Segmenter.shared.segment(text)
    let bytes = Array(text.utf8)
    return t.map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

@Test func splitsOnTerminatorsAndKeepsClosingQuotes() {
    #expect(sentences("Drink water. It helps! Does it? Yes.") == ["Drink water.", "It helps!", "Does it?", "Yes."])
    #expect(sentences("She said \u{201C}rest now.\u{201D} Then she left.") == ["She said \u{201C}rest now.\u{201D}", "Then she left."])
    #expect(sentences("\"Why?\" she asked. He nodded.") == ["\"Why?\" she asked.", "He nodded."])
}

@Test func abbreviationsDecimalsInitialsAndEllipses() {
    #expect(sentences("Dr. Patel saw 3.5 times more cases, e.g. in Jan. and Feb. Rates fell.") ==
            ["Dr. Patel saw 3.5 times more cases, e.g. in Jan. and Feb.", "Rates fell."])
    #expect(sentences("J. R. Smith wrote it. It sold.") == ["J. R. Smith wrote it.", "It sold."])
    #expect(sentences("Rich in vitamin C. Many fruits have it.") == ["Rich in vitamin C.", "Many fruits have it."])
    #expect(sentences("Wait... then rinse. Done.") == ["Wait... then rinse.", "Done."])
    #expect(sentences("Smith et al. reported it in 2020. Others agreed.") == ["Smith et al. reported it in 2020.", "Others agreed."])
    #expect(sentences("See Fig. 2 for the dose vs. age curve.") == ["See Fig. 2 for the dose vs. age curve."])
    #expect(sentences("Made in the U.S. by a small firm.") == ["Made in the U.S. by a small firm."])
}

@Test func lowercaseStartAfterTerminatorIsStillABoundary() {
    #expect(sentences("It is popular. especially with runners.") == ["It is popular.", "especially with runners."])
    #expect(sentences("The cream softens calluses.Many readers use it.") == ["The cream softens calluses.", "Many readers use it."])
    #expect(sentences("Visit example.com today.") == ["Visit example.com today."])
}

@Test func unitWithoutTerminatorAndColon() {
    let (_, s) = Segmenter.shared.segment("Three signs are listed below:")
    #expect(s.count == 1)
    #expect(s[0].terminator == ":")
    let (_, h) = Segmenter.shared.segment("Why sleep matters")
    #expect(h.count == 1 && h[0].terminator == nil)
}

@Test func tokensKeepHyphensApostrophesAndNumbers() {
    #expect(words("Anti-ageing creams don\u{2019}t fix COVID-19 or B12 levels, 1,000 mg.") ==
            ["Anti-ageing", "creams", "don\u{2019}t", "fix", "COVID-19", "or", "B12", "levels", ",", "1,000", "mg", "."])
    #expect(words("日本語 café — naïve") == ["日本語", "café", "—", "naïve"])
    let (t, _) = Segmenter.shared.segment("FDA Approved don't")
    #expect(t[0].isAllCaps && t[1].isCapitalized && !t[1].isAllCaps)
    #expect(t[2].key == WordKey("DON\u{2019}T"))
}

@Test func numberedLabelIsNotASentence() {
    #expect(sentences("1. Wash the area gently.") == ["1. Wash the area gently."])
}

@Test func emptyAndWhitespaceOnly() {
    #expect(sentences("").isEmpty)
    #expect(sentences("   \u{00A0} ").isEmpty)
}

@Test func genusAbbreviationsDoNotEndSentences() {
    #expect(sentences("Infection with E. coli is common. It passes.") == ["Infection with E. coli is common.", "It passes."])
    #expect(sentences("H. pylori causes ulcers.") == ["H. pylori causes ulcers."])
    #expect(sentences("Rich in vitamin C. then rinse.") == ["Rich in vitamin C.", "then rinse."])
    #expect(sentences("Ann Lee, Ph.D., said so. Others agreed.") == ["Ann Lee, Ph.D., said so.", "Others agreed."])
}

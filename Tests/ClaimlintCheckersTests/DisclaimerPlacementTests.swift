import ClaimlintCore
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// Where a disclaimer sits decides between no finding and `disclaimer.weak`.
@Suite struct DisclaimerPlacementTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    static let body: [DisclaimerTestSupport.Part] = [
        .init(kind: .title, text: "PRP for thinning hair"),
        .init(text: "Platelet-rich plasma injections treat thinning hair."),
        .init(text: "Most clinics give three injections a month apart to the scalp."),
        .init(text: "New hair growth shows after about three months."),
    ]
    static let notice = "This page is not medical advice; consult your doctor before any procedure."

    func check(_ parts: [DisclaimerTestSupport.Part]) -> [Diagnostic] { checker.check(S.document(parts), context: CheckContext(relativePath: "a.html")) }

    @Test func inTheArticleIsFine() {
        #expect(check(Self.body + [.init(text: Self.notice)]).isEmpty)
        #expect(check([Self.body[0], .init(text: Self.notice)] + Self.body.dropFirst()).isEmpty)
    }

    @Test func captionIsWeak() throws {
        let d = try #require(check(Self.body + [.init(kind: .figcaption, text: Self.notice)]).first)
        #expect(d.rule == "disclaimer.weak")
        #expect(d.message.contains("caption"))
        #expect(d.details["position"] == "end")
    }

    @Test func footerOnlyIsWeak() throws {
        let d = try #require(check(Self.body + [.init(text: Self.notice, region: .chrome)]).first)
        #expect(d.rule == "disclaimer.weak")
        #expect(d.message.contains("outside the article"))
        #expect(d.details["position"] == "end")
        let top = try #require(check([.init(text: Self.notice, region: .chrome)] + Self.body).first)
        #expect(top.details["position"] == "top")
    }

    @Test func afterCommentsIsWeak() throws {
        let parts = Self.body + [.init(kind: .heading(level: 2), text: "12 Comments"), .init(text: "Ana: worked for me!"), .init(text: Self.notice)]
        let d = try #require(check(parts).first)
        #expect(d.rule == "disclaimer.weak")
        #expect(d.message.contains("after the comments"))
    }

    @Test func aProminentOneBeatsAWeakOne() {
        #expect(check(Self.body + [.init(kind: .figcaption, text: Self.notice), .init(text: Self.notice)]).isEmpty)
    }

    @Test func frontMatterFlagDecides() {
        var carries = DocumentMetadata()
        carries.disclaimerFlag = true
        #expect(checker.check(S.document(Self.body, metadata: carries), context: CheckContext(relativePath: "a.md")).isEmpty)
        var waived = DocumentMetadata()
        waived.disclaimerFlag = false
        #expect(checker.check(S.document(Self.body, metadata: waived), context: CheckContext(relativePath: "a.md")).isEmpty)
        #expect(S.rulesFired(check(Self.body)) == ["disclaimer.missing"])
    }
}

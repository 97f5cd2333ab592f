import ClaimlintCore
import ClaimlintEngine
import Testing

/// HTML metadata (meta tags, schema.org JSON-LD, <time>) counts for the date and author checks,
/// through the real front end.
@Suite struct BalanceHTMLMetadataTests {
    static let body = "<article><p>Collagen supplements repair damaged skin and fade wrinkles.</p><p>Take 10 g a day in your morning coffee.</p></article>"

    func rules(_ head: String, _ body: String = body) throws -> Set<String> {
        let linter = try Linter()
        let report = try linter.lint(text: "<html><head>\(head)</head><body>\(body)</body></html>", format: .html, path: "m.html")
        return Set(report.findings.map(\.rule))
    }

    @Test func withoutMetadataBothFire() throws {
        let r = try rules("")
        #expect(r.isSuperset(of: ["balance.no-date", "balance.no-author"]))
    }

    @Test func metaTagsCount() throws {
        let r = try rules(#"<meta name="author" content="Jo Bell"><meta property="article:published_time" content="2024-05-01">"#)
        #expect(!r.contains("balance.no-date") && !r.contains("balance.no-author"), "\(r)")
    }

    @Test func schemaOrgReviewerAndDateCount() throws {
        let ld = #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalWebPage","datePublished":"2024-05-01","reviewedBy":{"@type":"Person","name":"Dr Ana Costa"}}</script>"#
        let r = try rules(ld)
        #expect(!r.contains("balance.no-date") && !r.contains("balance.no-author"), "\(r)")
    }

    @Test func timeElementCounts() throws {
        let r = try rules("", #"<article><p><time datetime="2024-05-01">1 May</time></p>"# + Self.body.dropFirst("<article>".count))
        #expect(!r.contains("balance.no-date"), "\(r)")
    }
}

@testable import ClaimlintCheckers
import ClaimlintCore
import ClaimlintRules
import Testing

/// `ClaimsVocabulary.isSourceLink` answers ASCII links over their bytes and other links through
/// Strings: both paths must give the same answer, and the answers must be the documented ones.
@Suite struct SourceLinkTests {
    static let vocabulary: ClaimsVocabulary = {
        let rules = try! RuleSet(files: BuiltinRuleFiles.all.map { (path: "Rules/" + $0.path, contents: $0.contents) })
        return try! ClaimsVocabulary(rules: rules)
    }()

    /// Links with the answer the rules give them.
    static let cases: [(String, Bool)] = [
        ("https://pubmed.ncbi.nlm.nih.gov/12345678/", true),
        ("HTTPS://WWW.NHS.UK/conditions/asthma/", true),
        ("http://www.cochranelibrary.com/cdsr/doi/10.1002/14651858", true),
        ("//www.who.int/news-room", true),
        ("https://user:pw@www.nejm.org:443/doi/full/10.1056/x", true),
        ("https://www.fda.gov/consumers?x=1#top", true),
        ("https://example.com/doi/10.1000/182", true),
        ("https://example.com/path?u=https://doi.org/10.1/x", true),
        ("https://www.example.com/article", false),
        ("https://www.amazon.com/dp/B000", false),
        ("https://www.nhs.uk/shop/vitamins", false),
        ("https://nih.gov.example.com/", false),
        ("https://notnhs.uk/page", false),
        ("/conditions/asthma/", false),
        ("mailto:someone@nhs.uk", false),
        ("https://www./", false),
        ("https://", false),
        ("", false),
        ("www.nhs.uk/conditions", false),
    ]

    @Test func linksGetTheDocumentedAnswer() {
        for (link, answer) in Self.cases {
            #expect(Self.vocabulary.isSourceLink(link) == answer, "\(link)")
        }
    }

    @Test func theBytePathAgreesWithTheStringPath() {
        var links = Self.cases.map(\.0)
        // Variants: case, ports, users, fragments, "www." and separators in odd places.
        for base in ["https://WWW.BMJ.com", "http://a@b@nature.com:80", "//www.", "https://www.gov.uk#x", "https://shop.nhs.uk/store",
                     "HTTP://DX.DOI.ORG/10.1/A", "https://x.europa.eu?doi.org/", "https://iherb.com/doi/x", "https://a.b.c.nhs.uk:x@y/"] {
            for tail in ["", "/", "/path", "?q=1", "#frag", ":8080/x", "/DOI/", "/Products"] { links.append(base + tail) }
        }
        for link in links {
            var bytes = link
            let fast = bytes.withUTF8 { Self.vocabulary.asciiSourceLink($0) }
            #expect(fast == Self.vocabulary.stringSourceLink(link), "\(link)")
        }
        // Non-ASCII links take the String path.
        var accented = "https://www.nhs.uk/conditions/ménière"
        #expect(accented.withUTF8 { Self.vocabulary.asciiSourceLink($0) } == nil)
        #expect(Self.vocabulary.isSourceLink(accented))
    }
}

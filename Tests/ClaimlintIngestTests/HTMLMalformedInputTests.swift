import ClaimlintTestSupport
import ClaimlintCore
import Foundation
import Testing

@testable import ClaimlintIngest

/// Broken markup must never crash the front end, and whatever text comes out must still map
/// back to its own source bytes.
@Suite struct HTMLMalformedInputTests {
    typealias S = HTMLTestSupport

    static let fragments = [
        "<p>", "</p>", "<div>", "</div>", "<li>", "<ul>", "</ul>", "<table><tr><td>", "</td>", "<b>", "</i>", "<a href=\"#fn1\">",
        "</a>", "<sup>", "</sup>", "<img alt=\"Alt &amp; text\">", "<img alt='x", "<br>", "<script>", "</script>", "<!--", "-->",
        "<!-- claimlint-disable -->", "<section>", "<nav>", "</nav>", "<article>", "</article>", "&amp;", "&nbsp", "&#xZZ;",
        "&#99999999;", "&unknown;", "&", "<", ">", "\"", "'", "word", "café", "日本語", "🧪", "\r\n", "\r", "\n", " ", "\t",
        "<title>", "</title>", "<meta charset=utf-8>", "<q>", "<cite>", "<h2>", "</h9>", "<p class=\"share\">", "<![CDATA[x]]>",
        "<?php echo 1 ?>", "<!DOCTYPE html>", "<svg><text>hidden</text>", "</svg>", "<pre>", "</pre>", "<wbr>", "<custom-el>",
        "<time datetime=\"2020\">", "<form>", "<main role=main>", "<p/>", "</>", "<>", "<a", "=\"",
    ]

    @Test func randomTagSoupNeverCrashesAndMapsBack() throws {
        var rng = SplitMix64(seed: 0xBAD_5EED)
        var words = 0
        for _ in 0..<400 {
            var html = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) {
                html += Self.fragments.randomElement(using: &rng)!
            }
            let doc = try S.parse(html)
            words += S.checkEveryCharacter(doc)
            for b in doc.blocks {
                let n = b.text.utf8.count
                for l in b.links { #expect(l.range.lowerBound >= 0 && l.range.upperBound <= n) }
                for c in b.citations { #expect(c.range.lowerBound >= 0 && c.range.upperBound <= n) }
            }
            for d in doc.directives {
                #expect(String(decoding: doc.source.utf8[d.range], as: UTF8.self).hasPrefix("<!--"))
            }
        }
        #expect(words > 1000)
    }

    @Test func strayLessThanSignsMapToThemselves() throws {
        let doc = try S.parse("<p>if a <> b &amp; x < y then <![CDATA[z]]> ok</p>")
        let b = try #require(doc.blocks.first)
        #expect(b.text == "if a <> b & x < y then <![CDATA[z]]> ok")
        // Words spelled with stray markup characters map to exactly those bytes.
        for w in S.words(b.text) {
            let word = String(decoding: Array(b.text.utf8)[w], as: UTF8.self)
            let raw = String(decoding: doc.source.utf8[b.sourceMap.utf8Range(forText: w)], as: UTF8.self)
            #expect(raw == (word == "&" ? "&amp;" : word))
        }
        S.checkEveryCharacter(doc)
    }
}

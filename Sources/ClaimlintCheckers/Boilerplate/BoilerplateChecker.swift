import ClaimlintCore

/// Page furniture left in the article body: image credit lines, "Read more:" promos, share,
/// comment and subscribe prompts, cookie notices, advertisement labels. Scraped and
/// machine-translated pages keep these as paragraphs; readers and search engines see noise.
///
/// Each rule is a phrase lexicon in Rules/boilerplate.yml plus how the phrase must sit in a
/// block: at its start (a credit or promo lead) or anywhere in a short block (a prompt).
public struct BoilerplateChecker: Checker {
    public static let ruleIDs = [
        "boilerplate.image-credit", "boilerplate.read-more", "boilerplate.engagement",
        "boilerplate.cookie-notice", "boilerplate.ad-label",
    ]

    enum Placement: Sendable {
        /// The block starts with the phrase, and the phrase is followed by ":" or a link, or is the whole block.
        case lead
        /// The phrase appears anywhere in a block of at most `maxWords` words.
        case anywhere(maxWords: Int)
        /// The phrase is the whole block.
        case whole
    }

    /// A class: the checker walks the patterns for every block, and copying the struct
    /// retained and released its rule texts and trie arrays each time.
    final class Pattern: Sendable {
        let rule: RuleDescription
        let placement: Placement
        let trie: PhraseTrie<String>

        init(rule: RuleDescription, placement: Placement, trie: PhraseTrie<String>) {
            self.rule = rule
            self.placement = placement
            self.trie = trie
        }
    }

    let patterns: [Pattern]

    public init(rules: RuleSet, settings: CheckerSettings) throws {
        let placements: [(String, String, Placement)] = [
            ("boilerplate.image-credit", "boilerplate.image-credit-leads", .lead),
            ("boilerplate.read-more", "boilerplate.promo-leads", .lead),
            ("boilerplate.engagement", "boilerplate.engagement-prompts", .anywhere(maxWords: 25)),
            ("boilerplate.cookie-notice", "boilerplate.cookie-phrases", .anywhere(maxWords: 60)),
            ("boilerplate.ad-label", "boilerplate.ad-labels", .whole),
        ]
        patterns = try placements.map { id, lexicon, placement in
            Pattern(rule: try rules.require(id), placement: placement,
                    trie: PhraseTrie(phrases: try rules.lexicon(lexicon), value: { $0 }))
        }
    }

    public func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let active = patterns.filter { !context.disabledRules.contains($0.rule.id) }
        for block in document.blocks where block.inScope && !block.tokens.isEmpty {
            // Captions and alt text are where credits belong; titles are not body text.
            switch block.kind {
            case .figcaption, .imageAlt, .title: continue
            default: break
            }
            let wordCount = block.tokens.reduce(0) { $0 + ($1.kind == .word || $1.kind == .number ? 1 : 0) }
            for pattern in active {
                guard let phrase = match(pattern, in: block, wordCount: wordCount) else { continue }
                let whole = 0..<block.utf8.count
                out.append(Diagnostic(
                    rule: pattern.rule.id, location: .text(block: block.index, range: whole),
                    message: pattern.rule.render(["phrase": phrase]),
                    suggestion: "Remove this block from the article body, or move it where it belongs (figure caption, site template).",
                    details: ["phrase": phrase]))
                break  // one furniture finding per block
            }
        }
        return out
    }

    private func match(_ pattern: Pattern, in block: AnalyzedBlock, wordCount: Int) -> String? {
        let tokens = block.tokens
        switch pattern.placement {
        case .lead:
            // Allow leading symbols such as "»" or "▶".
            var start = 0
            while start < tokens.count && tokens[start].kind == .symbol { start += 1 }
            guard start < tokens.count, let m = pattern.trie.longestMatch(startingAt: start, in: tokens) else { return nil }
            let phrase = block.text(block.utf8Range(ofTokens: start..<m.end))
            if m.end == tokens.count { return phrase }
            let next = tokens[m.end]
            let nextText = block.text(of: next)
            if [":", "-", "–", "—", "|", "»", ">"].contains(nextText) { return phrase }
            // "Read more" followed by a link: the rest of the block is mostly link text.
            let rest = Int(next.start)..<block.utf8.count
            let linked = block.block.links.reduce(0) { $0 + max(0, min($1.range.upperBound, rest.upperBound) - max($1.range.lowerBound, rest.lowerBound)) }
            if rest.count > 0 && linked * 2 >= rest.count { return phrase }
            // Credits: "Photo by Jane Doe on Unsplash" is a lead followed by "by".
            if pattern.rule.id == "boilerplate.image-credit" && wordCount <= 20 {
                let lastWord = block.text(of: tokens[m.end - 1]).lowercased()
                if ["by", "via"].contains(lastWord) || ["by", "via"].contains(nextText.lowercased()) { return phrase }
            }
            return nil
        case .anywhere(let maxWords):
            guard wordCount <= maxWords, let m = pattern.trie.scan(tokens).first else { return nil }
            return block.text(block.utf8Range(ofTokens: m.tokens))
        case .whole:
            var end = tokens.count
            while end > 0 && (tokens[end - 1].kind == .punctuation || tokens[end - 1].kind == .symbol) { end -= 1 }
            guard end > 0, let m = pattern.trie.longestMatch(startingAt: 0, in: tokens), m.end == end else { return nil }
            return block.text(block.utf8Range(ofTokens: 0..<end))
        }
    }
}

import ClaimlintCore

/// The kinds of section whose blocks are entries rather than prose (`Rules/sections.yml`).
enum SectionKind: UInt8, Sendable, CaseIterable {
    /// "References", "Sources", "Bibliography", "Notes": the reference list.
    case references
    /// "Further reading", "Useful links", "Resources".
    case furtherReading
    /// "Ingredients", "INCI list".
    case ingredients

    var lexicon: String {
        switch self {
        case .references: "sections.references"
        case .furtherReading: "sections.further-reading"
        case .ingredients: "sections.ingredients"
        }
    }

    /// Sections that hold sources: the claims checker resolves "[n]" against their entries and
    /// the balance checker counts them as the page's sources.
    var holdsSources: Bool { self != .ingredients }
}

/// Which section of the page each block is in: one annotation, computed once per document and
/// shared through the document's memo, that the claims, balance and sentence checkers all read
/// (they used to answer "is this a references section?" three times, each with its own list).
///
/// How a section is found, over block kinds, heading levels and tokens (never markup):
/// - **Opened** by a heading, or a paragraph standing alone as one ("References:" on its own
///   line), whose whole text is a phrase of a `sections.*` lexicon: "Sources" and "Sources:" open
///   a references section, "Sources of vitamin D" does not. Words are compared as `WordKey`s
///   with a phrase trie, so no block is lowercased.
/// - **Opened and filled** by one block that starts with a heading phrase and then an entry label
///   (plain text: "References [1] NHS ... [2] NICE ..." run into one paragraph).
/// - **Ended** by the next heading of the same or a higher level (an `h3` under "References" stays
///   in it, an `h2` after it ends it); a paragraph heading has no level and ends at any heading.
/// - Under a heading that also heads prose (`sections.prose-headings`: "Notes", "Evidence",
///   "Research") the section lasts only while its blocks read as entries (a list item, a label
///   such as "[2]" or "3.", a link, a citation, a year, "doi", "et al"); the first block of prose
///   ends it.
/// - A **labelled line** ("Source: Smith J, et al. ... 2019", "Sources: NHS") is a one-block
///   section of its own: a references or further-reading phrase of one to three words and a colon
///   opening a block (a paragraph, or a line the plain-text front end made a heading).
///
/// Blocks of the whole page are annotated (chrome included); a checker that lints only the
/// article filters by `inScope` itself.
struct DocumentSections: Sendable {
    /// What a block is in its section.
    enum Role: UInt8, Sendable {
        /// The heading (or heading line) that opened the section.
        case heading
        /// A block under the heading.
        case entry
        /// A block that opens with the heading phrase and holds entries ("References [1] ...").
        case headedEntries
        /// "Source: ...": a label, a colon and the entry, in one block.
        case labelledLine
    }

    struct Membership: Sendable, Equatable {
        var kind: SectionKind
        /// Index (in `document.blocks`) of the block that opened the section.
        var heading: Int
        var role: Role
    }

    /// By block index; nil outside every section.
    let memberships: [Membership?]

    func section(of block: Int) -> Membership? { memberships[block] }

    /// Whether some section that holds sources has at least one entry, or the page has a
    /// labelled source line.
    var hasSources: Bool {
        memberships.contains { m in
            guard let m, m.kind.holdsSources else { return false }
            return m.role != .heading
        }
    }
}

/// Builds `DocumentSections` from the `sections.*` lexicons; each checker that reads sections
/// holds one, and the first to look at a document stores the result in its memo.
struct SectionFinder: Sendable {
    let headings: PhraseTrie<SectionKind>
    /// `sections.prose-headings`: a heading is prose-too when one of these spans all its words.
    let proseHeadings: PhraseTrie<Bool>
    let memoKey: MemoKey

    init(rules: RuleSet) throws {
        var trie = PhraseTrie<SectionKind>()
        for kind in SectionKind.allCases {
            for phrase in try rules.lexicon(kind.lexicon) { trie.insert(phrase, value: kind) }
        }
        headings = trie
        proseHeadings = PhraseTrie(phrases: try rules.lexicon("sections.prose-headings")) { _ in true }
        memoKey = MemoKey(analysis: "sections", vocabulary: rules.fingerprint(lexiconsWithPrefix: "sections."))
    }

    /// The document's sections: from the memo when another checker already found them.
    func sections(of document: AnalyzedDocument) -> DocumentSections {
        document.memo.value(for: memoKey) { find(in: document) }
    }

    /// An open section: its membership template, the level that ends it, and whether it lasts
    /// only while blocks read as entries.
    private struct Open {
        var kind: SectionKind
        var heading: Int
        var level: Int
        var whileEntries: Bool
    }

    /// Headings without a level (a paragraph standing as a heading) end at any heading.
    static let paragraphHeadingLevel = 100

    func find(in document: AnalyzedDocument) -> DocumentSections {
        var memberships = [DocumentSections.Membership?](repeating: nil, count: document.blocks.count)
        // Open sections, outermost first: an "Ingredients" h3 inside a "Sources" h2 is closed by
        // the next h3 and the blocks after it are in "Sources" again.
        var open: [Open] = []
        for b in document.blocks {
            let level: Int? = switch b.kind {
            case .title: 0
            case .heading(let l): l
            default: nil
            }
            if let level { open.removeAll { $0.level >= level } }
            // 1. The whole block is a heading phrase (a heading, or a paragraph standing as one).
            if level != nil || b.kind == .paragraph, let (kind, prose) = wholeHeading(b) {
                if level == nil { open.removeAll { $0.level >= Self.paragraphHeadingLevel } }
                open.append(Open(kind: kind, heading: b.index, level: level ?? Self.paragraphHeadingLevel, whileEntries: prose))
                memberships[b.index] = .init(kind: kind, heading: b.index, role: .heading)
                continue
            }
            if level != nil {
                // "Sources: NHS, www.nhs.uk": a plain-text line with no closing punctuation is made
                // a heading by the front end; it is a labelled line all the same.
                if let kind = labelBeforeColon(b) {
                    memberships[b.index] = .init(kind: kind, heading: b.index, role: .labelledLine)
                } else if let top = open.last {
                    // A heading that names no section: inside the open section when it is deeper.
                    memberships[b.index] = .init(kind: top.kind, heading: top.heading, role: .entry)
                }
                continue
            }
            // 2. "References [1] NHS ... [2] NICE ...": the heading words open the block.
            if let kind = headingBeforeEntryLabel(b) {
                open.removeAll { $0.level >= Self.paragraphHeadingLevel }
                open.append(Open(kind: kind, heading: b.index, level: Self.paragraphHeadingLevel, whileEntries: false))
                memberships[b.index] = .init(kind: kind, heading: b.index, role: .headedEntries)
                continue
            }
            // 3. Under a prose-too heading, the first block of prose ends the section.
            // (Whether the block reads as an entry is asked once: it scans every token of the block.)
            if open.last?.whileEntries == true, !Self.looksLikeEntry(b) {
                while let top = open.last, top.whileEntries { open.removeLast() }
            }
            if let top = open.last {
                memberships[b.index] = .init(kind: top.kind, heading: top.heading, role: .entry)
                continue
            }
            // 4. "Source: Smith J, et al. ...": a one-block section.
            if let kind = labelBeforeColon(b) {
                memberships[b.index] = .init(kind: kind, heading: b.index, role: .labelledLine)
            }
        }
        return DocumentSections(memberships: memberships)
    }

    /// The kind of a block whose whole text is a heading phrase, trailing colons aside, and
    /// whether that phrase also heads prose. (Front ends give headings without their markup:
    /// "# References" arrives as "References".)
    func wholeHeading(_ b: AnalyzedBlock) -> (SectionKind, Bool)? {
        let t = b.tokens
        var end = t.count
        while end > 0, t[end - 1].kind == .punctuation { end -= 1 }
        // No phrase is longer than five words; a longer block is prose.
        guard end > 0, end <= 5, t[0].kind == .word,
              let m = headings.longestMatch(startingAt: 0, in: t, limit: end), m.end == end else { return nil }
        // Only ":" may come after the phrase.
        for k in end..<t.count where t[k].length != 1 || b.utf8[Int(t[k].start)] != UInt8(ascii: ":") { return nil }
        let prose = proseHeadings.longestMatch(startingAt: 0, in: t, limit: end)?.end == end
        return (m.value, prose)
    }

    /// "References [1] ..." / "Sources: 1. ...": one to four heading words (optionally a colon),
    /// then an entry label ("[1]", "[a]", "1.", "1)").
    func headingBeforeEntryLabel(_ b: AnalyzedBlock) -> SectionKind? {
        let t = b.tokens
        guard t.count > 3, t[0].kind == .word else { return nil }
        for m in headings.matches(startingAt: 0, in: t, limit: min(t.count, 5)).reversed() {
            // "Research [3] suggests ...", "Evidence [2] shows ...": prose-too words before a
            // citation are a sentence.
            if proseHeadings.longestMatch(startingAt: 0, in: t, limit: m.end)?.end == m.end { continue }
            var k = m.end
            if k < t.count, Self.isByte(b, t[k], ":") { k += 1 }
            guard k + 2 < t.count else { continue }
            let isLabel = Self.entryLabel(b, at: k) != nil
                || (t[k].kind == .number && (Self.isByte(b, t[k + 1], ".") || Self.isByte(b, t[k + 1], ")")))
            if isLabel { return m.value }
        }
        return nil
    }

    /// "Source: ...", "Further reading: ...": a phrase of one to three words of a section that
    /// holds sources, a colon, and more.
    func labelBeforeColon(_ b: AnalyzedBlock) -> SectionKind? {
        let t = b.tokens
        guard t.count > 2, t[0].kind == .word else { return nil }
        for m in headings.matches(startingAt: 0, in: t, limit: min(t.count, 3)).reversed()
        where m.value.holdsSources && m.end + 1 < t.count && Self.isByte(b, t[m.end], ":") {
            return m.value
        }
        return nil
    }

    static func isByte(_ b: AnalyzedBlock, _ token: Token, _ ascii: Unicode.Scalar) -> Bool {
        token.length == 1 && b.utf8[Int(token.start)] == UInt8(ascii: ascii)
    }

    /// A reference entry: a list item, a label, a link or citation, a year, "doi" or "et al".
    static func looksLikeEntry(_ b: AnalyzedBlock) -> Bool {
        if case .listItem = b.kind { return true }
        if leadingLabel(b) != nil || !b.block.links.isEmpty || !b.block.citations.isEmpty { return true }
        for tok in b.tokens {
            if tok.kind == .number, isYear(b, tok) { return true }
            if tok.kind == .word, entryWords.contains(tok.key) { return true }
        }
        return false
    }

    static let entryWords: Set<WordKey> = Set(["doi", "http", "https", "www", "al", "pmid", "isbn"].map { WordKey($0) })

    /// A four-digit year, 1900-2099.
    static func isYear(_ b: AnalyzedBlock, _ tok: Token) -> Bool {
        guard tok.length == 4 else { return false }
        let d = b.utf8[tok.range]
        guard d.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let y = d.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (1900...2099).contains(y)
    }

    /// "[3] Smith J..." or "3. Smith J..." at the start of an entry.
    static func leadingLabel(_ b: AnalyzedBlock) -> Int? {
        let t = b.tokens
        guard !t.isEmpty else { return nil }
        if let label = entryLabel(b, at: 0) { return label }
        if t.count >= 2, t[0].kind == .number, isByte(b, t[1], ".") || isByte(b, t[1], ")") { return Int(b.text(of: t[0])) }
        return nil
    }

    /// Lettered labels ("[a]", "[b]": pharmacy and guideline leaflets letter their notes so that
    /// they do not read as doses) are numbered after every possible numeric label.
    static let letterLabelBase = 1_000_000

    /// The label of "[3]" or "[a]" starting at token `k`: a number, or one lower-case letter.
    static func entryLabel(_ b: AnalyzedBlock, at k: Int) -> Int? {
        let t = b.tokens
        guard k + 2 < t.count, isByte(b, t[k], "["), isByte(b, t[k + 2], "]") else { return nil }
        return label(b.text(of: t[k + 1]), kind: t[k + 1].kind)
    }

    static func label(_ text: String, kind: Token.Kind) -> Int? {
        if kind == .number { return Int(text) }
        if kind == .word, text.utf8.count == 1, let c = text.utf8.first, (0x61...0x7A).contains(c) { return letterLabelBase + Int(c - 0x61) }
        return nil
    }
}

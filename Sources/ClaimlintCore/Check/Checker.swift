/// A checker: one type per rule family. It reads its vocabulary from the rule packs when it
/// is made, then checks documents. It must be a value safe to share across threads: the
/// engine makes one of each and calls `check` from many files at once.
public protocol Checker: Sendable {
    /// The rule ids this checker can report. Each must be described in a rule pack.
    static var ruleIDs: [String] { get }
    /// Builds the checker from the loaded packs and its settings from the config.
    init(rules: RuleSet, settings: CheckerSettings) throws
    /// The same, for a checker built together with others (the engine's set): parts several
    /// checkers use come from `shared` and are built once. By default `init(rules:settings:)`.
    init(rules: RuleSet, settings: CheckerSettings, shared: SharedCheckerParts) throws
    /// The diagnostics for one document. Rules switched off by config are filtered later;
    /// a checker may skip work for rules in `context.disabledRules`.
    func check(_ document: AnalyzedDocument, context: CheckContext) -> [Diagnostic]
}

extension Checker {
    public init(rules: RuleSet, settings: CheckerSettings, shared: SharedCheckerParts) throws {
        try self.init(rules: rules, settings: settings)
    }
}

/// Config sections that checkers read (`disclaimer:`, `claims:` ...), by top-level key.
public struct CheckerSettings: Sendable {
    public var sections: [String: YAMLValue]
    /// The config file the sections came from, for error messages.
    public var file: String
    public init(sections: [String: YAMLValue] = [:], file: String = ".claimlint.yml") {
        self.sections = sections
        self.file = file
    }
    public func section(_ name: String) -> YAMLValue? { sections[name] }
    public static let empty = CheckerSettings()
}

/// Per-run facts a checker may use.
public struct CheckContext: Sendable {
    /// The file's path relative to the project root (for per-path policies).
    public var relativePath: String
    /// Rules that are off for this file; a checker may skip their work.
    public var disabledRules: Set<String>
    public init(relativePath: String, disabledRules: Set<String> = []) {
        self.relativePath = relativePath
        self.disabledRules = disabledRules
    }
}

/// A document as checkers see it: every block with its tokens and sentences. Blocks outside
/// the linted scope (page chrome, when the scope is the article) are present with
/// `inScope == false` so document-level checks can still read them.
public struct AnalyzedDocument: Sendable {
    public let document: Document
    public let blocks: [AnalyzedBlock]
    /// Analyses shared between checkers, computed once per document (see `DocumentMemo`).
    public let memo: DocumentMemo

    public init(document: Document, blocks: [AnalyzedBlock]) {
        self.document = document
        self.blocks = blocks
        self.memo = DocumentMemo()
    }

    /// Segments every block of `document`; `scope` decides which blocks are linted.
    public init(document: Document, scope: LintScope = .article, segmenter: Segmenter = .shared) {
        // Front ends mark chrome with or without a landmark (nav, footer, cookie banners...);
        // only `scope: page` lints it.
        let lintAll = scope == .page
        var analyzed: [AnalyzedBlock] = []
        analyzed.reserveCapacity(document.blocks.count)
        for (i, block) in document.blocks.enumerated() {
            let utf8 = Array(block.text.utf8)
            let (tokens, sentences) = segmenter.segment(utf8: utf8, lineStarts: block.lineStarts)
            analyzed.append(AnalyzedBlock(index: i, block: block, utf8: utf8, tokens: tokens,
                                          sentences: sentences, inScope: lintAll || block.region == .main))
        }
        self.init(document: document, blocks: analyzed)
    }

    /// The blocks that are linted.
    public var lintedBlocks: [AnalyzedBlock] { blocks.filter(\.inScope) }
}

/// Whether to lint only the article (when the page marks one) or the whole page.
public enum LintScope: String, Sendable, CaseIterable {
    case article, page
}

/// One block with its tokens and sentences.
/// A class: checkers pass blocks around and keep them in per-sentence records, and copying the
/// struct retained and released its five arrays each time; every property is immutable.
public final class AnalyzedBlock: Sendable {
    /// Index into `document.blocks`: what `Diagnostic.Location.text(block:)` takes.
    public let index: Int
    public let block: Block
    public let utf8: [UInt8]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let inScope: Bool

    public init(index: Int, block: Block, utf8: [UInt8], tokens: [Token], sentences: [Sentence], inScope: Bool) {
        self.index = index
        self.block = block
        self.utf8 = utf8
        self.tokens = tokens
        self.sentences = sentences
        self.inScope = inScope
    }

    public var kind: BlockKind { block.kind }

    /// The text of a UTF-8 range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[max(0, range.lowerBound)..<min(utf8.count, range.upperBound)], as: UTF8.self)
    }

    public func text(of token: Token) -> String { text(token.range) }

    /// Whether token `t`'s text (lowercased first when `lowercasing`) equals `word`: the same
    /// answer as `text(of:) == word` or `text(of:).lowercased() == word`, without building a
    /// String when both are ASCII.
    public func token(_ t: Int, equals word: String, lowercasing: Bool = true) -> Bool {
        let r = tokens[t].range
        // Most calls compare a different word. When both first bytes are ASCII and differ (after
        // folding), the texts differ whatever follows: an ASCII character is its own decomposition
        // and lowercases to ASCII, so it starts both decomposed forms. Answered without the scans below.
        if let first = word.utf8.first, first < 0x80, r.lowerBound < r.upperBound {
            var b = utf8[r.lowerBound]
            if b < 0x80 {
                if lowercasing && b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != first { return false }
            }
        }
        let bytes = utf8[r]
        guard bytes.allSatisfy({ $0 < 0x80 }), word.utf8.allSatisfy({ $0 < 0x80 }) else {
            return lowercasing ? text(of: tokens[t]).lowercased() == word : text(of: tokens[t]) == word
        }
        return bytes.count == word.utf8.count
            && zip(bytes, word.utf8).allSatisfy { (lowercasing && $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }

    /// The words of tokens `range`, lowercased and joined by single spaces ("Last updated"
    /// -> "last updated"), to look a label or heading up in a set of phrases.
    public func lowercasedWords(_ range: Range<Int>) -> String {
        range.map { lowercasedText(of: tokens[$0]) }.joined(separator: " ")
    }

    /// `text(of: token).lowercased()` with one String instead of two: ASCII words (nearly all)
    /// are lowercased straight from the block's bytes.
    public func lowercasedText(of token: Token) -> String {
        let r = max(0, token.range.lowerBound)..<min(utf8.count, token.range.upperBound)
        return utf8.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[r])
            var ascii = true
            for b in bytes where b >= 0x80 { ascii = false; break }
            guard ascii else { return String(decoding: bytes, as: UTF8.self).lowercased() }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for k in 0..<bytes.count {
                    let b = bytes[k]
                    out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return bytes.count
            }
        }
    }

    public func text(of sentence: Sentence) -> String { text(sentence.range) }

    /// The UTF-8 range covered by tokens `range` (start of the first to end of the last).
    public func utf8Range(ofTokens range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
    }

    /// The sentence that contains token index `t`.
    public func sentence(containingToken t: Int) -> Sentence? {
        sentences.first { $0.tokens.contains(t) }
    }
}

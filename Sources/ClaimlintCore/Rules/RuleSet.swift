import Foundation
import Yams

/// Every rule description and lexicon from the loaded rule packs.
///
/// A rule pack is a YAML file:
///
/// ```yaml
/// pack: boilerplate
/// rules:
///   - id: boilerplate.read-more
///     category: boilerplate
///     severity: warning
///     summary: ...
///     message: "..."
///     what: ...
///     why: ...
///     example: ...
///     use_instead: ...
///     standards: [HONcode 8]
///     references: [{title: ..., url: ...}]
///     triggering: ["text", {text: "<p>html</p>", format: html}]
///     non_triggering: [...]
///     phrases: [...]        # optional: makes it a phrase rule, needing no code
///     enabled: false        # optional: an opt-in rule, on only when config names it
/// lexicons:
///   boilerplate.promo-leads: ["read more", "read also"]
///   boilerplate.credit-leads:
///     source: where the words come from
///     entries: [...]
/// ```
///
/// Lexicons with the same name in several packs are merged, so a user pack can extend a
/// built-in list. Files under Rules/ that are not YAML (word lists) are kept as raw text.
public struct RuleSet: Sendable {
    public private(set) var rules: [String: RuleDescription] = [:]
    /// Rule ids in load order, for stable listings.
    public private(set) var ruleOrder: [String] = []
    public private(set) var lexicons: [String: [String]] = [:]
    /// Per lexicon, the packs (paths as loaded) that define it, for errors that name the file to fix.
    public private(set) var lexiconFiles: [String: [String]] = [:]

    /// The pack(s) that define `lexicons`, joined for an error message ("Rules" when none is known).
    public func files(defining lexicons: String...) -> String {
        let packs = Set(lexicons.flatMap { lexiconFiles[$0] ?? [] }).sorted()
        return packs.isEmpty ? "Rules" : packs.joined(separator: ", ")
    }
    /// Non-YAML data files by path relative to Rules/ (or as given for user packs).
    public private(set) var dataFiles: [String: String] = [:]

    public init() {}

    /// Loads packs from (path, contents) pairs, in order.
    public init(files: [(path: String, contents: String)]) throws {
        for f in files { try add(path: f.path, contents: f.contents) }
    }

    public func rule(_ id: String) -> RuleDescription? { rules[id] }

    /// The rules in load order.
    public var orderedRules: [RuleDescription] { ruleOrder.compactMap { rules[$0] } }

    /// A lexicon's entries; throws when no pack defines it, so a typo fails at start-up.
    public func lexicon(_ name: String) throws -> [String] {
        LexiconReads.shared.record(name)
        guard let l = lexicons[name] else { throw RulePackError(file: "Rules", line: nil, message: "no rule pack defines the lexicon '\(name)'") }
        return l
    }

    /// A lexicon that may be absent (the pack of an optional learned layer).
    public func optionalLexicon(_ name: String) -> [String]? {
        LexiconReads.shared.record(name)
        return lexicons[name]
    }

    /// The packs' lexicons no rule set in this process has been asked for through `lexicon(_:)` or
    /// `optionalLexicon(_:)`. Once every checker is built, one listed here is dead: lexicons merge by
    /// name, so a misspelt name in a pack loads without error and changes nothing (round 33 found one).
    /// (The log is per process, not per set: a stored class reference in this struct crashed the
    /// command line's report context copy, and a test needs no more.)
    public var unreadLexicons: [String] {
        let read = LexiconReads.shared.names
        return lexicons.keys.filter { !read.contains($0) }.sorted()
    }

    /// A rule's description; throws when no pack defines it.
    public func require(_ id: String) throws -> RuleDescription {
        guard let r = rules[id] else { throw RulePackError(file: "Rules", line: nil, message: "no rule pack describes the rule '\(id)'") }
        return r
    }

    /// Adds one file: YAML packs are parsed and validated, anything else is kept as data.
    public mutating func add(path: String, contents: String) throws {
        guard path.hasSuffix(".yml") || path.hasSuffix(".yaml") else {
            dataFiles[path] = contents
            return
        }
        if let line = YAMLText.firstAliasLine(contents) {
            throw RulePackError(file: path, line: line, message: YAMLText.aliasRefusal)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: contents)
        } catch let error as YamlError {
            throw RulePackError(file: path, line: RulePackError.line(of: error), message: "not valid YAML: \(RulePackError.describe(error))")
        } catch {
            throw RulePackError(file: path, line: nil, message: "not valid YAML: \(error)")
        }
        guard let root = node?.mapping else {
            throw RulePackError(file: path, line: node?.mark?.line, message: "a rule pack must be a mapping with 'rules' and/or 'lexicons'")
        }
        let reader = NodeReader(file: path)
        for (key, value) in root {
            switch key.string ?? "" {
            case "pack", "description", "version": _ = try reader.string(value, "'\(key.string ?? "")'")
            case "rules":
                for item in try reader.sequence(value, "'rules'") {
                    let rule = try reader.rule(item)
                    if let existing = rules[rule.id] {
                        throw RulePackError(file: path, line: item.mark?.line, message: "rule '\(rule.id)' is already defined in \(existing.pack)")
                    }
                    rules[rule.id] = rule
                    ruleOrder.append(rule.id)
                }
            case "lexicons":
                guard let m = value.mapping else { throw reader.error(value, "'lexicons' must map names to lists of phrases") }
                for (name, list) in m {
                    guard let n = name.string, !n.isEmpty else { throw reader.error(name, "a lexicon name must be a string") }
                    lexicons[n, default: []].append(contentsOf: try reader.lexicon(list, name: n))
                    if !(lexiconFiles[n]?.contains(path) ?? false) { lexiconFiles[n, default: []].append(path) }
                }
            default:
                throw reader.error(key, "unknown key '\(key.string ?? "?")' (expected pack, description, rules, lexicons)")
            }
        }
    }
}

/// A mistake in a file the user controls (a config or a rule pack), with the file and, when
/// known, the line to fix. One type for both, so every front end reports them the same way.
public struct SettingsError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    public static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default: return nil
        }
    }

    public static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(error)"
        }
    }
}

/// A rule pack that cannot be loaded.
public typealias RulePackError = SettingsError

/// Reads typed values out of YAML nodes, with errors that point at the node's line.
public struct NodeReader: Sendable {
    public let file: String
    public init(file: String) { self.file = file }

    public func error(_ node: Node, _ message: String) -> RulePackError {
        RulePackError(file: file, line: node.mark?.line, message: message)
    }

    public func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(node, "\(what) must be text") }
        return s.string
    }

    public func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let s) = node else { throw error(node, "\(what) must be a list") }
        return Array(s)
    }

    public func strings(_ node: Node, _ what: String) throws -> [String] {
        if case .scalar(let s) = node { return [s.string] }
        return try sequence(node, what).map { try string($0, "each entry of \(what)") }
    }

    func lexicon(_ node: Node, name: String) throws -> [String] {
        if let m = node.mapping {
            for (k, _) in m where !["source", "entries", "license"].contains(k.string ?? "") {
                throw error(k, "unknown key '\(k.string ?? "?")' in lexicon '\(name)' (expected source, license, entries)")
            }
            guard let entries = m["entries"] else { throw error(node, "lexicon '\(name)' needs 'entries'") }
            return try strings(entries, "lexicon '\(name)'")
        }
        return try strings(node, "lexicon '\(name)'")
    }

    /// Why a phrase pattern cannot be used, or nil. A pattern with no words would be dropped
    /// silently, and one made only of `*` wildcards would flag every word of every file.
    public static func phraseProblem(_ phrase: String) -> String? {
        var utf8 = Array(phrase.utf8)
        let tokens = utf8.withUnsafeMutableBufferPointer { Segmenter.tokenize(UnsafeBufferPointer($0)) }
        if tokens.isEmpty { return "has no words to match" }
        let wildcard = WordKey("*")
        if tokens.allSatisfy({ $0.key == wildcard && $0.length == 1 }) { return "is only '*' wildcards, which would match every word" }
        return nil
    }

    func rule(_ node: Node) throws -> RuleDescription {
        guard let m = node.mapping else { throw error(node, "each rule must be a mapping with id, category, severity...") }
        let known: Set<String> = ["id", "category", "severity", "summary", "message", "what", "why", "example", "use_instead",
                                  "standards", "references", "triggering", "non_triggering", "phrases", "enabled"]
        for (k, _) in m where !known.contains(k.string ?? "") {
            throw error(k, "unknown key '\(k.string ?? "?")' in rule (expected one of: \(known.sorted().joined(separator: ", ")))")
        }
        func required(_ key: String) throws -> String {
            guard let v = m[key] else { throw error(node, "rule is missing '\(key)'") }
            let s = try string(v, "'\(key)'")
            guard !s.isEmpty else { throw error(v, "'\(key)' must not be empty") }
            return s
        }
        let id = try required("id")
        guard id.contains("."), id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) else {
            throw error(m["id"]!, "rule id '\(id)' must look like family.name (letters, digits, '.', '-', '_')")
        }
        let severityText = try required("severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw error(m["severity"]!, "severity '\(severityText)' must be error, warning or info")
        }
        var references: [RuleDescription.Reference] = []
        if let refs = m["references"] {
            for r in try sequence(refs, "'references'") {
                if case .scalar(let s) = r {
                    references.append(.init(title: s.string, url: nil))
                } else if let rm = r.mapping, let title = rm["title"] {
                    references.append(.init(title: try string(title, "reference title"), url: try rm["url"].map { try string($0, "reference url") }))
                } else {
                    throw error(r, "a reference is text or {title, url}")
                }
            }
        }
        func examples(_ key: String) throws -> [RuleExample] {
            guard let list = m[key] else { return [] }
            return try sequence(list, "'\(key)'").map { e in
                if case .scalar(let s) = e { return RuleExample(text: s.string) }
                guard let em = e.mapping, let text = em["text"] else { throw error(e, "an example is text or {text, format}") }
                var format = InputFormat.text
                if let f = em["format"] {
                    let name = try string(f, "example format")
                    guard let parsed = InputFormat(rawValue: name) else { throw error(f, "example format '\(name)' must be html, text or markdown") }
                    format = parsed
                }
                return RuleExample(text: try string(text, "example text"), format: format)
            }
        }
        var description = RuleDescription(
            id: id, category: Category(rawValue: try required("category")), severity: severity,
            summary: try required("summary"), message: try required("message"),
            what: try required("what"), why: try required("why"),
            example: try m["example"].map { try string($0, "'example'") },
            useInstead: try m["use_instead"].map { try string($0, "'use_instead'") },
            standards: try m["standards"].map { try strings($0, "'standards'") } ?? [],
            references: references,
            triggering: try examples("triggering"), nonTriggering: try examples("non_triggering"),
            pack: file)
        if let enabled = m["enabled"] {
            guard let value = YAMLValue(enabled).bool else { throw error(enabled, "'enabled' must be true or false") }
            description.enabledByDefault = value
        }
        if let phrases = m["phrases"] {
            description.phrases = try strings(phrases, "'phrases'")
            guard !description.phrases.isEmpty else { throw error(phrases, "'phrases' must list at least one phrase") }
            let items = (try? sequence(phrases, "'phrases'")) ?? [phrases]
            for (i, p) in description.phrases.enumerated() {
                if let problem = Self.phraseProblem(p) { throw error(i < items.count ? items[i] : phrases, "phrase '\(p)': \(problem)") }
            }
        }
        return description
    }
}

/// The lexicon names rule sets have been asked for in this process (`RuleSet.unreadLexicons`).
final class LexiconReads: @unchecked Sendable {
    static let shared = LexiconReads()
    private let lock = NSLock()
    private var read = Set<String>()

    func record(_ name: String) {
        lock.lock()
        read.insert(name)
        lock.unlock()
    }

    var names: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return read
    }
}

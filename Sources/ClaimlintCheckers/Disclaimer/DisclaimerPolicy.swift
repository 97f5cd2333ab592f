import ClaimlintCore

/// The site's disclaimer policy, from the config section `disclaimer:`.
///
/// ```yaml
/// disclaimer:
///   site_wide:                      # or `site_wide: true`
///     text: "Content on this site is for information only ..."
///     paths: ["content/**"]         # pages it covers (default: all)
///   required:                       # these pages must carry one of the texts, word for word
///     - paths: ["content/health/**"]
///       texts: ["This article is for information only and is not a substitute for medical advice."]
///   severity:                       # disclaimer.missing per path; first match wins
///     - paths: ["content/health/**"]
///       level: error                # error, warning, info or off
///   skip: ["legal/**"]              # pages never checked
/// ```
struct DisclaimerPolicy: Sendable {
    struct SiteWide: Sendable {
        var text: String?
        var paths: [Glob]
    }

    struct Requirement: Sendable {
        var paths: [Glob]
        var texts: [String]
        /// Word and number keys of each text, so case, spacing and punctuation do not matter.
        var keys: [[WordKey]]
        var line: Int?
    }

    struct SeverityRule: Sendable {
        var paths: [Glob]
        /// nil means off.
        var level: Severity?
    }

    var siteWide: SiteWide?
    var requirements: [Requirement] = []
    var severities: [SeverityRule] = []
    var skip: [Glob] = []

    init() {}

    init(settings: CheckerSettings) throws {
        guard let section = settings.section("disclaimer") else { return }
        let file = settings.file
        // RulePackError is the Core error the CLI reports as "file:line: message" with exit code 2.
        func fail(_ value: YAMLValue?, _ message: String) -> RulePackError {
            RulePackError(file: file, line: value?.line ?? section.line, message: "disclaimer: \(message)")
        }
        func globs(_ value: YAMLValue, _ what: String) throws -> [Glob] {
            guard let items = value.list, !items.isEmpty else { throw fail(value, "\(what) must be a path glob or a list of them") }
            return try items.map { item in
                guard let s = item.string, !s.isEmpty else { throw fail(item, "\(what) must be a path glob or a list of them") }
                return Glob(s)
            }
        }
        func keys(_ value: YAMLValue, _ allowed: Set<String>, _ what: String) throws -> [(key: String, value: YAMLValue)] {
            guard let entries = value.entries else { throw fail(value, "\(what) must be a mapping") }
            for e in entries where !allowed.contains(e.key) {
                throw fail(e.value, "unknown key '\(e.key)' in \(what) (expected \(allowed.sorted().joined(separator: ", ")))")
            }
            return entries
        }
        if case .scalar(let s, _) = section, s.isEmpty { return }
        for (key, value) in try keys(section, ["site_wide", "required", "severity", "skip"], "'disclaimer'") {
            switch key {
            case "site_wide":
                if let flag = value.bool {
                    siteWide = flag ? SiteWide(text: nil, paths: [Glob("**")]) : nil
                } else if case .scalar(let text, _) = value {
                    guard !text.isEmpty else { throw fail(value, "site_wide must be true, false, the disclaimer text, or {text, paths}") }
                    siteWide = SiteWide(text: text, paths: [Glob("**")])
                } else if value.entries != nil {
                    var wide = SiteWide(text: nil, paths: [Glob("**")])
                    for (k, v) in try keys(value, ["text", "paths"], "'site_wide'") {
                        if k == "text" {
                            guard let t = v.string else { throw fail(v, "site_wide.text must be text") }
                            wide.text = t
                        } else {
                            wide.paths = try globs(v, "site_wide.paths")
                        }
                    }
                    siteWide = wide
                } else {
                    throw fail(value, "site_wide must be true, false, the disclaimer text, or {text, paths}")
                }
            case "required":
                guard case .list(let items, _) = value else { throw fail(value, "required must be a list of {paths, texts}") }
                for item in items {
                    var paths: [Glob]?
                    var texts: [String] = []
                    var textsNode: YAMLValue?
                    for (k, v) in try keys(item, ["paths", "texts"], "each 'required' entry") {
                        if k == "paths" {
                            paths = try globs(v, "required.paths")
                        } else {
                            textsNode = v
                            guard let list = v.list, !list.isEmpty else { throw fail(v, "required.texts must be a text or a list of texts") }
                            texts = try list.map { t in
                                guard let s = t.string, !s.isEmpty else { throw fail(t, "required.texts must be a text or a list of texts") }
                                return s
                            }
                        }
                    }
                    guard let paths else { throw fail(item, "each 'required' entry needs 'paths'") }
                    guard !texts.isEmpty else { throw fail(textsNode ?? item, "each 'required' entry needs 'texts'") }
                    let keyLists = texts.map(Self.wordKeys)
                    if let i = keyLists.firstIndex(where: \.isEmpty) { throw fail(textsNode, "required text '\(texts[i])' has no words") }
                    requirements.append(Requirement(paths: paths, texts: texts, keys: keyLists, line: item.line))
                }
            case "severity":
                guard case .list(let items, _) = value else { throw fail(value, "severity must be a list of {paths, level}") }
                for item in items {
                    var paths: [Glob]?
                    var level: Severity??
                    for (k, v) in try keys(item, ["paths", "level"], "each 'severity' entry") {
                        if k == "paths" {
                            paths = try globs(v, "severity.paths")
                        } else {
                            let name = v.string?.lowercased() ?? ""
                            if name == "off" || v.bool == false {
                                level = .some(nil)
                            } else if let s = Severity(rawValue: name) {
                                level = .some(s)
                            } else {
                                throw fail(v, "severity level '\(v.string ?? "?")' must be error, warning, info or off")
                            }
                        }
                    }
                    guard let paths else { throw fail(item, "each 'severity' entry needs 'paths'") }
                    guard let level else { throw fail(item, "each 'severity' entry needs 'level'") }
                    severities.append(SeverityRule(paths: paths, level: level))
                }
            default:  // skip
                skip = try globs(value, "skip")
            }
        }
    }

    static func wordKeys(_ text: String) -> [WordKey] {
        Segmenter.shared.segment(text).tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.key)
    }

    func skips(_ path: String) -> Bool { skip.contains { $0.matches(path) } }

    func coveredBySiteWide(_ path: String) -> Bool { siteWide?.paths.contains { $0.matches(path) } ?? false }

    /// The first requirement whose paths match.
    func requirement(for path: String) -> Requirement? {
        requirements.first { r in r.paths.contains { $0.matches(path) } }
    }

    /// `.some(nil)` when the rule is off for the path, nil when no entry matches.
    func severity(for path: String) -> Severity?? {
        severities.first { r in r.paths.contains { $0.matches(path) } }.map(\.level)
    }
}

extension DisclaimerPolicy.Requirement {
    /// True when some block carries one of the texts, word for word (case and punctuation aside).
    func isMet(by document: AnalyzedDocument) -> Bool {
        for block in document.blocks {
            let words = block.tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.key)
            for needle in keys where needle.count <= words.count {
                for start in 0...(words.count - needle.count) where words[start] == needle[0] {
                    if Array(words[start..<(start + needle.count)]) == needle { return true }
                }
            }
        }
        return false
    }
}

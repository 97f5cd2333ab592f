import ClaimlintCore
import Foundation
import Yams

/// `.claimlint.yml`: which files, which rules, how strict, which extra packs.
///
/// ```yaml
/// scope: article            # or page: lint navigation, sidebars and footers too
/// include: ["content/**/*.html", "content/**/*.md"]
/// exclude: ["**/drafts/**"]
/// packs: [rules/house-style.yml]     # extra rule packs, relative to this file
/// rules:
///   claims.unsupported: error        # a severity, or off
///   sentence.comma-splice: off
///   boilerplate: info                # a whole family
/// limits:
///   max-file-size: 10MB
///   max-nesting-depth: 1000
///   max-blocks: 50000                # paragraphs, headings, list items, cells per file
///   timeout-per-file: 20s            # or 500ms, 2m, off
/// disclaimer: { ... }                # checker sections, read by the checker of that family
/// ```
public struct Configuration: Sendable {
    /// The config file, or nil for the defaults.
    public var path: String?
    /// Directory that relative paths in the config (include, exclude, packs) start from.
    public var baseDirectory: String
    public var scope: LintScope = .article
    public var include: [String] = []
    public var exclude: [String] = []
    public var packs: [String] = []
    /// Per rule id, family prefix (`claims`), category or `*`: what to do with matching rules.
    public var ruleSettings: [(selector: String, setting: RuleSetting, line: Int?)] = []

    public enum RuleSetting: Sendable, Equatable {
        case off
        /// On, at the rule's default severity.
        case on
        case severity(Severity)
    }
    public var maxFileSize: Int = 10 * 1024 * 1024
    public var maxNestingDepth: Int = 1000
    /// Blocks (paragraphs, headings, list items, table cells) per file. Each costs a few hundred
    /// bytes through the pipeline, so a 9 MB file of one-letter lines, each a block, took 4.3 GB;
    /// a long real article has a few thousand.
    public var maxBlocks: Int = 50_000
    /// A file whose lint takes longer is reported as an error and its result dropped; nil: no limit.
    /// Generous on purpose: a 10 MB file lints in well under a second.
    public var timeoutPerFile: Duration? = .seconds(20)
    /// Sections for checkers (`disclaimer:`, `sentence:`, `claims:` ...).
    public var checkerSections: [String: YAMLValue] = [:]

    public init(baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.baseDirectory = baseDirectory
    }

    public static let fileName = ".claimlint.yml"

    /// The nearest `.claimlint.yml` from `directory` upward, if any.
    public static func find(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Loads and validates a config file. Errors name the file and line.
    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, message: "the config file is not UTF-8 text")
        }
        let base = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return try parse(text, file: path, baseDirectory: base)
    }

    /// Top-level keys the engine reads itself; any other key must name a checker section.
    static let engineKeys: Set<String> = ["scope", "include", "exclude", "packs", "rules", "limits"]

    public static func parse(_ text: String, file: String, baseDirectory: String, checkerSections known: Set<String> = BuiltinCheckers.settingSections) throws -> Configuration {
        var config = Configuration(baseDirectory: baseDirectory)
        config.path = file
        let root: YAMLValue
        do {
            if let line = YAMLText.firstAliasLine(text) {
                throw ConfigurationError(file: file, line: line, message: YAMLText.aliasRefusal)
            }
            guard let node = try Yams.compose(yaml: text) else { return config }  // an empty file is the defaults
            root = YAMLValue(node)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: RulePackError.line(of: error), message: "not valid YAML: \(RulePackError.describe(error))")
        }
        guard let entries = root.entries else {
            throw ConfigurationError(file: file, line: root.line, message: "the config must be a mapping of settings (scope, include, exclude, packs, rules, limits, ...)")
        }
        func fail(_ v: YAMLValue, _ message: String) -> ConfigurationError { ConfigurationError(file: file, line: v.line, message: message) }
        func stringList(_ v: YAMLValue, _ key: String) throws -> [String] {
            guard let items = v.list, items.allSatisfy({ $0.string != nil }) else { throw fail(v, "'\(key)' must be a list of strings") }
            return items.compactMap(\.string)
        }
        for (key, value) in entries {
            switch key {
            case "scope":
                guard let s = value.string, let scope = LintScope(rawValue: s) else { throw fail(value, "'scope' must be 'article' or 'page'") }
                config.scope = scope
            case "include": config.include = try stringList(value, key)
            case "exclude": config.exclude = try stringList(value, key)
            case "packs": config.packs = try stringList(value, key)
            case "rules":
                guard let rules = value.entries else { throw fail(value, "'rules' must map rule ids (or families) to a severity or 'off'") }
                for (selector, setting) in rules {
                    guard let s = setting.string?.lowercased() else { throw fail(setting, "rule '\(selector)': expected error, warning, info or off") }
                    if ["off", "false", "no", "disable", "disabled"].contains(s) {
                        config.ruleSettings.append((selector, .off, setting.line))
                    } else if let severity = Severity(rawValue: s) {
                        config.ruleSettings.append((selector, .severity(severity), setting.line))
                    } else if ["on", "true", "yes", "enable", "enabled"].contains(s) {
                        config.ruleSettings.append((selector, .on, setting.line))
                    } else {
                        throw fail(setting, "rule '\(selector)': '\(s)' is not a severity (error, warning, info) or 'off'")
                    }
                }
            case "limits":
                guard let limits = value.entries else { throw fail(value, "'limits' must be a mapping") }
                for (lk, lv) in limits {
                    switch lk {
                    case "max-file-size":
                        guard let s = lv.string, let bytes = parseSize(s) else { throw fail(lv, "'max-file-size' must be a size like 10MB, 500KB or 1048576") }
                        config.maxFileSize = bytes
                    case "max-nesting-depth":
                        guard let n = lv.int, n > 0 else { throw fail(lv, "'max-nesting-depth' must be a positive whole number") }
                        config.maxNestingDepth = n
                    case "max-blocks":
                        guard let n = lv.int, n > 0 else { throw fail(lv, "'max-blocks' must be a positive whole number") }
                        config.maxBlocks = n
                    case "timeout-per-file":
                        guard let s = lv.string, let t = parseDuration(s) else {
                            throw fail(lv, "'timeout-per-file' must be a duration like 20s, 500ms or 2m, or off")
                        }
                        config.timeoutPerFile = t == .zero ? nil : t
                    default:
                        throw fail(lv, "unknown limit '\(lk)' (expected max-file-size, max-nesting-depth, max-blocks, timeout-per-file)")
                    }
                }
            default:
                guard known.contains(key) else {
                    let expected = (engineKeys.union(known)).sorted().joined(separator: ", ")
                    throw fail(value, "unknown setting '\(key)' (expected one of: \(expected))")
                }
                config.checkerSections[key] = value
            }
        }
        return config
    }

    /// "10MB", "512KB", "1048576" -> bytes.
    static func parseSize(_ s: String) -> Int? {
        let t = s.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0 else { return nil }
            return Int(n * Double(factor))
        }
        return Int(t).flatMap { $0 > 0 ? $0 : nil }
    }

    /// "20s", "500ms", "2m", "20" (seconds) -> a duration; "off", "none", "0" -> zero (no limit).
    static func parseDuration(_ s: String) -> Duration? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if ["off", "none", "no", "false", "0"].contains(t) { return .zero }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0, n.isFinite else { return nil }
            return .milliseconds(Int64((n * factor * 1000).rounded()))
        }
        guard let n = Double(t), n > 0, n.isFinite else { return nil }
        return .milliseconds(Int64((n * 1000).rounded()))
    }

    /// The severity for a rule after config: nil when the rule is off. The most specific
    /// selector wins (`claims.unsupported` over `claims`), later lines over earlier ones.
    public func severity(for rule: RuleDescription) -> Severity? {
        var best: (length: Int, setting: RuleSetting)?
        for s in ruleSettings where s.selector == rule.id
            || (rule.enabledByDefault && (rule.id.hasPrefix(s.selector + ".") || s.selector == "*" || s.selector == rule.category.rawValue)) {
            let length = s.selector == "*" ? 0 : s.selector.count
            if best == nil || length >= best!.length { best = (length, s.setting) }
        }
        switch best?.setting {
        case .off: return nil
        case .severity(let s): return s
        case .on: return rule.severity
        case nil: return rule.enabledByDefault ? rule.severity : nil
        }
    }

    /// Rule selectors in `rules:` that match no known rule: a typo to report.
    public func unknownRuleSelectors(in rules: RuleSet) -> [(selector: String, line: Int?)] {
        ruleSettings.filter { s in
            s.selector != "*" && !rules.ruleOrder.contains { $0 == s.selector || $0.hasPrefix(s.selector + ".") }
                && !rules.rules.values.contains { $0.category.rawValue == s.selector }
        }.map { ($0.selector, $0.line) }
    }

    public var checkerSettings: CheckerSettings {
        CheckerSettings(sections: checkerSections, file: path ?? Configuration.fileName)
    }
}

/// A config that is wrong, with the file and line to fix. Exit code 2.
public typealias ConfigurationError = SettingsError

/// A rule's metadata and documentation, loaded from a rule pack. What `claimlint explain`
/// prints, in ruff's shape: what it does, why, an example, what to write instead, references.
public struct RuleDescription: Sendable, Hashable {
    public var id: String
    public var category: Category
    public var severity: Severity
    /// One line, for `claimlint rules`.
    public var summary: String
    /// The finding message template; `{name}` placeholders are filled by the checker.
    public var message: String
    public var what: String
    public var why: String
    public var example: String?
    public var useInstead: String?
    /// Short names of the standards behind the rule (FTC, FDA, EU 655/2013, CAP 12, HONcode...).
    public var standards: [String]
    public var references: [Reference]
    /// Text that must trigger the rule, and text that must not: run as tests for every rule.
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
    /// The rule pack file that defines it.
    public var pack: String
    /// For a phrase rule (a rule a pack defines without code): the phrases that trigger it,
    /// flagged wherever they occur in linted text.
    public var phrases: [String] = []
    /// False for opt-in rules (scoring aids, strict house rules): only a config line naming
    /// the rule itself (`rules: {claims.audit: on}`) turns it on; family settings do not.
    public var enabledByDefault = true

    public struct Reference: Sendable, Hashable {
        public var title: String
        public var url: String?
        public init(title: String, url: String?) {
            self.title = title
            self.url = url
        }
    }

    public init(id: String, category: Category, severity: Severity, summary: String, message: String, what: String,
                why: String, example: String? = nil, useInstead: String? = nil, standards: [String] = [],
                references: [Reference] = [], triggering: [RuleExample] = [], nonTriggering: [RuleExample] = [], pack: String = "") {
        self.id = id
        self.category = category
        self.severity = severity
        self.summary = summary
        self.message = message
        self.what = what
        self.why = why
        self.example = example
        self.useInstead = useInstead
        self.standards = standards
        self.references = references
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.pack = pack
    }

    /// Fills `{name}` placeholders of `message` (or another template) from `values`.
    public func render(_ values: [String: String], template: String? = nil) -> String {
        RuleDescription.fill(template ?? message, values)
    }

    /// Replaces each `{name}` of `template` with `values[name]` (unknown names and an unclosed
    /// brace stay as written). Over UTF-8 bytes: one message per finding, and a Character walk
    /// was about 1% of a run. Braces are ASCII, so a byte walk finds them exactly.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var template = template
        return template.withUTF8 { t -> String in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 64)
            var i = 0
            while i < t.count {
                var o = i
                while o < t.count && t[o] != open { o += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<o]))
                if o == t.count { break }
                var c = o + 1
                while c < t.count && t[c] != close { c += 1 }
                if c == t.count {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[o...]))
                    break
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: t[(o + 1)..<c]), as: UTF8.self)
                if let v = values[name] { out.append(contentsOf: v.utf8) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: t[o...c])) }
                i = c + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// An example for a rule: text in a format, linted as a whole document.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    public var format: InputFormat
    public init(text: String, format: InputFormat = .text) {
        self.text = text
        self.format = format
    }
}

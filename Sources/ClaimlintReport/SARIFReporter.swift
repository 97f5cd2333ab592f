import ClaimlintCore

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// Rule ids are the rule pack ids (stable across runs). Locations are repository-relative URIs
/// under `%SRCROOT%`. Columns count Unicode code points (declared in `columnKind`).
/// `partialFingerprints` hash the rule and the normalised flagged text, plus an occurrence
/// number, so reflowing a paragraph or inserting text above keeps an alert's identity.
public struct SARIFReporter: StreamingReporter {
    public static let name = "sarif"
    public static let sourceRetention = SourceRetention.none
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let fingerprintKey = "claimlintTextHash/v1"
    public init() {}

    public func makeStream(context: ReportContext) -> any ReportStream { Stream(context: context) }

    /// `results` comes first in the run and `tool` and `invocations` after it (member order
    /// carries no meaning in JSON or SARIF), so a finding's rule met while streaming can still
    /// be listed, and errors met while linting are written after every file's results.
    struct Stream: ReportStream {
        let context: ReportContext
        var w = JSONWriter()
        var ruleIDs: [String]
        var index: [String: Int] = [:]

        init(context: ReportContext) {
            self.context = context
            ruleIDs = context.rules.ruleOrder
            for (i, id) in ruleIDs.enumerated() { index[id] = i }
        }

        mutating func begin() -> String {
            w.beginObject()
            w.string("$schema", SARIFReporter.schemaURI)
            w.string("version", "2.1.0")
            w.beginArray("runs")
            w.beginObject()
            w.beginArray("results")
            return w.take()
        }

        mutating func file(_ file: FileReport) -> String {
            // Occurrence numbers keep two identical findings in one file apart in the fingerprint.
            var occurrences: [String: Int] = [:]
            for f in file.findings {
                if index[f.rule] == nil {
                    index[f.rule] = ruleIDs.count
                    ruleIDs.append(f.rule)
                }
                let key = f.rule + "\u{0}" + f.fingerprintText
                occurrences[key, default: 0] += 1
                SARIFReporter.writeResult(f, file: file, ruleIndex: index[f.rule]!, occurrence: occurrences[key]!, context: context, to: &w)
            }
            return w.take()
        }

        mutating func end(_ summary: RunSummary) -> String {
            w.endArray()

            w.beginObject("tool")
            w.beginObject("driver")
            w.string("name", context.toolName)
            w.string("version", context.toolVersion)
            w.string("semanticVersion", context.toolVersion)
            w.beginArray("rules")
            for id in ruleIDs { SARIFReporter.writeRule(id, context.rules.rule(id), to: &w) }
            w.endArray()
            w.endObject()
            w.endObject()

            w.beginObject("originalUriBaseIds")
            w.beginObject("%SRCROOT%")
            w.string("uri", "file://" + ReportPath.uriEncode(context.workingDirectory.hasSuffix("/") ? context.workingDirectory : context.workingDirectory + "/"))
            w.endObject()
            w.endObject()
            w.string("columnKind", "unicodeCodePoints")

            w.beginArray("invocations")
            w.beginObject()
            w.bool("executionSuccessful", summary.errors.isEmpty)
            if !summary.errors.isEmpty {
                w.beginArray("toolExecutionNotifications")
                for e in summary.errors {
                    w.beginObject()
                    w.string("level", "error")
                    w.beginObject("message")
                    w.string("text", e.message)
                    w.endObject()
                    w.beginArray("locations")
                    w.beginObject()
                    SARIFReporter.writePhysicalLocation(path: e.path, region: nil, context: context, to: &w)
                    w.endObject()
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
            w.endArray()
            w.endObject()
            w.endArray()
            w.endObject()
            return w.take() + "\n"
        }
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The hash GitHub uses to track an alert across runs: rule and normalised text, not line.
    public static func fingerprint(rule: String, text: String, occurrence: Int) -> String {
        FNV1a.hex(rule + "\u{0}" + text) + ":" + String(occurrence)
    }

    static func writeRule(_ id: String, _ rule: RuleDescription?, to w: inout JSONWriter) {
        w.beginObject()
        w.string("id", id)
        guard let rule else {
            w.beginObject("shortDescription")
            w.string("text", id)
            w.endObject()
            w.endObject()
            return
        }
        w.beginObject("shortDescription")
        w.string("text", rule.summary)
        w.endObject()
        w.beginObject("fullDescription")
        w.string("text", rule.what)
        w.endObject()
        w.beginObject("help")
        w.string("text", RuleHelp.text(rule))
        w.string("markdown", RuleHelp.markdown(rule))
        w.endObject()
        if let uri = RuleHelp.uri(rule) { w.string("helpUri", uri) }
        w.beginObject("defaultConfiguration")
        w.string("level", level(rule.severity))
        w.endObject()
        w.beginObject("properties")
        w.string("category", rule.category.rawValue)
        w.beginArray("tags")
        w.string(nil, rule.category.rawValue)
        for s in rule.standards { w.string(nil, s) }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    static func writePhysicalLocation(path: String, region: SourceSpan?, snippet: String? = nil, context: ReportContext, to w: inout JSONWriter) {
        w.beginObject("physicalLocation")
        w.beginObject("artifactLocation")
        let relative = ReportPath.relative(path, to: context.workingDirectory)
        if relative.hasPrefix("/") {
            w.string("uri", "file://" + ReportPath.uriEncode(relative))
        } else {
            w.string("uri", ReportPath.uriEncode(relative))
            w.string("uriBaseId", "%SRCROOT%")
        }
        w.endObject()
        if let span = region {
            w.beginObject("region")
            // SARIF lines and columns are 1-based (JSON1008); clamp defensively.
            w.int("startLine", max(1, span.line))
            w.int("startColumn", max(1, span.column))
            w.int("endLine", max(max(1, span.line), span.endLine))
            w.int("endColumn", max(1, span.endLine > span.line ? span.endColumn : max(span.column, span.endColumn)))
            w.int("byteOffset", max(0, span.offset))
            w.int("byteLength", max(0, span.length))
            if let snippet, !snippet.isEmpty {
                w.beginObject("snippet")
                w.string("text", snippet)
                w.endObject()
            }
            w.endObject()
        }
        w.endObject()
    }

    static func writeResult(_ f: Finding, file: FileReport, ruleIndex: Int, occurrence: Int, context: ReportContext, to w: inout JSONWriter) {
        w.beginObject()
        w.string("ruleId", f.rule)
        w.int("ruleIndex", ruleIndex)
        w.string("level", level(f.severity))
        w.beginObject("message")
        w.string("text", f.messageWithSuggestion(separator: ". "))
        w.endObject()
        w.beginArray("locations")
        w.beginObject()
        writePhysicalLocation(path: file.path, region: f.span, snippet: f.excerpt, context: context, to: &w)
        w.endObject()
        w.endArray()
        w.beginObject("partialFingerprints")
        w.string(fingerprintKey, fingerprint(rule: f.rule, text: f.fingerprintText, occurrence: occurrence))
        w.endObject()
        if let replacement = f.replacement, f.span.length > 0 {
            w.beginArray("fixes")
            w.beginObject()
            w.beginObject("description")
            w.string("text", "Replace with: " + replacement)
            w.endObject()
            w.beginArray("artifactChanges")
            w.beginObject()
            w.beginObject("artifactLocation")
            let relative = ReportPath.relative(file.path, to: context.workingDirectory)
            if relative.hasPrefix("/") {
                w.string("uri", "file://" + ReportPath.uriEncode(relative))
            } else {
                w.string("uri", ReportPath.uriEncode(relative))
                w.string("uriBaseId", "%SRCROOT%")
            }
            w.endObject()
            w.beginArray("replacements")
            w.beginObject()
            w.beginObject("deletedRegion")
            w.int("byteOffset", f.span.offset)
            w.int("byteLength", f.span.length)
            w.endObject()
            w.beginObject("insertedContent")
            w.string("text", replacement)
            w.endObject()
            w.endObject()
            w.endArray()
            w.endObject()
            w.endArray()
            w.endObject()
            w.endArray()
        }
        w.beginObject("properties")
        w.string("category", f.category.rawValue)
        if let s = f.strength { w.string("strength", s.rawValue) }
        if let s = f.suggestion { w.string("suggestion", s) }
        w.endObject()
        w.endObject()
    }
}

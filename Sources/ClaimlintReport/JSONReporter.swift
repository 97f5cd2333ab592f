import ClaimlintCore

/// `--format json`: exactly the shape of the contract (../shared/design/contract.md).
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let sourceRetention = SourceRetention.none
    public init() {}

    public func render(_ report: RunReport, context: ReportContext) throws -> String {
        var w = JSONWriter()
        w.beginObject()
        w.beginObject("tool")
        w.string("name", context.toolName)
        w.string("version", context.toolVersion)
        w.endObject()
        w.beginArray("files")
        for file in report.files {
            w.beginObject()
            w.string("path", file.path)
            w.string("format", file.format.rawValue)
            w.beginArray("findings")
            for f in file.findings { JSONReporter.write(f, to: &w) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("errors")
        for e in report.errors {
            w.beginObject()
            w.string("path", e.path)
            w.string("message", e.message)
            w.endObject()
        }
        w.endArray()
        w.beginObject("summary")
        w.int("files", report.files.count)
        w.int("findings", report.findingCount)
        w.int("error", report.count(.error))
        w.int("warning", report.count(.warning))
        w.int("info", report.count(.info))
        w.endObject()
        w.endObject()
        return w.output + "\n"
    }

    /// One finding in the contract's field order; optional fields only when present.
    public static func write(_ f: Finding, to w: inout JSONWriter) {
        w.beginObject()
        w.string("rule", f.rule)
        w.string("category", f.category.rawValue)
        w.string("severity", f.severity.rawValue)
        w.string("message", f.message)
        w.int("line", f.span.line)
        w.int("column", f.span.column)
        w.int("endLine", f.span.endLine)
        w.int("endColumn", f.span.endColumn)
        w.int("offset", f.span.offset)
        w.int("length", f.span.length)
        w.string("excerpt", f.excerpt)
        if let s = f.strength { w.string("strength", s.rawValue) }
        if let s = f.suggestion { w.string("suggestion", s) }
        if let r = f.replacement { w.string("replacement", r) }
        if !f.details.isEmpty {
            w.beginObject("details")
            for k in f.details.keys.sorted() { w.string(k, f.details[k]!) }
            w.endObject()
        }
        w.endObject()
    }
}

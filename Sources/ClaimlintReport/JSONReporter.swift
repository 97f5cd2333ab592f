import ClaimlintCore

/// `--format json`: exactly the shape of the contract (../shared/design/contract.md).
public struct JSONReporter: StreamingReporter {
    public static let name = "json"
    public static let sourceRetention = SourceRetention.none
    public init() {}

    public func makeStream(context: ReportContext) -> any ReportStream { Stream(context: context) }

    struct Stream: ReportStream {
        let context: ReportContext
        var w = JSONWriter()

        mutating func begin() -> String {
            w.beginObject()
            w.beginObject("tool")
            w.string("name", context.toolName)
            w.string("version", context.toolVersion)
            w.endObject()
            w.beginArray("files")
            return w.take()
        }

        mutating func file(_ file: FileReport) -> String {
            w.beginObject()
            w.string("path", file.path)
            w.string("format", file.format.rawValue)
            w.beginArray("findings")
            for f in file.findings { JSONReporter.write(f, to: &w) }
            w.endArray()
            w.endObject()
            return w.take()
        }

        mutating func end(_ summary: RunSummary) -> String {
            w.endArray()
            w.beginArray("errors")
            for e in summary.errors {
                w.beginObject()
                w.string("path", e.path)
                w.string("message", e.message)
                w.endObject()
            }
            w.endArray()
            w.beginObject("summary")
            w.int("files", summary.files)
            w.int("findings", summary.findingCount)
            w.int("error", summary.errorCount)
            w.int("warning", summary.warningCount)
            w.int("info", summary.infoCount)
            w.endObject()
            w.endObject()
            return w.take() + "\n"
        }
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

import ClaimlintCore

/// `--format rdjsonl`: reviewdog diagnostics, one JSON object per line. Columns are 1-based
/// UTF-8 byte counts, as the Reviewdog Diagnostic Format defines them. A finding with a
/// mechanical `replacement` carries it as a suggestion (a one-click "suggested change").
public struct RDJSONLReporter: StreamingReporter {
    public static let name = "rdjsonl"
    public init() {}

    public func makeStream(context: ReportContext) -> any ReportStream { Stream(context: context) }

    struct Stream: ReportStream {
        let context: ReportContext

        func begin() -> String { "" }

        func file(_ file: FileReport) -> String {
            var out = ""
            let path = ReportPath.relative(file.path, to: context.workingDirectory)
            for f in file.findings {
                var w = JSONWriter(pretty: false)
                w.beginObject()
                let message = f.messageWithSuggestion(separator: "\n")
                w.string("message", message)
                w.beginObject("location")
                w.string("path", path)
                RDJSONLReporter.writeRange(f, source: file.source, to: &w)
                w.endObject()
                w.string("severity", f.severity.rawValue.uppercased())
                w.beginObject("source")
                w.string("name", context.toolName)
                w.endObject()
                w.beginObject("code")
                w.string("value", f.rule)
                if let url = RuleHelp.uri(context.rules.rule(f.rule)) { w.string("url", url) }
                w.endObject()
                if let replacement = f.replacement {
                    w.beginArray("suggestions")
                    w.beginObject()
                    RDJSONLReporter.writeRange(f, source: file.source, to: &w)
                    w.string("text", replacement)
                    w.endObject()
                    w.endArray()
                }
                w.endObject()
                out += w.output + "\n"
            }
            return out
        }

        func end(_ summary: RunSummary) -> String {
            var out = ""
            for e in summary.errors {
                var w = JSONWriter(pretty: false)
                w.beginObject()
                w.string("message", "could not lint: " + e.message)
                w.beginObject("location")
                w.string("path", ReportPath.relative(e.path, to: context.workingDirectory))
                w.endObject()
                w.string("severity", "ERROR")
                w.beginObject("source")
                w.string("name", context.toolName)
                w.endObject()
                w.endObject()
                out += w.output + "\n"
            }
            return out
        }
    }

    static func writeRange(_ f: Finding, source: SourceText?, to w: inout JSONWriter) {
        w.beginObject("range")
        w.beginObject("start")
        w.int("line", f.span.line)
        w.int("column", f.utf8Column(line: f.span.line, column: f.span.column, source: source))
        w.endObject()
        w.beginObject("end")
        w.int("line", f.span.endLine)
        w.int("column", f.utf8Column(line: f.span.endLine, column: f.span.endColumn, source: source))
        w.endObject()
        w.endObject()
    }
}

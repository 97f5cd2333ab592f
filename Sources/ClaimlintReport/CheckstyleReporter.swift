import ClaimlintCore

/// `--format checkstyle`: Checkstyle XML for Jenkins Warnings NG, reviewdog `-f=checkstyle`
/// and Sonar imports. `source` carries `claimlint.<rule id>`.
public struct CheckstyleReporter: StreamingReporter {
    public static let name = "checkstyle"
    public static let sourceRetention = SourceRetention.none
    public init() {}

    public func makeStream(context: ReportContext) -> any ReportStream { Stream(context: context) }

    struct Stream: ReportStream {
        let context: ReportContext

        func begin() -> String { XML.declaration + "<checkstyle version=\"4.3\">\n" }

        func file(_ file: FileReport) -> String {
            let e = XML.self
            var out = "  <file name=\"\(e.escape(ReportPath.relative(file.path, to: context.workingDirectory)))\">\n"
            for f in file.findings {
                let message = f.messageWithSuggestion(separator: ". ")
                out += "    <error line=\"\(f.span.line)\" column=\"\(f.span.column)\" severity=\"\(f.severity.rawValue)\" message=\"\(e.escape(message))\" source=\"\(e.escape(context.toolName + "." + f.rule))\"/>\n"
            }
            return out + "  </file>\n"
        }

        func end(_ summary: RunSummary) -> String {
            let e = XML.self
            var out = ""
            for err in summary.errors {
                out += "  <file name=\"\(e.escape(ReportPath.relative(err.path, to: context.workingDirectory)))\">\n"
                out += "    <error severity=\"error\" message=\"\(e.escape(err.message))\" source=\"\(e.escape(context.toolName)).input\"/>\n"
                out += "  </file>\n"
            }
            return out + "</checkstyle>\n"
        }
    }
}

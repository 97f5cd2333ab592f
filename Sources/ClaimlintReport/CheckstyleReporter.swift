import ClaimlintCore

/// `--format checkstyle`: Checkstyle XML for Jenkins Warnings NG, reviewdog `-f=checkstyle`
/// and Sonar imports. `source` carries `claimlint.<rule id>`.
public struct CheckstyleReporter: Reporter {
    public static let name = "checkstyle"
    public init() {}

    public func render(_ report: RunReport, context: ReportContext) throws -> String {
        let e = XML.self
        var out = XML.declaration + "<checkstyle version=\"4.3\">\n"
        for file in report.files {
            out += "  <file name=\"\(e.escape(ReportPath.relative(file.path, to: context.workingDirectory)))\">\n"
            for f in file.findings {
                var message = f.message
                if let s = f.suggestion { message += ". Suggestion: " + s }
                out += "    <error line=\"\(f.span.line)\" column=\"\(f.span.column)\" severity=\"\(f.severity.rawValue)\" message=\"\(e.escape(message))\" source=\"\(e.escape(context.toolName + "." + f.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        for err in report.errors {
            out += "  <file name=\"\(e.escape(ReportPath.relative(err.path, to: context.workingDirectory)))\">\n"
            out += "    <error severity=\"error\" message=\"\(e.escape(err.message))\" source=\"\(e.escape(context.toolName)).input\"/>\n"
            out += "  </file>\n"
        }
        out += "</checkstyle>\n"
        return out
    }
}

import ClaimlintCore

/// `--format junit`: JUnit XML for GitLab, Jenkins and Azure test reports. One testsuite per
/// file, one failing testcase per finding, one passing testcase for a clean file (so test
/// counts make sense), and an `<error>` testcase for a file that could not be read.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    public static let sourceRetention = SourceRetention.none
    public init() {}

    public func render(_ report: RunReport, context: ReportContext) throws -> String {
        let e = XML.self
        let tests = report.files.reduce(0) { $0 + max(1, $1.findings.count) } + report.errors.count
        var out = XML.declaration
        out += "<testsuites name=\"\(e.escape(context.toolName))\" tests=\"\(tests)\" failures=\"\(report.findingCount)\" errors=\"\(report.errors.count)\">\n"
        for file in report.files {
            let path = ReportPath.relative(file.path, to: context.workingDirectory)
            out += "  <testsuite name=\"\(e.escape(path))\" tests=\"\(max(1, file.findings.count))\" failures=\"\(file.findings.count)\" errors=\"0\">\n"
            if file.findings.isEmpty {
                out += "    <testcase classname=\"\(e.escape(path))\" name=\"\(e.escape(context.toolName))\"/>\n"
            }
            for f in file.findings {
                out += "    <testcase classname=\"\(e.escape(path))\" name=\"\(e.escape("\(f.rule)@\(f.span.line):\(f.span.column)"))\">\n"
                var body = "\(path):\(f.span.line):\(f.span.column): \(f.severity.rawValue): \(f.message) (\(f.rule))"
                if !f.excerpt.isEmpty { body += "\n  text: " + f.excerpt }
                if let s = f.suggestion { body += "\n  suggestion: " + s }
                out += "      <failure type=\"\(f.severity.rawValue)\" message=\"\(e.escape(f.message))\">\(e.escape(body, attribute: false))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        if !report.errors.isEmpty {
            out += "  <testsuite name=\"unreadable inputs\" tests=\"\(report.errors.count)\" failures=\"0\" errors=\"\(report.errors.count)\">\n"
            for err in report.errors {
                let path = ReportPath.relative(err.path, to: context.workingDirectory)
                out += "    <testcase classname=\"\(e.escape(path))\" name=\"read\">\n"
                out += "      <error message=\"\(e.escape(err.message))\">\(e.escape("\(path): \(err.message)", attribute: false))</error>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }
}

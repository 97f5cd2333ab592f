import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation

/// Hand-made runs and tool probes shared by the reporter tests.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sarifSchema = packageRoot.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json").standardizedFileURL

    /// A small rule pack so the tests do not depend on which built-in rules exist.
    static let rules: RuleSet = {
        let pack = """
        pack: test
        rules:
          - id: claims.unsupported
            category: claim
            severity: warning
            summary: A health claim with no source.
            message: "Unsupported claim '{phrase}'"
            what: Flags health claims with no citation.
            why: Regulators require substantiation.
            example: "This serum cures acne."
            use_instead: "In one small trial, this serum reduced spots."
            standards: [FTC, EU 655/2013]
            references:
              - title: FTC Health Products Compliance Guidance
                url: https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance
          - id: sentence.fragment
            category: fragment
            severity: info
            summary: A sentence fragment.
            message: "Fragment"
            what: Flags fragments.
            why: Fragments confuse readers.
        """
        return try! RuleSet(files: [(path: "test.yml", contents: pack)])
    }()

    static let context = ReportContext(rules: rules, toolVersion: "1.2.3", workingDirectory: "/repo")

    static func finding(_ rule: String = "claims.unsupported", category: Category = .claim, severity: Severity = .warning,
                        message: String, line: Int, column: Int, endColumn: Int, offset: Int, excerpt: String,
                        suggestion: String? = nil, replacement: String? = nil) -> Finding {
        Finding(rule: rule, category: category, severity: severity, message: message,
                span: SourceSpan(offset: offset, length: excerpt.utf8.count, line: line, column: column, endLine: line, endColumn: endColumn),
                excerpt: excerpt, strength: rule.hasPrefix("claims") ? .strong : nil, suggestion: suggestion, replacement: replacement,
                fingerprintText: excerpt.lowercased(), details: [:])
    }

    /// Messages full of characters each format must escape: %, :, ",", quotes, markup,
    /// newlines, a control character, multi-byte text.
    static let hostileMessage = "100% cure: \"guaranteed\", <script>alert(1)</script> & more\nsecond line\r\u{7}é😀"

    static var run: RunReport {
        let source = SourceText(path: "/repo/content/post.html", string: "Intro.\nCafé serum cures acne fast.\n")
        let a = finding(message: hostileMessage, line: 2, column: 6, endColumn: 23, offset: 13,
                        excerpt: "serum cures acne", suggestion: "say 'may help, in one trial'", replacement: "may help with acne")
        let b = finding("sentence.fragment", category: .fragment, severity: .info, message: "Fragment: 'fast.'", line: 2, column: 24, endColumn: 29, offset: 31, excerpt: "fast.")
        return RunReport(files: [
            FileReport(path: "/repo/content/post.html", format: .html, findings: [a, b], source: source),
            FileReport(path: "content/clean file.txt", format: .text, findings: []),
            FileReport(path: "./content/a,b:c.md", format: .markdown, findings: [
                finding("unknown.rule", severity: .error, message: "a, b: c", line: 1, column: 1, endColumn: 2, offset: 0, excerpt: "x"),
            ]),
        ], errors: [LintError(path: "content/<bad>.html", message: "not valid UTF-8 & not HTML")])
    }
}

extension Fixture {
    /// The built-in boilerplate rules only, so checkers that land later do not change counts.
    static func boilerplateLinter() throws -> Linter {
        var config = Configuration()
        config.ruleSettings = [(selector: "*", setting: .off, line: nil), (selector: "boilerplate", setting: .on, line: nil)]
        return try Linter(configuration: config)
    }
}

enum Tooling {
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    @discardableResult
    static func run(_ executable: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static let hasJSONSchema: Bool = {
        guard let python = which("python3") else { return false }
        return (try? run(python, ["-c", "import jsonschema"]))?.status == 0
    }()

    static let chromium: String? = which("chromium") ?? which("chromium-browser") ?? which("google-chrome")

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimlint-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

// MARK: SARIF

@Test(.enabled(if: Tooling.hasJSONSchema, "python3 with jsonschema is not installed: cannot validate SARIF against the schema"))
func sarifIsValidAgainstTheOfficialSchema() throws {
    try #require(FileManager.default.fileExists(atPath: Fixture.sarifSchema.path), "schema missing at \(Fixture.sarifSchema.path)")
    let sarif = try SARIFReporter().render(Fixture.run, context: Fixture.context)
    let dir = try Tooling.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("out.sarif")
    try sarif.write(to: file, atomically: true, encoding: .utf8)
    let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
    cls = jsonschema.validators.validator_for(schema)
    errors = sorted(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(doc), key=str)
    for e in errors: print(list(e.absolute_path), e.message)
    sys.exit(1 if errors else 0)
    """
    let r = try Tooling.run(Tooling.which("python3")!, ["-c", script, Fixture.sarifSchema.path, file.path])
    #expect(r.status == 0, "schema violations:\n\(r.out)\(r.err)")
    // And an empty run is valid too.
    try SARIFReporter().render(RunReport(files: [], errors: []), context: Fixture.context).write(to: file, atomically: true, encoding: .utf8)
    let empty = try Tooling.run(Tooling.which("python3")!, ["-c", script, Fixture.sarifSchema.path, file.path])
    #expect(empty.status == 0, "schema violations:\n\(empty.out)\(empty.err)")
}

@Test(.enabled(if: Tooling.hasJSONSchema, "python3 with jsonschema is not installed: cannot validate SARIF against the schema"))
func sarifOfTheSampleArticlesWithBuiltInRulesIsValid() async throws {
    let linter = try Linter()
    let samples = Fixture.packageRoot.appendingPathComponent("Fixtures/samples").path
    let run = await linter.run(paths: [samples])
    #expect(run.findingCount > 0 && run.errors.isEmpty)
    let sarif = try SARIFReporter().render(run, context: ReportContext(rules: linter.rules, toolVersion: Linter.version, workingDirectory: Fixture.packageRoot.path))
    #expect(sarif.contains("\"uri\": \"Fixtures/samples/"))
    let dir = try Tooling.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("samples.sarif")
    try sarif.write(to: file, atomically: true, encoding: .utf8)
    let script = "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); d=json.load(open(sys.argv[2])); e=list(jsonschema.validators.validator_for(s)(s).iter_errors(d)); [print(list(x.absolute_path), x.message) for x in e]; sys.exit(1 if e else 0)"
    let r = try Tooling.run(Tooling.which("python3")!, ["-c", script, Fixture.sarifSchema.path, file.path])
    #expect(r.status == 0, "schema violations:\n\(r.out)\(r.err)")
}

@Test func sarifCarriesRuleDocsRelativeURIsAndTextFingerprints() throws {
    let sarif = try SARIFReporter().render(Fixture.run, context: Fixture.context)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    #expect(root["version"] as? String == "2.1.0")
    let run = try #require((root["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ["claims.unsupported", "sentence.fragment", "unknown.rule"])
    let claim = rules[0]
    #expect((claim["shortDescription"] as? [String: String])?["text"] == "A health claim with no source.")
    #expect((claim["fullDescription"] as? [String: String])?["text"] == "Flags health claims with no citation.")
    let help = try #require(claim["help"] as? [String: String])
    #expect(help["markdown"]?.contains("## Why") == true && help["markdown"]?.contains("[FTC Health Products") == true)
    #expect(help["text"]?.contains("Use instead: In one small trial") == true)
    #expect((claim["helpUri"] as? String)?.hasPrefix("https://www.ftc.gov/") == true)

    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 3)
    func location(_ r: [String: Any]) -> [String: Any] {
        ((r["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
    }
    let artifact = location(results[0])["artifactLocation"] as! [String: String]
    #expect(artifact == ["uri": "content/post.html", "uriBaseId": "%SRCROOT%"])
    let odd = location(results[2])["artifactLocation"] as! [String: String]
    #expect(odd["uri"] == "content/a%2Cb%3Ac.md")
    let region = location(results[0])["region"] as! [String: Any]
    #expect(region["startLine"] as? Int == 2 && region["startColumn"] as? Int == 6 && region["byteOffset"] as? Int == 13)
    #expect(results[0]["ruleIndex"] as? Int == 0 && results[2]["ruleIndex"] as? Int == 2)
    #expect((results[0]["message"] as? [String: String])?["text"]?.hasPrefix(Fixture.hostileMessage) == true)
    #expect(results[0]["fixes"] != nil && results[1]["fixes"] == nil)

    // The fingerprint depends on rule and text, not on line or offset: moving the finding
    // (text inserted above, a reflow) keeps it; changing the text changes it.
    var moved = Fixture.run
    moved.files[0].findings[0].span = SourceSpan(offset: 900, length: 16, line: 40, column: 1, endLine: 41, endColumn: 3)
    let movedRun = try #require((try JSONSerialization.jsonObject(with: Data(try SARIFReporter().render(moved, context: Fixture.context).utf8)) as? [String: Any])?["runs"] as? [[String: Any]])
    let movedResults = try #require(movedRun[0]["results"] as? [[String: Any]])
    #expect(movedResults[0]["partialFingerprints"] as? [String: String] == results[0]["partialFingerprints"] as? [String: String])
    #expect(results[0]["partialFingerprints"] as? [String: String] != results[1]["partialFingerprints"] as? [String: String])
    // Two identical findings in one file get distinct fingerprints (occurrence numbers).
    #expect(SARIFReporter.fingerprint(rule: "r", text: "t", occurrence: 1) != SARIFReporter.fingerprint(rule: "r", text: "t", occurrence: 2))
}

// MARK: GitHub

@Test func githubEscapesMessagesAndProperties() throws {
    #expect(GitHubReporter.escapeData("50% off: a, b\r\nc") == "50%25 off: a, b%0D%0Ac")
    #expect(GitHubReporter.escapeProperty("50% off: a, b\r\nc") == "50%25 off%3A a%2C b%0D%0Ac")
    // % is escaped first, so an existing "%3A" in a message is not decoded back to ":".
    #expect(GitHubReporter.escapeData("%3A") == "%253A")

    let out = try GitHubReporter().render(Fixture.run, context: Fixture.context)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 4)  // 3 findings + 1 unreadable file; messages' newlines are escaped
    #expect(lines[0] == "::warning file=content/post.html,line=2,col=6,endLine=2,endColumn=23,title=claims.unsupported (strong)::"
        + "100%25 cure: \"guaranteed\", <script>alert(1)</script> & more%0Asecond line%0D\u{7}é😀%0ASuggestion: say 'may help, in one trial'")
    #expect(lines[1].hasPrefix("::notice file=content/post.html,line=2,col=24,"))
    #expect(lines[2].hasPrefix("::error file=content/a%2Cb%3Ac.md,line=1,") && lines[2].hasSuffix("::a, b: c"))
    #expect(lines[3] == "::error file=content/<bad>.html,title=claimlint could not lint this file::not valid UTF-8 & not HTML")
}

@Test func githubStepSummaryIsAppendedOnlyWhenTheVariableIsSet() throws {
    #expect(try GitHubReporter.appendStepSummary(Fixture.run, context: Fixture.context, environment: [:]) == nil)
    let dir = try Tooling.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("summary.md")
    try "previous step\n".write(to: file, atomically: true, encoding: .utf8)
    let env = ["GITHUB_STEP_SUMMARY": file.path]
    #expect(try GitHubReporter.appendStepSummary(Fixture.run, context: Fixture.context, environment: env) == file.path)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasPrefix("previous step\n## claimlint\n"))
    #expect(text.contains("3 findings in 3 files: 1 error, 1 warning, 1 info; 1 could not be read."))
    #expect(text.contains("| claim | 2 |"))
    // Article text cannot inject markup or break the table.
    #expect(!text.contains("<script>") && text.contains("&lt;script&gt;"))
    #expect(text.contains("| 1 | error | `unknown.rule` | a, b: c |"))
}

// MARK: XML formats

private func parseXML(_ s: String) throws -> XMLDocument {
    try XMLDocument(data: Data(s.utf8), options: [])
}

@Test func junitIsWellFormedWithASuitePerFile() throws {
    let xml = try JUnitReporter().render(Fixture.run, context: Fixture.context)
    let doc = try parseXML(xml)
    let root = try #require(doc.rootElement())
    #expect(root.name == "testsuites")
    #expect(root.attribute(forName: "tests")?.stringValue == "5")  // 2 + 1 passing + 1 + 1 error
    #expect(root.attribute(forName: "failures")?.stringValue == "3")
    let suites = root.elements(forName: "testsuite")
    #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["content/post.html", "content/clean file.txt", "content/a,b:c.md", "unreadable inputs"])
    let clean = suites[1].elements(forName: "testcase")
    #expect(clean.count == 1 && clean[0].elements(forName: "failure").isEmpty)
    let failure = try #require(suites[0].elements(forName: "testcase").first?.elements(forName: "failure").first)
    // The hostile message survives the round trip, minus the control character XML cannot hold.
    let expected = Fixture.hostileMessage.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}")
    #expect(failure.attribute(forName: "message")?.stringValue == expected)
    #expect(failure.stringValue?.contains("suggestion: say 'may help, in one trial'") == true)
    #expect(suites[3].elements(forName: "testcase").first?.elements(forName: "error").first?.attribute(forName: "message")?.stringValue == "not valid UTF-8 & not HTML")
}

@Test func checkstyleIsWellFormed() throws {
    let xml = try CheckstyleReporter().render(Fixture.run, context: Fixture.context)
    let doc = try parseXML(xml)
    let root = try #require(doc.rootElement())
    #expect(root.name == "checkstyle")
    let files = root.elements(forName: "file")
    #expect(files.count == 4)
    let errors = files[0].elements(forName: "error")
    #expect(errors.count == 2)
    #expect(errors[0].attribute(forName: "line")?.stringValue == "2")
    #expect(errors[0].attribute(forName: "column")?.stringValue == "6")
    #expect(errors[0].attribute(forName: "source")?.stringValue == "claimlint.claims.unsupported")
    #expect(errors[1].attribute(forName: "severity")?.stringValue == "info")
    #expect(errors[0].attribute(forName: "message")?.stringValue?.hasPrefix("100% cure: \"guaranteed\", <script>") == true)
    #expect(files[3].attribute(forName: "name")?.stringValue == "content/<bad>.html")
}

@Test func xmlEscapingCoversMarkupQuotesAndForbiddenCharacters() {
    #expect(XML.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    #expect(XML.escape("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    #expect(XML.escape("a\nb\tc") == "a&#10;b&#9;c")
    #expect(XML.escape("a\nb", attribute: false) == "a\nb")
}

// MARK: rdjsonl

@Test func rdjsonlLinesAreJSONWithByteColumnsAndSuggestions() throws {
    let out = try RDJSONLReporter().render(Fixture.run, context: Fixture.context)
    #expect(out.hasSuffix("\n"))
    let lines = out.split(separator: "\n")
    #expect(lines.count == 4)
    var objects: [[String: Any]] = []
    for line in lines {
        let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        objects.append(o)
        #expect(["ERROR", "WARNING", "INFO"].contains(o["severity"] as? String ?? ""))
        #expect((o["location"] as? [String: Any])?["path"] is String)
    }
    let first = objects[0]
    let range = try #require((first["location"] as? [String: Any])?["range"] as? [String: [String: Int]])
    // "Café serum": the span starts at scalar column 6, byte column 7 ("é" is two bytes).
    #expect(range["start"] == ["line": 2, "column": 7])
    #expect((first["code"] as? [String: String])?["value"] == "claims.unsupported")
    #expect((first["code"] as? [String: String])?["url"]?.hasPrefix("https://www.ftc.gov/") == true)
    let suggestions = try #require(first["suggestions"] as? [[String: Any]])
    #expect(suggestions.first?["text"] as? String == "may help with acne")
    #expect(objects[1]["suggestions"] == nil)
    #expect((first["message"] as? String)?.hasPrefix(Fixture.hostileMessage) == true)
}

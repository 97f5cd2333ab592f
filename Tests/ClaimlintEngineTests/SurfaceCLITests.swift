import ClaimlintEngine
import Foundation
import Testing

@Test func minSeverityAndQuiet() throws {
    let dir = try SurfaceProject.make(files: ["a.txt": "Advertisement\n\nRead more: the zinc guide\n", "clean.txt": "Sleep helps the body recover.\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let all = try SurfaceProject.findings(try CLI.run(["lint", "a.txt", "--format", "json"], cwd: dir).stdout)
    #expect(Set(all.compactMap { $0["severity"] as? String }) == ["info", "warning"])
    let warnings = try SurfaceProject.findings(try CLI.run(["lint", "a.txt", "--format", "json", "--min-severity", "warning"], cwd: dir).stdout)
    #expect(warnings.count == 1 && warnings[0]["severity"] as? String == "warning")
    #expect(try CLI.run(["lint", "a.txt", "--min-severity", "loud"], cwd: dir).status != 0)

    let quietClean = try CLI.run(["lint", "clean.txt", "--quiet"], cwd: dir)
    #expect(quietClean.status == 0 && quietClean.stdout.isEmpty && quietClean.stderr.isEmpty)
    let loudClean = try CLI.run(["lint", "clean.txt"], cwd: dir)
    #expect(!loudClean.stdout.isEmpty)
    let quietDirty = try CLI.run(["lint", "a.txt", "--quiet"], cwd: dir)
    #expect(quietDirty.stdout.contains("boilerplate.read-more"))
    let quietMissing = try CLI.run(["lint", "missing.txt", "-q"], cwd: dir)
    #expect(quietMissing.status == 2 && quietMissing.stderr.contains("missing.txt"))
}

@Test func githubFormatAppendsTheStepSummary() throws {
    let dir = try SurfaceProject.make(files: ["post.txt": "This balm cures eczema, 100% of the time.\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let summary = dir.appendingPathComponent("summary.md")
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = ["lint", "post.txt", "--format", "github"]
    p.currentDirectoryURL = dir
    p.environment = ["GITHUB_STEP_SUMMARY": summary.path, "PATH": "/usr/bin:/bin"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let stdout = String(decoding: data, as: UTF8.self)
    #expect(stdout.hasPrefix("::warning file=post.txt,line=1,col=11,"))
    #expect(stdout.contains("title=house.cure::Unsupported cure claim"))
    let md = try String(contentsOf: summary, encoding: .utf8)
    #expect(md.contains("## claimlint") && md.contains("| claim | 1 |"))
}

@Test func everyFormatIsRegistered() throws {
    for format in ["text", "json", "sarif", "github", "junit", "checkstyle", "rdjsonl"] {
        let r = try CLI.run(["lint", "-", "--format", format, "--stdin-name", "x.txt", "--fail-on", "never"], stdin: "Read more: a guide\n")
        #expect(r.status == 0, "\(format): \(r.stderr)")
        #expect(!r.stdout.isEmpty, "\(format) printed nothing")
    }
}

@Test func initWritesAStarterConfigTheLinterAccepts() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["init"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let path = dir.appendingPathComponent(".claimlint.yml").path
    var text = try String(contentsOfFile: path, encoding: .utf8)
    for key in ["scope:", "include:", "exclude:", "packs:", "# rules:", "limits:", "# disclaimer:", "# sentence:"] {
        #expect(text.contains(key), "starter config lacks \(key)")
    }
    _ = try Linter(configuration: try Configuration.load(path: path))
    // Uncommenting the rules block gives a valid config too.
    var inRules = false
    text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line == "# rules:" { inRules = true; return "rules:" }
        if line.isEmpty { inRules = false }
        if inRules { return "  " + line.dropFirst(4).split(separator: "#")[0] }
        return String(line)
    }.joined(separator: "\n")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let configured = try Linter(configuration: try Configuration.load(path: path))
    #expect(configured.configuration.ruleSettings.count > 1)
    // So does uncommenting the disclaimer policy example.
    var inDisclaimer = false
    text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line == "# disclaimer:" || line == "# sentence:" { inDisclaimer = true }
        if line == "#" || line.isEmpty { inDisclaimer = false }
        return inDisclaimer ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
    #expect(text.contains("\ndisclaimer:\n  # The site"))
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let withPolicy = try Linter(configuration: try Configuration.load(path: path))
    #expect(withPolicy.configuration.checkerSections["disclaimer"] != nil)
    #expect(withPolicy.configuration.checkerSections["sentence"] != nil)
    // A second init does not overwrite.
    #expect(try CLI.run(["init"], cwd: dir).status == 2)
    #expect(try CLI.run(["init", "--force"], cwd: dir).status == 0)
}

import Foundation
import Testing

/// End-to-end runs of the built `claimlint` binary (built by `swift build --build-tests`).
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/claimlint") }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], binary: URL = CLI.binary, cwd: URL? = nil, stdin: String? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimlint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

@Test func binaryCopiedAloneRunsWithEmbeddedRulePacks() throws {
    try #require(FileManager.default.fileExists(atPath: CLI.binary.path), "build the binary first (swift build)")
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("claimlint")
    try FileManager.default.copyItem(at: CLI.binary, to: copy)
    try "Read more: our zinc guide\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let rules = try CLI.run(["rules"], binary: copy, cwd: dir)
    #expect(rules.status == 0)
    #expect(rules.stdout.contains("boilerplate.read-more"))
    let lint = try CLI.run(["lint", "a.txt", "--format", "json", "--fail-on", "warning"], binary: copy, cwd: dir)
    #expect(lint.status == 1)
    #expect(lint.stdout.contains("\"rule\": \"boilerplate.read-more\""))
}

#if os(Linux)
/// The CLI allocates through mimalloc (Package.swift links it ahead of libc; docs/performance.md, perf16). If the
/// link were dropped (an `--as-needed` linker, a lost linker setting) the binary would silently fall back to glibc's
/// malloc and lose its 6-7%; mimalloc announces itself on stderr when MIMALLOC_VERBOSE is set, glibc does not.
@Test func binaryAllocatesThroughMimalloc() throws {
    try #require(FileManager.default.fileExists(atPath: CLI.binary.path), "build the binary first (swift build)")
    let quiet = try CLI.run(["rules"])
    #expect(quiet.status == 0)
    #expect(!quiet.stderr.contains("mimalloc"))
    let verbose = try CLI.run(["rules"], environment: ["MIMALLOC_VERBOSE": "1"])
    #expect(verbose.status == 0)
    #expect(verbose.stderr.contains("mimalloc"), "stderr: \(verbose.stderr.prefix(300))")
}
#endif

@Test func exitCodesFollowTheContract() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Sleep helps the body recover.\n".write(to: dir.appendingPathComponent("clean.txt"), atomically: true, encoding: .utf8)
    try "Read more: our zinc guide\n".write(to: dir.appendingPathComponent("promo.txt"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["lint", "clean.txt"], cwd: dir).status == 0)
    // A warning does not fail the default --fail-on error; it does with --fail-on warning.
    #expect(try CLI.run(["lint", "promo.txt"], cwd: dir).status == 0)
    #expect(try CLI.run(["lint", "promo.txt", "--fail-on", "warning"], cwd: dir).status == 1)
    #expect(try CLI.run(["lint", "promo.txt", "--fail-on", "never"], cwd: dir).status == 0)
    let missing = try CLI.run(["lint", "clean.txt", "missing.html", "promo.txt", "--format", "json"], cwd: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("missing.html"))
    #expect(missing.stdout.contains("promo.txt") && missing.stdout.contains("clean.txt"))
    #expect(try CLI.run(["lint", "--format", "yaml", "clean.txt"], cwd: dir).status != 0)
}

@Test func brokenConfigIsExitTwoWithFileAndLine() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "scope: article\nrules:\n  boilerplate.read-more: loudly\n".write(to: dir.appendingPathComponent(".claimlint.yml"), atomically: true, encoding: .utf8)
    try "x\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["lint", "a.txt"], cwd: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains(".claimlint.yml:3:"))
}

@Test func stdinIsReadOnlyWhenAskedFor() throws {
    let r = try CLI.run(["lint", "-", "--stdin-name", "draft.txt", "--format", "json"], stdin: "Advertisement\n")
    #expect(r.stdout.contains("\"path\": \"draft.txt\""))
    #expect(r.stdout.contains("boilerplate.ad-label"))
    // Only stdin is linted: run from the package root, which has many lintable files.
    #expect(r.stdout.contains("\"files\": 1,"), "stdin alone must not also scan the working directory")
}

@Test func explainPrintsRuffStyleDocs() throws {
    let r = try CLI.run(["explain", "boilerplate.read-more"])
    #expect(r.status == 0)
    for heading in ["What it does", "Why", "Example", "Use instead", "References"] { #expect(r.stdout.contains(heading)) }
    #expect(try CLI.run(["explain", "no.such-rule"]).status == 2)
}

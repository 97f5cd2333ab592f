@testable import ClaimlintEngine
import Foundation
import Testing

/// When a trap happens anyway, the note on stderr names the file (CrashNotice). The trap is
/// the debug-only `CLAIMLINT_DEBUG_TRAP_MARKER`: a file containing the marker traps inside
/// `Linter.lint(bytes:path:)`, on a lint worker, as a real bug in a checker would.
enum TrapRun {
    static let marker = "TRAP-HERE-FOR-THE-CRASH-NOTE-TEST"

    struct Result { var exitedBySignal: Int32?; var status: Int32; var stderr: String }

    /// Runs the debug binary with `extra` added to the environment; the report is not needed.
    static func run(_ args: [String], cwd: URL, environment extra: [String: String]) throws -> Result {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        p.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(exitedBySignal: p.terminationReason == .uncaughtSignal ? p.terminationStatus : nil,
                      status: p.terminationStatus, stderr: String(decoding: e, as: UTF8.self))
    }

    static func files() throws -> URL {
        let dir = try Scratch.dir("trap")
        try Scratch.write(Scratch.goodText, "a-good.txt", in: dir)
        try Scratch.write("Sleep helps the body recover. \(marker)\n", "sub/b-trap.txt", in: dir)
        try Scratch.write(Scratch.goodText, "c-good.txt", in: dir)
        return dir
    }

    #if os(Linux)
    static let isLinux = true
    #else
    static let isLinux = false
    #endif

    static let note = "claimlint: internal error while linting sub/b-trap.txt (signal "
    static let noteEnd = "); this is a bug in claimlint, please report it with that file\n"
}

#if DEBUG
@Test func trapWhileLintingNamesTheFileAndDiesOfTheSignal() throws {
    let dir = try TrapRun.files()
    defer { try? FileManager.default.removeItem(at: dir) }
    // No backtracer: nothing was installed before the note's handler, so it restores the
    // default action and re-raises.
    let r = try TrapRun.run(["lint", ".", "--format", "json"], cwd: dir,
                            environment: ["CLAIMLINT_DEBUG_TRAP_MARKER": TrapRun.marker, "SWIFT_BACKTRACE": "enable=no"])
    #expect(r.stderr.contains(TrapRun.note + "SIGILL" + TrapRun.noteEnd) || r.stderr.contains(TrapRun.note + "SIGTRAP" + TrapRun.noteEnd), "\(r.stderr)")
    #expect(r.exitedBySignal == SIGILL || r.exitedBySignal == SIGTRAP, "status \(r.status), by signal: \(r.exitedBySignal != nil)")
}

/// Linux only: the runtime's backtracer is on by default there (elsewhere it may be absent).
@Test(.enabled(if: TrapRun.isLinux, "the Swift backtracer is checked on Linux only"))
func trapNoteChainsToTheSwiftBacktracer() throws {
    let dir = try TrapRun.files()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try TrapRun.run(["lint", "."], cwd: dir,
                            environment: ["CLAIMLINT_DEBUG_TRAP_MARKER": TrapRun.marker, "SWIFT_BACKTRACE": "enable=yes,interactive=no,symbolicate=off"])
    guard let note = r.stderr.range(of: TrapRun.note) else { Issue.record("no note: \(r.stderr)"); return }
    // The runtime's backtracer ran after the note (it was the handler installed before ours).
    #expect(r.stderr[note.upperBound...].contains("Program crashed"), "\(r.stderr.prefix(2000))")
    #expect(r.exitedBySignal == SIGILL || r.exitedBySignal == SIGTRAP, "status \(r.status)")
}

@Test func markerVariableWithoutAMarkedFileLintsNormally() throws {
    let dir = try Scratch.dir("trap")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Scratch.write(Scratch.goodText, "good.txt", in: dir)
    let r = try TrapRun.run(["lint", ".", "--format", "json"], cwd: dir,
                            environment: ["CLAIMLINT_DEBUG_TRAP_MARKER": TrapRun.marker, "SWIFT_BACKTRACE": "enable=no"])
    #expect(r.exitedBySignal == nil && r.status <= 1, "\(r.stderr)")
    #expect(!r.stderr.contains("internal error"))
}
#endif

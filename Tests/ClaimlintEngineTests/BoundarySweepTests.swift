import Foundation
import Testing

/// A deterministic sample of the boundary sweep (Sources/ClaimlintSweep; `make sweep` runs all
/// of it): every 200th fixture paragraph, unterminated, cut after and before every token, and each of its
/// sentences alone as text and as an HTML list item, heading and table cell, linted in process.
/// A subprocess, so that a trap fails this test with the crash note naming the input instead
/// of ending the test run.
@Test func boundarySweepSampleLintsEveryCutWithoutATrap() throws {
    let binary = CLI.packageRoot.appendingPathComponent(".build/debug/claimlint-sweep")
    try #require(FileManager.default.fileExists(atPath: binary.path), "build it first (swift build --build-tests)")
    let p = Process()
    p.executableURL = binary
    p.arguments = ["--sample", "200"]
    p.currentDirectoryURL = CLI.packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"  // the note names the input; a backtrace of every thread is noise here
    p.environment = environment
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationReason == .exit && p.terminationStatus == 0, "\(e.suffix(3000))")
    #expect(o.contains("no crash"), "\(o)")
    // The sample is not empty: the fixtures were found and cut (about 12,000 inputs at 1/200).
    let inputs = o.split(separator: " ").firstIndex(of: "inputs").map { Int(o.split(separator: " ")[$0 - 1]) ?? 0 } ?? 0
    #expect(inputs > 3000, "\(o)")
}

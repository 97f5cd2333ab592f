import CCrashNotice
import Foundation

/// Names the file in the way out of a crash. A Swift trap (a failed bounds check, an overflow,
/// a bad range) kills the process at once; without this the user sees a backtrace and no file
/// name. `Linter.lint(bytes:path:)` records, per thread, the path it is linting in a
/// preallocated slot; `install()` (the CLI's lint command) adds handlers for the fatal signals
/// that write
///
///     claimlint: internal error while linting PATH (signal SIGILL); this is a bug in claimlint, please report it with that file
///
/// to stderr and then chain to the Swift runtime's backtracer (or die of the signal).
///
/// Exit status: the process still dies of the signal (a shell sees 128+N: 132 for SIGILL, 133
/// for SIGTRAP), not exit 2. Exit 2 means "these inputs could not be used, every other file
/// was linted and reported"; after a trap the report is lost for every file, and the runtime
/// state cannot be trusted to write it. A signal death is unmistakably a crash to CI, keeps the
/// backtrace and core dump, and needs nothing from the crashed process but the one line.
public enum CrashNotice {
    /// Installs the fatal-signal handlers (once; later calls do nothing).
    public static func install() { claimlint_crash_notice_install() }

    /// Runs `body` with `path` recorded as the file this thread is linting.
    static func linting<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        let token = claimlint_crash_notice_enter(path)
        defer { claimlint_crash_notice_leave(token) }
        return try body()
    }

    #if DEBUG
    /// Debug builds only: a file containing this text traps, so a test can prove the crash
    /// note names the file (`CLAIMLINT_DEBUG_TRAP_MARKER`; release builds never read it).
    static let debugTrapMarker: [UInt8]? = ProcessInfo.processInfo.environment["CLAIMLINT_DEBUG_TRAP_MARKER"].flatMap { $0.isEmpty ? nil : Array($0.utf8) }

    static func trapIfMarked(_ bytes: [UInt8]) {
        guard let marker = debugTrapMarker, bytes.count >= marker.count else { return }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) {
                fatalError("CLAIMLINT_DEBUG_TRAP_MARKER found: trapping on purpose")
            }
        }
    }
    #endif
}

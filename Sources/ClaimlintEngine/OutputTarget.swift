import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a report or a baseline is written for a path given on the command line.
///
/// A regular file is written under a temporary name and renamed into place when complete, so a
/// failed run never leaves half a report under the real name. Anything else is written in
/// place: renaming over a device, a FIFO or `/dev/stdout` replaced the node itself (as root in a
/// CI container, `/dev/stdout` for the rest of the job) and printed nothing. A symlink is
/// followed, so the link stays and its target gets the new content.
public struct OutputTarget: Sendable, Equatable {
    /// The path to open: the symlink's target when `path` is a link.
    public var path: String
    /// Opened and written directly (a device, a FIFO, a directory that will fail to open).
    public var inPlace: Bool

    public init(_ requested: String) {
        var st = stat()
        if stat(requested, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            self.init(path: requested, inPlace: true)
            return
        }
        var lst = stat()
        if lstat(requested, &lst) == 0, lst.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(requested, nil) {
            defer { free(resolved) }
            self.init(path: String(cString: resolved), inPlace: false)
            return
        }
        self.init(path: requested, inPlace: false)
    }

    public init(path: String, inPlace: Bool) {
        self.path = path
        self.inPlace = inPlace
    }

    /// Writes `text` whole and commits it; throws with the reason (lowercase, as strerror says it).
    public func write(_ text: String) throws {
        let file = try OutputFile(self)
        file.write(text)
        try file.commit()
    }

    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    public struct OutputError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }
}

/// A report or baseline being written: to the target's temporary name (renamed into place by
/// `commit`) or in place, or to stdout. Every write is checked; the first failure is kept and
/// thrown by `commit`, so a full disk is an error, not a short report.
public final class OutputFile {
    private let fd: Int32
    private let target: OutputTarget?
    private let temporaryPath: String?
    private var failure: String?

    public init(_ target: OutputTarget) throws {
        let temporary = target.inPlace ? target.path : target.path + ".claimlint-\(getpid()).tmp"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputTarget.OutputError(reason: OutputTarget.reason(errno)) }
        self.target = target
        temporaryPath = target.inPlace ? nil : temporary
    }

    /// Standard output, which `commit` checks but does not close.
    public init() {
        fd = STDOUT_FILENO
        target = nil
        temporaryPath = nil
    }

    public func write(_ text: String) {
        guard failure == nil else { return }
        var text = text
        // Straight from the string's buffer: a large piece is not copied a second time.
        text.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue } else { failure = OutputTarget.reason(errno); break } }
                done += n
            }
        }
    }

    /// Closes a file (renaming it into place) and throws the first failed write, if any.
    public func commit() throws {
        if target != nil, close(fd) != 0, failure == nil { failure = OutputTarget.reason(errno) }
        if let failure {
            if let temporaryPath { unlink(temporaryPath) }
            throw OutputTarget.OutputError(reason: failure)
        }
        guard let temporaryPath, let target else { return }
        guard rename(temporaryPath, target.path) == 0 else {
            let reason = OutputTarget.reason(errno)
            unlink(temporaryPath)
            throw OutputTarget.OutputError(reason: reason)
        }
    }
}

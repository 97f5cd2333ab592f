import ClaimlintCore
import Foundation

/// Turns the paths on the command line (or the config's `include`) into the list of files to
/// lint: directories recursed in path order, regular files of known formats only, hidden folders
/// and symlink loops skipped, `exclude` applied. Files named explicitly are linted whatever
/// their extension (as text when unknown) and whatever their type: a pipe such as `<(cmd)` is
/// read like `cat` reads it, waiting for its writer.
public struct FileDiscovery: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    public struct Input: Sendable, Hashable {
        /// The path as shown in reports.
        public var path: String
        /// Path relative to the config's base directory, for include/exclude and policies.
        public var relativePath: String
        public var format: InputFormat
    }

    /// The inputs in report order, and errors for paths that do not exist.
    public func inputs(for paths: [String]) -> (inputs: [Input], errors: [LintError]) {
        var inputs: [Input] = []
        var errors: [LintError] = []
        var seen = Set<String>()
        let fm = FileManager.default
        let roots: [String]
        if paths.isEmpty {
            roots = configuration.include.isEmpty ? ["."] : [configuration.baseDirectory]
        } else {
            roots = paths
        }
        for root in roots {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else {
                errors.append(LintError(path: root, message: Self.notFound(root)))
                continue
            }
            if isDirectory.boolValue {
                var visited = Set<String>()
                walk(directory: root, into: &inputs, seen: &seen, visited: &visited, errors: &errors, filterByInclude: paths.isEmpty)
            } else {
                let format = InputFormat(pathExtension: (root as NSString).pathExtension) ?? .text
                let key = URL(fileURLWithPath: root).standardizedFileURL.path
                if seen.insert(key).inserted {
                    inputs.append(Input(path: root, relativePath: relativePath(root), format: format))
                }
            }
        }
        return (inputs, errors)
    }

    private func walk(directory: String, into inputs: inout [Input], seen: inout Set<String>, visited: inout Set<String>,
                      errors: inout [LintError], filterByInclude: Bool) {
        let fm = FileManager.default
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }  // a symlink loop
        defer { visited.remove(real) }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            errors.append(LintError(path: directory, message: "cannot read directory"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
            guard let type = Self.fileType(atPath: path) else {
                // A dangling link is skipped; a name Foundation could not decode is reported,
                // not skipped: it would otherwise vanish from the run without a word.
                if Self.hasUndecodableName(path) { errors.append(LintError(path: path, message: Self.notFound(path))) }
                continue
            }
            let rel = relativePath(path)
            if type == S_IFDIR {
                if ["node_modules", "vendor"].contains(name) { continue }
                if configuration.exclude.contains(where: { Glob($0).matches(rel) || Glob($0).matches(rel + "/") }) { continue }
                walk(directory: path, into: &inputs, seen: &seen, visited: &visited, errors: &errors, filterByInclude: filterByInclude)
                continue
            }
            // FIFOs, sockets and devices are never opened by a walk: opening a FIFO waits for a
            // writer, so one stray `mkfifo notes.md` would hang the whole run.
            guard type == S_IFREG else { continue }
            guard let format = InputFormat(pathExtension: (name as NSString).pathExtension) else { continue }
            if configuration.exclude.contains(where: { Glob($0).matches(rel) }) { continue }
            if filterByInclude && !configuration.include.isEmpty && !configuration.include.contains(where: { Glob($0).matches(rel) }) { continue }
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted {
                inputs.append(Input(path: path, relativePath: rel, format: format))
            }
        }
    }

    /// The file type bits (`S_IFDIR`, `S_IFREG`, ...) of `path`, following symlinks; nil when it
    /// cannot be stat'ed (a dangling link, gone, no permission on the directory).
    static func fileType(atPath path: String) -> mode_t? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return st.st_mode & S_IFMT
    }

    /// Swift strings cannot hold bytes that are not UTF-8: Foundation and the argument parser
    /// replace them with U+FFFD, and the replaced path names no file.
    static func hasUndecodableName(_ path: String) -> Bool { path.unicodeScalars.contains("\u{FFFD}") }

    static func notFound(_ path: String) -> String {
        hasUndecodableName(path)
            ? "cannot be opened: its name is not valid UTF-8 (shown with U+FFFD), which claimlint cannot pass on; rename the file"
            : "no such file or directory"
    }

    /// `path` relative to the config's base directory (or unchanged when outside it).
    public func relativePath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: configuration.baseDirectory).standardizedFileURL.path
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        return path
    }
}

import ClaimlintCore
import ClaimlintReport
import Foundation

/// Known findings to hide, so a repository with thousands of existing pages can adopt
/// claimlint and fail only on new problems (`--write-baseline FILE`, then `--baseline FILE`).
///
/// An entry is keyed on rule, repository-relative path and the finding's normalised flagged
/// text (`fingerprintText`), never on line or offset: inserting a paragraph above or reflowing
/// the text does not resurrect a finding. Each key has a count, so two identical findings in
/// one file need two recorded occurrences; a third one is new.
public struct Baseline: Sendable, Equatable {
    public struct Key: Sendable, Hashable, Comparable {
        public var path: String
        public var rule: String
        public var text: String
        public static func < (a: Key, b: Key) -> Bool { (a.path, a.rule, a.text) < (b.path, b.rule, b.text) }
    }

    public static let formatVersion = 1
    public private(set) var counts: [Key: Int] = [:]

    public init() {}

    /// Records every finding of a run. Paths are made relative to `workingDirectory`.
    public init(recording report: RunReport, workingDirectory: String) {
        for file in report.files { record(file, workingDirectory: workingDirectory) }
    }

    /// Records one file's findings (a streamed run records file by file).
    public mutating func record(_ file: FileReport, workingDirectory: String) {
        let path = ReportPath.relative(file.path, to: workingDirectory)
        for f in file.findings { counts[Key(path: path, rule: f.rule, text: f.fingerprintText), default: 0] += 1 }
    }

    public var entryCount: Int { counts.values.reduce(0, +) }

    /// The run without the findings the baseline knows, and how many were hidden. Within a
    /// key, the first occurrences in file order are the known ones.
    public func filter(_ report: RunReport, workingDirectory: String) -> (report: RunReport, hidden: Int) {
        var matcher = Matcher(self)
        var out = report
        for i in out.files.indices { out.files[i] = matcher.filter(out.files[i], workingDirectory: workingDirectory) }
        return (out, matcher.hidden)
    }

    /// Hides known findings file by file, in file order, counting down each key's occurrences.
    public struct Matcher: Sendable {
        var remaining: [Key: Int]
        public private(set) var hidden = 0

        public init(_ baseline: Baseline) { remaining = baseline.counts }

        public mutating func filter(_ file: FileReport, workingDirectory: String) -> FileReport {
            let path = ReportPath.relative(file.path, to: workingDirectory)
            var out = file
            out.findings = file.findings.filter { f in
                let key = Key(path: path, rule: f.rule, text: f.fingerprintText)
                guard let n = remaining[key], n > 0 else { return true }
                remaining[key] = n - 1
                hidden += 1
                return false
            }
            return out
        }
    }

    // MARK: File format

    /// JSON, entries sorted by path, rule and text, so the file is stable and diffs well:
    /// `{"version": 1, "entries": [{"path": ..., "rule": ..., "text": ..., "count": 2}]}`.
    public func encoded() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", Self.formatVersion)
        w.beginArray("entries")
        for key in counts.keys.sorted() {
            w.beginObject()
            w.string("path", key.path)
            w.string("rule", key.rule)
            w.string("text", key.text)
            w.int("count", counts[key]!)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    public static func decode(_ data: Data, file: String) throws -> Baseline {
        struct Entry: Decodable { var path: String; var rule: String; var text: String; var count: Int? }
        struct Root: Decodable { var version: Int; var entries: [Entry] }
        let root: Root
        do {
            root = try JSONDecoder().decode(Root.self, from: data)
        } catch {
            throw BaselineError(file: file, message: "not a claimlint baseline (expected JSON with 'version' and 'entries'): \(Self.describe(error))")
        }
        guard root.version == formatVersion else {
            throw BaselineError(file: file, message: "baseline version \(root.version) is not supported (expected \(formatVersion)); write it again with --write-baseline")
        }
        var b = Baseline()
        for e in root.entries {
            let n = e.count ?? 1
            guard n > 0 else { throw BaselineError(file: file, message: "entry for \(e.path) \(e.rule) has count \(n); counts must be positive") }
            b.counts[Key(path: e.path, rule: e.rule, text: e.text), default: 0] += n
        }
        return b
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(file: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read the baseline file" : "no such baseline file")
        }
        return try decode(data, file: path)
    }

    public func write(path: String) throws {
        do {
            try OutputTarget(path).write(encoded())
        } catch {
            throw BaselineError(file: path, message: "cannot write the baseline: \(error)")
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            c.codingPath.isEmpty ? "wrong type: a baseline is a JSON object" : "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "\(error)"
        }
    }
}

public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

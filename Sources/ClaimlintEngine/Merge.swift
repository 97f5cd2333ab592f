import ClaimlintCore
import ClaimlintReport
import Foundation

/// `claimlint merge`: combines the reports of `--shard` runs into one, in the same format
/// (claimlint JSON or SARIF). Files come out in the order a single run over the directory
/// lists them (path components compared one by one, as discovery walks), so merging the
/// shards of a directory reproduces the unsharded report.
public enum ReportMerger {
    public enum Format: String, Sendable { case json, sarif }

    public static func detectFormat(_ object: [String: Any]) -> Format? {
        if object["runs"] != nil && object["version"] != nil { return .sarif }
        if object["files"] != nil && object["tool"] != nil { return .json }
        return nil
    }

    /// Merges reports given as (name, bytes); `name` appears in error messages.
    public static func merge(_ inputs: [(name: String, data: Data)]) throws -> (format: Format, output: String) {
        guard !inputs.isEmpty else { throw MergeError(message: "nothing to merge: name two or more report files") }
        var objects: [(String, [String: Any])] = []
        var format: Format?
        for (name, data) in inputs {
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw MergeError(message: "\(name): not a JSON object (claimlint merges --format json or --format sarif reports)")
            }
            guard let f = detectFormat(object) else {
                throw MergeError(message: "\(name): neither a claimlint JSON report nor a SARIF log")
            }
            if let format, format != f {
                throw MergeError(message: "\(name): is \(f.rawValue) but the first report is \(format.rawValue); merge reports of one format")
            }
            format = f
            objects.append((name, object))
        }
        switch format! {
        case .json: return (.json, try mergeJSON(objects))
        case .sarif: return (.sarif, try mergeSARIF(objects))
        }
    }

    /// Orders paths as a directory walk does: component by component.
    static func pathOrder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "/", omittingEmptySubsequences: false)
        let y = b.split(separator: "/", omittingEmptySubsequences: false)
        return x.lexicographicallyPrecedes(y)
    }

    // MARK: claimlint JSON

    static func mergeJSON(_ objects: [(String, [String: Any])]) throws -> String {
        var files: [FileReport] = []
        var errors: [LintError] = []
        var seenErrors = Set<LintError>()
        var seenFiles = Set<String>()
        var toolName = "claimlint", toolVersion = Linter.version
        for (index, (name, object)) in objects.enumerated() {
            if index == 0, let tool = object["tool"] as? [String: Any] {
                toolName = tool["name"] as? String ?? toolName
                toolVersion = tool["version"] as? String ?? toolVersion
            }
            guard let fileList = object["files"] as? [[String: Any]] else { throw MergeError(message: "\(name): 'files' is not a list") }
            for file in fileList {
                guard let path = file["path"] as? String else { throw MergeError(message: "\(name): a file has no 'path'") }
                guard seenFiles.insert(path).inserted else {
                    throw MergeError(message: "\(name): \(path) is also in another report; were the shards run with the same --shard N?")
                }
                let format = (file["format"] as? String).flatMap(InputFormat.init(rawValue:)) ?? .text
                let findings = try (file["findings"] as? [[String: Any]] ?? []).map { try finding($0, in: name) }
                files.append(FileReport(path: path, format: format, findings: findings))
            }
            for e in object["errors"] as? [[String: Any]] ?? [] {
                let err = LintError(path: e["path"] as? String ?? "", message: e["message"] as? String ?? "")
                // Every shard reports a missing command-line path; keep one.
                if seenErrors.insert(err).inserted { errors.append(err) }
            }
        }
        files.sort { pathOrder($0.path, $1.path) }
        let context = ReportContext(rules: RuleSet(), toolName: toolName, toolVersion: toolVersion, workingDirectory: "/")
        return try JSONReporter().render(RunReport(files: files, errors: errors), context: context)
    }

    static func finding(_ o: [String: Any], in name: String) throws -> Finding {
        func int(_ k: String) throws -> Int {
            guard let v = o[k] as? Int else { throw MergeError(message: "\(name): a finding has no integer '\(k)'") }
            return v
        }
        guard let rule = o["rule"] as? String, let message = o["message"] as? String,
              let severity = (o["severity"] as? String).flatMap(Severity.init(rawValue:)) else {
            throw MergeError(message: "\(name): a finding lacks 'rule', 'message' or a valid 'severity'")
        }
        let excerpt = o["excerpt"] as? String ?? ""
        return Finding(rule: rule, category: Category(rawValue: o["category"] as? String ?? "unknown"), severity: severity, message: message,
                       span: SourceSpan(offset: try int("offset"), length: try int("length"), line: try int("line"), column: try int("column"),
                                        endLine: try int("endLine"), endColumn: try int("endColumn")),
                       excerpt: excerpt, strength: (o["strength"] as? String).flatMap(ClaimStrength.init(rawValue:)),
                       suggestion: o["suggestion"] as? String, replacement: o["replacement"] as? String,
                       fingerprintText: Linter.normalize(excerpt), details: o["details"] as? [String: String] ?? [:])
    }

    // MARK: SARIF

    /// One run: the first log's tool, the union of rules (results re-indexed by rule id),
    /// results ordered by file, invocations combined.
    static func mergeSARIF(_ objects: [(String, [String: Any])]) throws -> String {
        var root = objects[0].1
        guard var run = (root["runs"] as? [[String: Any]])?.first else { throw MergeError(message: "\(objects[0].0): SARIF log has no run") }
        var driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:]
        var rules: [[String: Any]] = []
        var ruleIndex: [String: Int] = [:]
        var resultsByURI: [(uri: String, results: [[String: Any]])] = []
        var uriSlot: [String: Int] = [:]
        var success = true
        var notifications: [[String: Any]] = []
        var seenNotifications = Set<String>()

        for (name, object) in objects {
            guard let runs = object["runs"] as? [[String: Any]] else { throw MergeError(message: "\(name): 'runs' is not a list") }
            for r in runs {
                let d = (r["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:]
                let localRules = d["rules"] as? [[String: Any]] ?? []
                for rule in localRules {
                    guard let id = rule["id"] as? String, ruleIndex[id] == nil else { continue }
                    ruleIndex[id] = rules.count
                    rules.append(rule)
                }
                for var result in r["results"] as? [[String: Any]] ?? [] {
                    if let id = result["ruleId"] as? String, let i = ruleIndex[id] { result["ruleIndex"] = i }
                    let uri = (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
                    if let slot = uriSlot[uri] {
                        resultsByURI[slot].results.append(result)
                    } else {
                        uriSlot[uri] = resultsByURI.count
                        resultsByURI.append((uri, [result]))
                    }
                }
                for inv in r["invocations"] as? [[String: Any]] ?? [] {
                    if inv["executionSuccessful"] as? Bool == false { success = false }
                    for n in inv["toolExecutionNotifications"] as? [[String: Any]] ?? [] {
                        let key = String(decoding: (try? JSONSerialization.data(withJSONObject: n, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
                        if seenNotifications.insert(key).inserted { notifications.append(n) }
                    }
                }
            }
        }
        // URIs are percent-encoded paths; decode to order them as paths.
        resultsByURI.sort { pathOrder($0.uri.removingPercentEncoding ?? $0.uri, $1.uri.removingPercentEncoding ?? $1.uri) }
        driver["rules"] = rules
        run["tool"] = ["driver": driver]
        run["results"] = resultsByURI.flatMap(\.results)
        var invocation: [String: Any] = ["executionSuccessful": success]
        if !notifications.isEmpty { invocation["toolExecutionNotifications"] = notifications }
        run["invocations"] = [invocation]
        root["runs"] = [run]
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

public struct MergeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

import ClaimlintCheckers
import ClaimlintCore
import ClaimlintIngest
import ClaimlintRules
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The pipeline: ingest -> segment -> check -> filter. What the CLI, tests and any other
/// front end (an editor server, a web service) call.
public struct Linter: Sendable {
    public let configuration: Configuration
    public let rules: RuleSet
    let checkers: [any Checker]
    /// Effective severity per enabled rule, after config.
    let severities: [String: Severity]
    let disabledRules: Set<String>
    /// What multi-file runs keep of each file for the reporter (set it from the reporter's needs).
    public var sourceRetention: SourceRetention = .all

    public static let version = "0.1.0"

    /// Loads the built-in packs and the config's extra packs and builds every checker.
    /// Throws `SettingsError` (a config or rule pack mistake) with the file and line to fix.
    public init(configuration: Configuration = Configuration(), checkerTypes: [any Checker.Type] = BuiltinCheckers.all) throws {
        self.configuration = configuration
        var rules = try RuleSet(files: BuiltinRuleFiles.all.map { (path: "Rules/" + $0.path, contents: $0.contents) })
        for pack in configuration.packs {
            let path = pack.hasPrefix("/") ? pack : URL(fileURLWithPath: configuration.baseDirectory).appendingPathComponent(pack).path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(file: configuration.path ?? Configuration.fileName, line: nil, message: "cannot read the rule pack '\(pack)' (\(path))")
            }
            try rules.add(path: pack, contents: text)
        }
        // Every rule needs a checker and every checker's rules need descriptions.
        var owned = Set<String>()
        for type in checkerTypes {
            for id in type.ruleIDs {
                guard rules.rule(id) != nil else {
                    throw RulePackError(file: "Rules", line: nil, message: "checker \(type) reports '\(id)' but no rule pack describes it")
                }
                owned.insert(id)
            }
        }
        for rule in rules.orderedRules where !owned.contains(rule.id) && rule.phrases.isEmpty {
            throw RulePackError(file: rule.pack, line: nil, message: "rule '\(rule.id)' has no checker that reports it; a pack-defined rule needs a 'phrases' list")
        }
        if let unknown = configuration.unknownRuleSelectors(in: rules).first {
            throw ConfigurationError(file: configuration.path ?? Configuration.fileName, line: unknown.line,
                                     message: "unknown rule '\(unknown.selector)' in 'rules' (see `claimlint rules`)")
        }
        var severities: [String: Severity] = [:]
        var disabled = Set<String>()
        for rule in rules.orderedRules {
            if let s = configuration.severity(for: rule) { severities[rule.id] = s } else { disabled.insert(rule.id) }
        }
        self.rules = rules
        self.severities = severities
        self.disabledRules = disabled
        let settings = configuration.checkerSettings
        self.checkers = try Self.buildCheckers(checkerTypes + [PhraseRuleChecker.self], rules: rules, settings: settings)
    }

    /// Builds the checkers on every core, in the order given. Building them (their tries and
    /// lexicons) is most of start-up, about 0.1 s on one core, and nothing else runs until it
    /// is done; the checkers share nothing while they are built, so they can be built at once.
    /// When several fail, the error is the first one's by position, as a serial build gives.
    static func buildCheckers(_ types: [any Checker.Type], rules: RuleSet, settings: CheckerSettings) throws -> [any Checker] {
        let built = BuiltCheckers(count: types.count)
        // (The disclaimer and balance checkers share their page analyser: one build for both.)
        let shared = SharedCheckerParts()
        DispatchQueue.concurrentPerform(iterations: types.count) { i in
            built.set(i, Result { try types[i].init(rules: rules, settings: settings, shared: shared) })
        }
        return try built.results.map { try $0!.get() }
    }

    // MARK: One document

    /// A cheap bound checked before parsing: the front ends (and cmark) build every block before
    /// the count can be checked, and 2.4 million one-item lines took 2.4 GB on the way to being
    /// refused. Far more lines (text, Markdown) or tags (HTML) than `maxBlocks` allows are refused
    /// first: 4 lines or 8 tags per block is several times what real pages have.
    static func blockBudgetProblem(_ source: SourceText, format: InputFormat, maxBlocks: Int) -> String? {
        let (byte, perBlock, unit): (UInt8, Int, String) = format == .html ? (UInt8(ascii: "<"), 8, "tags") : (0x0A, 4, "lines")
        let limit = maxBlocks.multipliedReportingOverflow(by: perBlock)
        guard !limit.overflow, source.utf8.count > limit.partialValue else { return nil }
        var count = 0
        for b in source.utf8 where b == byte { count += 1 }
        guard count > limit.partialValue else { return nil }
        return "\(count) \(unit), more than \(perBlock) per block allows under the \(maxBlocks) block limit (limits.max-blocks)"
    }

    /// Lints one decoded source. Throws `IngestError` when the front end cannot read it.
    public func lint(source: SourceText, format: InputFormat, relativePath: String? = nil) throws -> (report: FileReport, warnings: [String]) {
        var options = IngestOptions()
        options.maxNestingDepth = configuration.maxNestingDepth
        if let problem = Self.blockBudgetProblem(source, format: format, maxBlocks: configuration.maxBlocks) { throw IngestError(problem) }
        let document = try FrontEnds.frontEnd(for: format).parse(source, options: options)
        guard document.blocks.count <= configuration.maxBlocks else {
            throw IngestError("\(document.blocks.count) blocks (paragraphs, headings, list items, lines read one by one), more than the \(configuration.maxBlocks) limit (limits.max-blocks)")
        }
        let analyzed = AnalyzedDocument(document: document, scope: configuration.scope)
        let context = CheckContext(relativePath: relativePath ?? source.path, disabledRules: disabledRules)
        var findings: [Finding] = []
        for checker in checkers {
            for d in checker.check(analyzed, context: context) {
                if let f = finding(for: d, in: document) { findings.append(f) }
            }
        }
        findings.sort { ($0.span.offset, $0.span.length, $0.rule) < ($1.span.offset, $1.span.length, $1.rule) }
        let (kept, suppressionWarnings) = SuppressionFilter.apply(findings, document: document)
        let warnings = document.warnings.map { "\(source.path): \($0)" } + suppressionWarnings
        return (FileReport(path: source.path, format: format, findings: kept, source: source, document: document), warnings)
    }

    /// Lints a string (rule examples, tests, editor buffers).
    public func lint(text: String, format: InputFormat, path: String = "<text>") throws -> FileReport {
        let source = try SourceDecoder.decode(path: path, bytes: Array(text.utf8), format: format)
        return try lint(source: source, format: format).report
    }

    /// Lints raw bytes as read from a file or stdin.
    /// The path is recorded for the crash note (`CrashNotice`) while the file is linted.
    public func lint(bytes: [UInt8], path: String, relativePath: String? = nil, format: InputFormat) -> Result<(report: FileReport, warnings: [String]), LintError> {
        CrashNotice.linting(path) { lintRecorded(bytes: bytes, path: path, relativePath: relativePath, format: format) }
    }

    private func lintRecorded(bytes: [UInt8], path: String, relativePath: String?, format: InputFormat) -> Result<(report: FileReport, warnings: [String]), LintError> {
        #if DEBUG
        CrashNotice.trapIfMarked(bytes)
        #endif
        guard bytes.count <= configuration.maxFileSize else {
            return .failure(LintError(path: path, message: "file is \(Self.size(bytes.count)), larger than the \(Self.size(configuration.maxFileSize)) limit (limits.max-file-size)"))
        }
        do {
            let source = try SourceDecoder.decode(path: path, bytes: bytes, format: format)
            return .success(try lint(source: source, format: format, relativePath: relativePath))
        } catch let e as IngestError {
            return .failure(LintError(path: path, message: e.message))
        } catch {
            return .failure(LintError(path: path, message: "\(error)"))
        }
    }

    func finding(for d: Diagnostic, in document: Document) -> Finding? {
        guard let severity = severities[d.rule] else { return nil }  // off, or unknown
        let rule = rules.rule(d.rule)
        let source = document.source
        let utf8Range: Range<Int>
        let fingerprint: String
        switch d.location {
        case .text(let blockIndex, let range):
            guard document.blocks.indices.contains(blockIndex) else { return nil }
            let block = document.blocks[blockIndex]
            let clamped = max(0, range.lowerBound)..<min(block.text.utf8.count, max(range.lowerBound, range.upperBound))
            utf8Range = block.sourceMap.utf8Range(forText: clamped)
            // The span's bytes only: copying the block's whole text per finding made 40,000 findings
            // in one 960 KB paragraph quadratic (2 s of a 4 s run).
            let text = block.text.utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[clamped]), as: UTF8.self) }
                ?? String(decoding: Array(block.text.utf8)[clamped], as: UTF8.self)
            fingerprint = Self.normalize(text)
        case .document:
            let start = document.contentStartOffset
            utf8Range = start..<start
            fingerprint = "(document)"
        }
        let configured = configuration.severity(for: rule ?? RuleDescription(id: d.rule, category: "unknown", severity: .warning, summary: "", message: "", what: "", why: ""))
        let effective = configuredExplicitly(d.rule) ? (configured ?? severity) : (d.severity ?? severity)
        return Finding(rule: d.rule, category: rule?.category ?? "unknown", severity: effective, message: d.message,
                       span: source.span(utf8: utf8Range), excerpt: source.excerpt(utf8: utf8Range), strength: d.strength,
                       suggestion: d.suggestion, replacement: d.replacement, fingerprintText: fingerprint, details: d.details)
    }

    /// True when config sets this rule's severity (then it beats a checker's per-finding severity).
    private func configuredExplicitly(_ id: String) -> Bool {
        configuration.ruleSettings.contains { s in
            if case .severity = s.setting { return s.selector == id || id.hasPrefix(s.selector + ".") || s.selector == "*" }
            return false
        }
    }

    /// Lowercased, whitespace folded: identity that survives reflow.
    public static func normalize(_ text: String) -> String {
        // ASCII text (most of it) folds byte by byte; the same result as the scalar path below.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var space = false
            for var b in text.utf8 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    space = !bytes.isEmpty
                } else {
                    if space { bytes.append(0x20) }
                    space = false
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    bytes.append(b)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Other text: scalars into bytes (appending to a String's scalar view was slower), and
        // ASCII scalars' whitespace by value (the Unicode property look-up costs a table walk).
        let lower = text.lowercased()
        var out: [UInt8] = []
        out.reserveCapacity(lower.utf8.count)
        var space = false
        for ch in lower.unicodeScalars {
            let v = ch.value
            let whitespace = v < 0x80 ? v == 0x20 || (v >= 0x09 && v <= 0x0D) : ch.properties.isWhitespace
            if whitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                UTF8.encode(ch) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }

    // MARK: Many files

    public typealias FileResult = Result<(report: FileReport, warnings: [String]), LintError>

    /// Lints files in parallel on all cores; the report keeps input order.
    public func lint(inputs: [FileDiscovery.Input], progress: (@Sendable (Int, Int) -> Void)? = nil) async -> RunReport {
        var report = RunReport(files: [], errors: [])
        await lint(inputs: inputs, progress: progress) { result in
            switch result {
            case .success(let ok):
                report.files.append(ok.report)
                report.warnings += ok.warnings
            case .failure(let e): report.errors.append(e)
            }
        }
        return report
    }

    /// Lints files in parallel on all cores and hands each result to `deliver` in input order,
    /// as soon as it and every file before it are done, so a caller can write and drop it.
    /// At most `window` finished files wait for a slow one before it; past that, no new file
    /// starts until the slow one is delivered, which bounds memory.
    public func lint(inputs: [FileDiscovery.Input], progress: (@Sendable (Int, Int) -> Void)? = nil,
                     window: Int = 64, deliver: (FileResult) -> Void) async {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        let window = max(window, width)
        var waiting: [Int: FileResult] = [:]
        var nextToDeliver = 0
        await withTaskGroup(of: (Int, FileResult).self) { group in
            var next = 0
            var done = 0
            var running = 0
            func fill() {
                while running < width, next < inputs.count, next - nextToDeliver < window {
                    let i = next
                    let input = inputs[i]
                    group.addTask { (i, await self.lint(file: input, timeout: self.configuration.timeoutPerFile)) }
                    next += 1
                    running += 1
                }
            }
            fill()
            for await (i, result) in group {
                running -= 1
                waiting[i] = result.map { (report: $0.report.retaining(sourceRetention), warnings: $0.warnings) }
                done += 1
                progress?(done, inputs.count)
                while let ready = waiting.removeValue(forKey: nextToDeliver) {
                    deliver(ready)
                    nextToDeliver += 1
                }
                fill()
            }
        }
    }

    /// Reads and lints one file; read failures become errors naming the file.
    public func lint(file input: FileDiscovery.Input) -> Result<(report: FileReport, warnings: [String]), LintError> {
        switch Self.readFile(path: input.path, limit: configuration.maxFileSize) {
        case .failure(let e): return .failure(e)
        case .success(let bytes): return lint(bytes: bytes, path: input.path, relativePath: input.relativePath, format: input.format)
        }
    }

    /// Lints one file on a worker thread (`WorkerThreads`) and gives up waiting after `timeout`:
    /// the file is then reported as an error and its result, if it ever comes, is dropped.
    ///
    /// Swift cannot stop a synchronous computation from outside, so the abandoned thread runs
    /// on until it finishes or the process exits. That is sound for the CLI (the report is
    /// complete and the exit code says a file failed) but a long-lived host that hits the limit
    /// keeps paying for the runaway work. Running the work off the cooperative pool also means
    /// a stuck file never starves the other files' tasks.
    public func lint(file input: FileDiscovery.Input, timeout: Duration?) async -> Result<(report: FileReport, warnings: [String]), LintError> {
        guard let timeout else { return lint(file: input) }
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(min(seconds, 86_400 * 365)) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            Self.workers.run { job in
                // The limit counts from here: time spent waiting in the queue is not the file's.
                // After the work wins, the timer's resume is a no-op; it holds only `once` and
                // `job` until it fires.
                Self.timeoutQueue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
                    if once.resume(.failure(LintError(path: input.path, message: "took longer than \(Self.describe(timeout)) (limits.timeout-per-file); skipped"))) {
                        Self.workers.abandon(job)
                    }
                }
                once.resume(self.lint(file: input))
            }
        }
    }

    /// Its own serial queue: on Linux the cooperative pool runs on GCD's global queue, and a
    /// timer there waited behind blocked pool threads (seen in tests: 40 s instead of 300 ms).
    /// A serial queue targets the overcommit pool, which starts a thread when others block.
    static let timeoutQueue = DispatchQueue(label: "claimlint.timeout-per-file")

    /// Reused threads for time-limited files, one per core; 8 MB stacks for deeply nested documents.
    static let workers = WorkerThreads(width: ProcessInfo.processInfo.activeProcessorCount, stackSize: 8 << 20)

    static func describe(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }

    /// Discovers the files for `paths` and lints them. Missing paths become errors.
    public func run(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) async -> RunReport {
        let discovery = FileDiscovery(configuration: configuration)
        let (inputs, errors) = discovery.inputs(for: paths)
        var report = await lint(inputs: inputs, progress: progress)
        report.errors = errors + report.errors
        return report
    }

    /// Reads a file with POSIX calls so the error says why (permission, a directory, gone).
    static func readFile(path: String, limit: Int) -> Result<[UInt8], LintError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(LintError(path: path, message: String(cString: strerror(errno)).lowercased())) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(LintError(path: path, message: String(cString: strerror(errno)).lowercased())) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(LintError(path: path, message: "is a directory")) }
        if Int(st.st_size) > limit {
            return .failure(LintError(path: path, message: "file is \(size(Int(st.st_size))), larger than the \(size(limit)) limit (limits.max-file-size)"))
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(LintError(path: path, message: String(cString: strerror(errno)).lowercased()))
            }
            if n == 0 { break }
            total += n
            if total > limit { return .failure(LintError(path: path, message: "file is larger than the \(size(limit)) limit (limits.max-file-size)")) }
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}

/// The checkers `Linter.buildCheckers` builds, one slot per checker, each written by one thread.
private final class BuiltCheckers: Sendable {
    private let slots: Mutex<[Result<any Checker, any Error>?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ result: Result<any Checker, any Error>) {
        slots.withLock { $0[i] = result }
    }
    var results: [Result<any Checker, any Error>?] { slots.withLock { $0 } }
}

/// Resumes a continuation exactly once: whichever of the work and its timer comes first wins.
final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, Never>?>
    init(_ c: CheckedContinuation<T, Never>) { continuation = Mutex(c) }
    /// Resumes the continuation unless it already was; says whether this call did.
    @discardableResult
    func resume(_ value: T) -> Bool {
        // Taken out under the lock, resumed outside it: resuming runs the waiting task's code.
        let c = continuation.withLock { c in
            let taken = c
            c = nil
            return taken
        }
        c?.resume(returning: value)
        return c != nil
    }
}

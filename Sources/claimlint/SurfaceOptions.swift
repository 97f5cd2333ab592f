import ArgumentParser
import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation

/// The CI options of `lint`: baseline, shard, severity floor, quiet. Kept apart from
/// LintCommand so the command reads as the pipeline and these as its filters.
struct SurfaceOptions: ParsableArguments {
    @Option(help: "Report only findings at or above this severity: error, warning, info.")
    var minSeverity: String?

    @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file; report only new ones.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record today's findings in this baseline file (then report as usual).", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Lint only shard K of N (a stable subset by path hash), for CI matrices; combine with `claimlint merge`.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "No report on stdout when clean; no warnings or progress on stderr (errors still print).")
    var quiet = false

    func parsedShard() throws -> Shard? {
        guard let shard else { return nil }
        if writeBaseline != nil {
            throw ValidationError("--write-baseline records the whole run; run it without --shard (--baseline works with shards)")
        }
        do { return try Shard(parsing: shard) } catch let e as ShardError { throw ValidationError(e.message) }
    }

    func parsedMinSeverity() throws -> Severity? {
        guard let minSeverity else { return nil }
        guard let s = Severity(rawValue: minSeverity) else { throw ValidationError("--min-severity must be error, warning or info") }
        return s
    }

    /// Baseline writing (of every finding), then baseline filtering, then the severity floor;
    /// `finishFilters` writes the recorded baseline and says what the baseline hid.
    func makeFilters(minSeverity: Severity?, workingDirectory: String) -> RunFilters {
        var known: Baseline?
        if let baseline {
            do { known = try Baseline.load(path: baseline) } catch { LintCommand.fail("\(error)") }
        }
        return RunFilters(recordBaseline: writeBaseline != nil, known: known, minSeverity: minSeverity, workingDirectory: workingDirectory)
    }

    func finishFilters(_ filters: RunFilters) {
        if let writeBaseline, let recorded = filters.recorded {
            do { try recorded.write(path: writeBaseline) } catch { LintCommand.fail("\(error)") }
            if !quiet { FileHandle.standardError.write(Data("claimlint: wrote \(recorded.entryCount) finding(s) to the baseline \(writeBaseline)\n".utf8)) }
        }
        if let baseline, filters.hiddenByBaseline > 0, !quiet {
            FileHandle.standardError.write(Data("claimlint: \(filters.hiddenByBaseline) known finding(s) hidden by the baseline \(baseline)\n".utf8))
        }
    }

    func appendStepSummary(markdown: String) {
        do { try GitHubReporter.appendStepSummary(markdown: markdown) } catch {
            FileHandle.standardError.write(Data("claimlint: cannot write the GitHub step summary: \(error.localizedDescription)\n".utf8))
        }
    }
}

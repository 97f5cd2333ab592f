import ClaimlintCore
import ClaimlintIngest
import Foundation
import Testing

/// Throughput of decode + HTML front end on a large page. Runs only when asked:
///   python3 Fixtures/html-ingest/make-benchmark-page.py /tmp/bench20.html 20
///   CLAIMLINT_HTML_BENCH=/tmp/bench20.html swift test -c release --filter HTMLBenchmark
@Suite struct HTMLBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLAIMLINT_HTML_BENCH"] != nil))
    func throughput() throws {
        let path = ProcessInfo.processInfo.environment["CLAIMLINT_HTML_BENCH"]!
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var best = Double.infinity, bestCPU = Double.infinity
        var blocks = 0, textBytes = 0
        for _ in 0..<3 {
            let start = Date()
            let cpuStart = threadCPUSeconds()
            let source = try SourceDecoder.decode(path: path, bytes: bytes, format: .html)
            let doc = try HTMLFrontEnd().parse(source, options: IngestOptions())
            bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
            best = min(best, Date().timeIntervalSince(start))
            blocks = doc.blocks.count
            textBytes = doc.blocks.reduce(0) { $0 + $1.text.utf8.count }
        }
        let mb = Double(bytes.count) / 1_000_000
        print("HTML front end: \(String(format: "%.1f", mb)) MB, \(blocks) blocks, \(textBytes) text bytes, best of 3: wall \(String(format: "%.3f", best)) s = \(String(format: "%.1f", mb / best)) MB/s, CPU \(String(format: "%.3f", bestCPU)) s")
        #expect(blocks > 0)
    }
}

/// CPU time of the calling thread (less sensitive than wall time to other work on the machine).
private func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

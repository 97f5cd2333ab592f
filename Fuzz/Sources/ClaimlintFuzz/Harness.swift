import CFuzzerDriver
import ClaimlintCore
import ClaimlintEngine
import ClaimlintIngest

/// Built once: loading the rule packs and building the tries is not what is being fuzzed.
let linter: Linter = {
    do { return try Linter() } catch { fatalError("cannot build the linter: \(error)") }
}()
let phrases = PhraseTrie<Int>(phrases: ["cures", "clinically proven", "read more *", "anti-ageing", "e.g. the"], value: { $0.count })

/// The first byte picks the target, the rest is the input:
///   0: the whole pipeline on HTML (decoder, HTML front end, segmenter, every checker);
///   1: the same on plain text;  2: the same on Markdown;
///   3: the segmenter and the phrase trie on any text (invalid UTF-8 repaired first);
///   4: the source map of a decoded file: every offset to a line and column.
@_cdecl("ClaimlintFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}

/// Also exported under libFuzzer's standard name, which its runtime references.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 5 {
    case 0: _ = linter.lint(bytes: bytes, path: "fuzz.html", format: .html)
    case 1: _ = linter.lint(bytes: bytes, path: "fuzz.txt", format: .text)
    case 2: _ = linter.lint(bytes: bytes, path: "fuzz.md", format: .markdown)
    case 3:
        let text = String(decoding: bytes, as: UTF8.self)
        let (tokens, sentences) = Segmenter.shared.segment(text)
        let n = text.utf8.count
        for t in tokens { precondition(t.start >= 0 && t.start < t.end && Int(t.end) <= n, "token out of range") }
        for s in sentences { precondition(s.range.lowerBound <= s.range.upperBound && s.range.upperBound <= n && s.tokens.upperBound <= tokens.count) }
        _ = phrases.scan(tokens)
        _ = phrases.scanAll(tokens)
    default:
        guard let source = try? SourceDecoder.decode(path: "fuzz.txt", bytes: bytes, format: .text) else { return 0 }
        var i = 0
        while i <= source.utf8.count {
            let span = source.span(utf8: i..<min(source.utf8.count, i + 7))
            precondition(span.line >= 1 && span.column >= 1 && span.offset + span.length <= source.original.count)
            i += 13
        }
    }
    return 0
}

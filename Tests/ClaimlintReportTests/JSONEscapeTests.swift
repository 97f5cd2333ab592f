import ClaimlintReport
import Testing

/// A scalar-by-scalar escaper written from RFC 8259 (plus U+2028/U+2029, which JavaScript
/// cannot hold in a string literal), to check the writer's byte-level one against.
private func referenceEscape(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u00" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

/// Strings of every length up to 40 with escapes at every offset of the eight-byte words the
/// fast test reads, and look-alike bytes that need none ("—", "é", DEL, bytes 0x21 and 0x5B).
@Test func jsonEscapeMatchesReferenceAtEveryOffset() {
    let plain: [String] = ["a", " ", "é", "—", "\u{7F}", "!", "[", "]", "#", "Z"]
    let special: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}"]
    var rng = SystemRandomNumberGenerator()
    for length in 0...40 {
        for _ in 0..<20 {
            var parts = (0..<length).map { _ in plain.randomElement(using: &rng)! }
            #expect(JSONWriter.escape(parts.joined()) == referenceEscape(parts.joined()))
            if length > 0 {
                parts[Int.random(in: 0..<length, using: &rng)] = special.randomElement(using: &rng)!
                #expect(JSONWriter.escape(parts.joined()) == referenceEscape(parts.joined()))
            }
        }
    }
}

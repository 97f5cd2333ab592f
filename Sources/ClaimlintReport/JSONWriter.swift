/// A minimal JSON writer with a fixed key order, so output is deterministic and matches the
/// contract byte for byte. Escapes per RFC 8259.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var depth = 0

    public init(pretty: Bool = true) { self.pretty = pretty }

    public static func escape(_ s: String) -> String {
        var out = ""
        appendEscaped(s, to: &out)
        return out
    }

    /// `escape(s)` appended to `out`: a string that needs no escape (nearly all) is copied in
    /// whole between its quotes, with no intermediate strings.
    public static func appendEscaped(_ s: String, to out: inout String) {
        var s = s
        let needs = s.withUTF8 { needsEscape($0) }
        out.append("\"")
        if needs { out.append(escapedBody(s)) } else { out.append(s) }
        out.append("\"")
    }

    /// Whether any byte is a control byte, a quote, a backslash or 0xE2 (the lead byte of
    /// U+2028/U+2029, and of harmless punctuation such as "—": those take the escaping path and
    /// come out unchanged). Eight bytes at a time: each test is the "has a byte less than n" /
    /// "has a zero byte" word trick, exact as a yes/no answer. A byte at a time was 1-2% of a run.
    static func needsEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= b.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (w &- ones &* 0x20) & ~w & highs != 0 || hasZeroByte(w ^ (ones &* 0x22)) || hasZeroByte(w ^ (ones &* 0x5C))
                    || hasZeroByte(w ^ (ones &* 0xE2)) { return true }
                i += 8
            }
        }
        while i < b.count {
            let c = b[i]
            if c < 0x20 || c == 0x22 || c == 0x5C || c == 0xE2 { return true }
            i += 1
        }
        return false
    }

    /// The escaped text of a string that needs escapes, without its quotes.
    private static func escapedBody(_ s: String) -> String {
        // Byte by byte over UTF-8 (escaping scalar by scalar was 5% of a run): copy runs that
        // need nothing, escape quotes, backslashes, control bytes and U+2028/U+2029.
        var s = s
        return s.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 16)
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(b[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 2
                default:
                    if c < 0x20 {
                        out.append(contentsOf: Array("\\u00".utf8))
                        out.append(hex[Int(c >> 4)])
                        out.append(hex[Int(c & 0xF)])
                    } else {
                        out.append(c)
                    }
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && depth > 0 { output += JSONWriter.newline(depth) }
    }

    /// "\n" and the indentation of a depth, made once per depth.
    private static let newlines: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }
    private static func newline(_ depth: Int) -> String { depth < newlines.count ? newlines[depth] : "\n" + String(repeating: "  ", count: depth) }

    private mutating func key(_ k: String?) {
        separator()
        if let k {
            JSONWriter.appendEscaped(k, to: &output)
            output += pretty ? ": " : ":"
        }
    }

    public mutating func beginObject(_ k: String? = nil) { key(k); output += "{"; needsComma.append(false); depth += 1 }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ k: String? = nil) { key(k); output += "["; needsComma.append(false); depth += 1 }
    public mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let had = needsComma.removeLast()
        depth -= 1
        if pretty && had { output += JSONWriter.newline(depth) }
        output += c
    }

    public mutating func string(_ k: String? = nil, _ v: String) { key(k); JSONWriter.appendEscaped(v, to: &output) }
    public mutating func int(_ k: String? = nil, _ v: Int) { key(k); output += String(v) }
    public mutating func bool(_ k: String? = nil, _ v: Bool) { key(k); output += v ? "true" : "false" }
    public mutating func null(_ k: String? = nil) { key(k); output += "null" }
    /// Hands over what has been written so far and starts an empty buffer, keeping the nesting
    /// state: a streaming reporter writes a long report in pieces without holding all of it.
    public mutating func take() -> String {
        defer { output = "" }
        return output
    }

    /// Writes an already-encoded JSON value.
    public mutating func raw(_ k: String? = nil, _ json: String) { key(k); output += json }
}

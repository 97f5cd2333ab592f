/// A minimal JSON writer with a fixed key order, so output is deterministic and matches the
/// contract byte for byte. Escapes per RFC 8259.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var depth = 0

    public init(pretty: Bool = true) { self.pretty = pretty }

    public static func escape(_ s: String) -> String {
        // Most strings need no escaping at all: copy them whole instead of scalar by scalar
        // (escaping was 5% of a run). 0xE2 starts U+2028/U+2029, so it takes the slow path.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        out += "\""
        return out
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && depth > 0 { output += "\n" + String(repeating: "  ", count: depth) }
    }

    private mutating func key(_ k: String?) {
        separator()
        if let k { output += JSONWriter.escape(k) + (pretty ? ": " : ":") }
    }

    public mutating func beginObject(_ k: String? = nil) { key(k); output += "{"; needsComma.append(false); depth += 1 }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ k: String? = nil) { key(k); output += "["; needsComma.append(false); depth += 1 }
    public mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let had = needsComma.removeLast()
        depth -= 1
        if pretty && had { output += "\n" + String(repeating: "  ", count: depth) }
        output += c
    }

    public mutating func string(_ k: String? = nil, _ v: String) { key(k); output += JSONWriter.escape(v) }
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

import ClaimlintCore

/// Escaping for XML and HTML output. Every string that came from an article, a path or a
/// message goes through `XML.escape` before it lands in markup: one function, so a report
/// can never carry live markup from its input.
public enum XML {
    /// Escapes text for element content and for single- or double-quoted attribute values.
    /// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE,
    /// U+FFFF) become U+FFFD, because even a character reference to them is ill-formed.
    /// In attributes, tab, LF and CR become character references so parsers keep them.
    public static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += attribute ? "&#13;" : "\r"
            case "\t": out += attribute ? "&#9;" : "\t"
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
}

/// FNV-1a, 64-bit: a fixed, unseeded hash, so fingerprints and shard assignment are the same
/// on every machine and every run (Swift's `Hasher` is seeded per process).
public enum FNV1a {
    public static func hash64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    public static func hash64(_ s: String) -> UInt64 { hash64(s.utf8) }

    /// 16 lowercase hex digits.
    public static func hex(_ s: String) -> String {
        let v = String(hash64(s), radix: 16)
        return String(repeating: "0", count: 16 - v.count) + v
    }
}

/// Paths as CI systems want them: relative to the repository (the working directory).
public enum ReportPath {
    /// `path` relative to `workingDirectory` when it lies inside it, without a leading "./".
    public static func relative(_ path: String, to workingDirectory: String) -> String {
        var p = path
        if p.hasPrefix("/") {
            let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
            if p.hasPrefix(base) { p = String(p.dropFirst(base.count)) }
        }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        return p
    }

    /// Percent-encodes a path for a URI reference (RFC 3986): unreserved characters and "/"
    /// stay, everything else is %XX of its UTF-8 bytes.
    public static func uriEncode(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}

extension Finding {
    /// 1-based column in UTF-8 bytes of the start (reviewdog counts bytes), from the source
    /// line when the report carries the text; else the scalar column.
    func utf8Column(line: Int, column: Int, source: SourceText?) -> Int {
        guard let source, line >= 1 else { return column }
        let text = source.lineText(line: line)
        var bytes = 0
        var scalars = 0
        for s in text.unicodeScalars {
            if scalars >= column - 1 { break }
            bytes += String(s).utf8.count
            scalars += 1
        }
        return bytes + 1 + max(0, column - 1 - scalars)
    }
}

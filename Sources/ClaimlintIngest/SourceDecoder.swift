import ClaimlintCore
import Foundation

/// Turns a file's bytes into UTF-8 text with a map back to the original bytes.
///
/// Order of evidence, as browsers do it: a byte-order mark (UTF-8, UTF-16 LE/BE); for HTML,
/// a `<meta charset>` or `http-equiv` content charset in the first 1024 bytes; else UTF-8.
/// Non-UTF-8 input is transcoded with an `OffsetMap.table`, so every UTF-8 offset maps back
/// to the byte where its character starts in the file. Parsers then only ever see UTF-8.
public enum SourceDecoder {
    public static func decode(path: String, bytes: [UInt8], format: InputFormat) throws -> SourceText {
        // A byte-order mark wins over anything the document says about itself.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return try decodeUTF8(path: path, bytes: bytes, skip: 3)
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return try decodeUTF16(path: path, bytes: bytes, bigEndian: false)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return try decodeUTF16(path: path, bytes: bytes, bigEndian: true)
        }
        // NUL never occurs in text in an 8-bit encoding: this is an image, an archive, a UTF-16
        // file without a BOM... Say so instead of reporting garbage.
        if bytes.contains(0) { throw IngestError("binary file (contains NUL bytes)") }
        if format == .html, let label = sniffMetaCharset(bytes) {
            return try decodeDeclared(path: path, bytes: bytes, label: label)
        }
        do {
            return try decodeUTF8(path: path, bytes: bytes, skip: 0)
        } catch {
            // Not UTF-8: a legacy page may declare its charset after the first 1024 bytes
            // (long comments or scripts first). Look further before giving up.
            if format == .html, let label = sniffMetaCharset(bytes, limit: 65_536),
               case let encoding = SourceEncoding(label: label), !encoding.isUTF8 {
                return try decodeDeclared(path: path, bytes: bytes, label: label)
            }
            throw error
        }
    }

    private static func decodeDeclared(path: String, bytes: [UInt8], label: String) throws -> SourceText {
        var encoding = SourceEncoding(label: label)
        // A page labelled with a legacy charset whose bytes are valid UTF-8 with non-ASCII
        // characters was saved as UTF-8 and mislabelled (common after CMS migrations);
        // decoding it as windows-1252 would only produce mojibake.
        if !encoding.isUTF8 && bytes.contains(where: { $0 >= 0x80 }) && firstInvalidUTF8(bytes) == nil {
            encoding = .utf8
        }
        switch encoding {
        case .utf8:
            return try decodeUTF8(path: path, bytes: bytes, skip: 0)
        case .windows1252:
            return transcodeSingleByte(path: path, bytes: bytes, table: windows1252Table, name: "windows-1252")
        case .singleByte(let encoding, let name):
            guard let table = foundationTable(encoding) else {
                throw IngestError("unsupported charset \"\(label)\" declared in <meta>")
            }
            return transcodeSingleByte(path: path, bytes: bytes, table: table, name: name)
        case .unsupported:
            throw IngestError("unsupported charset \"\(label)\" declared in <meta>")
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        b.withUnsafeBufferPointer { firstInvalidUTF8($0, from: 0) }
    }

    // MARK: UTF-8

    private static func decodeUTF8(path: String, bytes: [UInt8], skip: Int) throws -> SourceText {
        if let bad = bytes.withUnsafeBufferPointer({ firstInvalidUTF8($0, from: skip) }) {
            throw IngestError("invalid UTF-8 at byte \(bad) (line \(lineNumber(of: bad, in: bytes)))")
        }
        if skip > 0 && bytes[skip...].contains(0) { throw IngestError("binary file (contains NUL bytes)") }
        let utf8 = skip == 0 ? bytes : Array(bytes[skip...])
        return SourceText(path: path, original: bytes, utf8: utf8, encoding: "utf-8", offsetMap: .shift(skip))
    }

    /// Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF).
    /// Returns the offset of the first byte of the first bad sequence.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // allowed range of the second byte
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            if i + need >= n { return i }  // truncated at end of file
            if b[i + 1] < lo || b[i + 1] > hi { return i }
            var k = 2
            while k <= need {
                if b[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    // MARK: UTF-16

    private static func decodeUTF16(path: String, bytes: [UInt8], bigEndian: Bool) throws -> SourceText {
        var utf8: [UInt8] = []
        var table: [Int] = []
        utf8.reserveCapacity(bytes.count)
        table.reserveCapacity(bytes.count)
        var i = 2  // after the BOM
        let n = bytes.count
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i < n {
            guard i + 1 < n else { throw IngestError("invalid UTF-16 at byte \(i): odd number of bytes") }
            let u = unit(i)
            var scalar = u
            var width = 2
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 3 < n else { throw IngestError("invalid UTF-16 at byte \(i): unpaired surrogate") }
                let low = unit(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw IngestError("invalid UTF-16 at byte \(i): unpaired surrogate")
                }
                scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                width = 4
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw IngestError("invalid UTF-16 at byte \(i): unpaired surrogate")
            }
            if scalar == 0 { throw IngestError("binary file (contains NUL characters)") }
            appendUTF8(scalar, to: &utf8, table: &table, original: i)
            i += width
        }
        table.append(n)
        return SourceText(path: path, original: bytes, utf8: utf8,
                          encoding: bigEndian ? "utf-16be" : "utf-16le", offsetMap: .table(table))
    }

    // MARK: Single-byte encodings

    private static func transcodeSingleByte(path: String, bytes: [UInt8], table: [UInt32], name: String) -> SourceText {
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        offsets.reserveCapacity(bytes.count + bytes.count / 8)
        for (i, b) in bytes.enumerated() {
            if b < 0x80 {
                utf8.append(b)
                offsets.append(i)
            } else {
                appendUTF8(table[Int(b)], to: &utf8, table: &offsets, original: i)
            }
        }
        offsets.append(bytes.count)
        return SourceText(path: path, original: bytes, utf8: utf8, encoding: name, offsetMap: .table(offsets))
    }

    @inline(__always)
    private static func appendUTF8(_ s: UInt32, to out: inout [UInt8], table: inout [Int], original: Int) {
        if s < 0x80 {
            out.append(UInt8(s))
            table.append(original)
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
            table.append(original); table.append(original)
        } else if s < 0x10000 {
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
            table.append(original); table.append(original); table.append(original)
        } else {
            out.append(UInt8(0xF0 | (s >> 18)))
            out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
            table.append(original); table.append(original); table.append(original); table.append(original)
        }
    }

    /// windows-1252: Latin-1 except 0x80-0x9F. The WHATWG Encoding Standard also uses it for
    /// the labels `iso-8859-1`, `latin1` and `us-ascii`, and maps its five holes to C1 controls.
    static let windows1252Table: [UInt32] = {
        var t = (0..<256).map { UInt32($0) }
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        for (k, v) in high.enumerated() { t[0x80 + k] = v }
        return t
    }()

    /// A byte-to-scalar table for another single-byte encoding, built from Foundation's
    /// converter one byte at a time; nil when Foundation cannot decode the high half.
    private static func foundationTable(_ encoding: String.Encoding) -> [UInt32]? {
        var t = (0..<256).map { UInt32($0) }
        for b in 0x80...0xFF {
            guard let s = String(data: Data([UInt8(b)]), encoding: encoding), let scalar = s.unicodeScalars.first,
                  s.unicodeScalars.count == 1
            else {
                t[b] = 0xFFFD
                continue
            }
            t[b] = scalar.value
        }
        return t.filter({ $0 == 0xFFFD }).count > 32 ? nil : t
    }

    private enum SourceEncoding {
        case utf8, windows1252
        case singleByte(String.Encoding, String)
        case unsupported

        var isUTF8: Bool {
            if case .utf8 = self { return true }
            return false
        }

        init(label raw: String) {
            let label = raw.lowercased()
            switch label {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
                self = .utf8
            // A document that found its way here without a BOM cannot really be UTF-16 (its meta
            // tag was readable as ASCII); the Encoding Standard says treat it as UTF-8.
            case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
                self = .utf8
            case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                 "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819", "csisolatin1":
                self = .windows1252
            case "windows-1250", "cp1250", "x-cp1250": self = .singleByte(.windowsCP1250, "windows-1250")
            case "windows-1251", "cp1251", "x-cp1251": self = .singleByte(.windowsCP1251, "windows-1251")
            case "windows-1253", "cp1253", "x-cp1253": self = .singleByte(.windowsCP1253, "windows-1253")
            case "windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "latin5":
                self = .singleByte(.windowsCP1254, "windows-1254")
            case "iso-8859-2", "iso8859-2", "latin2", "l2": self = .singleByte(.isoLatin2, "iso-8859-2")
            default: self = .unsupported
            }
        }
    }

    // MARK: Sniffing

    /// The charset label of the first `<meta charset=...>` or
    /// `<meta http-equiv="content-type" content="...; charset=...">` in the first 1024 bytes.
    static func sniffMetaCharset(_ bytes: [UInt8], limit: Int = 1024) -> String? {
        let n = min(bytes.count, limit)
        var i = 0
        while i + 5 < n {
            // Skip comments: a commented-out meta does not count.
            if bytes[i] == UInt8(ascii: "<") && i + 3 < n && bytes[i + 1] == UInt8(ascii: "!")
                && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-") {
                var j = i + 4
                while j + 2 < n && !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                i = j + 3
                continue
            }
            if bytes[i] == UInt8(ascii: "<") && asciiLower(bytes[i + 1]) == UInt8(ascii: "m") && asciiLower(bytes[i + 2]) == UInt8(ascii: "e")
                && asciiLower(bytes[i + 3]) == UInt8(ascii: "t") && asciiLower(bytes[i + 4]) == UInt8(ascii: "a")
                && (isSpaceByte(bytes[i + 5]) || bytes[i + 5] == UInt8(ascii: "/")) {
                var end = i + 5
                let attrs = HTMLAttributeScanner.attributes(in: bytes, from: i + 5, limit: n, tagEnd: &end)
                var charset: String?
                var content: String?
                for a in attrs {
                    let name = String(decoding: bytes[a.name], as: UTF8.self).lowercased()
                    let value = String(decoding: bytes[a.value], as: UTF8.self)
                    if name == "charset" { charset = value }
                    if name == "content" { content = value }
                }
                if let charset, !charset.isEmpty { return charset.trimmingCharacters(in: .whitespaces) }
                if let content, let r = content.lowercased().range(of: "charset=") {
                    var v = content[r.upperBound...].trimmingCharacters(in: .whitespaces)
                    if let q = v.first, q == "\"" || q == "'" { v.removeFirst() }
                    let label = v.prefix { !($0 == ";" || $0 == " " || $0 == "\"" || $0 == "'") }
                    if !label.isEmpty { return String(label) }
                }
                i = end
                continue
            }
            i += 1
        }
        return nil
    }

    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D {
                if i + 1 < offset && bytes[i + 1] == 0x0A { i += 1 }
                line += 1
            }
            i += 1
        }
        return line
    }
}

@inline(__always)
func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

/// Finds attributes in a raw start tag, honouring quotes. Used where byte positions of an
/// attribute value are needed (the charset prescan, `<img alt>` source ranges).
enum HTMLAttributeScanner {
    struct Attribute {
        var name: Range<Int>
        /// The raw value bytes, quotes excluded (entities not decoded).
        var value: Range<Int>
    }

    /// Attributes from `start` (just after the tag name) up to the closing `>` or `limit`;
    /// `tagEnd` receives the offset just after the tag.
    static func attributes(in b: [UInt8], from start: Int, limit: Int, tagEnd: inout Int) -> [Attribute] {
        b.withUnsafeBufferPointer { attributes(in: $0, from: start, limit: limit, tagEnd: &tagEnd) }
    }

    static func attributes(in b: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, tagEnd: inout Int) -> [Attribute] {
        var out: [Attribute] = []
        var i = start
        while i < limit {
            let c = b[i]
            if c == UInt8(ascii: ">") { i += 1; break }
            if isSpaceByte(c) || c == UInt8(ascii: "/") { i += 1; continue }
            let nameStart = i
            while i < limit && !isSpaceByte(b[i]) && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: ">")
                && !(b[i] == UInt8(ascii: "/") && i > nameStart) { i += 1 }
            if i == nameStart { i += 1; continue }
            let name = nameStart..<i
            while i < limit && isSpaceByte(b[i]) { i += 1 }
            guard i < limit, b[i] == UInt8(ascii: "=") else {
                out.append(Attribute(name: name, value: i..<i))
                continue
            }
            i += 1
            while i < limit && isSpaceByte(b[i]) { i += 1 }
            guard i < limit else { break }
            if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                let q = b[i]
                let vs = i + 1
                i = vs
                while i < limit && b[i] != q { i += 1 }
                out.append(Attribute(name: name, value: vs..<min(i, limit)))
                i += 1
            } else {
                let vs = i
                while i < limit && !isSpaceByte(b[i]) && b[i] != UInt8(ascii: ">") { i += 1 }
                out.append(Attribute(name: name, value: vs..<i))
            }
        }
        tagEnd = min(i, limit)
        return out
    }
}

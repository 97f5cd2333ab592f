import ClaimlintCore

/// Turns a file's bytes into UTF-8 text with a map back to the original bytes.
public enum SourceDecoder {
    public static func decode(path: String, bytes: [UInt8], format: InputFormat) throws -> SourceText {
        if bytes.contains(0) { throw IngestError("binary file (contains NUL bytes)") }
        var shift = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { shift = 3 }
        let utf8 = Array(bytes[shift...])
        if let bad = firstInvalidUTF8(utf8) {
            throw IngestError("invalid UTF-8 at byte \(bad + shift)")
        }
        return SourceText(path: path, original: bytes, utf8: utf8, encoding: "utf-8", offsetMap: .shift(shift))
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var it = b.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

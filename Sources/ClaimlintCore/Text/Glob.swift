/// Shell-style path patterns for include/exclude and per-path policies: `*` (within a path
/// segment), `?`, `[abc]`, and `**` (any number of segments). A pattern without "/" matches
/// the file name anywhere; a leading "/" or "./" anchors it at the project root.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let parts: [UInt8]
    private let anchored: Bool

    public init(_ pattern: String) {
        var p = pattern
        var rooted = false
        while p.hasPrefix("./") { p.removeFirst(2); rooted = true }
        if p.hasPrefix("/") { p.removeFirst(); rooted = true }
        self.pattern = p
        self.anchored = rooted || p.contains("/")
        self.parts = Array(p.utf8)
    }

    public var description: String { pattern }

    /// Matches a relative path using "/" separators.
    public func matches(_ path: String) -> Bool {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        let bytes = Array(path.utf8)
        if anchored { return Glob.match(parts[...], bytes[...]) }
        // No "/" in the pattern: try every path suffix that starts a segment.
        if Glob.match(parts[...], bytes[...]) { return true }
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "/") {
            if Glob.match(parts[...], bytes[(i + 1)...]) { return true }
        }
        return false
    }

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var p = p, s = s
        while let c = p.first {
            switch c {
            case UInt8(ascii: "*"):
                if p.count >= 2 && p[p.startIndex + 1] == UInt8(ascii: "*") {
                    // "**" (optionally "**/"): any run of characters, slashes included.
                    var rest = p.dropFirst(2)
                    let segmentStarts = rest.first == UInt8(ascii: "/")
                    if segmentStarts { rest = rest.dropFirst() }
                    if rest.isEmpty { return true }
                    var t = s
                    while true {
                        if match(rest, t) { return true }
                        if segmentStarts {
                            // "**/x": x at the start of any segment.
                            guard let slash = t.firstIndex(of: UInt8(ascii: "/")) else { return false }
                            t = s[(slash + 1)...]
                        } else {
                            guard !t.isEmpty else { return false }
                            t = t.dropFirst()
                        }
                    }
                }
                let rest = p.dropFirst()
                var t = s
                while true {
                    if match(rest, t) { return true }
                    guard let f = t.first, f != UInt8(ascii: "/") else { return false }
                    t = t.dropFirst()
                }
            case UInt8(ascii: "?"):
                guard let f = s.first, f != UInt8(ascii: "/") else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            case UInt8(ascii: "["):
                guard let close = p.dropFirst().firstIndex(of: UInt8(ascii: "]")), let f = s.first else { return false }
                var set = p[(p.startIndex + 1)..<close]
                let negate = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
                if negate { set = set.dropFirst() }
                var hit = false
                var i = set.startIndex
                while i < set.endIndex {
                    if i + 2 < set.endIndex && set[i + 1] == UInt8(ascii: "-") {
                        if f >= set[i] && f <= set[i + 2] { hit = true }
                        i += 3
                    } else {
                        if f == set[i] { hit = true }
                        i += 1
                    }
                }
                guard hit != negate else { return false }
                p = p[(close + 1)...]
                s = s.dropFirst()
            default:
                guard s.first == c else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            }
        }
        return s.isEmpty
    }
}

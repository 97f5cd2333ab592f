import Yams

/// A YAML value that can cross threads (Yams' `Node` is not `Sendable`), with the line it
/// came from so settings errors can point at it.
public indirect enum YAMLValue: Sendable, Hashable {
    case scalar(String, line: Int?)
    case list([YAMLValue], line: Int?)
    /// Keys in document order.
    case map([(key: String, value: YAMLValue)], line: Int?)

    public init(_ node: Node) {
        switch node {
        case .scalar(let s): self = .scalar(s.string, line: node.mark?.line)
        case .sequence(let seq): self = .list(seq.map(YAMLValue.init), line: node.mark?.line)
        case .mapping(let m): self = .map(m.map { (key: $0.key.string ?? "", value: YAMLValue($0.value)) }, line: node.mark?.line)
        case .alias: self = .scalar("", line: node.mark?.line)
        }
    }

    public var line: Int? {
        switch self {
        case .scalar(_, let l), .list(_, let l), .map(_, let l): l
        }
    }

    public var string: String? {
        if case .scalar(let s, _) = self { return s }
        return nil
    }

    public var bool: Bool? {
        switch string?.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    public var int: Int? { string.flatMap { Int($0) } }

    /// A list's items, or a scalar as a one-item list.
    public var list: [YAMLValue]? {
        switch self {
        case .list(let items, _): items
        case .scalar: [self]
        case .map: nil
        }
    }

    public var strings: [String]? { list?.compactMap(\.string) }

    public var entries: [(key: String, value: YAMLValue)]? {
        if case .map(let m, _) = self { return m }
        return nil
    }

    public subscript(key: String) -> YAMLValue? {
        entries?.first { $0.key == key }?.value
    }

    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a, _), .scalar(let b, _)): a == b
        case (.list(let a, _), .list(let b, _)): a == b
        case (.map(let a, _), .map(let b, _)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let s, _): hasher.combine(s)
        case .list(let a, _): hasher.combine(a)
        case .map(let m, _): for e in m { hasher.combine(e.key); hasher.combine(e.value) }
        }
    }
}

/// Read from YAML text before Yams composes it.
public enum YAMLText {
    /// The 1-based line of the first alias (`*name` where a value can start), or nil.
    ///
    /// Aliases let a few lines stand for billions of values ("billion laughs") or for a chain
    /// nested deeper than any stack. Yams shares the anchored node while composing, so composing
    /// is cheap, but every walk over the tree, and freeing it, pays for each level and copy: a
    /// 100,000-line chain overflowed the stack in Yams' node deinit. Configs, rule packs and
    /// front matter come from pull requests, so aliases are refused there before composing.
    /// Quotes and comments are deliberately not tracked: a stray quote in a plain scalar
    /// (`it's`) would otherwise hide the aliases after it. So ` *word` inside a string is
    /// refused too; such text is rare in settings and the message says how to write it.
    public static func firstAliasLine(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        var line = 1
        for p in range {
            let c = bytes[p]
            if c == 0x0A { line += 1; continue }
            guard c == UInt8(ascii: "*"), p + 1 < range.upperBound, isAnchorNameByte(bytes[p + 1]) else { continue }
            if p == range.lowerBound { return line }
            let before = bytes[p - 1]
            if before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D || before == UInt8(ascii: "[")
                || before == UInt8(ascii: ",") || before == UInt8(ascii: "{") {
                return line
            }
        }
        return nil
    }

    /// `firstAliasLine` over a whole string.
    public static func firstAliasLine(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { firstAliasLine($0, in: 0..<$0.count) }
    }

    static func isAnchorNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    /// The message for a refused alias, the same for every kind of YAML file.
    public static let aliasRefusal = "YAML aliases (*name) are not supported here: write the values out (a '*' right after a space, '[', ',' or '{' reads as an alias; inside text, join it to the word before)"
}

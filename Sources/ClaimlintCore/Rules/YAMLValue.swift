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

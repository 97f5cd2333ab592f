import ClaimlintCore
import ClaimlintReport
import Foundation

/// `--shard K/N`: a stable subset of the files, so a CI matrix of N jobs splits a large site.
/// A file belongs to shard `FNV-1a(relative path) mod N + 1`: the same on every machine and
/// every run (Swift's `Hasher` is seeded per process, so it cannot be used), and independent
/// of which other files exist, so adding a page never moves the others.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw ShardError(message: "--shard must be K/N with 1 <= K <= N (got \(index)/\(count))")
        }
        self.index = index
        self.count = count
    }

    /// Parses "K/N".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)), let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw ShardError(message: "--shard must look like K/N, e.g. 2/4 (got '\(text)')")
        }
        try self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard (1-based) a path belongs to among `count`.
    public static func shard(of path: String, count: Int) -> Int {
        Int(FNV1a.hash64(normalized(path)) % UInt64(count)) + 1
    }

    public func contains(_ path: String) -> Bool { Self.shard(of: path, count: count) == index }

    /// The inputs of this shard, in their original order.
    public func select(_ inputs: [FileDiscovery.Input]) -> [FileDiscovery.Input] {
        inputs.filter { contains($0.relativePath) }
    }

    /// "./a/b.html" and "a/b.html" are the same file.
    static func normalized(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }
}

public struct ShardError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

import ClaimlintCore

/// The "name value" settings of a learned layer's pack (`claims.model.settings`,
/// `disclaimer.topic.settings`): every name required, no other name allowed, so a typo fails the
/// load with the pack's name instead of leaving a setting at a silent default.
enum ModelSettings {
    /// The values of `names`, in that order, then those of `optional` (its default when the pack
    /// leaves one out).
    static func read(_ entries: [String], lexicon: String, names: [String], optional: [(String, Double)] = [],
                     error: (String) -> RulePackError) throws -> [Double] {
        var values: [String: Double] = [:]
        for entry in entries {
            let parts = entry.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else { throw error("bad setting '\(entry)' in \(lexicon) (expected: name value)") }
            guard names.contains(String(parts[0])) || optional.contains(where: { $0.0 == parts[0] }) else { throw error("unknown setting '\(entry)' in \(lexicon)") }
            values[String(parts[0])] = value
        }
        let missing = names.filter { values[$0] == nil }
        guard missing.isEmpty else {
            throw error("\(lexicon) needs \(names.joined(separator: ", ")); missing: \(missing.joined(separator: ", "))")
        }
        return names.map { values[$0]! } + optional.map { values[$0.0] ?? $0.1 }
    }
}

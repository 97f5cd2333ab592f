import ClaimlintCore

extension CheckerSettings {
    /// The true/false switches of checker section `name` (`sentence: {deep: true}`, `claims: {model:
    /// false}`), keys the section does not set left out. Anything else in the section is a config
    /// error (the core `SettingsError`) naming the file and line, so a typo never silently keeps the
    /// default.
    func flags(_ name: String, allowed: [String]) throws -> [String: Bool] {
        guard let section = section(name) else { return [:] }
        guard let entries = section.entries else {
            throw SettingsError(file: file, line: section.line, message: "'\(name)' must be a mapping, e.g. {\(allowed[0]): true}")
        }
        var out: [String: Bool] = [:]
        for (key, value) in entries {
            guard allowed.contains(key) else {
                throw SettingsError(file: file, line: value.line,
                                           message: "unknown key '\(name).\(key)' (expected: \(allowed.joined(separator: ", ")))")
            }
            guard let b = value.bool else {
                throw SettingsError(file: file, line: value.line, message: "'\(name).\(key)' must be true or false")
            }
            out[key] = b
        }
        return out
    }
}

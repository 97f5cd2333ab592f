import Foundation

/// A project folder with a claims-like phrase pack, for the CI-surface end-to-end tests.
enum SurfaceProject {
    static let pack = """
    rules:
      - id: house.cure
        category: claim
        severity: warning
        summary: A cure claim.
        message: "Unsupported cure claim: '{phrase}'"
        what: Flags cure wording.
        why: A cure claim needs strong evidence and regulators treat it as a medicinal claim.
        phrases: [cures acne, cures eczema, reverses ageing, melts belly fat]
        triggering: ["This balm cures eczema."]
        non_triggering: ["This balm may soothe dry skin."]
    """

    /// Only the house pack and boilerplate rules, so checkers that land later do not change
    /// what these tests count.
    static let config = "packs: [house.yml]\nrules:\n  \"*\": off\n  house: on\n  boilerplate: on\n"

    static func make(files: [String: String]) throws -> URL {
        let dir = try CLI.tempDir()
        try pack.write(to: dir.appendingPathComponent("house.yml"), atomically: true, encoding: .utf8)
        try config.write(to: dir.appendingPathComponent(".claimlint.yml"), atomically: true, encoding: .utf8)
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func json(_ s: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any] ?? [:]
    }

    static func findings(_ s: String) throws -> [[String: Any]] {
        let files = try json(s)["files"] as? [[String: Any]] ?? []
        return files.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }
}

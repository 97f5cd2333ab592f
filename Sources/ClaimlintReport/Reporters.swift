/// Every `--format`, by name.
public enum Reporters {
    public static let all: [any Reporter] = [
        TextReporter(),
        JSONReporter(),
        SARIFReporter(),
        GitHubReporter(),
        JUnitReporter(),
        CheckstyleReporter(),
        RDJSONLReporter(),
        HTMLReporter(),
    ]

    public static func named(_ name: String) -> (any Reporter)? {
        all.first { type(of: $0).name == name }
    }

    public static var names: [String] { all.map { type(of: $0).name } }
}

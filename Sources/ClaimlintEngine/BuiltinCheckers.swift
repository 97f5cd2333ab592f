import ClaimlintCheckers
import ClaimlintCore

/// Every checker claimlint ships. One type per rule family; each must describe its rules in a
/// pack under Rules/.
public enum BuiltinCheckers {
    public static let all: [any Checker.Type] = [
        BoilerplateChecker.self,
        ClaimsChecker.self,
        SentenceChecker.self,
        DisclaimerChecker.self,
        BalanceChecker.self,
    ]

    /// Config sections checkers read (`disclaimer:`, `sentence:` ...): the families of their rules.
    public static var settingSections: Set<String> {
        Set(all.flatMap { $0.ruleIDs.compactMap { $0.split(separator: ".").first.map(String.init) } })
    }
}

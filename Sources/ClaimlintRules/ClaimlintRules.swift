// The built-in rule packs: `EmbeddedRuleFiles.all` is generated at build time from Rules/
// by the EmbedRulePacks plugin, so the binary needs no files beside it.
public enum BuiltinRuleFiles {
    public static var all: [(path: String, contents: String)] { EmbeddedRuleFiles.all }
}

import ClaimlintCore
import ClaimlintEngine
import ClaimlintRules
import Foundation
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// ml1: the learned re-ranking layer. The features the checker computes for a flagged sentence are
/// the ones `Scripts/train_claims_model.py` trains on (read from the `claims.audit` export), and the
/// model pack loads and drops findings below its threshold.
@Suite struct ClaimModelTests {
    static let page = """
    GlowRoot Turmeric Capsules

    GlowRoot cures arthritis in two weeks. Our capsules are clinically proven to boost immunity. Buy now for $29.

    The liver is an organ that filters the blood and may help clear toxins.
    """

    /// Copied from `python3 Scripts/train_claims_model.py --dump-features sample.txt` (the page above
    /// as a .txt file): what the training script read for these sentences. A change to the features
    /// must be made on purpose, and the model retrained.
    static let exported = [
        "GlowRoot cures arthritis in two weeks.":
            "rule_unsupported=1.0;strong=1.0;claim_test=1.0;pred_curative=1.0;pred_count=0.6931;has_intervention=1.0;has_condition=1.0;context_product=1.0;sentence_first=1.0;position=0.25;length_log=2.0794;page_flagged_log=1.0986;page_flagged_share=0.4;page_shop_log=1.0986;page_promotional=1.0;page_sentences_log=1.7918;page_hedged_share=0.2",
        "Our capsules are clinically proven to boost immunity.":
            "rule_establishment=1.0;strong=1.0;claim_test=1.0;intensified=1.0;pred_structure=1.0;pred_count=0.6931;has_intervention=1.0;has_condition=1.0;has_body_function=1.0;has_establishment=1.0;context_product=1.0;first_person=1.0;position=0.5;length_log=2.3026;page_flagged_log=1.0986;page_flagged_share=0.4;page_shop_log=1.0986;page_promotional=1.0;page_sentences_log=1.7918;page_hedged_share=0.2",
    ]

    /// A sourced page with a reference list, a question and one selling sentence: the support and page
    /// features of its one flagged sentence (the only one: the cited paragraph is not flagged), copied
    /// the same way.
    static let sourcedPage = """
    Magnesium and sleep: what the research says

    Reviewed by Dr Jane Hale. Last reviewed 3 June 2024.

    Do magnesium supplements help you sleep? A 2021 trial of 150 adults found a small improvement in sleep onset [1]. Magnesium cures insomnia in a week.

    Tired all the time? SleepWell Magnesium melts away stress and restores deep sleep. Buy now.

    References

    1. Smith J, Patel R. Magnesium and sleep onset in older adults. Journal of Sleep Research. 2021.
    """
    static let sourcedExported = [
        "SleepWell Magnesium melts away stress and restores deep sleep.":
            "rule_unsupported=1.0;strong=1.0;claim_test=1.0;intensified=1.0;pred_curative=1.0;pred_structure=1.0;pred_count=1.0986;has_intervention=1.0;has_condition=1.0;has_body_function=1.0;context_product=1.0;position=0.875;length_log=2.3979;page_supported_share=0.3333;page_references=1.0;page_flagged_log=0.6931;page_flagged_share=0.1111;page_shop_log=0.6931;page_sentences_log=2.3026",
    ]

    func auditFeatures(_ text: String) throws -> [String: String] {
        var config = Configuration()
        config.ruleSettings = [("claims.audit", .on, nil)]
        let report = try Linter(configuration: config).lint(text: text, format: .text, path: "sample.txt")
        var out: [String: String] = [:]
        for f in report.findings where f.rule == "claims.audit" {
            if let features = f.details["features"] { out[f.excerpt] = features }
        }
        return out
    }

    @Test func exportedFeaturesAreWhatTheTrainingScriptRead() throws {
        #expect(try auditFeatures(Self.page) == Self.exported)
        #expect(try auditFeatures(Self.sourcedPage) == Self.sourcedExported)
    }

    @Test func featureNamesAreUniqueAndTheExportRoundTrips() {
        #expect(Set(ClaimFeatures.names).count == ClaimFeatures.count)
        // The exported names are the case names, and a pack's names resolve back to the same features.
        #expect(ClaimFeatures.Feature.rule_unsupported.name == "rule_unsupported")
        for f in ClaimFeatures.Feature.allCases { #expect(ClaimFeatures.byName[f.name] == f) }
        var v = [Double](repeating: 0, count: ClaimFeatures.count)
        v[ClaimFeatures.Feature.strong.rawValue] = 1
        v[ClaimFeatures.Feature.length_log.rawValue] = 2.07944154
        #expect(ClaimFeatures.export(v) == "strong=1.0;length_log=2.0794")
    }

    @Test func builtInModelPackLoadsAndRatesSentences() throws {
        let pack = try #require(BuiltinRuleFiles.all.first { $0.path.hasSuffix("claims-model.yml") })
        #expect(pack.contents.utf8.count < 30 * 1024)
        let model = try #require(try ClaimModel(rules: S.rules))
        #expect(model.threshold > 0 && model.threshold < 1)
        #expect(model.weight.contains { $0 != 0 })
        // The probabilities the checker reports beside the features are the model's.
        var config = Configuration()
        config.ruleSettings = [("claims.audit", .on, nil)]
        let report = try Linter(configuration: config).lint(text: Self.page, format: .text, path: "sample.txt")
        let rated = report.findings.filter { $0.rule == "claims.audit" && $0.details["features"] != nil }
        #expect(rated.count == 2)
        for f in rated {
            let p = try #require(Double(f.details["model_probability"] ?? ""))
            // Two plain unsupported claims on a selling page: the model keeps both.
            #expect(p >= model.threshold && p <= 1, "\(f.excerpt): \(p)")
            // The reported probability is the model applied to the exported features.
            var v = [Double](repeating: 0, count: ClaimFeatures.count)
            for part in (f.details["features"] ?? "").split(separator: ";") {
                let kv = part.split(separator: "=")
                v[try #require(ClaimFeatures.byName[String(kv[0])]).rawValue] = try #require(Double(kv[1]))
            }
            #expect(abs(model.probability(v) - p) < 0.002)
        }
    }

    /// A hand-made model that rates establishment wording low: with the layer on, that finding is
    /// dropped and the curative claim kept; with it off (the default), both stay.
    @Test func modelDropsFindingsBelowItsThreshold() throws {
        let yaml = """
        pack: test-model
        lexicons:
          claims.model.settings: ["threshold 0.5", "bias 2.0"]
          claims.model.features: ["has_establishment 0 1 -5.0", "strong 0 1 0.5"]
        """
        let rules = try RuleSet(files: BuiltinRuleFiles.all.filter { !$0.path.hasSuffix("claims-model.yml") } + [("test-model.yml", yaml)])
        let model = try #require(try ClaimModel(rules: rules))
        #expect(model.threshold == 0.5)
        var checker = try ClaimsChecker(rules: rules, settings: .empty)
        let doc = S.text(Self.page)
        func fired() -> [String] {
            checker.check(doc, context: CheckContext(relativePath: "a.txt", disabledRules: ["claims.audit"])).map(\.rule).sorted()
        }
        #expect(!ClaimModel.enabledByDefault || checker.applyModel)
        checker.applyModel = false
        #expect(fired() == ["claims.establishment", "claims.unsupported"])
        checker.applyModel = true
        #expect(fired() == ["claims.unsupported"])
    }

    /// The error names the pack that defined the model (a user pack, not the built-in one) and the
    /// unknown name, at load rather than on the first flagged sentence.
    @Test func aPackNamingAnUnknownFeatureFailsToLoadNamingThePack() throws {
        let yaml = """
        pack: test-model
        lexicons:
          claims.model.settings: ["threshold 0.5", "bias 0"]
          claims.model.features: ["no_such_feature 0 1 1.0"]
        """
        let rules = try RuleSet(files: [("my-packs/test-model.yml", yaml)])
        do {
            _ = try ClaimModel(rules: rules)
            Issue.record("a pack with an unknown feature loaded")
        } catch let error as RulePackError {
            #expect(error.file == "my-packs/test-model.yml")
            #expect(error.message.contains("no_such_feature"))
        }
        let badSetting = try RuleSet(files: [("other.yml", """
        pack: other
        lexicons:
          claims.model.settings: ["threshold 0.5"]
          claims.model.features: ["strong 0 1 1.0"]
        """)])
        #expect { _ = try ClaimModel(rules: badSetting) } throws: { ($0 as? RulePackError)?.file == "other.yml" }
    }

    @Test func configTurnsTheLayerOffAndRejectsBadValues() throws {
        let rules = try RuleSet(files: BuiltinRuleFiles.all)
        func settings(_ key: String, _ value: String) -> CheckerSettings {
            CheckerSettings(sections: ["claims": .map([(key: key, value: .scalar(value, line: 2))], line: 1)])
        }
        #expect(try ClaimsChecker(rules: rules, settings: .empty).applyModel == ClaimModel.enabledByDefault)
        #expect(try ClaimsChecker(rules: rules, settings: settings("model", "false")).applyModel == false)
        #expect(try ClaimsChecker(rules: rules, settings: settings("model", "true")).applyModel == true)
        #expect(throws: (any Error).self) { _ = try ClaimsChecker(rules: rules, settings: settings("model", "sometimes")) }
        #expect(throws: (any Error).self) { _ = try ClaimsChecker(rules: rules, settings: settings("modle", "false")) }
    }
}

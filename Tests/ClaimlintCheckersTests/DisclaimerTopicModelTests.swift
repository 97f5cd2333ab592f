import ClaimlintCore
import ClaimlintEngine
import ClaimlintRules
import Foundation
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

/// The page-topic model (`Rules/disclaimer-topic.yml`, PageTopicModel.swift): the words the checker
/// reads are the ones `Scripts/train_disclaimer_topic.py` trains on (read from the `disclaimer.audit`
/// export), the fast look-up gives the same probability as the words, the model opens the need on a
/// health page the trigger rules miss, and the guard keeps other pages out.
@Suite struct DisclaimerTopicModelTests {
    /// A hair-extension salon page: health content (tension on the scalp, thinning hairline) that no
    /// trigger list names.
    static let page = """
    Micro ring hair extensions: what to expect

    Micro ring extensions are attached to small sections of your own hair with tiny metal rings, close to the scalp. Fitting takes three to four hours in the salon chair.

    For the first few nights the roots can feel tight, and some clients notice tenderness along the parting. Sleep with your hair in a loose plait and brush from the ends upwards.

    Book a refit every eight weeks, as the rings move down while your natural hair grows. Constant pulling at the roots over many months can thin the hairline.
    """

    /// Copied from `python3 Scripts/train_disclaimer_topic.py --dump page.txt` (the page above as a
    /// .txt file): the words the training script read. A change to the features must be made on
    /// purpose, and the model retrained.
    static let exportedWords = """
    along and are attached book brush can chair client close constant down eight end every expect extension feel few first fitting \
    for four from grow hair hairline hour loose many metal micro month move natural night notice over own parting plait pulling \
    refit ring root salon scalp section sleep small some take tenderness the thin three tight tiny upward week what while with your
    """

    func audit(_ text: String, format: InputFormat = .text) throws -> [String: String] {
        var config = Configuration()
        config.ruleSettings = [("disclaimer.audit", .on, nil)]
        let report = try Linter(configuration: config).lint(text: text, format: format, path: format == .html ? "page.html" : "page.txt")
        return try #require(report.findings.first { $0.rule == "disclaimer.audit" }).details
    }

    @Test func featureWordsAreWhatTheTrainingScriptRead() throws {
        let details = try audit(Self.page)
        #expect(details["words"] == Self.exportedWords)
        // The audit's words are the checker's own reading of the page.
        #expect(PageTopicModel.words(of: S.text(Self.page), skipping: []).joined(separator: " ") == Self.exportedWords)
    }

    /// The checker never tries the opening on a page caring for an animal, plant or material
    /// (round 16); the audit says so, or the training script's simulated verdict would differ from
    /// the checker's on such pages (it did on four dev pages before this field).
    @Test func auditSaysWhenThePatientIsNotABody() throws {
        let flock = "The vet dosed the ewes with 10 ml of wormer each. The lambs with scours had an antibiotic injection from the vet. The flock's recovery was quick."
        #expect(try audit(flock)["not_a_body_care"] == "yes")
        #expect(try audit(Self.page)["not_a_body_care"] == "no")
    }

    /// Round 21 reads the model at even odds on a page whose only disclaimers are weak; the audit
    /// says which pages those are, for the same reason.
    @Test func auditSaysWhenTheOnlyDisclaimersAreWeak() throws {
        let body = "<p>Rub the balm into sore knuckles twice a day.</p>"
        let caption = "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>This page is not medical advice; ask your doctor before you use it.</figcaption></figure>"
        let prominent = "<p>This page is not medical advice; ask your doctor before you use it.</p>"
        #expect(try audit("<html><body><article>\(body)\(caption)</article></body></html>", format: .html)["only_weak"] == "yes")
        #expect(try audit("<html><body><article>\(body)\(prominent)</article></body></html>", format: .html)["only_weak"] == "no")
        #expect(try audit("<html><body><article>\(body)</article></body></html>", format: .html)["only_weak"] == "no")
    }

    @Test func wordRulesCutRunsAndPlurals() {
        let doc = S.text("Parkinson's tablets ease stress; the virus and psoriasis. Naïve B12 go COVID-19 anti-ageing gels.")
        #expect(PageTopicModel.words(of: doc, skipping: []) == ["ageing", "and", "anti", "covid", "ease", "gel", "parkinson", "psoriasis", "stress", "tablet", "the", "virus"])
    }

    /// The probability the audit reports is the model applied to the exported words (the training
    /// script's formula), and the checker's one-pass hashed reading gives the same.
    @Test func hashedReadingEqualsTheModelOnTheWords() throws {
        let model = try #require(try PageTopicModel(rules: S.rules))
        let details = try audit(Self.page)
        let words = try #require(details["words"]).split(separator: " ").map(String.init)
        let fromWords = model.probability(words: words)
        let reading = model.read(S.text(Self.page), skipping: [])
        #expect(abs(reading.probability - fromWords) < 1e-12)
        #expect(details["topic_p"] == String(format: "%.4f", fromWords))
        // The drivers are the page's own words with the largest positive weights, strongest first.
        let weights = Dictionary(uniqueKeysWithValues: zip(model.words, model.weights))
        let drivers = reading.drivers.map { w in weights[w] ?? weights[String(w.dropLast())] ?? -1 }
        #expect(!drivers.isEmpty && drivers.allSatisfy { $0 > 0 } && drivers == drivers.sorted(by: >))
    }

    @Test func builtInPackLoadsUnderTheSizeLimit() throws {
        let pack = try #require(BuiltinRuleFiles.all.first { $0.path.hasSuffix("disclaimer-topic.yml") })
        #expect(pack.contents.utf8.count < 30 * 1024)
        let model = try #require(try PageTopicModel(rules: S.rules))
        #expect(model.threshold > 0.5 && model.threshold < 1)
        #expect(model.words.count >= 100 && model.weights.contains { $0 > 0 } && model.weights.contains { $0 < 0 })
        #expect(try S.disclaimerChecker().topicEnabled == PageTopicModel.enabledByDefault)
    }

    /// The page above: the trigger rules see no need (score 0); the model opens it, and the reason
    /// says so and names the words.
    @Test func modelOpensTheNeedOnAHealthPageTheRulesMiss() throws {
        var checker = try S.disclaimerChecker()
        let doc = S.text(Self.page)
        #expect(!checker.verdict(doc).profile.needsDisclaimer)
        checker.topicEnabled = true
        let found = checker.check(doc, context: CheckContext(relativePath: "page.txt", disabledRules: ["disclaimer.audit"]))
        let missing = try #require(found.first { $0.rule == "disclaimer.missing" })
        #expect(missing.details["reason"] == "topic")
        #expect(missing.message.contains("the page reads as health content: '"))
        #expect(missing.message.contains("(topic model p=0.9"))
        checker.topicEnabled = false
        #expect(checker.check(doc, context: CheckContext(relativePath: "page.txt", disabledRules: ["disclaimer.audit"])).isEmpty)
        // With a disclaimer, nothing: the model only opens the need.
        checker.topicEnabled = true
        let carried = S.text(Self.page + "\n\nThis page is for general information only and is not a substitute for advice from your GP.")
        #expect(checker.check(carried, context: CheckContext(relativePath: "page.txt", disabledRules: ["disclaimer.audit"])).isEmpty)
    }

    /// A hand-made model that calls anything with "wig" health: the guard's evidence count and the
    /// non-advice genres keep a page out whatever p says.
    func checker(minEvidence: Int) throws -> DisclaimerChecker {
        let yaml = """
        pack: test-topic
        lexicons:
          disclaimer.topic.settings: ["threshold 0.9", "bias -1.0", "min-evidence \(minEvidence)"]
          disclaimer.topic.weights: ["wig 6.0", "invoice -8.0"]
        """
        let rules = try RuleSet(files: DisclaimerTestSupport.filesWithoutTopicPack + [("test-topic.yml", yaml)])
        var checker = try DisclaimerChecker(rules: rules, settings: .empty)
        checker.topicEnabled = true
        return checker
    }

    @Test func guardKeepsPagesWithoutBodyWordsAndNonAdviceGenresOut() throws {
        let context = CheckContext(relativePath: "a.txt", disabledRules: ["disclaimer.audit"])
        let wigShop = S.text("The theatre wig store restyles every wig by hand. Each wig goes back in its box by Friday.")
        #expect(try checker(minEvidence: 0).check(wigShop, context: context).map(\.rule) == ["disclaimer.missing"])
        // No body word at all: the guard keeps it out.
        #expect(try checker(minEvidence: 1).check(wigShop, context: context).isEmpty)
        // A wig for hair loss after chemotherapy: body words, so the guard lets the model open it.
        let medicalWig = S.text("A wig after chemotherapy hair loss should sit lightly on a tender scalp. Our fitter sees you in a private room.")
        #expect(try checker(minEvidence: 1).check(medicalWig, context: context).map(\.rule) == ["disclaimer.missing"])
        // A novel's review (genre words: novel, plot, chapters) stays out even with no evidence needed.
        let review = S.text("In this debut novel a wig maker hides a letter in every wig. The plot turns in the final chapters.")
        #expect(try checker(minEvidence: 0).check(review, context: context).isEmpty)
        // Words that weigh against health close it.
        let invoice = S.text("Your invoice for the wig repair is attached.")
        #expect(try checker(minEvidence: 0).check(invoice, context: context).isEmpty)
    }

    /// A broken pack fails at load with the pack's file name and what is wrong.
    @Test func aBrokenPackFailsToLoadNamingTheFile() throws {
        func load(_ settings: String, _ weights: String) throws -> PageTopicModel? {
            try PageTopicModel(rules: RuleSet(files: [("my-packs/topic.yml", """
            pack: topic
            lexicons:
              disclaimer.topic.settings: [\(settings)]
              disclaimer.topic.weights: [\(weights)]
            """)]))
        }
        let good = "\"threshold 0.9\", \"bias 0\", \"min-evidence 1\""
        #expect(try load(good, "\"scalp 1.5\"") != nil)
        for (settings, weights, says) in [
            (good, "\"Scalp 1.5\"", "Scalp"),
            (good, "\"scalp\"", "bad entry"),
            (good, "\"scalp x\"", "bad entry"),
            (good, "\"scalp 1\", \"scalp 2\"", "twice"),
            ("\"threshold 1.5\", \"bias 0\", \"min-evidence 1\"", "\"scalp 1\"", "threshold"),
            ("\"threshold 0.9\", \"bias 0\"", "\"scalp 1\"", "min-evidence"),
            ("\"threshold 0.9\", \"bias 0\", \"min-evidence 1\", \"colour 3\"", "\"scalp 1\"", "colour"),
        ] {
            #expect { _ = try load(settings, weights) } throws: { error in
                guard let e = error as? RulePackError else { return false }
                return e.file == "my-packs/topic.yml" && e.message.contains(says)
            }
        }
        // No pack, no model (a rule set of a test's own).
        #expect(try PageTopicModel(rules: RuleSet(files: [])) == nil)
    }
}

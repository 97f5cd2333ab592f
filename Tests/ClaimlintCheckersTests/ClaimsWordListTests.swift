@testable import ClaimlintCheckers
import ClaimlintCore
import ClaimlintRules
import Testing

/// The claims checker's domain word classes (words about bodies, harms, products, research and
/// reported outcomes) are read from Rules/claims-words-body.yml and Rules/claims-words-research.yml,
/// not kept in Swift (packs1); grammar words stay next to the code that parses with them.
/// An empty or missing list must fail at load, not silently switch a test off.
@Suite struct ClaimsWordListTests {
    static func builtinRules() throws -> RuleSet {
        try RuleSet(files: BuiltinRuleFiles.all.map { (path: "Rules/" + $0.path, contents: $0.contents) })
    }

    @Test func domainWordClassesAreReadFromThePacks() throws {
        let v = try ClaimsVocabulary(rules: Self.builtinRules())
        let classes: [(Set<WordKey>, String)] = [
            (v.bodyMachinery, "enzymes"), (v.organProcessVerbs, "absorb"), (v.carryVerbs, "transport"),
            (v.productionParticiples, "secreted"), (v.helpedProcessVerbs, "maintain"), (v.surfaceWords, "scalp"),
            (v.exposureNouns, "chlorine"), (v.symptomVerbs, "ached"), (v.signNouns, "symptoms"), (v.harmNouns, "risks"),
            (v.harmAdjectives, "life-threatening"), (v.cosmeticMotives, "concerns"), (v.cleansingWords, "purify"),
            (v.careImperatives, "moisturise"), (v.doseForms, "gummies"), (v.leftOutIngredients, "gluten"),
            (v.therapyWords, "therapy"), (v.productNameNouns, "serum"), (v.cosmeticProductNouns, "toner"),
            (v.productNouns, "bundle"), (v.deviceNouns, "device"), (v.remedyNouns, "remedy"), (v.measureUnits, "teaspoon"),
            (v.lengthUnits, "hz"), (v.timeOfUse, "bedtime"), (v.applicationVerbs, "apply"), (v.directionVerbs, "wear"),
            (v.researchModifiedNouns, "cohort"), (v.effectNouns, "impact"), (v.findingNouns, "findings"),
            (v.findingVerbs, "observed"), (v.researchPeople, "volunteers"), (v.consumerTestVerbs, "recruited"),
            (v.sayOnlyNouns, "anecdote"), (v.contactVerbs, "interviewed"), (v.recommendVerbs, "prescribe"),
            (v.organisationNouns, "charity"), (v.organisationEndings, "foundation"), (v.resultNouns, "game-changer"),
            (v.reportedResults, "vanished"), (v.topicLabelNouns, "episode"), (v.recordNounKeys, "diary"),
            (v.bodyAgentVerbs, "relies"), (v.reportingWords, "demonstrates"), (v.presentChangeVerbs, "plummets"),
            (v.startWords, "switched"), (v.absenceLooseTerms, "spots"),
        ]
        for (words, sample) in classes {
            #expect(!words.isEmpty)
            #expect(words.contains(WordKey(sample)), "\(sample) is missing")
        }
        #expect(v.recordNouns.contains("questionnaire"))
    }

    /// Every lexicon of the two word-class packs is one the vocabulary reads (a list added to the
    /// packs with no code behind it would do nothing), and each is under 30 kB like the other claims packs.
    @Test func everyListOfTheWordPacksIsRead() throws {
        let packs = BuiltinRuleFiles.all.filter { $0.path.hasPrefix("claims-words-") }
        #expect(packs.count == 2)
        let rules = try Self.builtinRules()
        for pack in packs {
            #expect(pack.contents.utf8.count < 30 * 1024)
            for line in pack.contents.split(separator: "\n") where line.hasPrefix("  claims.") && line.hasSuffix(":") {
                let id = String(line.dropFirst(2).dropLast())
                #expect(!(try rules.lexicon(id)).isEmpty, "\(id) is empty")
                #expect(Self.readLexicons.contains(id), "\(id) is not read by ClaimsVocabulary")
            }
        }
    }

    static let readLexicons: Set<String> = [
        "claims.body.machinery", "claims.body.process-verbs", "claims.body.carry-verbs", "claims.body.production-participles",
        "claims.body.helped-process-verbs", "claims.body.surfaces", "claims.body.exposures", "claims.body.symptom-verbs",
        "claims.body.sign-nouns", "claims.harms.nouns", "claims.harms.adjectives", "claims.cosmetic.motives",
        "claims.cosmetic.cleansing-words", "claims.products.care-imperatives", "claims.products.dose-forms",
        "claims.products.left-out-ingredients", "claims.products.therapy-words", "claims.products.name-nouns",
        "claims.products.cosmetic-nouns", "claims.products.nouns", "claims.products.device-nouns", "claims.products.remedy-nouns",
        "claims.products.measure-units", "claims.products.length-units", "claims.products.time-of-use",
        "claims.products.application-verbs", "claims.products.direction-verbs", "claims.research.modified-nouns",
        "claims.research.effect-nouns", "claims.research.finding-nouns", "claims.research.finding-verbs", "claims.research.people",
        "claims.research.consumer-test-verbs", "claims.research.say-only-nouns", "claims.research.contact-verbs",
        "claims.research.recommend-verbs", "claims.research.organisation-nouns", "claims.research.organisation-endings",
        "claims.research.record-nouns", "claims.outcomes.result-nouns", "claims.outcomes.reported-results",
        "claims.outcomes.topic-label-nouns",
        "claims.body.agent-verbs", "claims.research.reporting-words", "claims.research.change-verbs",
        "claims.outcomes.start-words", "claims.outcomes.loose-absence-terms",
    ]
}

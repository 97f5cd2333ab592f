import ClaimlintCore

/// What kind of actionable health information a phrase shows. Standalone kinds count on their
/// own; the others count only when a health term shares the sentence ("treat" + "acne", not
/// "treat yourself" or "water treatment").
enum HealthTrigger: String, Sendable, CaseIterable {
    case procedure, dosage, supplement, medicine, claim, treatment, diagnosis, regimen
    /// "take her to A&E if ...", "see your GP if it lasts": when to see a clinician. Found from
    /// the consult sentences (`PassingAdvice`), not from a lexicon of its own.
    case care

    var lexicon: String { "disclaimer.trigger.\(rawValue)" }

    var isStandalone: Bool {
        switch self {
        case .procedure, .dosage, .supplement, .medicine, .claim: true
        case .treatment, .diagnosis, .regimen, .care: false
        }
    }

    /// How much one sentence with this trigger adds to the page's score.
    var weight: Int { isStandalone ? 3 : 2 }

    /// Order for the reason in a message: the most concrete advice first.
    var rank: Int {
        switch self {
        case .dosage: 0
        case .procedure: 1
        case .supplement: 2
        case .medicine: 3
        case .claim: 4
        case .regimen: 5
        case .treatment: 6
        case .diagnosis: 7
        case .care: 8
        }
    }

    /// The words a message uses for it ("gives dosages ('300 mg twice daily')").
    var verbPhrase: String {
        switch self {
        case .procedure: "describes a procedure"
        case .dosage, .regimen: "gives dosages"
        case .supplement: "recommends supplements"
        case .medicine: "names medicines"
        case .claim: "makes health claims"
        case .treatment: "discusses treatment"
        case .diagnosis: "helps readers recognise a condition"
        case .care: "tells readers when to see a clinician"
        }
    }
}

/// One trigger found in the page.
struct TriggerHit: Sendable {
    var kind: HealthTrigger
    /// The matched words (with the health term for sentence-bound kinds: "treat acne").
    var phrase: String
    var block: Int
    var range: Range<Int>
    /// The hit is about a human (or animal) body: a medicine, supplement, procedure or dose, or a
    /// sentence-bound trigger beside a term only bodies have ("acne", not "symptoms" or
    /// "clinic", which pianos, cars and websites have too).
    var aboutBody = true
    /// About a body only through a word with a common figurative sense ("ease the pain for
    /// borrowers", "thick skin"): opens the domain gate only when a second sentence is about a
    /// body too.
    var figurativeBody = false
    /// About a body only by inference from a word's neighbours, not from a listed product or
    /// condition: a procedure word a few words from a body part ("gums up ... injection"), an
    /// uncounted dose form or a kitchen measure with a frequency ("drops ... every evening"), a
    /// liquid amount, a regimen on a body part. Machines have injections, gums and drops too: one
    /// such sentence alone does not open the domain gate (`HealthProfile.isAboutBody`).
    var inferred = false
    /// A regimen said of a medicine and no supplement ("apply the numbing gel for 15 minutes"):
    /// a dose, but not of a supplement (`HealthProfile.isSupplementPage`).
    var dosesMedicineOnly = false
}

/// Who a word of a trigger sentence makes the patient (`HealthSignals.sentencePatient`).
enum PatientWord: Sendable {
    /// A patient that is not a person's body: an animal other than a pet (round 16), a plant, a
    /// material under repair, a reptile (round 19).
    case notABody
    case pet, reader, person, vet, neutral
    /// A person's body word that an animal shares ("pregnancy", round 30): the animal's in a
    /// sentence that names one and no person, else a person's.
    case sharedBody
    /// A word of animal care that is not a patient ("hatchery", "lambing", "beekeeper"): counted
    /// among the page's animal words only (`pageNotABodyWords`).
    case husbandry
}

/// A trigger sentence's hits, points and patient, kept until the page's patient is known.
struct ScoredSentence: Sendable {
    var hits: [TriggerHit]
    var points: Int
    var patient: SentencePatient
    /// It addresses the reader ("if you are not up to date"), whatever its patient.
    var addressesReader: Bool
}

/// Whose body a trigger sentence is about, by its words (`HealthSignals.sentencePatient`).
enum SentencePatient: Sendable {
    /// A patient that is not a body (an animal other than a pet, a plant, a material), and no
    /// reader, pet or person.
    case notABody
    /// A pet or a person's body ("your dog", "if you are pregnant", "people").
    case body
    /// No animal, pet or person named, but the vet ("the vet gave two injections"): the
    /// animal's when the page is animal care.
    case vet
    /// Neither named (or only the reader addressed: "if you catch it early").
    case unnamed
}

/// A sentence of the document, by block index and sentence index.
struct SentenceRef: Hashable, Sendable {
    var block: Int
    var sentence: Int
}

/// Whether a page gives health information a reader could act on, and why.
struct HealthProfile: Sendable {
    /// Score at or above which a page needs a disclaimer: two sentences with health content,
    /// at least one of them concrete (e.g. a dosage and a treatment sentence).
    static let threshold = 4
    /// Added when a title or heading names a health term and the text has a trigger.
    static let topicBonus = 2

    /// Every trigger found, in document order.
    var hits: [TriggerHit] = []
    var score = 0
    /// Sentences whose triggers are about a body only through a figurative-prone word ("ease
    /// the pain"), or, when there is one such sentence, sentences that use such a word at all.
    var figurativeBodySentences = 0

    /// The page is about a work or a product that is not health advice: a review of a creative
    /// work (schema.org `itemReviewed` a Game, Movie, Book ..., or the words of one: plot,
    /// chapters, novel) or software documentation. Its health words are its subject.
    var isNonAdviceGenre = false

    /// Domain gate: at least one trigger is about a body. A page whose health words all have
    /// machines, materials, plants or software as their object (a piano "clinic", the "symptoms"
    /// of a flat battery, a fuel additive with "no side effects") needs no disclaimer.
    /// One sentence whose only body word is "pain", "skin" or "ear" does not open it (a markets
    /// column that "eases the pain for borrowers") unless the page comes back to the word in
    /// another sentence ("which ear", "the right ear"); any other body trigger does.
    var isAboutBody: Bool {
        figurativeBodySentences >= 2 || hits.contains { $0.aboutBody && !$0.figurativeBody && !$0.inferred } || inferredBodySentences >= 2
            || (inferredBodySentences == 1 && (linksInterventionToHealth || headingNamesBodyTopic))
    }
    /// The title or a heading names a body-specific condition, procedure or medicine in its
    /// literal sense ("Does a tennis elbow strap work?", not "Pain points of the new tax year"):
    /// inferred evidence ("once a day ... the wrist") is then about that body.
    var headingNamesBodyTopic = false
    /// The claims analysis links a named intervention to a condition or body function somewhere
    /// on the page (any predicate, negated or hedged too).
    var linksInterventionToHealth = false
    /// Sentences about a body only by inference (`TriggerHit.inferred`).
    var inferredBodySentences = 0

    /// Some trigger sentences were about a patient that is not a body (an animal other than a pet,
    /// round 16; a plant or a material under repair, rounds 19 and 21) and left out: the page's
    /// treatment words are that patient's care, so the topic model does not open it either.
    var isNotABodyCare = false

    /// The trigger rules' need, before the topic model's veto.
    var rulesNeedDisclaimer: Bool { score >= Self.threshold && !isNonAdviceGenre && isAboutBody }
    /// Round 20: the page-topic model's p(health) when it closed the rules' need (p below the
    /// pack's veto: a plant's dose, a suit's knee, an op-ed's bitter medicine); nil otherwise.
    var topicVeto: Double?
    var needsDisclaimer: Bool { rulesNeedDisclaimer && topicVeto == nil }

    /// Supplement or dosage content: where the US supplement statement counts as a disclaimer.
    /// (A liquid amount or a regimen on a body part is inferred: a scalp oil's "30 ml" and "every
    /// night along the parting" are a cosmetic's, which the supplement statement does not cover.)
    var isSupplementPage: Bool { hits.contains { ($0.kind == .supplement || $0.kind == .dosage) && !$0.inferred && !$0.dosesMedicineOnly } }

    /// Benefit claims: health claims and treatment statements.
    var benefitHits: [TriggerHit] { hits.filter { $0.kind == .claim || $0.kind == .treatment } }

    /// The first hit of each kind, most concrete kinds first, one per wording, at most `limit`.
    func strongest(limit: Int = 3) -> [TriggerHit] {
        var seen = Set<String>()
        var firsts: [TriggerHit] = []
        for h in hits.sorted(by: { $0.kind.rank < $1.kind.rank }) where !seen.contains(h.kind.verbPhrase) {
            seen.insert(h.kind.verbPhrase)
            firsts.append(h)
        }
        return Array(firsts.prefix(limit))
    }

    /// "gives dosages ('300 mg twice daily') and describes a procedure ('PRP injections')".
    func reason(limit: Int = 3) -> String {
        let parts = strongest(limit: limit).map { "\($0.kind.verbPhrase) ('\($0.phrase)')" }
        switch parts.count {
        case 0: return "it gives health information"
        case 1: return "it \(parts[0])"
        default: return "it " + parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}

/// The vocabulary that decides whether a page needs a disclaimer, from `Rules/disclaimer-triggers.yml`.
final class HealthVocabulary: Sendable {
    let triggers: PhraseTrie<HealthTrigger>
    /// Health terms; the value is false for the domain-neutral ones ("symptoms", "clinic",
    /// "patient", "affected area"), which other trades use of their machines and materials.
    let healthTerms: PhraseTrie<Bool>
    /// Body-specific health terms with a common figurative sense ("pain", "skin", "ear").
    let figurativeTerms: PhraseTrie<Bool>
    /// The claims checker's conditions, symptoms and body parts (`claims.conditions`, from the
    /// PUBHEALTH lexicon: "varicose veins", "ectopic beats", "low sperm count"), multi-word entries
    /// only (its single words include "recovery", "cuts", "cold", "cells", which every trade uses),
    /// less `disclaimer.shared-condition-exclusions` ("the risk", "energy levels", "the heart").
    /// Health terms of a page that names them at least `sharedConditionMentions` times.
    let sharedConditions: PhraseTrie<Bool>
    static let sharedConditionMentions = 2
    /// Standalone triggers that other trades use too ("no side effects", "recommended dose").
    let neutralTriggers: PhraseTrie<Bool>
    /// Words that are a cosmetic procedure when a body part or health term shares the sentence
    /// ("tear trough filler", "threads in the jawline"), not otherwise
    /// ("wood filler", "a sewing thread").
    let bodyProcedureWords: PhraseTrie<Bool>
    let bodyParts: PhraseTrie<Bool>
    /// Body parts said of the writer's or the reader's own body in a heading ("my shin", "your hands").
    let ownBodyParts: PhraseTrie<Bool>
    /// Injuries an animal gives a person ("bites", "stung", "zoonotic"): on such a page the animal
    /// is the cause, not the patient (`notABodyCareMentions`).
    let animalInjuryWords: PhraseTrie<Bool>
    /// Wild cats by name ("cheetah", "big cats"): on their page, "cats" and "kittens" are no pets.
    let wildCats: PhraseTrie<Bool>
    /// Body areas things have too ("face", "neck", "nose"): only right beside a procedure word.
    let sharedBodyParts: PhraseTrie<Bool>
    /// International Nonproprietary Name stems ("-mycin", "-prazole", "-glutide"): a word ending
    /// in one names a medicine, whether or not it is listed.
    let medicineStems: WordEndings
    /// Medical word endings: "-itis", "-osis" name a condition (a health term: "gingivitis",
    /// "hyperhidrosis"), "-plasty", "-ectomy", "-oscopy" a procedure ("abdominoplasty").
    let conditionEndings: WordEndings
    let procedureEndings: WordEndings
    /// Tokens between a body-procedure word and its body part: up to six for a body part only
    /// bodies have, up to two for one that things have too ("filler in the lip").
    static let bodyPartWindow = 6
    static let sharedBodyPartWindow = 2
    /// "5 ml", "2.5ml": a liquid amount, a dosage only beside a medicine,
    /// supplement or body-specific health term ("200 ml of stock" is a recipe).
    let liquidUnits: PhraseTrie<Bool>
    let liquidUnitWords: Set<WordKey>
    /// "before bed", "at bedtime": a liquid amount timed to bedtime is a dose of any product.
    let bedtimeTimings: PhraseTrie<Bool>
    let doseUnits: PhraseTrie<Bool>
    /// "gummies", "capsules", "drops": with a dose amount in the sentence, a dosed product.
    let doseForms: PhraseTrie<Bool>
    /// "tablespoon", "tsp": with a frequency, a dose inferred from the wording (recipes have them).
    let measureForms: PhraseTrie<Bool>
    /// Single-word units, for numbers written together with their unit ("200mg").
    let doseUnitWords: Set<WordKey>
    /// schema.org types of reviewed works that are not health products or services.
    let creativeWorkTypes: Set<String>
    /// Words of genres that are not health advice (a novel's plot, software's log-in), by genre,
    /// in one trie (`hasGenreWords`).
    let genreWords: GenreLexicons
    /// Meat, fish and cooking steps ("brine", "the crown", "roasting") and vehicles, buildings,
    /// instruments and materials: a sentence that names one uses a figurative-prone body word
    /// ("skin") of the food or the thing, not of a body.
    let foodOrObjectContext: PhraseTrie<Bool>
    /// Treatment words that are also adjectives ("lower", "calm"): after one of
    /// `adjectiveVerbDeterminers` ("the lower wing", "a calm sea") the adjective, not the verb.
    let adjectiveVerbs: PhraseTrie<Bool>
    let adjectiveVerbDeterminers: Set<WordKey>
    /// Health terms that are an adjective before a noun ("a cold pan"): `disclaimer.adjective-terms`.
    let adjectiveTerms: PhraseTrie<Bool>
    /// Words that may follow an illness named by an adjective ("a cold and a cough", "a cold
    /// lasts a week"): function words, common verbs, and the nouns that make it a condition
    /// (`disclaimer.after-condition-words`).
    let afterConditionWords: Set<WordKey>
    /// Distinct genre words that make a page one of these genres.
    static let genreThreshold = 3
    /// Who a trigger sentence is about (`sentencePatient`): an animal other than a pet,
    /// a pet, the reader or another person, or a neutral "your vet".
    let patientWords: PhraseTrie<PatientWord>
    /// Trigger sentences about a patient that is not a body (or "the vet") that make a page such
    /// care when no trigger sentence is about a pet or a person's body.
    static let notABodyCareSentences = 2
    /// A heading that names a person's body ("Looking after your hands", "how I treated the hole in my
    /// shin", "Pregnant women and lambing"): the page is about people, whatever animals it names
    /// (round 32: a show-cattle fitters' dermatitis page, a bantam keeper's spur wound).
    func namesPersonsBody(_ block: AnalyzedBlock) -> Bool {
        namesPersonsBody(block, in: 0..<block.tokens.count)
    }

    func namesPersonsBody(_ block: AnalyzedBlock, in range: Range<Int>) -> Bool {
        let tokens = block.tokens
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = patientWords.longestMatch(startingAt: i, in: tokens, limit: range.upperBound) {
                if m.value == .person { return true }
                i = m.end
                continue
            }
            if (tokens[i].key == Self.yourWord || tokens[i].key == Self.myWord) && i + 1 < range.upperBound
                && ownBodyParts.longestMatch(startingAt: i + 1, in: tokens, limit: range.upperBound) != nil {
                return true
            }
            i += 1
        }
        return false
    }

    /// Distinct non-body patient and care words (animals, husbandry, plants, repaired materials) on a
    /// page that make it such care with one such sentence.
    static let notABodyCareWords = 3
    /// Mentions of non-body patients (any, repeated: "badger" five times) that make a page such care
    /// like `notABodyCareWords` (round 34: a badger vaccinators' course notes name one species only, in
    /// the title, the headings and the steps). Either route by page words needs no trigger sentence
    /// that addresses the reader (a keepers' leaflet on monitor lizard bites: "a tetanus booster if
    /// you are not up to date"), no sentence that names a person's body (a volunteer's diary of leech
    /// bites among buffalo: "on my legs") and none that names an injury an animal gives ("badger
    /// bites", `animalInjuryWords`); round 36 put the words route under the same guards.
    static let notABodyCareMentions = 4
    /// `triggers`, `bodyProcedureWords`, `doseForms` and the therapy activities ("boxing", "classes",
    /// "practice": an activity named by the condition it is for, "boxing for Parkinson's", is a
    /// therapy, `productByUse`) in one trie, for the scans `hits` makes of every sentence (perf17:
    /// one walk instead of four; the activities need no trie of their own).
    let sentenceLexicons: SentenceLexicons
    /// "certificates", "records", "lists": after a procedure or medicine ("vaccination
    /// certificates", "medication lists"), what a document is about, not a treatment.
    let documentNouns: PhraseTrie<Bool>

    init(rules: RuleSet) throws {
        // Each trie's phrases in insertion order, for `sentenceLexicons` too.
        var triggerPhrases: [(String, HealthTrigger)] = []
        for kind in HealthTrigger.allCases where kind != .care {
            for phrase in try rules.lexicon(kind.lexicon) { triggerPhrases.append((phrase, kind)) }
        }
        // "two gummies a day", "one gummy 30 minutes before bed": a dose form, then a frequency
        // after up to three more words. (No leading wildcard: a trie rooted in "*" would walk
        // from every token.)
        let frequencies = try rules.lexicon("disclaimer.dose-frequencies")
        let forms = try rules.lexicon("disclaimer.dose-forms")
        doseForms = PhraseTrie(phrases: forms) { _ in true }
        let measures = try rules.lexicon("disclaimer.measure-forms")
        measureForms = PhraseTrie(phrases: measures) { _ in true }
        for form in forms + measures {
            for frequency in frequencies {
                for gap in ["", "* ", "* * ", "* * * "] { triggerPhrases.append(("\(form) \(gap)\(frequency)", .dosage)) }
            }
        }
        // "one drop in each eye", "two sprays up each nostril": a dose form and where it goes.
        for form in forms {
            for site in try rules.lexicon("disclaimer.dose-sites") {
                for gap in ["", "* "] { triggerPhrases.append(("\(form) \(gap)\(site)", .dosage)) }
            }
        }
        // "nose waxing", "lash perm", "foot peel": a cosmetic treatment named by its area and its
        // process is a procedure (`disclaimer.cosmetic-areas` x `disclaimer.cosmetic-processes`).
        let cosmeticExceptions = Set(try rules.lexicon("disclaimer.cosmetic-treatment-exceptions").map { $0.lowercased() })
        for area in try rules.lexicon("disclaimer.cosmetic-areas") {
            for process in try rules.lexicon("disclaimer.cosmetic-processes") where !cosmeticExceptions.contains("\(area) \(process)".lowercased()) {
                triggerPhrases.append(("\(area) \(process)", .procedure))
            }
        }
        // A place to consult ("the GP surgery"): its `care` value is skipped in `hits`, and the
        // match keeps "surgery" from reading as a treatment word.
        for place in try rules.lexicon("disclaimer.care-places") { triggerPhrases.append((place, .care)) }
        // Round 22: "he was diagnosed with": a diagnosis reported of someone else (news, a story), skipped
        // the same way; the longer match keeps "diagnosed with" from reading as a diagnosis trigger.
        for phrase in try rules.lexicon("disclaimer.reported-diagnoses") { triggerPhrases.append((phrase, .care)) }
        var triggers = PhraseTrie<HealthTrigger>()
        for (phrase, kind) in triggerPhrases { triggers.insert(phrase, value: kind) }
        self.triggers = triggers
        let neutral = Set(try rules.lexicon("disclaimer.domain-neutral-terms").map { $0.lowercased() })
        healthTerms = PhraseTrie(phrases: try rules.lexicon("disclaimer.health-terms")) { !neutral.contains($0.lowercased()) }
        figurativeTerms = PhraseTrie(phrases: try rules.lexicon("disclaimer.figurative-body-terms")) { _ in true }
        // A rule set without the claims packs (a test's, a config's own) simply has no shared terms.
        let excludedShared = Set(try rules.lexicon("disclaimer.shared-condition-exclusions").map { $0.lowercased() }).union(neutral)
        let shared = ((try? rules.lexicon("claims.conditions")) ?? []).filter { $0.contains(" ") && !excludedShared.contains($0.lowercased()) }
        sharedConditions = PhraseTrie(phrases: shared) { _ in true }
        neutralTriggers = PhraseTrie(phrases: try rules.lexicon("disclaimer.domain-neutral-triggers")) { _ in true }
        var procedurePhrases = try rules.lexicon("disclaimer.body-procedure-words").map { ($0, true) }
        // "the GP surgery" is a place: leftmost-longest matching lets the place win over "surgery".
        for place in try rules.lexicon("disclaimer.care-places") { procedurePhrases.append((place, false)) }
        var procedureWords = PhraseTrie<Bool>()
        for (phrase, flag) in procedurePhrases { procedureWords.insert(phrase, value: flag) }
        bodyProcedureWords = procedureWords
        bodyParts = PhraseTrie(phrases: try rules.lexicon("disclaimer.body-parts")) { _ in true }
        ownBodyParts = PhraseTrie(phrases: try rules.lexicon("disclaimer.own-body-parts")) { _ in true }
        animalInjuryWords = PhraseTrie(phrases: try rules.lexicon("disclaimer.animal-injury-words")) { _ in true }
        wildCats = PhraseTrie(phrases: try rules.lexicon("disclaimer.wild-cats")) { _ in true }
        sharedBodyParts = PhraseTrie(phrases: try rules.lexicon("disclaimer.body-parts-shared")) { _ in true }
        let liquid = try rules.lexicon("disclaimer.liquid-dose-units")
        liquidUnits = PhraseTrie(phrases: liquid) { _ in true }
        liquidUnitWords = Set(liquid.filter { !$0.contains(" ") }.map { WordKey($0) })
        bedtimeTimings = PhraseTrie(phrases: try rules.lexicon("disclaimer.bedtime-timings")) { _ in true }
        medicineStems = WordEndings(stems: try rules.lexicon("disclaimer.medicine-stems"),
                                    exceptions: try rules.lexicon("disclaimer.medicine-stem-exceptions"), minLength: 8)
        let endingExceptions = try rules.lexicon("disclaimer.medical-ending-exceptions")
        conditionEndings = WordEndings(stems: try rules.lexicon("disclaimer.condition-endings"), exceptions: endingExceptions, minLength: 7)
        procedureEndings = WordEndings(stems: try rules.lexicon("disclaimer.procedure-endings"), exceptions: endingExceptions, minLength: 7)
        let units = try rules.lexicon("disclaimer.dose-units")
        doseUnits = PhraseTrie(phrases: units) { _ in true }
        doseUnitWords = Set(units.filter { !$0.contains(" ") }.map { WordKey($0) })
        adjectiveTerms = PhraseTrie(phrases: try rules.lexicon("disclaimer.adjective-terms")) { _ in true }
        afterConditionWords = Set(try rules.lexicon("disclaimer.after-condition-words").map { WordKey($0) })
        // A food's skin or a thing's: the turkey's, the wing's, the drum's.
        foodOrObjectContext = PhraseTrie(phrases: try rules.lexicon("disclaimer.food-context") + rules.lexicon("disclaimer.object-context")) { _ in true }
        adjectiveVerbs = PhraseTrie(phrases: try rules.lexicon("disclaimer.adjective-verbs")) { _ in true }
        adjectiveVerbDeterminers = Set(try rules.lexicon("disclaimer.adjective-verb-determiners").map { WordKey($0) })
        creativeWorkTypes = Set(try rules.lexicon("disclaimer.creative-work-types").map { $0.lowercased() })
        sentenceLexicons = SentenceLexicons(triggers: triggerPhrases, bodyProcedureWords: procedurePhrases, doseForms: forms,
                                            therapyActivities: try rules.lexicon("disclaimer.therapy-activities"))
        documentNouns = PhraseTrie(phrases: try rules.lexicon("disclaimer.document-nouns")) { _ in true }
        var patients = PhraseTrie<PatientWord>()
        for (name, kind) in [("disclaimer.animal-patients", PatientWord.notABody), ("disclaimer.pet-patients", .pet),
                             ("disclaimer.reader-words", .reader), ("disclaimer.reader-neutral-phrases", .neutral),
                             ("disclaimer.person-body-markers", .person), ("disclaimer.shared-body-markers", .sharedBody),
                             ("disclaimer.animal-professionals", .vet),
                             ("disclaimer.animal-care-words", .husbandry),
                             // Round 19: plants, crops, materials and reptiles are patients that are not
                             // bodies, by the same rule as animals other than pets.
                             ("disclaimer.plant-patients", .notABody), ("disclaimer.material-patients", .notABody),
                             ("disclaimer.exotic-patients", .notABody), ("disclaimer.plant-care-words", .husbandry),
                             // Round 21: the repair trades' words, counted like plant care's.
                             ("disclaimer.repair-care-words", .husbandry)] {
            for phrase in try rules.lexicon(name) { patients.insert(phrase, value: kind) }
        }
        patientWords = patients
        genreWords = GenreLexicons(try ["disclaimer.genre.creative-work", "disclaimer.genre.software", "disclaimer.genre.game",
                                        "disclaimer.genre.translation", "disclaimer.genre.business",
                                        "disclaimer.genre.politics", "disclaimer.genre.history"].map { try rules.lexicon($0) })
    }

    /// Scores the linted blocks of `document`, leaving out `skipping` (the disclaimer
    /// sentences themselves, which are full of "diagnose, treat, cure").
    func profile(_ document: AnalyzedDocument, skipping: Set<SentenceRef> = [], links: ClaimPageLinks = ClaimPageLinks(),
                 care: [SentenceRef: Int] = [:]) -> HealthProfile {
        // Sized up front: growing it moved every sentence's links (0.3% of a run).
        var linked = [SentenceRef: ClaimSentenceLinks](minimumCapacity: links.sentences.count)
        for l in links.sentences { linked[SentenceRef(block: l.block, sentence: l.sentence)] = l }
        let linksIntervention = links.sentences.contains { s in s.links.contains { !$0.intervention.isEmpty } }
        let first = profile(document, skipping: skipping, sharedTerms: false, linked: linked, linksIntervention: linksIntervention, care: care)
        // The claims vocabulary's conditions count as health terms on a page that names them at
        // least twice ("varicose veins" in the title and the text, or "varicose vein" and "low
        // sperm count"); a non-health page uses one in passing at most. Scanned only on the pages
        // the first pass did not already find needing a disclaimer.
        if first.rulesNeedDisclaimer || first.isNonAdviceGenre || sharedConditionCount(document, skipping: skipping) < Self.sharedConditionMentions {
            return first
        }
        return profile(document, skipping: skipping, sharedTerms: true, linked: linked, linksIntervention: linksIntervention, care: care)
    }

    /// Mentions of the claims vocabulary's conditions in the linted text, up to `sharedConditionMentions`.
    func sharedConditionCount(_ document: AnalyzedDocument, skipping: Set<SentenceRef>) -> Int {
        var count = 0
        for block in document.blocks where block.inScope {
            for (si, sentence) in block.sentences.enumerated() where !skipping.contains(SentenceRef(block: block.index, sentence: si)) {
                var i = sentence.tokens.lowerBound
                while i < sentence.tokens.upperBound {
                    guard let m = sharedConditions.longestMatch(startingAt: i, in: block.tokens, limit: sentence.tokens.upperBound) else { i += 1; continue }
                    count += 1
                    if count >= Self.sharedConditionMentions { return count }
                    i = m.end
                }
            }
        }
        return count
    }

    private func profile(_ document: AnalyzedDocument, skipping: Set<SentenceRef>, sharedTerms: Bool,
                         linked: [SentenceRef: ClaimSentenceLinks], linksIntervention: Bool, care: [SentenceRef: Int]) -> HealthProfile {
        var profile = HealthProfile()
        profile.linksInterventionToHealth = linksIntervention
        var titleNamesCondition = false
        var titleNamesAnimal = false
        var scored: [ScoredSentence] = []
        // Blocks with a sentence to skip, a claim's links or a care verb: only their sentences
        // are looked up in the three tables (a SentenceRef hashed three times per sentence of
        // the page was 0.6% of a run).
        var blockHasRefs = [Bool](repeating: false, count: document.blocks.count)
        for ref in skipping where blockHasRefs.indices.contains(ref.block) { blockHasRefs[ref.block] = true }
        for ref in linked.keys where blockHasRefs.indices.contains(ref.block) { blockHasRefs[ref.block] = true }
        for ref in care.keys where blockHasRefs.indices.contains(ref.block) { blockHasRefs[ref.block] = true }
        for block in document.blocks where block.inScope {
            if (block.kind.isHeading || capitalsTitleNamesCondition(block)) && !(titleNamesCondition && profile.headingNamesBodyTopic) {
                if !titleNamesCondition && namesHealthTopic(block, sharedTerms: sharedTerms) {
                    titleNamesCondition = true
                    titleNamesAnimal = block.sentences.contains { sentencePatient(in: block, sentence: $0) == .notABody }
                }
                if titleNamesCondition && !profile.headingNamesBodyTopic && namesHealthTopic(block, sharedTerms: sharedTerms, literal: true) {
                    profile.headingNamesBodyTopic = true
                }
            }
            let hasRefs = blockHasRefs.indices.contains(block.index) && blockHasRefs[block.index]
            for (si, sentence) in block.sentences.enumerated() where !(hasRefs && skipping.contains(SentenceRef(block: block.index, sentence: si))) {
                var found = sentence.tokens.count <= AnalyzedBlock.maxAnalysedTokens
                    ? hits(in: block, sentence: sentence, sharedTerms: sharedTerms, topicIsBody: profile.headingNamesBodyTopic)
                    : block.analysisPieces(of: sentence).flatMap {
                        hits(in: block, sentence: $0, sharedTerms: sharedTerms, topicIsBody: profile.headingNamesBodyTopic)
                    }
                if hasRefs, let l = linked[SentenceRef(block: block.index, sentence: si)], let claim = claimHit(l, in: block, sharedTerms: sharedTerms) {
                    found.append(claim)
                }
                // "Get yourself seen by a doctor if the sweats don't lift", "take her to A&E if
                // the arm still won't move": telling readers when to see a clinician about their
                // body is health information, though not a disclaimer (a `PassingAdvice`).
                if hasRefs, let verb = care[SentenceRef(block: block.index, sentence: si)], let hit = careHit(in: block, sentence: sentence, verb: verb) {
                    found.append(hit)
                }
                guard let best = found.lazy.map(\.kind.weight).max() else { continue }
                // A dose of a named medicine or supplement ("ibuprofen, 400 mg three times a
                // day"), or of a dose form ("two gummies deliver 600 mg"), is advice a reader can
                // act on by itself: it alone makes the page need one.
                let dosedProduct = found.contains { $0.kind == .dosage }
                    && (found.contains { $0.kind == .medicine || $0.kind == .supplement } || doseForms.occurs(in: block.tokens, range: sentence.tokens))
                let (patient, reader) = sentencePatientAndReader(in: block, sentence: sentence)
                scored.append(ScoredSentence(hits: found, points: dosedProduct ? max(best, HealthProfile.threshold) : best, patient: patient,
                                             addressesReader: reader))
            }
        }
        // The patient of the treatment (round 16). "Give each calf 2 litres", "the hens were
        // treated", "koi with ulcers": a trigger sentence whose patient is an animal other than a
        // pet is animal care, not the reader's health. On a page with two or more such sentences
        // and no trigger sentence about a pet or a person's body, the sentences that name no
        // patient ("the dose is 2 ml into the muscle", "the vet gave two injections") are the
        // animal's too.
        // A page with no such sentence is animal care too when it names three distinct animal words
        // and no pet ("MEDICATION ROUND" in a hedgehog rescue's handbook). (Scanned only on pages
        // whose trigger sentences name no pet or person.)
        // Round 30 (a bison herd's vaccination plan with a crew note: "RB51 is a live vaccine and can
        // infect people through needle-stick"): a person's note on an animal-care page leaves the
        // unnamed sentences the animal's when the sentences about people are fewer than the animal's
        // and their points alone would not make the page need a disclaimer.
        var notABodyCare = false
        let bodySentences = scored.lazy.filter { $0.patient == .body }
        let animalSentences = scored.lazy.filter { $0.patient == .notABody || $0.patient == .vet }.count
        let minorBodyNote = animalSentences > scored.count - animalSentences
            && bodySentences.reduce(0, { $0 + $1.points }) < HealthProfile.threshold
        if !scored.isEmpty && (bodySentences.isEmpty || minorBodyNote) {
            let page = pageNotABodyWords(document)
            // (The headings are read only here, on the few pages this decides: `profile` runs on every page, twice on some.)
            notABodyCare = !page.pet && (animalSentences >= Self.notABodyCareSentences
                || ((page.distinct >= Self.notABodyCareWords || page.mentions >= Self.notABodyCareMentions)
                    && !scored.contains(where: \.addressesReader)
                    && !textNamesPersonsBodyOrAnimalInjury(document, skipping: skipping)))
                && !document.blocks.contains { $0.inScope && $0.kind.isHeading && namesPersonsBody($0) }
        }
        profile.isNotABodyCare = notABodyCare || scored.contains { $0.patient == .notABody }
        for sentence in scored where sentence.patient != .notABody && !(notABodyCare && (sentence.patient == .unnamed || sentence.patient == .vet)) {
            let found = sentence.hits
            profile.hits.append(contentsOf: found)
            if found.contains(where: \.figurativeBody) && !found.contains(where: { $0.aboutBody && !$0.figurativeBody }) {
                profile.figurativeBodySentences += 1
            }
            if found.contains(where: { $0.aboutBody && $0.inferred }) && !found.contains(where: { $0.aboutBody && !$0.figurativeBody && !$0.inferred }) {
                profile.inferredBodySentences += 1
            }
            profile.score += sentence.points
        }
        // A page whose title or a heading names a condition ("Getting through a panic attack")
        // needs only one trigger sentence in its text.
        // On an animal-care page, a title that names the animal with the condition ("Bison herd
        // health plan: brucellosis vaccination") names the animal's (round 30).
        if titleNamesCondition && profile.score > 0 && !(notABodyCare && titleNamesAnimal) { profile.score += HealthProfile.topicBonus }
        // A page about ears or pain names them again; a figure of speech comes once. (Scanned only
        // on the rare page this decides.)
        if profile.figurativeBodySentences == 1 && profile.score >= HealthProfile.threshold && !profile.isAboutBody {
            profile.figurativeBodySentences = figurativeTermSentences(document, skipping: skipping)
        }
        // One sense per page: a recipe that once puts the skin beside the meat or the fish ("scatter
        // the cure over the fillets, keeping the skin clean") means the food's skin in its other
        // sentences too ("the step that heals a limp skin"). (Scanned only on the rare page it decides.)
        if profile.figurativeBodySentences >= 2 && profile.score >= HealthProfile.threshold {
            var literal = profile
            literal.figurativeBodySentences = 0
            if !literal.isAboutBody && figurativeTermIsFood(document, skipping: skipping) { profile.figurativeBodySentences = 0 }
        }
        if let reviewed = document.document.metadata.extra["schema:itemReviewed"], creativeWorkTypes.contains(reviewed.lowercased()) {
            profile.isNonAdviceGenre = true
        } else if profile.score >= HealthProfile.threshold && profile.isAboutBody {
            profile.isNonAdviceGenre = hasGenreWords(document)
        }
        return profile
    }

    /// Sentences of the linted text that use a figurative-prone body term ("pain", "ear") as a
    /// health term (not inside "a pain to"), up to two.
    func figurativeTermSentences(_ document: AnalyzedDocument, skipping: Set<SentenceRef>) -> Int {
        var count = 0
        for block in document.blocks where block.inScope {
            for (si, sentence) in block.sentences.enumerated() where !skipping.contains(SentenceRef(block: block.index, sentence: si)) {
                if healthTerms.scan(block.tokens, in: sentence.tokens).contains(where: { $0.value && isFigurative($0.tokens, in: block) })
                    && !foodOrObjectContext.occurs(in: block.tokens, range: sentence.tokens) {
                    count += 1
                    if count >= 2 { return count }
                }
            }
        }
        return count
    }

    /// A sentence of the linted text puts a figurative-prone body term ("skin") beside meat, fish
    /// or a cooking step (`disclaimer.food-context`).
    func figurativeTermIsFood(_ document: AnalyzedDocument, skipping: Set<SentenceRef>) -> Bool {
        for block in document.blocks where block.inScope {
            for (si, sentence) in block.sentences.enumerated() where !skipping.contains(SentenceRef(block: block.index, sentence: si)) {
                if foodOrObjectContext.occurs(in: block.tokens, range: sentence.tokens)
                    && healthTerms.scan(block.tokens, in: sentence.tokens).contains(where: { $0.value && isFigurative($0.tokens, in: block) }) {
                    return true
                }
            }
        }
        return false
    }

    /// Whose body a trigger sentence is about. `.notABody`: it names a patient that is not a body
    /// (an animal other than a pet, a plant, a material: "calf", "hens", "koi", "hoglets", "oilseed
    /// rape", "leathers") and no pet, no person's body and no reader ("you"; "your"
    /// before an animal word or the vet, "your hens", "your vet", is the reader's animal). `.body`:
    /// it names a pet or a person's body ("your dog", "if you are pregnant", "wash your hands",
    /// "see your GP", "people").
    func sentencePatient(in block: AnalyzedBlock, sentence: Sentence) -> SentencePatient {
        sentencePatientAndReader(in: block, sentence: sentence).patient
    }

    /// `sentencePatient`, and whether the sentence addresses the reader ("a tetanus booster if you
    /// are not up to date"; not "your hens").
    func sentencePatientAndReader(in block: AnalyzedBlock, sentence: Sentence) -> (patient: SentencePatient, reader: Bool) {
        var animal = false
        var reader = false
        var vet = false
        var sharedBody = false
        var i = sentence.tokens.lowerBound
        let end = sentence.tokens.upperBound
        while i < end {
            guard let m = patientWords.longestMatch(startingAt: i, in: block.tokens, limit: end) else { i += 1; continue }
            switch m.value {
            case .notABody: animal = true
            case .vet: vet = true
            case .pet, .person: return (.body, reader)
            case .sharedBody: sharedBody = true
            case .neutral, .husbandry: break
            case .reader:
                // "your hens", "your backyard flock": the reader's animal.
                let ownsAnimal = (m.end..<min(m.end + 2, end)).contains { j in
                    patientWords.longestMatch(startingAt: j, in: block.tokens, limit: end)?.value == .notABody
                }
                if !(ownsAnimal && block.tokens[i].key == Self.yourWord) { reader = true }
            }
            i = m.end
        }
        if animal && !reader { return (.notABody, false) }
        if sharedBody { return (.body, reader) }
        return (vet ? .vet : .unnamed, reader)
    }

    /// A sentence of the linted text, the disclaimer's left out ("anyone doing this work should get
    /// advice"), names a person's body ("four leeches on my legs") or an injury an animal gives a
    /// person ("a badger bite crushes as well as punctures"). One walk for both guards.
    func textNamesPersonsBodyOrAnimalInjury(_ document: AnalyzedDocument, skipping: Set<SentenceRef>) -> Bool {
        for block in document.blocks where block.inScope {
            for (si, sentence) in block.sentences.enumerated() where !skipping.contains(SentenceRef(block: block.index, sentence: si)) {
                if namesPersonsBody(block, in: sentence.tokens) || animalInjuryWords.occurs(in: block.tokens, range: sentence.tokens) {
                    return true
                }
            }
        }
        return false
    }

    /// Distinct non-body patient and care words (up to `notABodyCareWords`) on the whole page, and whether it names a
    /// pet anywhere (a pet page is about a body, the pets rule; a cat word on a page that names a wild cat is none).
    func pageNotABodyWords(_ document: AnalyzedDocument) -> (distinct: Int, mentions: Int, pet: Bool) {
        var seen = Set<String>()
        var mentions = 0
        var catWord = false
        var wildCat = false
        for block in document.blocks where block.inScope {
            var i = 0
            while i < block.tokens.count {
                if !wildCat && wildCats.longestMatch(startingAt: i, in: block.tokens) != nil { wildCat = true }
                guard let m = patientWords.longestMatch(startingAt: i, in: block.tokens) else { i += 1; continue }
                if m.value == .pet {
                    // "Our cats" on a cheetah breeding centre's page are its cheetahs (round 35).
                    let word = block.text(of: block.tokens[i]).lowercased()
                    guard word.hasPrefix("cat") || word.hasPrefix("kitten") else { return (seen.count, mentions, true) }
                    catWord = true
                    i = m.end
                    continue
                }
                if m.value == .notABody { mentions += 1 }
                if m.value == .notABody || m.value == .husbandry, seen.count < Self.notABodyCareWords {
                    seen.insert(block.text(block.utf8Range(ofTokens: i..<m.end)).lowercased())
                }
                // The vet, on a page that names no pet, is the animal's professional: one animal
                // word more (round 17, a bat rescue's case notes: "the rescue vet", two species words).
                if m.value == .vet, seen.count < Self.notABodyCareWords { seen.insert("vet") }
                i = m.end
            }
        }
        return (seen.count, mentions, catWord && !wildCat)
    }

    /// At least `genreThreshold` distinct words of one genre on the page (whole page: a product's
    /// navigation says "Log in" and "Book a demo"). One walk for all the genres: six scans of
    /// every page the rules open were 1.5% of a run (perf17).
    func hasGenreWords(_ document: AnalyzedDocument) -> Bool {
        genreWords.anyGenre(document, threshold: Self.genreThreshold)
    }

    /// The triggers of one sentence: standalone ones, and sentence-bound ones that share the
    /// sentence with a health term.
    /// (`topicIsBody`: the title or a heading so far names a body-specific condition in its literal
    /// sense, so a regimen with no health term of its own, "go twice a week for an hour", is said of
    /// that condition: an inferred regimen, about a body.)
    func hits(in block: AnalyzedBlock, sentence: Sentence, sharedTerms: Bool = false, topicIsBody: Bool = false) -> [TriggerHit] {
        var out: [TriggerHit] = []
        let words = sentenceWords(in: block, sentence: sentence)
        if let dose = words.dose {
            out.append(TriggerHit(kind: .dosage, phrase: block.text(block.utf8Range(ofTokens: dose)), block: block.index,
                                  range: block.utf8Range(ofTokens: dose)))
        }
        let scanned = sentenceLexicons.scan(block.tokens, in: sentence.tokens)
        let matches = scanned.triggers
        // Unlisted medicines and procedures, by their endings ("ivermectin", "abdominoplasty").
        func listed(_ t: Int) -> Bool { matches.contains { $0.tokens.contains(t) } }
        if let medicine = words.medicine, !listed(medicine) {
            out.append(TriggerHit(kind: .medicine, phrase: block.text(of: block.tokens[medicine]), block: block.index,
                                  range: block.tokens[medicine].range))
        }
        if let procedure = words.procedure, !listed(procedure),
           !isName(procedure..<(procedure + 1), in: block, sentence: sentence) {
            out.append(TriggerHit(kind: .procedure, phrase: block.text(of: block.tokens[procedure]), block: block.index,
                                  range: block.tokens[procedure].range))
        }
        var terms: [PhraseMatch<Bool>]?
        let procedure = bodyProcedure(in: block, sentence: sentence, terms: &terms, matches: matches, sharedTerms: sharedTerms,
                                      words: scanned.bodyProcedureWords)
        if let procedure { out.append(procedure) }
        if out.allSatisfy({ $0.kind != .dosage }), let liquid = words.liquid {
            let product = matches.contains { ($0.value == .medicine || $0.value == .supplement) }
            if !product && terms == nil { terms = healthTermMatches(in: block, range: sentence.tokens, sharedTerms: sharedTerms) }
            if product || terms!.contains(where: \.value) || bedtimeTimings.occurs(in: block.tokens, range: sentence.tokens) {
                out.append(TriggerHit(kind: .dosage, phrase: block.text(block.utf8Range(ofTokens: liquid)), block: block.index,
                                      range: block.utf8Range(ofTokens: liquid), inferred: !product))
            }
        }
        if !matches.contains(where: { $0.value == .medicine || $0.value == .supplement }),
           let product = productByUse(in: block, sentence: sentence, terms: &terms, sharedTerms: sharedTerms, forms: scanned.doseForms) {
            out.append(product)
        }
        if procedure == nil, !matches.contains(where: { $0.value == .procedure }),
           let therapy = productByUse(in: block, sentence: sentence, terms: &terms, sharedTerms: sharedTerms, therapy: true,
                                      forms: scanned.therapyActivities) {
            out.append(therapy)
        }
        guard !matches.isEmpty else { return out }
        // "26% salicylic acid gel", "1% hydrocortisone": a percentage right before a named medicine
        // is its strength, a dose (round 17, a verruca diary).
        if out.allSatisfy({ $0.kind != .dosage }), !block.kind.isLabel,
           let strength = medicineStrength(matches, in: block, sentence: sentence) {
            out.append(TriggerHit(kind: .dosage, phrase: block.text(block.utf8Range(ofTokens: strength)), block: block.index,
                                  range: block.utf8Range(ofTokens: strength)))
        }
        var namesBodyPart: Bool?
        for m in matches {
            let kind = m.value
            if kind == .care { continue }
            if kind == .procedure && isName(m.tokens, in: block, sentence: sentence) { continue }
            // "vaccination certificates", "medication lists", "vaccination and immunisation records":
            // a document's subject, not a procedure or a medicine (translation agencies, insurers).
            if kind.isStandalone && kind != .dosage && namesDocument(after: m.tokens, in: block, sentence: sentence) { continue }
            // Already counted as the procedure it names ("treatments ... to the skin").
            if !kind.isStandalone, let procedure, procedure.range.overlaps(block.utf8Range(ofTokens: m.tokens)) { continue }
            if kind.isStandalone {
                let neutral = neutralTriggers.longestMatch(startingAt: m.tokens.lowerBound, in: block.tokens, limit: m.tokens.upperBound)?.end == m.tokens.upperBound
                // "two gummies a day", "drops ... every evening": a dose form with a frequency.
                // Uncounted, the form may be a verb ("the signal drops offline every evening");
                // counted it is a dose ("one capsule twice daily").
                let formWithFrequency = kind == .dosage && ((doseForms.longestMatch(startingAt: m.tokens.lowerBound, in: block.tokens, limit: m.tokens.upperBound) != nil
                    && !(m.tokens.lowerBound > sentence.tokens.lowerBound && (block.tokens[m.tokens.lowerBound - 1].kind == .number
                        || Self.countWords.contains(block.tokens[m.tokens.lowerBound - 1].key))))
                    || measureForms.longestMatch(startingAt: m.tokens.lowerBound, in: block.tokens, limit: m.tokens.upperBound) != nil)
                // "24 mg/ml", "18 mg/ml": a strength per volume is what a product contains (a serum
                // ampoule, an e-liquid), not a dose to take: inferred, and no supplement page.
                let perVolume = kind == .dosage && Self.perVolumeSuffixes.contains { block.text(block.utf8Range(ofTokens: m.tokens)).lowercased().hasSuffix($0) }
                out.append(TriggerHit(kind: kind, phrase: block.text(block.utf8Range(ofTokens: m.tokens)), block: block.index,
                                      range: block.utf8Range(ofTokens: m.tokens), aboutBody: !neutral, inferred: formWithFrequency || perVolume))
                continue
            }
            // A regimen said of a medicine or supplement ("ibuprofen gel three times a day") is a
            // dosing instruction whatever else the sentence names.
            if kind == .regimen, matches.contains(where: { $0.value == .medicine || $0.value == .supplement }) {
                // Said of a medicine only ("apply the numbing gel for 15 minutes"), it doses a
                // medicine: no supplement page, where the US supplement statement would count.
                // About a body when the product is, or is a dose form ("a charcoal capsule once a
                // week"); "antifungal spray once a week" may be a rose's.
                let bodyProduct = matches.contains { ($0.value == .medicine || $0.value == .supplement)
                    && (neutralTriggers.longestMatch(startingAt: $0.tokens.lowerBound, in: block.tokens, limit: $0.tokens.upperBound)?.end != $0.tokens.upperBound
                        || doseForms.longestMatch(startingAt: $0.tokens.lowerBound, in: block.tokens, limit: $0.tokens.upperBound) != nil) }
                var dose = TriggerHit(kind: .dosage, phrase: block.text(block.utf8Range(ofTokens: m.tokens)), block: block.index,
                                      range: block.utf8Range(ofTokens: m.tokens), aboutBody: bodyProduct)
                dose.dosesMedicineOnly = !matches.contains { $0.value == .supplement }
                out.append(dose)
                continue
            }
            // "The lower wing root", "a calm sea": the adjective, not the treatment verb.
            if kind == .treatment, m.tokens.lowerBound > sentence.tokens.lowerBound,
               adjectiveVerbDeterminers.contains(block.tokens[m.tokens.lowerBound - 1].key),
               adjectiveVerbs.longestMatch(startingAt: m.tokens.lowerBound, in: block.tokens, limit: m.tokens.upperBound)?.end == m.tokens.upperBound {
                continue
            }
            if terms == nil { terms = healthTermMatches(in: block, range: sentence.tokens, sharedTerms: sharedTerms) }
            // A health term that is not the trigger word itself ("healing" is both); the nearest one.
            var others = terms!.filter { $0.tokens.upperBound <= m.tokens.lowerBound || $0.tokens.lowerBound >= m.tokens.upperBound }
            // A regimen said of a part of the body is a dosing instruction ("rinse the gums twice a
            // day", "on the face every night").
            if kind == .regimen && !others.contains(where: \.value) { others += bodyParts.scan(block.tokens, in: sentence.tokens) }
            guard let term = others.min(by: { distance($0.tokens, m.tokens) < distance($1.tokens, m.tokens) }) else {
                // "Go twice a week for an hour" on a page titled "... after my Parkinson's diagnosis".
                if kind == .regimen && topicIsBody {
                    out.append(TriggerHit(kind: .regimen, phrase: block.text(block.utf8Range(ofTokens: m.tokens)), block: block.index,
                                          range: block.utf8Range(ofTokens: m.tokens), inferred: true))
                }
                continue
            }
            let lower = min(m.tokens.lowerBound, term.tokens.lowerBound)
            let upper = max(m.tokens.upperBound, term.tokens.upperBound)
            // Quote the trigger with its term when they are close ("treat acne"), else both words.
            let phrase: String
            if upper - lower <= 6 {
                phrase = block.text(block.utf8Range(ofTokens: lower..<upper))
            } else {
                phrase = block.text(block.utf8Range(ofTokens: m.tokens)) + " ... " + block.text(block.utf8Range(ofTokens: term.tokens))
            }
            // About a body when any term of the sentence other than the trigger only bodies have,
            // or when a domain-neutral term shares the sentence with a part only bodies have
            // ("stress symptoms in the armpits and groin", "the swelling round the ankle").
            // Only through "pain" or "skin" (which markets and boats have too) and no body part:
            // figurative unless another sentence is about a body.
            var aboutBody = others.contains { $0.value }
            // Only a body part beside a regimen ("rinse the gums twice a day"): inferred.
            let inferred = kind == .regimen && !terms!.contains { $0.tokens == term.tokens }
            var figurative = false
            if !aboutBody || !others.contains(where: { $0.value && !isFigurative($0.tokens, in: block) }) {
                if namesBodyPart == nil { namesBodyPart = bodyParts.occurs(in: block.tokens, range: sentence.tokens) }
                figurative = aboutBody && !namesBodyPart!
                aboutBody = aboutBody || namesBodyPart!
                // "Rub the brine over the skin", "so the salt cures the meat": a turkey's skin.
                if figurative && foodOrObjectContext.occurs(in: block.tokens, range: sentence.tokens) {
                    figurative = false
                    aboutBody = false
                }
            }
            out.append(TriggerHit(kind: kind, phrase: phrase, block: block.index, range: block.utf8Range(ofTokens: lower..<upper),
                                  aboutBody: aboutBody, figurativeBody: figurative, inferred: inferred))
        }
        return out
    }

    /// A consult sentence that names a clinician or a body-specific health term ("see your GP",
    /// "take her to A&E"): a sentence-bound trigger (2 points), about a body. A consult with a
    /// "qualified electrician" or "your provider" names none.
    func careHit(in block: AnalyzedBlock, sentence: Sentence, verb: Int) -> TriggerHit? {
        guard healthTermMatches(in: block, range: sentence.tokens).contains(where: { $0.value && !isFigurative($0.tokens, in: block) }) else { return nil }
        var upper = min(sentence.tokens.upperBound, verb + 5)
        while upper > verb + 1 && block.tokens[upper - 1].kind != .word { upper -= 1 }
        let range = block.utf8Range(ofTokens: verb..<upper)
        return TriggerHit(kind: .care, phrase: block.text(range), block: block.index, range: range)
    }

    /// A sentence the claims analysis reads as an intervention acting on a condition or body
    /// function ("the tablet reduces how much wee the kidneys make", "this oil calms inflammation"):
    /// a health claim, whatever words say it, so it scores like a listed claim. It is about a body
    /// when the object is a body-specific health term or a part only bodies have; a domain-neutral
    /// object ("symptoms", "recovery", "the patients") scores but does not open the domain gate.
    func claimHit(_ l: ClaimSentenceLinks, in block: AnalyzedBlock, sharedTerms: Bool) -> TriggerHit? {
        guard !l.question, !l.hypothetical else { return nil }
        var best: (link: ClaimLink, body: Bool)?
        for link in l.links where link.beneficial && !link.negated && !link.intervention.isEmpty {
            let terms = healthTermMatches(in: block, range: link.condition, sharedTerms: sharedTerms)
            // Or a domain-neutral object of something only bodies take: a dose form, a medicine, a
            // supplement ("a tablet that reduces how much wee the kidneys make").
            let body = terms.contains { $0.value && !isFigurative($0.tokens, in: block) } || bodyParts.occurs(in: block.tokens, range: link.condition)
                || (!link.intervention.isEmpty && takenByBodies(link.intervention, in: block))
            if best == nil || (body && !best!.body) { best = (link, body) }
        }
        guard let (link, body) = best else { return nil }
        // The page's product implied as the subject ("Blocked like varicose veins" in a car
        // restorer's notes): a claim, but only a named intervention says whose body it is about.
        let lower = link.intervention.isEmpty ? min(link.predicate.lowerBound, link.condition.lowerBound) : min(link.intervention.lowerBound, link.predicate.lowerBound, link.condition.lowerBound)
        let upper = max(link.intervention.upperBound, link.predicate.upperBound, link.condition.upperBound)
        let phrase = upper - lower <= 8 ? block.text(block.utf8Range(ofTokens: lower..<upper))
            : [link.intervention, link.predicate, link.condition].filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
                .map { block.text(block.utf8Range(ofTokens: $0)) }.joined(separator: " ... ")
        return TriggerHit(kind: .claim, phrase: phrase, block: block.index, range: block.utf8Range(ofTokens: lower..<upper),
                          aboutBody: body && !link.intervention.isEmpty)
    }

    /// A dose form ("tablet", "gummies"), a listed medicine or supplement, or a word with a
    /// medicine stem, anywhere in `range`.
    func takenByBodies(_ range: Range<Int>, in block: AnalyzedBlock) -> Bool {
        if doseForms.occurs(in: block.tokens, range: range) || medicineStems.first(in: block, range: range) != nil { return true }
        return triggers.scan(block.tokens, in: range).contains { m in
            (m.value == .medicine || m.value == .supplement)
                && neutralTriggers.longestMatch(startingAt: m.tokens.lowerBound, in: block.tokens, limit: m.tokens.upperBound)?.end != m.tokens.upperBound
        }
    }

    /// A dose form named by what it treats: "blood pressure tablets", "drops for her dry eyes",
    /// "pills for hay fever" (a body-specific, non-figurative health term right before the form,
    /// or "for" and at most two words before one). A medicine, whatever its brand; "drops for the
    /// printer" and "ice-cube tablets" name no condition.
    /// With `therapy`, an activity named by its condition ("boxing for Parkinson's", "aphasia practice
    /// apps", "classes for people with heart failure" is too far) is a therapy (a procedure).
    /// `forms`: the sentence's dose forms, or its therapy activities with `therapy`, from the one
    /// `sentenceLexicons` walk `hits` makes.
    func productByUse(in block: AnalyzedBlock, sentence: Sentence, terms: inout [PhraseMatch<Bool>]?, sharedTerms: Bool,
                      therapy: Bool = false, forms: [PhraseMatch<Bool>]) -> TriggerHit? {
        let kind: HealthTrigger = therapy ? .procedure : .medicine
        guard !forms.isEmpty else { return nil }
        if terms == nil { terms = healthTermMatches(in: block, range: sentence.tokens, sharedTerms: sharedTerms) }
        let bodyTerms = terms!.filter { $0.value && !isFigurative($0.tokens, in: block) }
        guard !bodyTerms.isEmpty else { return nil }
        for form in forms {
            // "our Dance for Dementia gala", "the Parkinson's Boxing timetable": an activity written
            // as a capitalised name in running text is an event's or a class's name (a fundraiser's
            // too), not a therapy the page describes.
            if kind == .procedure && !block.kind.isHeading && form.tokens.lowerBound > sentence.tokens.lowerBound
                && block.tokens[form.tokens.lowerBound].isCapitalized && !block.tokens[form.tokens.lowerBound].isAllCaps { continue }
            var use: Range<Int>?
            if let before = bodyTerms.first(where: { $0.tokens.upperBound == form.tokens.lowerBound }) {
                use = before.tokens.lowerBound..<form.tokens.upperBound
            } else if form.tokens.upperBound < sentence.tokens.upperBound, block.tokens[form.tokens.upperBound].key == Self.forWord,
                      let after = bodyTerms.first(where: { $0.tokens.lowerBound > form.tokens.upperBound && $0.tokens.lowerBound <= form.tokens.upperBound + 3 }) {
                use = form.tokens.lowerBound..<after.tokens.upperBound
            }
            if let use {
                return TriggerHit(kind: kind, phrase: block.text(block.utf8Range(ofTokens: use)), block: block.index,
                                  range: block.utf8Range(ofTokens: use))
            }
        }
        return nil
    }
    static let forWord = WordKey("for")
    static let yourWord = WordKey("your")
    static let myWord = WordKey("my")
    static let conjunctions: Set<WordKey> = Set(["and", "or", "&"].map { WordKey($0) })

    /// A document noun right after `r` ("vaccination certificates"), or after "and"/"or" and at
    /// most two more words ("vaccination and immunisation records").
    func namesDocument(after r: Range<Int>, in block: AnalyzedBlock, sentence: Sentence) -> Bool {
        let end = sentence.tokens.upperBound
        guard r.upperBound < end else { return false }
        if documentNouns.longestMatch(startingAt: r.upperBound, in: block.tokens, limit: end) != nil { return true }
        guard Self.conjunctions.contains(block.tokens[r.upperBound].key) else { return false }
        var t = r.upperBound + 2
        while t < min(end, r.upperBound + 4) && block.tokens[t - 1].kind == .word {
            if documentNouns.longestMatch(startingAt: t, in: block.tokens, limit: end) != nil { return true }
            t += 1
        }
        return false
    }

    /// A health-term match that is exactly a figurative-prone word ("pain", not "back pain").
    func isFigurative(_ r: Range<Int>, in block: AnalyzedBlock) -> Bool {
        figurativeTerms.longestMatch(startingAt: r.lowerBound, in: block.tokens, limit: r.upperBound)?.end == r.upperBound
    }

    /// "Tear trough filler", "nose filler", "threads along the jawline": a procedure word
    /// with a body part or a body-specific health term in the same sentence, unless the sentence
    /// already names a listed procedure.
    func bodyProcedure(in block: AnalyzedBlock, sentence: Sentence, terms: inout [PhraseMatch<Bool>]?,
                       matches: [PhraseMatch<HealthTrigger>], sharedTerms: Bool = false, words: [PhraseMatch<Bool>]? = nil) -> TriggerHit? {
        if matches.contains(where: { $0.value == .procedure }) { return nil }
        guard let word = (words ?? bodyProcedureWords.scan(block.tokens, in: sentence.tokens)).first(where: { $0.value && !isName($0.tokens, in: block, sentence: sentence) }) else { return nil }
        // The body part next to the word ("tear trough filler", "threads along the jawline"): a
        // face or a neck further off may be a clock's or a guitar's.
        func around(_ window: Int) -> Range<Int> {
            max(sentence.tokens.lowerBound, word.tokens.lowerBound - window)..<min(sentence.tokens.upperBound, word.tokens.upperBound + window)
        }
        let anchor: Range<Int>
        // Inferred when the body part is a few words off ("gums up the carburettor or fuel
        // injection"), not when it names what the procedure is on ("tear trough filler",
        // "threads along the jawline").
        var byPart = true
        if let part = bodyParts.firstMatch(in: block.tokens, range: around(Self.bodyPartWindow)) ?? sharedBodyParts.firstMatch(in: block.tokens, range: around(Self.sharedBodyPartWindow)) {
            anchor = part.tokens
        } else {
            if terms == nil { terms = healthTermMatches(in: block, range: sentence.tokens, sharedTerms: sharedTerms) }
            guard let term = terms!.first(where: { $0.value && ($0.tokens.upperBound <= word.tokens.lowerBound || $0.tokens.lowerBound >= word.tokens.upperBound) }) else { return nil }
            anchor = term.tokens
            byPart = false
        }
        let lower = min(word.tokens.lowerBound, anchor.lowerBound)
        let upper = max(word.tokens.upperBound, anchor.upperBound)
        let phrase = upper - lower <= 6 ? block.text(block.utf8Range(ofTokens: lower..<upper))
            : block.text(block.utf8Range(ofTokens: word.tokens)) + " ... " + block.text(block.utf8Range(ofTokens: anchor))
        return TriggerHit(kind: .procedure, phrase: phrase, block: block.index, range: block.utf8Range(ofTokens: lower..<upper),
                          inferred: byPart && distance(word.tokens, anchor) > Self.sharedBodyPartWindow)
    }

    /// What `hits` looks for word by word, in one pass over the sentence (perf18; four passes before:
    /// a dose scan, a liquid-amount scan, and `WordEndings.first` for medicine stems and for procedure endings):
    /// outside labels, the first dose ("200 mg") and, while there is none, the first liquid amount ("5 ml";
    /// `hits` reads it only when the sentence has no dose); the first word with a medicine stem and the
    /// first with a procedure ending. Each is what its own pass gave (output identical).
    func sentenceWords(in block: AnalyzedBlock, sentence: Sentence) -> (dose: Range<Int>?, liquid: Range<Int>?, medicine: Int?, procedure: Int?) {
        let tokens = block.tokens
        let limit = sentence.tokens.upperBound
        var amounts = !block.kind.isLabel
        let endingsMinLength = min(medicineStems.minLength, procedureEndings.minLength)
        var dose: Range<Int>?
        var liquid: Range<Int>?
        var medicine: Int?
        var procedure: Int?
        var t = sentence.tokens.lowerBound
        while t < limit {
            let tok = tokens[t]
            if amounts {
                if tok.kind == .number, t + 1 < limit {
                    // "50 mg per litre", "10 mg/l": a concentration in a drink, soil or water, not a dose.
                    if let unit = doseUnits.longestMatch(startingAt: t + 1, in: tokens, limit: limit),
                       !isConcentration(after: unit.end, in: block, limit: limit) {
                        dose = t..<unit.end
                    } else if liquid == nil, let unit = liquidUnits.longestMatch(startingAt: t + 1, in: tokens, limit: limit) {
                        liquid = t..<unit.end
                    }
                } else if tok.kind == .word, let first = block.utf8[Int(tok.start)...].first, first >= 0x30 && first <= 0x39 {
                    // "200mg": digits and a unit in one token.
                    let unit = block.text(of: tok).drop { $0.isNumber || $0 == "." || $0 == "," }
                    if !unit.isEmpty {
                        let key = WordKey(unit)
                        if doseUnitWords.contains(key) {
                            dose = t..<(t + 1)
                        } else if liquid == nil && liquidUnitWords.contains(key) {
                            liquid = t..<(t + 1)
                        }
                    }
                }
                if dose != nil { amounts = false }
            }
            // (Both tests need a long word: most tokens are turned away here, without the two calls.)
            if tok.kind == .word && tok.length >= endingsMinLength {
                if medicine == nil && medicineStems.matches(tok, in: block) { medicine = t }
                if procedure == nil && procedureEndings.matches(tok, in: block) { procedure = t }
            }
            if !amounts && medicine != nil && procedure != nil { break }
            t += 1
        }
        return (dose, liquid, medicine, procedure)
    }

    /// A plain-text page's opening line in capitals is read as its title ("OUTSIDE-OF-ANKLE PAIN
    /// (PERONEAL TENDINOPATHY)", a line the text front end keeps as a paragraph) only when it names
    /// a condition, procedure or medicine by a medical word form ("-pathy", "-itis", "-ectomy", an
    /// INN stem): words no other trade uses. A capitals line naming a body word things have too
    /// ("A LEAKING LEADING-EDGE BLADDER" of a kite) stays a paragraph. One of the first three
    /// blocks, two to ten words, no lower-case word.
    func capitalsTitleNamesCondition(_ block: AnalyzedBlock) -> Bool {
        guard block.index < Self.capitalsTitleBlocks, case .paragraph = block.kind else { return false }
        var words = 0
        for tok in block.tokens where tok.kind == .word {
            guard tok.isAllCaps || tok.length < 2 else { return false }
            words += 1
            if words > Self.capitalsTitleWords.upperBound { return false }
        }
        guard Self.capitalsTitleWords.contains(words) else { return false }
        let all = 0..<block.tokens.count
        return all.contains { conditionEndings.matches(block.tokens[$0], in: block) }
            || medicineStems.first(in: block, range: all) != nil || procedureEndings.first(in: block, range: all) != nil
    }

    static let capitalsTitleBlocks = 3
    static let capitalsTitleWords = 2...10

    /// A heading that names a body-specific condition ("Living with rosacea"), a procedure
    /// ("Polynucleotide injections", "Tear trough filler") or a medicine.
    /// (`literal`: a figurative-prone word alone, "pain", "skin", does not count.)
    func namesHealthTopic(_ block: AnalyzedBlock, sharedTerms: Bool = false, literal: Bool = false) -> Bool {
        let all = 0..<block.tokens.count
        if healthTermMatches(in: block, range: all, sharedTerms: sharedTerms).contains(where: { $0.value && (!literal || !isFigurative($0.tokens, in: block)) }) { return true }
        if triggers.scan(block.tokens, in: all).contains(where: { $0.value == .procedure || $0.value == .medicine }) { return true }
        if medicineStems.first(in: block, range: all) != nil || procedureEndings.first(in: block, range: all) != nil { return true }
        return block.sentences.contains { sentence in
            var terms: [PhraseMatch<Bool>]?
            return bodyProcedure(in: block, sentence: sentence, terms: &terms, matches: [], sharedTerms: sharedTerms) != nil
        }
    }

    /// Health terms of `range`: listed ones (value false for the domain-neutral ones) and words
    /// with a condition ending ("gingivitis"), which are always about a body.
    func healthTermMatches(in block: AnalyzedBlock, range: Range<Int>, sharedTerms: Bool = false) -> [PhraseMatch<Bool>] {
        var listed = healthTerms.scan(block.tokens, in: range)
        if sharedTerms {
            for m in sharedConditions.scan(block.tokens, in: range) where !listed.contains(where: { $0.tokens.overlaps(m.tokens) }) { listed.append(m) }
        }
        // "Signs of a cold pan", "a cold start": "a cold" followed by the thing that is cold is
        // an adjective, not the illness ("a cold that won't shift", "a cold or flu" still are).
        listed.removeAll { m in
            guard adjectiveTerms.longestMatch(startingAt: m.tokens.lowerBound, in: block.tokens, limit: m.tokens.upperBound)?.end == m.tokens.upperBound,
                  m.tokens.upperBound < range.upperBound else { return false }
            let next = block.tokens[m.tokens.upperBound]
            return next.kind == .word && !next.isCapitalized && !afterConditionWords.contains(next.key)
        }
        var out = listed
        for t in range where conditionEndings.matches(block.tokens[t], in: block) && !listed.contains(where: { $0.tokens.contains(t) }) {
            out.append(PhraseMatch(tokens: t..<(t + 1), value: true))
        }
        return out
    }

    /// A procedure word used as a name: quoted ('the "Sound Therapy" playlist') or written as a
    /// capitalised phrase inside a sentence of running text ("a playlist called Sound Therapy").
    func isName(_ r: Range<Int>, in block: AnalyzedBlock, sentence: Sentence) -> Bool {
        let t = block.tokens
        func isQuote(_ i: Int) -> Bool {
            guard i >= 0, i < t.count, t[i].length <= 3 else { return false }
            let text = block.text(of: t[i])
            return text == "\"" || text == "\u{201C}" || text == "\u{201D}" || text == "'" || text == "\u{2018}" || text == "\u{2019}"
        }
        if isQuote(r.lowerBound - 1) && isQuote(r.upperBound) { return true }
        return r.count >= 2 && !block.kind.isHeading && r.lowerBound > sentence.tokens.lowerBound && r.allSatisfy { t[$0].isCapitalized && !t[$0].isAllCaps }
    }


    static let countWords: Set<WordKey> = Set(["a", "an", "one", "two", "three", "four", "five", "six", "half", "single", "extra", "more"].map { WordKey($0) })
    static let perKeys: Set<WordKey> = Set(["per", "/", "a", "each", "every"].map { WordKey($0) })
    static let volumeKeys: Set<WordKey> = Set(["litre", "litres", "liter", "liters", "l", "hectolitre", "bottle", "m3", "kilo", "tonne", "ml"].map { WordKey($0) })
    static let perVolumeSuffixes = ["/ml", "/ l", "/l", "/ ml", "per ml"]

    func isConcentration(after end: Int, in block: AnalyzedBlock, limit: Int) -> Bool {
        let t = block.tokens
        guard end + 1 < limit else { return false }
        return Self.perKeys.contains(t[end].key) && Self.volumeKeys.contains(t[end + 1].key)
    }

    /// The first "200 mg", "10mcg", "1,000 IU" of a sentence, as a token range.
    /// A percentage right before a named medicine ("26 % salicylic acid"): the number, the sign and
    /// the medicine's tokens.
    func medicineStrength(_ matches: [PhraseMatch<HealthTrigger>], in block: AnalyzedBlock, sentence: Sentence) -> Range<Int>? {
        for m in matches where m.value == .medicine {
            let s = m.tokens.lowerBound
            guard s >= sentence.tokens.lowerBound + 2 else { continue }
            if block.tokens[s - 2].kind == .number && block.text(of: block.tokens[s - 1]) == "%" { return (s - 2)..<m.tokens.upperBound }
        }
        return nil
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }
}

/// Words that end in one of a list of stems, matched on bytes with ASCII case folded. It runs on
/// every long word of every sentence, so stems are bucketed by their last byte and compared in
/// plain loops (closures and iterators cost a lot in debug builds).
struct WordEndings: Sendable {
    /// Stems by last byte (lowercase).
    let buckets: [[[UInt8]]]
    let exceptions: Set<String>
    let minLength: Int

    init(stems: [String], exceptions: [String], minLength: Int) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for stem in stems {
            let bytes = Array(stem.lowercased().utf8)
            if let last = bytes.last { buckets[Int(last)].append(bytes) }
        }
        self.buckets = buckets
        self.exceptions = Set(exceptions.map { $0.lowercased() })
        self.minLength = minLength
    }

    @inline(__always) static func folded(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }

    func matches(_ tok: Token, in block: AnalyzedBlock) -> Bool {
        guard tok.kind == .word, tok.length >= minLength else { return false }
        let utf8 = block.utf8
        let end = Int(tok.end)
        let bucket = buckets[Int(Self.folded(utf8[end - 1]))]
        if bucket.isEmpty { return false }
        var b = 0
        while b < bucket.count {
            let stem = bucket[b]
            b += 1
            if stem.count >= tok.length { continue }
            var i = stem.count - 2
            var same = true
            while i >= 0 {
                if Self.folded(utf8[end - stem.count + i]) != stem[i] { same = false; break }
                i -= 1
            }
            if same { return !exceptions.contains(block.text(of: tok).lowercased()) }
        }
        return false
    }

    /// The first matching word of `range`.
    func first(in block: AnalyzedBlock, range: Range<Int>) -> Int? {
        var t = range.lowerBound
        while t < range.upperBound {
            if matches(block.tokens[t], in: block) { return t }
            t += 1
        }
        return nil
    }
}

extension PhraseTrie {
    /// The first match of `range` (`scan(...).first`, stopping there and building no array).
    func firstMatch(in tokens: [Token], range: Range<Int>) -> PhraseMatch<Value>? {
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = longestMatch(startingAt: i, in: tokens, limit: range.upperBound) { return PhraseMatch(tokens: i..<m.end, value: m.value) }
            i += 1
        }
        return nil
    }

    /// True when any phrase occurs in `range` of `tokens` (`!scan(...).isEmpty`, stopping at
    /// the first match and building no array).
    func occurs(in tokens: [Token], range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if longestMatch(startingAt: i, in: tokens, limit: range.upperBound) != nil { return true }
            i += 1
        }
        return false
    }
}

import ClaimlintCore

/// What a phrase in the claims lexicons is: one tag per lexicon. A phrase listed in several
/// lexicons carries several tags.
enum ClaimTag: UInt8, Sendable, CaseIterable {
    // Predicates
    case curative, therapeutic, structureFunction, decrease, increase, benefit, efficacy, neutral, harm, selfContained
    case correlational, finding
    // Entities
    case intervention, cosmetic, regenerative, approvedUse, condition, bodyFunction, pronoun
    // Modifiers
    case intensifier, hedge, weakHedge, frame, alternative, negation, refutation, refutationNext, advice, appearance
    // Support
    case evidenceMarker, attribution, authority, weakEvidence, testimonial, findingReport, safetyQuantifier, definitionNoun, genericIntervention, authorisedWording, businessNoun
    // Special rules
    case establishment, fda, fdaAlways, unapprovable, safety, safetyCore, safeWord, cosmeticAction, drugActive
    // Structure
    case questionStart, clauseBreak, comparativeUp, comparativeDown, moneyBack
    // The level scale only (claims.audit): frames that state a need or an open question, not a finding
    case deontic, inquiry, notEffect, knowledgeVerb, quantityWord, changeFrame, evidenceSubject
    case nonSpeculative
    // The promotional-page pass (Rules/claims-promotional.yml)
    case promotionalStop, looseExcluded, medicineDiscard, medicineNoun, professional, endorsement, outcomeState

    /// The lexicon each tag is read from.
    var lexicon: String {
        switch self {
        case .curative: "claims.predicates.curative"
        case .therapeutic: "claims.predicates.therapeutic"
        case .structureFunction: "claims.predicates.structure-function"
        case .decrease: "claims.predicates.causal-decrease"
        case .increase: "claims.predicates.causal-increase"
        case .benefit: "claims.predicates.causal-benefit"
        case .efficacy: "claims.predicates.efficacy"
        case .neutral: "claims.predicates.causal-neutral"
        case .harm: "claims.predicates.harm"
        case .selfContained: "claims.predicates.self-contained"
        case .correlational: "claims.predicates.correlational"
        case .finding: "claims.predicates.finding"
        case .intervention: "claims.interventions"
        case .cosmetic: "claims.interventions.cosmetic"
        case .regenerative: "claims.interventions.regenerative"
        case .approvedUse: "claims.regenerative.approved-uses"
        case .condition: "claims.conditions"
        case .bodyFunction: "claims.body-functions"
        case .pronoun: "claims.pronoun-subjects"
        case .intensifier: "claims.intensifiers"
        case .hedge: "claims.hedges"
        case .weakHedge: "claims.hedges.weak"
        case .frame: "claims.hedges.frames"
        case .alternative: "claims.hedges.alternatives"
        case .negation: "claims.negations"
        case .refutation: "claims.refutation-frames"
        case .refutationNext: "claims.refutation-next"
        case .advice: "claims.advice"
        case .appearance: "claims.appearance"
        case .evidenceMarker: "claims.evidence-markers"
        case .attribution: "claims.attribution"
        case .authority: "claims.authorities"
        case .weakEvidence: "claims.weak-evidence"
        case .testimonial: "claims.testimonial"
        case .findingReport: "claims.finding-reports"
        case .safetyQuantifier: "claims.safety-quantifiers"
        case .definitionNoun: "claims.definition-nouns"
        case .genericIntervention: "claims.interventions.generic"
        case .authorisedWording: "claims.authorised-wording"
        case .businessNoun: "claims.business-nouns"
        case .establishment: "claims.establishment"
        case .fda: "claims.fda-approval"
        case .fdaAlways: "claims.fda-approval.always"
        case .unapprovable: "claims.unapprovable"
        case .safety: "claims.safety-absolute"
        case .safetyCore: "claims.safety-absolute.core"
        case .safeWord: "claims.safe-words"
        case .cosmeticAction: "claims.cosmetic.drug-actions"
        case .drugActive: "claims.cosmetic.drug-actives"
        case .questionStart: "claims.question-starts"
        case .clauseBreak: "claims.clause-breaks"
        case .comparativeUp: "claims.comparatives.up"
        case .comparativeDown: "claims.comparatives.down"
        case .moneyBack: "claims.money-back"
        case .deontic: "claims.level.deontic"
        case .inquiry: "claims.level.inquiry"
        case .notEffect: "claims.level.not-effects"
        case .knowledgeVerb: "claims.level.knowledge-verbs"
        case .quantityWord: "claims.level.quantity-words"
        case .changeFrame: "claims.level.change-frames"
        case .evidenceSubject: "claims.level.evidence-subjects"
        case .nonSpeculative: "claims.hedges.non-speculative"
        case .promotionalStop: "claims.promotional-stops"
        case .looseExcluded: "claims.loose-excluded"
        case .medicineDiscard: "claims.medicine-discards"
        case .medicineNoun: "claims.medicine-nouns"
        case .professional: "claims.professionals"
        case .endorsement: "claims.endorsements"
        case .outcomeState: "claims.outcome-states"
        }
    }

    /// The causal predicate tags, and those plus `correlational`, in declaration order
    /// (`allCases` builds a new array on every call).
    static let causalPredicates = allCases.filter(\.isCausalPredicate)
    static let predicateTags = allCases.filter { $0.isCausalPredicate || $0 == .correlational }

    var isCausalPredicate: Bool {
        switch self {
        case .curative, .therapeutic, .structureFunction, .decrease, .increase, .benefit, .efficacy, .neutral, .harm, .selfContained: true
        default: false
        }
    }
}

/// The claims vocabulary, compiled once into one word trie.
final class ClaimsVocabulary: Sendable {
    let trie: PhraseTrie<ClaimTag>
    /// The suffixes a source host may end with (".nih.gov", and ".nhs.uk" as listed), and the
    /// entries that are whole host names: a host is tested at its dots, not against every entry.
    let sourceHostSuffixes: Set<Substring>
    let wholeSourceHosts: Set<Substring>
    /// Substrings of a link that mark a shop or affiliate link.
    let shopHints: [String]
    /// `shopHints` as bytes, for links that are ASCII (`asciiSourceLink`).
    let shopHintBytes: [[UInt8]]
    /// Shop, order and booking words: a page signal, looked up once per token of the document.
    let commerceWords: Set<WordKey>
    /// Nearly every word of a page is turned away without a set look-up.
    let commerceFilter: WordKeyFilter
    /// Word classes of the promotional pass's sentence tests (Rules/claims-promotional.yml): verbs of
    /// measuring ("to track your heart rate") and the openers of an existential sentence, of a sentence
    /// with no product name, of a ranking, of a stage of a process and of a prohibition.
    let measuringVerbs: Set<WordKey>
    let existentialOpeners: Set<WordKey>
    let nonNameOpeners: Set<WordKey>
    let superlativeOpeners: Set<WordKey>
    let stageOpeners: Set<WordKey>
    let prohibitionOpeners: Set<WordKey>
    /// Verbs of an organ doing its own work ("Your kidneys filter ...", "Menopause thins the skin"): biology.
    let bodyProcessVerbs: Set<WordKey>
    /// Verbs of the body using or needing a substance ('your body uses iron', 'the skin needs') (`claims.body.agent-verbs`).
    let bodyAgentVerbs: Set<WordKey>
    /// Verbs after a research subject that report a finding ("these results show/suggest ... X lowers Y") or
    /// "that"/"whether"/"how" opening one: what follows is the finding, which the level scale reads.
    /// The list: `claims.research.reporting-words`.
    let reportingWords: Set<WordKey>
    /// Present-tense verbs of a rate or count changing (doubles, rises, falls, plummets): a trend, not an effect (`claims.research.change-verbs`).
    let presentChangeVerbs: Set<WordKey>
    /// Words of starting a product in a testimonial ('since I started taking', 'after switching to') (`claims.outcomes.start-words`).
    let startWords: Set<WordKey>
    /// Vague terms that still make a result when told as an absence ("haven't had a cold since").
    /// The list: `claims.outcomes.loose-absence-terms`.
    let absenceLooseTerms: Set<WordKey>
    /// The body's own machinery; 'cells make', 'enzymes carry' is biology, not a product's effect (`claims.body.machinery`).
    let bodyMachinery: Set<WordKey>
    /// Verbs of the body doing its own work (absorb, produce, regulate, store) (`claims.body.process-verbs`).
    let organProcessVerbs: Set<WordKey>
    /// Verbs of the body moving a substance (carry, transport) (`claims.body.carry-verbs`).
    let carryVerbs: Set<WordKey>
    /// Participles of the body producing a substance ('produced by the liver') (`claims.body.production-participles`).
    let productionParticiples: Set<WordKey>
    /// Body processes a nutrient helps with ('helps the body absorb calcium'): biology (`claims.body.helped-process-verbs`).
    let helpedProcessVerbs: Set<WordKey>
    /// Body surfaces a product cleanses (skin, face, pores, hair) (`claims.body.surfaces`).
    let surfaceWords: Set<WordKey>
    /// What a barrier shields the skin from (sun, wind, cold, chlorine) (`claims.body.exposures`).
    let exposureNouns: Set<WordKey>
    /// Verbs of a symptom that a testimonial says has stopped ("haven't ached since").
    /// The list: `claims.body.symptom-verbs`.
    let symptomVerbs: Set<WordKey>
    /// Signs, symptoms and histories of a condition (`claims.body.sign-nouns`).
    let signNouns: Set<WordKey>
    /// Nouns of harm and risk ('the risks of'), naming the downside, not an effect (`claims.harms.nouns`).
    let harmNouns: Set<WordKey>
    /// Adjectives of danger (dangerous, harmful, life-threatening) (`claims.harms.adjectives`).
    let harmAdjectives: Set<WordKey>
    /// Nouns of a reader's motive or concern ('for cosmetic reasons', 'a cosmetic concern') (`claims.cosmetic.motives`).
    let cosmeticMotives: Set<WordKey>
    /// Cleansing and purifying, cosmetic when said of a surface (`claims.cosmetic.cleansing-words`).
    let cleansingWords: Set<WordKey>
    /// Imperatives of skin and wound care (protect, cleanse, moisturise, cover) (`claims.products.care-imperatives`).
    let careImperatives: Set<WordKey>
    /// Dose forms of a product (tablets, capsules, gummies, sachets, patches) (`claims.products.dose-forms`).
    let doseForms: Set<WordKey>
    /// Ingredients a product is free of ('free from nuts, gluten and dairy') (`claims.products.left-out-ingredients`).
    let leftOutIngredients: Set<WordKey>
    /// A regenerative term followed by one of these names a therapy ("Stem Cell Therapy"), not the journal Cell.
    /// The list: `claims.products.therapy-words`.
    let therapyWords: Set<WordKey>
    /// Product-type nouns that end a product name (serum, capsules, elixir) (`claims.products.name-nouns`).
    let productNameNouns: Set<WordKey>
    /// Cosmetic product types (serum, cream, toner, shampoo) (`claims.products.cosmetic-nouns`).
    let cosmeticProductNouns: Set<WordKey>
    /// Nouns for a product or programme being sold (kit, bundle, formula, gummies) (`claims.products.nouns`).
    let productNouns: Set<WordKey>
    /// Devices (`claims.products.device-nouns`).
    let deviceNouns: Set<WordKey>
    /// Treatments, cures and remedies as a noun ('the answer to', 'a cure for') (`claims.products.remedy-nouns`).
    let remedyNouns: Set<WordKey>
    /// Kitchen and dose measures of a recipe or direction (teaspoon, ml, scoop) (`claims.products.measure-units`).
    let measureUnits: Set<WordKey>
    /// Units of a device's specification (mm, hz, watts, rpm) (`claims.products.length-units`).
    let lengthUnits: Set<WordKey>
    /// Words of a time of use that can open directions ("Every evening,", "After cleansing,").
    /// The list: `claims.products.time-of-use`.
    let timeOfUse: Set<WordKey>
    /// Verbs of applying or taking a product: after "and" in directions they add a step, not a result.
    /// The list: `claims.products.application-verbs`.
    let applicationVerbs: Set<WordKey>
    /// Imperatives of a product's directions for use (apply, take, wear, store) (`claims.products.direction-verbs`).
    let directionVerbs: Set<WordKey>
    /// Nouns after a research noun that head the subject instead ("the study population", "this study group").
    /// The list: `claims.research.modified-nouns`.
    let researchModifiedNouns: Set<WordKey>
    /// Effect nouns that papers use for a relation only with a verb of having or showing, or "on".
    /// The list: `claims.research.effect-nouns`.
    let effectNouns: Set<WordKey>
    /// Nouns of findings (results, data, evidence) (`claims.research.finding-nouns`).
    let findingNouns: Set<WordKey>
    /// Verbs of reporting a finding (reported, found, observed, measured) (`claims.research.finding-verbs`).
    let findingVerbs: Set<WordKey>
    /// People a study or a consumer test is run on (adults, patients, volunteers) (`claims.research.people`).
    let researchPeople: Set<WordKey>
    /// Verbs of a consumer test ('we asked 100 women') (`claims.research.consumer-test-verbs`).
    let consumerTestVerbs: Set<WordKey>
    /// Nouns of opinion and anecdote, which support nothing (experience, belief, hunch) (`claims.research.say-only-nouns`).
    let sayOnlyNouns: Set<WordKey>
    /// Verbs of the writer's contact with people ('we spoke to dermatologists') (`claims.research.contact-verbs`).
    let contactVerbs: Set<WordKey>
    /// Verbs of a professional's recommendation (recommend, prescribe, endorse) (`claims.research.recommend-verbs`).
    let recommendVerbs: Set<WordKey>
    /// Words of a charity or awareness body's name (charity, foundation, society) (`claims.research.organisation-nouns`).
    let organisationNouns: Set<WordKey>
    /// Cosmetic nouns that also end organisation names ("Skin Cancer Foundation").
    /// The list: `claims.research.organisation-endings`.
    let organisationEndings: Set<WordKey>
    /// What a condition became in a testimonial ('a thing of the past', 'a distant memory', 'a game-changer') (`claims.outcomes.result-nouns`).
    let resultNouns: Set<WordKey>
    /// What a condition did in a testimonial (gone, cleared, healed, sorted) (`claims.outcomes.reported-results`).
    let reportedResults: Set<WordKey>
    /// Labels of a topic or an episode ('today's focus', 'this chapter') (`claims.outcomes.topic-label-nouns`).
    let topicLabelNouns: Set<WordKey>
    /// Nouns after a condition word that make it a modifier of a record or tool, not the condition
    /// ("a symptom diary", "an allergy test kit"): `claims.research.record-nouns`, lowercased, and by
    /// word key (a token whose key is not here cannot lowercase to one of them).
    let recordNouns: Set<String>
    let recordNounKeys: Set<WordKey>

    init(rules: RuleSet) throws {
        // TagHits keeps one bit per tag in two UInt64 words.
        precondition(ClaimTag.allCases.count <= 128, "TagHits holds at most 128 tags")
        var trie = PhraseTrie<ClaimTag>()
        for tag in ClaimTag.allCases {
            for phrase in try rules.lexicon(tag.lexicon) { trie.insert(phrase, value: tag) }
        }
        self.trie = trie
        // Host names, or suffixes starting with ".", whose links count as a source.
        let sourceHosts = try rules.lexicon("claims.source-hosts").map { $0.lowercased() }
        sourceHostSuffixes = Set(sourceHosts.map { $0.hasPrefix(".") ? Substring($0) : Substring("." + $0) })
        wholeSourceHosts = Set(sourceHosts.filter { !$0.hasPrefix(".") }.map { Substring($0) })
        shopHints = try rules.lexicon("claims.shop-hints").map { $0.lowercased() }
        shopHintBytes = shopHints.map { Array($0.utf8) }
        commerceWords = Set(try rules.lexicon("claims.commerce-words").map { WordKey($0) })
        commerceFilter = WordKeyFilter(commerceWords)
        measuringVerbs = try Self.wordSet(rules, "claims.promotional.measuring-verbs")
        existentialOpeners = try Self.wordSet(rules, "claims.promotional.existential-openers")
        nonNameOpeners = try Self.wordSet(rules, "claims.promotional.non-name-openers")
        superlativeOpeners = try Self.wordSet(rules, "claims.promotional.superlative-openers")
        stageOpeners = try Self.wordSet(rules, "claims.promotional.stage-openers")
        prohibitionOpeners = try Self.wordSet(rules, "claims.promotional.prohibition-openers")
        bodyProcessVerbs = try Self.wordSet(rules, "claims.promotional.body-process-verbs")
        bodyAgentVerbs = try Self.wordSet(rules, "claims.body.agent-verbs")
        reportingWords = try Self.wordSet(rules, "claims.research.reporting-words")
        presentChangeVerbs = try Self.wordSet(rules, "claims.research.change-verbs")
        startWords = try Self.wordSet(rules, "claims.outcomes.start-words")
        absenceLooseTerms = try Self.wordSet(rules, "claims.outcomes.loose-absence-terms")
        bodyMachinery = try Self.wordSet(rules, "claims.body.machinery")
        organProcessVerbs = try Self.wordSet(rules, "claims.body.process-verbs")
        carryVerbs = try Self.wordSet(rules, "claims.body.carry-verbs")
        productionParticiples = try Self.wordSet(rules, "claims.body.production-participles")
        helpedProcessVerbs = try Self.wordSet(rules, "claims.body.helped-process-verbs")
        surfaceWords = try Self.wordSet(rules, "claims.body.surfaces")
        exposureNouns = try Self.wordSet(rules, "claims.body.exposures")
        symptomVerbs = try Self.wordSet(rules, "claims.body.symptom-verbs")
        signNouns = try Self.wordSet(rules, "claims.body.sign-nouns")
        harmNouns = try Self.wordSet(rules, "claims.harms.nouns")
        harmAdjectives = try Self.wordSet(rules, "claims.harms.adjectives")
        cosmeticMotives = try Self.wordSet(rules, "claims.cosmetic.motives")
        cleansingWords = try Self.wordSet(rules, "claims.cosmetic.cleansing-words")
        careImperatives = try Self.wordSet(rules, "claims.products.care-imperatives")
        doseForms = try Self.wordSet(rules, "claims.products.dose-forms")
        leftOutIngredients = try Self.wordSet(rules, "claims.products.left-out-ingredients")
        therapyWords = try Self.wordSet(rules, "claims.products.therapy-words")
        productNameNouns = try Self.wordSet(rules, "claims.products.name-nouns")
        cosmeticProductNouns = try Self.wordSet(rules, "claims.products.cosmetic-nouns")
        productNouns = try Self.wordSet(rules, "claims.products.nouns")
        deviceNouns = try Self.wordSet(rules, "claims.products.device-nouns")
        remedyNouns = try Self.wordSet(rules, "claims.products.remedy-nouns")
        measureUnits = try Self.wordSet(rules, "claims.products.measure-units")
        lengthUnits = try Self.wordSet(rules, "claims.products.length-units")
        timeOfUse = try Self.wordSet(rules, "claims.products.time-of-use")
        applicationVerbs = try Self.wordSet(rules, "claims.products.application-verbs")
        directionVerbs = try Self.wordSet(rules, "claims.products.direction-verbs")
        researchModifiedNouns = try Self.wordSet(rules, "claims.research.modified-nouns")
        effectNouns = try Self.wordSet(rules, "claims.research.effect-nouns")
        findingNouns = try Self.wordSet(rules, "claims.research.finding-nouns")
        findingVerbs = try Self.wordSet(rules, "claims.research.finding-verbs")
        researchPeople = try Self.wordSet(rules, "claims.research.people")
        consumerTestVerbs = try Self.wordSet(rules, "claims.research.consumer-test-verbs")
        sayOnlyNouns = try Self.wordSet(rules, "claims.research.say-only-nouns")
        contactVerbs = try Self.wordSet(rules, "claims.research.contact-verbs")
        recommendVerbs = try Self.wordSet(rules, "claims.research.recommend-verbs")
        organisationNouns = try Self.wordSet(rules, "claims.research.organisation-nouns")
        organisationEndings = try Self.wordSet(rules, "claims.research.organisation-endings")
        resultNouns = try Self.wordSet(rules, "claims.outcomes.result-nouns")
        reportedResults = try Self.wordSet(rules, "claims.outcomes.reported-results")
        topicLabelNouns = try Self.wordSet(rules, "claims.outcomes.topic-label-nouns")
        recordNounKeys = try Self.wordSet(rules, "claims.research.record-nouns")
        recordNouns = Set(try rules.lexicon("claims.research.record-nouns").map { $0.lowercased() })
    }

    /// A lexicon of single words as a set of word keys; an empty one is an error (the tests that
    /// read it would silently stop firing).
    static func wordSet(_ rules: RuleSet, _ lexicon: String) throws -> Set<WordKey> {
        let words = try rules.lexicon(lexicon)
        guard !words.isEmpty else { throw RulePackError(file: rules.files(defining: lexicon), line: nil, message: "the lexicon '\(lexicon)' is empty") }
        return Set(words.map { WordKey($0) })
    }

    /// Whether a link target is a source: an absolute http(s) URL on a journal, index,
    /// regulator or professional body, and not a shop.
    func isSourceLink(_ href: String) -> Bool {
        var href = href
        if let answer = href.withUTF8({ asciiSourceLink($0) }) { return answer }
        return stringSourceLink(href)
    }

    /// `isSourceLink` through Strings and Characters: links with non-ASCII text, and the reference
    /// the byte path is tested against (`SourceLinkTests`).
    func stringSourceLink(_ href: String) -> Bool {
        let lower = href.lowercased()
        for hint in shopHints where lower.containsBytes(hint) { return false }
        guard let host = Self.host(of: lower) else { return false }
        // A listed suffix starting with "." can only start at one of the host's dots, so a few
        // set look-ups replace a suffix test per entry.
        if wholeSourceHosts.contains(Substring(host)) { return true }
        for i in host.utf8.indices where host.utf8[i] == UInt8(ascii: ".") {
            if sourceHostSuffixes.contains(host[i...]) { return true }
        }
        // A DOI anywhere in the link is a source whatever the host.
        return lower.containsBytes("/doi/") || lower.containsBytes("doi.org/")
    }

    /// `isSourceLink` for a link of ASCII bytes (nearly every link), nil for any other: the same
    /// tests over the lowercased bytes, without a lowercased copy, a String per shop hint or the
    /// Character walks of `host(of:)` (in ASCII no separator it looks for can be part of a longer
    /// Character, so bytes find the same places).
    func asciiSourceLink(_ href: UnsafeBufferPointer<UInt8>) -> Bool? {
        for b in href where b >= 0x80 { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(href.count, 1)) { buffer -> Bool in
            let n = href.count
            for k in 0..<n {
                let b = href[k]
                buffer[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            let lower = UnsafeBufferPointer(rebasing: buffer[0..<n])
            func contains(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
                guard !needle.isEmpty else { return true }
                guard needle.count <= n else { return false }
                let first = needle[0]
                var i = 0
                while i <= n - needle.count {
                    if lower[i] == first {
                        var k = 1
                        while k < needle.count && lower[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
            for hint in shopHintBytes where hint.withUnsafeBufferPointer({ contains($0) }) { return false }
            // The host: after the scheme, up to the path, query or fragment, after any user and
            // before any port, without "www.".
            func hasPrefix(_ p: StaticString) -> Bool {
                p.withUTF8Buffer { p in p.count <= n && (0..<p.count).allSatisfy { lower[$0] == p[$0] } }
            }
            var lo: Int
            if hasPrefix("https://") { lo = 8 } else if hasPrefix("http://") { lo = 7 } else if hasPrefix("//") { lo = 2 } else { return false }
            var hi = lo
            while hi < n && lower[hi] != 0x2F && lower[hi] != 0x3F && lower[hi] != 0x23 { hi += 1 }  // / ? #
            if let at = (lo..<hi).last(where: { lower[$0] == 0x40 }) { lo = at + 1 }  // @
            if let colon = (lo..<hi).first(where: { lower[$0] == 0x3A }) { hi = colon }  // :
            if hi - lo >= 4 && lower[lo] == 0x77 && lower[lo + 1] == 0x77 && lower[lo + 2] == 0x77 && lower[lo + 3] == 0x2E { lo += 4 }  // www.
            guard hi > lo else { return false }
            let host = Substring(String(decoding: UnsafeBufferPointer(rebasing: lower[lo..<hi]), as: UTF8.self))
            if wholeSourceHosts.contains(host) { return true }
            for i in host.utf8.indices where host.utf8[i] == UInt8(ascii: ".") {
                if sourceHostSuffixes.contains(host[i...]) { return true }
            }
            // A DOI anywhere in the link is a source whatever the host.
            func containsLiteral(_ s: StaticString) -> Bool { s.withUTF8Buffer { contains($0) } }
            return containsLiteral("/doi/") || containsLiteral("doi.org/")
        }
    }

    /// The host of an absolute http(s) URL, without "www." and port; nil for relative links.
    static func host(of url: String) -> String? {
        var rest: Substring
        if url.hasPrefix("https://") { rest = url.dropFirst(8) } else if url.hasPrefix("http://") { rest = url.dropFirst(7) } else if url.hasPrefix("//") { rest = url.dropFirst(2) } else { return nil }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
        var host = String(rest)
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }
}

import ClaimlintCore
import Foundation

/// The features of one flagged sentence that the learned re-ranking layer (ml1, issue 3) reads:
/// what the rules already computed about the sentence, its block and its page. They are exported
/// through `claims.audit` (`details["features"]`, "name=value;...") so that
/// `Scripts/train_claims_model.py` trains on exactly what the checker computes; the order of
/// `names` is the order of the model's weights in `Rules/claims-model.yml`.
enum ClaimFeatures {
    /// Every feature, in the order of the model's weights. An enum, so that a misspelt feature is a
    /// compile error rather than a crash on the first flagged sentence; the case names are the
    /// exported names (snake case, as the training script and the pack write them).
    enum Feature: Int, CaseIterable {
        // Which rules fired (a sentence may draw two).
        case rule_unsupported, rule_establishment, rule_fda, rule_safety, rule_regenerative, rule_cosmetic
        // How the rules judged it.
        case strong, claim_test, promotional_only, testimonial_outcome, intensified, hedged, any_hedge
        case pred_curative, pred_therapeutic, pred_structure, pred_decrease, pred_increase, pred_benefit, pred_efficacy
        case pred_count, pred_negated, pred_body_subject, pred_definition, pred_generic
        // What the sentence names.
        case has_intervention, has_cosmetic, has_regenerative, has_condition, has_body_function, has_pronoun
        case has_negation, has_advice, has_appearance, has_frame, has_definition_noun, has_professional
        case has_outcome_state, has_establishment, has_safety, has_testimonial, has_weak_evidence
        case context_product, product_kind_before, first_person, second_person, has_number
        // Support near it.
        case has_attribution, has_authority, has_evidence_marker, has_finding_report
        case supported_sentence, supported_paragraph, supported_section, block_other_links, block_unresolved_markers
        // Where it is.
        case block_heading, block_list_item, block_label, block_quote, sentence_first, position, length_log, exclamation
        // The page.
        case page_supported_share, page_references, page_source_links_log, page_flagged_log, page_flagged_share
        case page_shop_log, page_promotional, page_sentences_log, page_hedged_share
        // ml2: the neighbouring sentences (previous and next on the page).
        case prev_supported, next_supported, prev_flagged, next_flagged, prev_hedged, next_hedged
        case prev_question, next_question, question, flagged_run_log
        // ml2: the neighbouring blocks (a reference list or a link-heavy paragraph right after).
        case next_block_references, next_block_links
        // ml2: the page's genre (word counts, log) and where its first cited sentence is.
        case genre_shop_log, genre_clinic_log, genre_news_log, genre_authority_log
        case before_first_citation, after_first_citation
        // ml2: trigger kind x support.
        case strong_x_page_supported, unsupported_x_authority, curative_x_supported, promotional_x_shop
        case hedge_x_page_supported, establishment_x_news

        /// The exported name (the case name).
        var name: String { ClaimFeatures.names[rawValue] }
    }

    /// The exported names, in `Feature` order.
    static let names: [String] = Feature.allCases.map { String(describing: $0) }
    /// Name -> feature, for resolving a model pack's entries once at load (`ClaimModel`).
    static let byName: [String: Feature] = Dictionary(uniqueKeysWithValues: Feature.allCases.map { (names[$0.rawValue], $0) })
    static let count = names.count

    /// What the claims checker knows about the page once every sentence is judged.
    struct PageFacts {
        var hasReferences: Bool
        var shopWords: Int
        var promotional: Bool
        /// Blocks of the page's reference sections (headings, entries, source lines), by index.
        var referenceBlocks: Set<Int> = []
    }

    /// The page genres whose wording the layer counts (ml2): what the rules never look at as a whole.
    enum Genre: Int, CaseIterable { case shop, clinic, news, authority }

    /// Words that mark a genre, counted once per page. Closed and small on purpose: the layer weighs
    /// the counts, so a rough signal is enough, and each is one hash look-up per word. ("may" and
    /// "march" are left out of the months: far more often a hedge and a verb.)
    static let genreWords: [WordKey: Genre] = {
        var d: [WordKey: Genre] = [:]
        for w in ["cart", "basket", "checkout", "buy", "shipping", "delivery", "ingredients", "subscribe", "subscription", "sale",
                  "discount", "bottle", "capsules", "servings", "refund", "guarantee", "reviews"] { d[WordKey(w)] = .shop }
        for w in ["consultation", "consultations", "appointment", "appointments", "book", "booking", "clinic", "clinics",
                  "hours", "opening", "practitioner", "practitioners", "treatments", "patients", "call"] { d[WordKey(w)] = .clinic }
        for w in ["said", "says", "told", "study", "studies", "researchers", "published", "university", "journal", "trial",
                  "participants", "january", "february", "april", "june", "july", "august", "september",
                  "october", "november", "december"] { d[WordKey(w)] = .news }
        for w in ["reviewed", "references", "sources", "updated", "editorial", "guideline", "guidelines", "evidence",
                  "review", "nhs", "nice", "cochrane", "who", "cdc", "fda"] { d[WordKey(w)] = .authority }
        return d
    }()

    /// Page-level values, computed once per page from every judged sentence.
    struct Page {
        var supportedShare = 0.0, references = 0.0, sourceLinksLog = 0.0, flaggedLog = 0.0, flaggedShare = 0.0
        var shopLog = 0.0, promotional = 0.0, sentencesLog = 0.0, hedgedShare = 0.0
        var sentences = 1
        /// log(1 + words of each genre), in `Genre` order.
        var genreLog = [Double](repeating: 0, count: Genre.allCases.count)
        /// The first sentence (in page order) that holds support itself, if any.
        var firstCited: Int?
        var referenceBlocks: Set<Int> = []

        init(_ judged: [JudgedSentence], facts: PageFacts) {
            let n = max(judged.count, 1)
            sentences = n
            var supported = 0, flagged = 0, hedged = 0, links = 0
            var lastBlock = -1
            var genre = [Int](repeating: 0, count: Genre.allCases.count)
            for (k, j) in judged.enumerated() {
                if j.support.any || j.sectionSupported { supported += 1 }
                if !j.findings.isEmpty { flagged += 1 }
                if !j.analysis.allHedges.isEmpty { hedged += 1 }
                if firstCited == nil, j.support.inSentence(j.index, range: j.sentence.range) { firstCited = k }
                if j.block.index != lastBlock {
                    links += j.support.sourceLinks.count
                    lastBlock = j.block.index
                    for t in j.block.tokens where t.kind == .word {
                        if let g = ClaimFeatures.genreWords[t.key] { genre[g.rawValue] += 1 }
                    }
                }
            }
            genreLog = genre.map { log1p(Double($0)) }
            referenceBlocks = facts.referenceBlocks
            supportedShare = Double(supported) / Double(n)
            references = facts.hasReferences ? 1 : 0
            sourceLinksLog = log1p(Double(links))
            flaggedLog = log1p(Double(flagged))
            flaggedShare = Double(flagged) / Double(n)
            shopLog = log1p(Double(facts.shopWords))
            promotional = facts.promotional ? 1 : 0
            sentencesLog = log1p(Double(n))
            hedgedShare = Double(hedged) / Double(n)
        }
    }

    static let firstPerson = Set(["i", "my", "me", "we", "our", "i'm", "i've", "mine"].map { WordKey($0) })
    static let secondPerson = Set(["you", "your", "you're", "yours"].map { WordKey($0) })

    /// The feature vector (in `names` order) of judged sentence `k` of the page.
    static func vector(_ judged: [JudgedSentence], _ k: Int, page: Page) -> [Double] {
        var v = [Double](repeating: 0, count: count)
        func set(_ f: Feature, _ value: Double) { v[f.rawValue] = value }
        func flag(_ f: Feature, _ value: Bool) { if value { v[f.rawValue] = 1 } }
        let j = judged[k]
        let a = j.analysis
        let h = a.hits
        let rules = Set(j.findings.map(\.rule))
        flag(.rule_unsupported, rules.contains("claims.unsupported"))
        flag(.rule_establishment, rules.contains("claims.establishment"))
        flag(.rule_fda, rules.contains("claims.fda-approval"))
        flag(.rule_safety, rules.contains("claims.safety-absolute"))
        flag(.rule_regenerative, rules.contains("claims.regenerative-therapy"))
        flag(.rule_cosmetic, rules.contains("claims.cosmetic-drug"))
        flag(.strong, j.findings.contains { $0.strength == .strong })
        let claims = a.claims
        flag(.claim_test, !claims.isEmpty)
        flag(.promotional_only, j.firstPassFindings == 0 && !j.findings.isEmpty)
        flag(.testimonial_outcome, j.findings.contains { $0.details["predicate"] == "testimonial" })
        flag(.intensified, a.intensified)
        flag(.hedged, a.speculative)
        flag(.any_hedge, !a.allHedges.isEmpty)
        let tags = Set(a.predicates.filter { !$0.negated }.map(\.tag))
        flag(.pred_curative, tags.contains(.curative))
        flag(.pred_therapeutic, tags.contains(.therapeutic))
        flag(.pred_structure, tags.contains(.structureFunction))
        flag(.pred_decrease, tags.contains(.decrease))
        flag(.pred_increase, tags.contains(.increase))
        flag(.pred_benefit, tags.contains(.benefit))
        flag(.pred_efficacy, tags.contains(.efficacy) || tags.contains(.selfContained))
        set(.pred_count, log1p(Double(a.predicates.count)))
        flag(.pred_negated, a.predicates.contains { $0.negated })
        flag(.pred_body_subject, a.predicates.contains { $0.bodySubject })
        flag(.pred_definition, a.predicates.contains { $0.definition })
        flag(.pred_generic, a.predicates.contains { $0.generic })
        flag(.has_intervention, h.has(.intervention))
        flag(.has_cosmetic, h.has(.cosmetic))
        flag(.has_regenerative, h.has(.regenerative))
        flag(.has_condition, h.has(.condition))
        flag(.has_body_function, h.has(.bodyFunction))
        flag(.has_pronoun, h.has(.pronoun))
        flag(.has_negation, h.has(.negation))
        flag(.has_advice, h.has(.advice) || a.isAdvice)
        flag(.has_appearance, h.has(.appearance))
        flag(.has_frame, h.has(.frame))
        flag(.has_definition_noun, h.has(.definitionNoun))
        flag(.has_professional, h.has(.professional))
        flag(.has_outcome_state, h.has(.outcomeState))
        flag(.has_establishment, h.has(.establishment))
        flag(.has_safety, h.has(.safety) || h.has(.safetyCore))
        flag(.has_testimonial, h.has(.testimonial))
        flag(.has_weak_evidence, h.has(.weakEvidence))
        flag(.context_product, a.context)
        flag(.product_kind_before, a.productKindBefore)
        let tokens = j.block.tokens
        var first = false, second = false, number = false, exclamation = false
        for i in j.sentence.tokens {
            let t = tokens[i]
            if t.kind == .number { number = true; continue }
            if t.kind != .word {
                if SectionFinder.isByte(j.block, t, "!") { exclamation = true }
                continue
            }
            if firstPerson.contains(t.key) { first = true }
            if secondPerson.contains(t.key) { second = true }
        }
        flag(.first_person, first)
        flag(.second_person, second)
        flag(.has_number, number)
        flag(.exclamation, exclamation || j.sentence.terminator == "!")
        flag(.has_attribution, h.has(.attribution))
        flag(.has_authority, h.has(.authority))
        flag(.has_evidence_marker, h.has(.evidenceMarker))
        flag(.has_finding_report, h.has(.findingReport) || h.has(.finding))
        flag(.supported_sentence, j.support.inSentence(j.index, range: j.sentence.range))
        flag(.supported_paragraph, j.support.any)
        flag(.supported_section, j.sectionSupported)
        flag(.block_other_links, !j.support.otherLinks.isEmpty)
        flag(.block_unresolved_markers, !j.support.unresolved.isEmpty)
        let kind = j.block.kind
        flag(.block_heading, kind.isHeading)
        flag(.block_list_item, kind.isListItem)
        flag(.block_label, kind.isLabel && !kind.isHeading)
        if case .blockquote = kind { flag(.block_quote, true) }
        flag(.sentence_first, j.index == 0)
        set(.position, Double(k) / Double(max(page.sentences - 1, 1)))
        set(.length_log, log1p(Double(j.sentence.tokens.count)))
        set(.page_supported_share, page.supportedShare)
        set(.page_references, page.references)
        set(.page_source_links_log, page.sourceLinksLog)
        set(.page_flagged_log, page.flaggedLog)
        set(.page_flagged_share, page.flaggedShare)
        set(.page_shop_log, page.shopLog)
        set(.page_promotional, page.promotional)
        set(.page_sentences_log, page.sentencesLog)
        set(.page_hedged_share, page.hedgedShare)
        // ml2: the neighbours. The previous and next sentence on the page (across blocks: a claim
        // under a heading reads on from it), and the run of flagged sentences this one is in.
        func cited(_ n: JudgedSentence) -> Bool { n.support.inSentence(n.index, range: n.sentence.range) }
        if k > 0 {
            let p = judged[k - 1]
            flag(.prev_supported, cited(p))
            flag(.prev_flagged, !p.findings.isEmpty)
            flag(.prev_hedged, !p.analysis.allHedges.isEmpty)
            flag(.prev_question, p.sentence.terminator == "?")
        }
        if k + 1 < judged.count {
            let n = judged[k + 1]
            flag(.next_supported, cited(n))
            flag(.next_flagged, !n.findings.isEmpty)
            flag(.next_hedged, !n.analysis.allHedges.isEmpty)
            flag(.next_question, n.sentence.terminator == "?")
        }
        flag(.question, j.sentence.terminator == "?")
        var run = 1
        var b = k - 1
        while b >= 0 && !judged[b].findings.isEmpty { run += 1; b -= 1 }
        var e = k + 1
        while e < judged.count && !judged[e].findings.isEmpty { run += 1; e += 1 }
        set(.flagged_run_log, log1p(Double(run)))
        // The block after this one: a reference list (the page's reference blocks between this block
        // and the next linted one) or a paragraph with two or more links.
        var following = k + 1
        while following < judged.count && judged[following].block.index == j.block.index { following += 1 }
        let nextBlock = following < judged.count ? judged[following].block.index : Int.max
        flag(.next_block_references, page.referenceBlocks.contains { $0 > j.block.index && $0 < nextBlock })
        if following < judged.count {
            let s = judged[following].support
            flag(.next_block_links, s.sourceLinks.count + s.otherLinks.count >= 2)
        }
        // The page's genre and where the first cited sentence is.
        set(.genre_shop_log, page.genreLog[Genre.shop.rawValue])
        set(.genre_clinic_log, page.genreLog[Genre.clinic.rawValue])
        set(.genre_news_log, page.genreLog[Genre.news.rawValue])
        set(.genre_authority_log, page.genreLog[Genre.authority.rawValue])
        if let first = page.firstCited {
            flag(.before_first_citation, k < first)
            flag(.after_first_citation, k > first)
        }
        // Trigger kind x support: the same trigger means less on a well-sourced page.
        let strong = v[Feature.strong.rawValue]
        set(.strong_x_page_supported, strong * page.supportedShare)
        set(.unsupported_x_authority, v[Feature.rule_unsupported.rawValue] * page.genreLog[Genre.authority.rawValue])
        set(.curative_x_supported, v[Feature.pred_curative.rawValue] * (j.support.any || j.sectionSupported ? 1 : 0))
        set(.promotional_x_shop, v[Feature.promotional_only.rawValue] * page.shopLog)
        set(.hedge_x_page_supported, v[Feature.any_hedge.rawValue] * page.supportedShare)
        set(.establishment_x_news, v[Feature.rule_establishment.rawValue] * page.genreLog[Genre.news.rawValue])
        return v
    }

    /// "name=value;..." with the non-zero features (values to four decimals), for the audit export.
    static func export(_ v: [Double]) -> String {
        var parts: [String] = []
        for (i, x) in v.enumerated() where x != 0 {
            let scaled = (x * 10000).rounded() / 10000
            parts.append("\(names[i])=\(scaled)")
        }
        return parts.joined(separator: ";")
    }
}

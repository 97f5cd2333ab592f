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
        // (ml2 tried 29 more: neighbouring sentences and blocks, page genre words, position against the
        // first citation, trigger x support products; +0.003 precision in cross-validation, not kept:
        // docs/claims.md, "ml2".)

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
    }

    /// Page-level values, computed once per page from every judged sentence.
    struct Page {
        var supportedShare = 0.0, references = 0.0, sourceLinksLog = 0.0, flaggedLog = 0.0, flaggedShare = 0.0
        var shopLog = 0.0, promotional = 0.0, sentencesLog = 0.0, hedgedShare = 0.0
        var sentences = 1

        init(_ judged: [JudgedSentence], facts: PageFacts) {
            let n = max(judged.count, 1)
            sentences = n
            var supported = 0, flagged = 0, hedged = 0, links = 0
            var lastBlock = -1
            for j in judged {
                if j.support.any || j.sectionSupported { supported += 1 }
                if !j.findings.isEmpty { flagged += 1 }
                if !j.analysis.allHedges.isEmpty { hedged += 1 }
                if j.block.index != lastBlock { links += j.support.sourceLinks.count; lastBlock = j.block.index }
            }
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
        // (A sentence draws one or two findings: a scan of them, not a Set of their rule names.)
        func fired(_ rule: String) -> Bool { j.findings.contains { $0.rule == rule } }
        flag(.rule_unsupported, fired("claims.unsupported"))
        flag(.rule_establishment, fired("claims.establishment"))
        flag(.rule_fda, fired("claims.fda-approval"))
        flag(.rule_safety, fired("claims.safety-absolute"))
        flag(.rule_regenerative, fired("claims.regenerative-therapy"))
        flag(.rule_cosmetic, fired("claims.cosmetic-drug"))
        flag(.strong, j.findings.contains { $0.strength == .strong })
        let claims = a.claims
        flag(.claim_test, !claims.isEmpty)
        flag(.promotional_only, j.firstPassFindings == 0 && !j.findings.isEmpty)
        flag(.testimonial_outcome, j.findings.contains { $0.details["predicate"] == "testimonial" })
        flag(.intensified, a.intensified)
        flag(.hedged, a.speculative)
        flag(.any_hedge, !a.allHedges.isEmpty)
        // The tags of the predicates that are not negated, a bit per tag (the predicate tags are all
        // below 64) instead of a Set per sentence.
        var tags: UInt64 = 0
        for p in a.predicates where !p.negated && p.tag.rawValue < 64 { tags |= 1 << UInt64(p.tag.rawValue) }
        func has(_ tag: ClaimTag) -> Bool { tags & (1 << UInt64(tag.rawValue)) != 0 }
        flag(.pred_curative, has(.curative))
        flag(.pred_therapeutic, has(.therapeutic))
        flag(.pred_structure, has(.structureFunction))
        flag(.pred_decrease, has(.decrease))
        flag(.pred_increase, has(.increase))
        flag(.pred_benefit, has(.benefit))
        flag(.pred_efficacy, has(.efficacy) || has(.selfContained))
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
        // (The two sets read once, not per word: every read of a lazily made `static let` is a `swift_once` call.)
        let firstPerson = Self.firstPerson, secondPerson = Self.secondPerson
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

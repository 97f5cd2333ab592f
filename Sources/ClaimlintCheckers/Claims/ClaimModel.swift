import ClaimlintCore
import Foundation

/// The learned re-ranking layer (ml1, issue 3): an L2-regularised logistic regression over the
/// features of each flagged sentence (ClaimFeatures.swift), trained by
/// `Scripts/train_claims_model.py` and stored in `Rules/claims-model.yml` as two lexicons
/// (rule packs hold rules and lexicons only): `claims.model.settings` ("threshold T", "bias B")
/// and `claims.model.features` ("name mean scale weight" per feature). A flagged sentence whose
/// probability falls below the threshold loses its findings: dropped rather than downgraded to
/// moderate, because a moderate finding is still a finding (the reader still has to look at it,
/// and sentence-level precision counts it), while the model only says the sentence is unlikely to
/// be a claim at all.
struct ClaimModel {
    /// On since session 7: on the seven claims sets no tuning round or training run had read
    /// (heldout33-39) it dropped 29 of 65 false alarms and no true finding (docs/claims.md, "ml1").
    /// `python3 Scripts/train_claims_model.py` retrains it and prints that test again.
    static let enabledByDefault = true

    let threshold: Double
    let bias: Double
    /// Per feature, in `ClaimFeatures.names` order (a feature the pack does not list weighs 0).
    let mean: [Double]
    let scale: [Double]
    let weight: [Double]

    /// The model of the loaded packs, or nil when no pack defines it. Every feature name is resolved
    /// here, once: a name the checker does not compute fails the load with the pack's name.
    init?(rules: RuleSet) throws {
        guard let settings = rules.optionalLexicon("claims.model.settings"), let features = rules.optionalLexicon("claims.model.features") else { return nil }
        // The pack(s) that defined the model's keys: where the user has to look.
        let file = rules.files(defining: "claims.model.settings", "claims.model.features")
        func error(_ message: String) -> RulePackError { RulePackError(file: file, line: nil, message: message) }
        let values = try ModelSettings.read(settings, lexicon: "claims.model.settings", names: ["threshold", "bias"], error: error)
        let threshold = values[0], bias = values[1]
        var mean = [Double](repeating: 0, count: ClaimFeatures.count)
        var scale = [Double](repeating: 1, count: ClaimFeatures.count)
        var weight = [Double](repeating: 0, count: ClaimFeatures.count)
        for entry in features {
            let parts = entry.split(separator: " ")
            guard parts.count == 4, let m = Double(parts[1]), let s = Double(parts[2]), let w = Double(parts[3]), s > 0 else {
                throw error("bad feature entry '\(entry)' (expected: name mean scale weight)")
            }
            // A feature the checker no longer computes would silently weigh nothing: fail instead.
            guard let k = ClaimFeatures.byName[String(parts[0])]?.rawValue else {
                throw error("unknown feature '\(parts[0])' in claims.model.features (ClaimFeatures.Feature lists the features the checker computes)")
            }
            mean[k] = m
            scale[k] = s
            weight[k] = w
        }
        self.init(threshold: threshold, bias: bias, mean: mean, scale: scale, weight: weight)
    }

    init(threshold: Double, bias: Double, mean: [Double], scale: [Double], weight: [Double]) {
        self.threshold = threshold
        self.bias = bias
        self.mean = mean
        self.scale = scale
        self.weight = weight
    }

    /// The probability that a flagged sentence with features `v` is a claim a reviewer would flag.
    func probability(_ v: [Double]) -> Double {
        var z = bias
        for k in v.indices where weight[k] != 0 { z += weight[k] * (v[k] - mean[k]) / scale[k] }
        return 1 / (1 + exp(-z))
    }

    /// Whether a flagged sentence with features `v` keeps its findings (one dot product).
    func keeps(_ v: [Double]) -> Bool { probability(v) >= threshold }
}

#!/usr/bin/env python3
"""Trains the claims re-ranking layer (Rules/claims-model.yml) over the checker's own features
and measures it on claims sets no tuning round or training run has read.

    python3 Scripts/train_claims_model.py [--bin .build/debug/claimlint] [--dir Fixtures/claims]
                                          [--write Rules/claims-model.yml] [--lam 1.0] [--compare]

Lints every labelled claims fixture set (tuning set, heldout*, heldout-claims3*) once with
`claims.audit` on. Every sentence that draws a claims.* finding is one candidate; its features
are the ones the checker exports in the audit finding's `details["features"]`
(Sources/ClaimlintCheckers/Claims/ClaimFeatures.swift), so training reads exactly what the Swift
side computes. A candidate is positive when a label snippet of its article occurs in its text, as
Scripts/score_claims.py matches them.

Model: L2-regularised logistic regression (numpy, Newton steps, features standardised, no
randomness). A candidate whose probability is below the threshold is dropped.

Cross-validation (the protocol that counts, docs/claims.md "ml2"): leave-one-set-out. Each set is one fold: the model is trained on the other sets
and applied to it, and the threshold is chosen inside the training sets by an inner leave-one-set-out run (the highest pooled precision that
keeps inner pooled recall within 0.005 of the rules alone), never on the test fold. The results
of all folds are pooled and scored sentence by sentence as score_claims.py scores them: a label
is found when any kept candidate of its article contains its snippet. Printed pooled and for the
sets of the latest tuning round (the least tuned, the closest to new writing; --group to choose).

--compare: also cross-validates ml1's 67 features (ML1_FEATURES) beside every exported feature, and
two more threshold rules (no recall loss at all; best F1), and prints the ml2 decision rule.
ml2's extra context features were not kept, so today the exported features are ml1's 67 and the two
columns agree; ml2's 96-feature figures (docs/claims.md, "ml2") come from its branch commit a78e881.

Only sets listed in Fixtures/claims/tuning-log.tsv (and the tuning set) are training material.
Sets no tuning round has read are never trained on: the model trained on all training sets is
applied to them once and reported as "NEVER TUNED ON" (rules alone vs rules + model), the test
that counts.

--write PATH: also writes the rule pack trained on every training set (threshold from an inner
run over them), which the checker embeds.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time

# One BLAS thread: the matrices are small, and on a shared 2-core machine threads only contend.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_scoring as cs  # noqa: E402

TAG = re.compile(r"<[^>]*>")
RECALL_SLACK = 0.005
GRID = [round(0.01 * k, 2) for k in range(0, 71)]


def norm(s):
    return " ".join(html.unescape(TAG.sub(" ", s)).split()).lower()


def load_labels(path):
    if not os.path.exists(path):
        return None
    snippets = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            _, _, snippet = line.partition("|")
            snippets.add(norm(snippet.strip()))
    return snippets


def collect(binary, root):
    """Per set: list of articles, each {snippets, units: [{text, rules, features, hits}]}."""
    sets = ["tuning"] + sorted(n for n in os.listdir(root) if n.startswith("heldout") and os.path.isdir(os.path.join(root, n)))
    data = {}
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "claimlint.yml")
        with open(cfg, "w") as f:
            # The rules alone: the layer being trained must not filter its own candidates.
            f.write(cs.AUDIT_CONFIG + "claims:\n  model: false\n")
        for name in sets:
            directory = root if name == "tuning" else os.path.join(root, name)
            paths = sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith((".txt", ".html", ".md")))
            proc = subprocess.run([binary, "lint", "--format", "json", "--fail-on", "never", "--config", cfg] + paths,
                                  capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                raise SystemExit("claimlint failed (exit %d): %s" % (proc.returncode, proc.stderr.strip()))
            results = {os.path.normpath(f["path"]): f["findings"] for f in json.loads(proc.stdout)["files"]}
            articles = []
            for path in paths:
                snippets = load_labels(os.path.splitext(path)[0] + ".labels")
                if snippets is None:
                    continue
                units = {}
                audits = {}
                for f in results.get(os.path.normpath(path), []):
                    if not f["rule"].startswith("claims."):
                        continue
                    key = (f["offset"], f["length"])
                    if f["rule"] == "claims.audit":
                        audits[key] = f.get("details", {}).get("features")
                        continue
                    units.setdefault(key, {"text": norm(f["excerpt"]), "rules": set()})["rules"].add(f["rule"])
                unit_list = []
                for key in sorted(units):
                    u = units[key]
                    feats = audits.get(key)
                    if feats is None:
                        raise SystemExit("no audit features for a flagged sentence in %s at %s" % (path, key))
                    u["features"] = parse_features(feats)
                    u["hits"] = {s for s in snippets if s in u["text"]}
                    unit_list.append(u)
                articles.append({"path": path, "snippets": snippets, "units": unit_list})
            data[name] = articles
    return data


def parse_features(s):
    out = {}
    for part in s.split(";"):
        if part:
            k, _, v = part.partition("=")
            out[k] = float(v)
    return out


class Table:
    """Every candidate as one row of X (features in `names` order), its label, its set, and each
    article's rows, built once so that the many folds only slice it."""

    def __init__(self, data, names):
        rows, ys, sets, self.articles = [], [], [], []
        for s in data:
            for a in data[s]:
                start = len(rows)
                for u in a["units"]:
                    rows.append([u["features"].get(n, 0.0) for n in names])
                    ys.append(1.0 if u["hits"] else 0.0)
                    sets.append(s)
                self.articles.append((s, a, start, len(rows)))
        self.X = np.array(rows, dtype=np.float64).reshape(-1, len(names))
        self.y = np.array(ys)
        self.set_of = np.array(sets)

    def rows(self, sets):
        return np.isin(self.set_of, list(sets))

    def fit(self, sets, lam, cols=None, start=None):
        m = self.rows(sets)
        X = self.X[m] if cols is None else self.X[m][:, cols]
        model = fit(X, self.y[m], lam, start)
        model["cols"] = cols
        return model

    def fold(self, held, model):
        """(articles, per-article probabilities) of set `held` under `model`."""
        cols = model.get("cols")
        probs = predict(model, self.X if cols is None else self.X[:, cols])
        arts = [(a, probs[b:e]) for s, a, b, e in self.articles if s == held]
        return [a for a, _ in arts], [p for _, p in arts]


def fit(X, y, lam, start=None):
    """L2 logistic regression by Newton steps on standardised features; intercept not penalised.
    `start` (a model on nearly the same rows) only shortens the cross-validation's many fits: the
    optimum is the same to 1e-8, and the pack is always fitted from zero."""
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std[std < 1e-9] = 1.0
    Z = np.hstack([np.ones((X.shape[0], 1)), (X - mean) / std])
    w = np.zeros(Z.shape[1])
    if start is not None:
        # The same coefficients on this fold's standardisation: identical predictions to start from.
        w[1:] = start["weights"] * std / start["std"]
        w[0] = start["bias"] + np.sum(start["weights"] * (mean - start["mean"]) / start["std"])
    reg = np.full(Z.shape[1], lam)
    reg[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-Z @ w))
        g = Z.T @ (p - y) + reg * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(Z.shape[1])
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return {"mean": mean, "std": std, "bias": w[0], "weights": w[1:]}


def predict(model, X):
    z = model["bias"] + ((X - model["mean"]) / model["std"]) @ model["weights"]
    return 1.0 / (1.0 + np.exp(-z))


def score(articles, probs, threshold):
    """tp/fp/fn of `articles` when candidates with probability below `threshold` are dropped
    (`probs`: one array per article, None = keep everything)."""
    tp = fp = fn = 0
    for a, p in zip(articles, probs):
        # Findings on a block whose citation markers match no reference entry are never dropped
        # (ClaimsChecker: the layer does not judge a broken citation).
        kept = [u for k, u in enumerate(a["units"])
                if p is None or p[k] >= threshold or u["features"].get("block_unresolved_markers", 0) > 0]
        found = set().union(*(u["hits"] for u in kept)) if kept else set()
        tp += len(found)
        fn += len(a["snippets"]) - len(found)
        fp += sum(1 for u in kept if not u["hits"])
    return tp, fp, fn


def inner_predictions(table, sets, lam, cols=None, start=None):
    """Inner leave-one-set-out over `sets`: (articles, probabilities) of every set under the model
    trained on the others. The threshold is chosen on these, never on the outer test fold."""
    arts, probs = [], []
    for held in sets:
        model = table.fit([s for s in sets if s != held], lam, cols, start)
        a, p = table.fold(held, model)
        arts += a
        probs += p
    return arts, probs


# How a fold's threshold is picked from its inner predictions. "recall": the highest pooled precision
# whose pooled recall stays within RECALL_SLACK of the rules alone (ml1's rule, the one shipped).
# "strict": the same with no recall loss at all. "f1": the best F1 (recall may fall).
THRESHOLD_RULES = ("recall", "strict", "f1")


def pick_threshold(arts, probs, rule="recall"):
    base_tp, base_fp, base_fn = score(arts, [None] * len(arts), 0.0)
    base_r = base_tp / (base_tp + base_fn)
    slack = {"recall": RECALL_SLACK, "strict": 0.0}.get(rule)
    best = (0.0, 0.0)
    for t in GRID:
        tp, fp, fn = score(arts, probs, t)
        p, r, f = cs.prf(tp, fp, fn)
        if slack is None:
            value = f
        elif r >= base_r - slack:
            value = p
        else:
            continue
        if value > best[1] + 1e-12:
            best = (t, value)
    return best[0]


def choose_threshold(table, sets, lam, cols=None, rule="recall"):
    """The threshold by `rule` from an inner leave-one-set-out run over `sets` (ties: the lowest)."""
    arts, probs = inner_predictions(table, sets, lam, cols)
    return pick_threshold(arts, probs, rule)


def fmt(counts):
    tp, fp, fn = counts
    p, r, _ = cs.prf(tp, fp, fn)
    return "%3d/%3d/%3d P %.3f R %.3f" % (tp, fp, fn, p, r)


def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def write_pack(path, names, model, threshold, counts):
    """The rule pack the checker embeds. Rule packs hold rules and lexicons only, so the model is
    two lexicons of strings: settings ("threshold T", "bias B") and one "name mean scale weight"
    entry per feature (ClaimModel.swift reads them)."""
    lines = [
        "# The learned re-ranking layer of the claims checker (ml1, issue 3). Generated by",
        "# `python3 Scripts/train_claims_model.py --write Rules/claims-model.yml`; do not edit by hand.",
        "# A flagged sentence's features (ClaimFeatures.swift) are standardised, z = (x - mean) / scale,",
        "# p = 1 / (1 + exp(-(bias + sum(weight * z)))); below the threshold its findings are dropped.",
        "pack: claims-model",
        "description: >-",
        "  Logistic re-ranking of claims findings (L2, numpy), trained on %d labelled candidates of the" % counts,
        "  claims fixture sets.",
        "lexicons:",
        "  claims.model.settings:",
        "    source: \"own: Scripts/train_claims_model.py on Fixtures/claims\"",
        "    entries: [\"threshold %.2f\", \"bias %.6f\"]" % (threshold, model["bias"]),
        "  claims.model.features:",
        "    source: \"own: Scripts/train_claims_model.py on Fixtures/claims (name mean scale weight)\"",
        "    entries:",
    ]
    for n, m, sd, w in zip(names, model["mean"], model["std"], model["weights"]):
        lines.append("      - \"%s %.6f %.6f %.6f\"" % (n, m, sd, w))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def dump_features(binary, path):
    """The features the checker exports for each flagged sentence of one file (the parity pin of
    ClaimModelTests is copied from this)."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "claimlint.yml")
        with open(cfg, "w") as f:
            f.write(cs.AUDIT_CONFIG)
        proc = subprocess.run([binary, "lint", "--format", "json", "--fail-on", "never", "--config", cfg, path], capture_output=True, text=True)
    for fr in json.loads(proc.stdout)["files"]:
        for f in fr["findings"]:
            feats = f.get("details", {}).get("features")
            if f["rule"] == "claims.audit" and feats:
                print("%s\t%s" % (f["excerpt"], feats))


# The 67 features of ml1 (session 7), the baseline every new feature set is compared with (--compare).
ML1_FEATURES = frozenset("""
rule_unsupported rule_establishment rule_fda rule_safety rule_regenerative rule_cosmetic strong claim_test
promotional_only testimonial_outcome intensified hedged any_hedge pred_curative pred_therapeutic pred_structure
pred_decrease pred_increase pred_benefit pred_efficacy pred_count pred_negated pred_body_subject pred_definition
pred_generic has_intervention has_cosmetic has_regenerative has_condition has_body_function has_pronoun has_negation
has_advice has_appearance has_frame has_definition_noun has_professional has_outcome_state has_establishment
has_safety has_testimonial has_weak_evidence context_product product_kind_before first_person second_person
has_number has_attribution has_authority has_evidence_marker has_finding_report supported_sentence
supported_paragraph supported_section block_other_links block_unresolved_markers block_heading block_list_item
block_label block_quote sentence_first position length_log exclamation page_supported_share page_references
page_source_links_log page_flagged_log page_flagged_share page_shop_log page_promotional page_sentences_log
page_hedged_share""".split())


def cross_validate(table, sets, lam, cols, rules):
    """Leave-one-set-out over `sets`: per held-out set, the rules alone and, per threshold rule, the
    rules + the model trained on the other sets with the threshold that rule picks from an inner
    leave-one-set-out run over those sets (the test fold never chooses its own threshold)."""
    out = {}
    everything = table.fit(sets, lam, cols)
    for held in sets:
        train = [s for s in sets if s != held]
        outer = table.fit(train, lam, cols, everything)
        inner_arts, inner_probs = inner_predictions(table, train, lam, cols, outer)
        arts, probs = table.fold(held, outer)
        row = {"base": score(arts, [None] * len(arts), 0.0)}
        for rule in rules:
            t = pick_threshold(inner_arts, inner_probs, rule)
            row[rule] = score(arts, probs, t)
            row["t_" + rule] = t
        out[held] = row
    return out


def total(cv, sets, key):
    counts = (0, 0, 0)
    for s in sets:
        counts = add(counts, cv[s][key])
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=cs.default_bin())
    ap.add_argument("--dir", default="Fixtures/claims")
    ap.add_argument("--lam", type=float, default=1.0, help="L2 strength on standardised features")
    ap.add_argument("--write", default="", help="write the rule pack trained on all sets to this path")
    ap.add_argument("--weights", action="store_true", help="print the largest weights of the all-sets model")
    ap.add_argument("--compare", action="store_true",
                    help="also cross-validate ml1's 67 features and the other threshold rules (about three times as long)")
    ap.add_argument("--group", default="", help="comma-separated sets reported together (default: the sets of the latest tuning round)")
    ap.add_argument("--dump-features", default="", help="print the exported features of one file's flagged sentences and stop")
    args = ap.parse_args()
    if args.dump_features:
        dump_features(args.bin, args.dump_features)
        return
    start = time.time()
    data = collect(args.bin, args.dir)
    linted = time.time()
    # Only sets a tuning round has already read (Fixtures/claims/tuning-log.tsv) are training
    # material; the sets no round has read are the blind measure and are never trained on.
    tuned = cs.tuning_log(args.dir)
    sets = [s for s in data if s == "tuning" or s in tuned]
    blind = [s for s in data if s not in sets]
    names = sorted({k for s in data for a in data[s] for u in a["units"] for k in u["features"]})
    n_units = sum(len(a["units"]) for s in sets for a in data[s])
    table = Table(data, names)
    print("%d training sets, %d articles, %d candidates, %d features (lint %.1fs)" % (
        len(sets), sum(len(data[s]) for s in sets), n_units, len(names), linted - start))
    # The least-tuned sets: those of the latest tuning round (the rules were fitted to the older sets
    # far longer, so they leave little to re-rank there): the closest the training material comes to
    # new writing, and the group the decision reads.
    if args.group:
        group = [s for s in args.group.split(",") if s in sets]
    else:
        latest = [tuned[s] for s in tuned][-1] if tuned else ""
        group = [s for s in sets if tuned.get(s) == latest]
    label = "%s-%s" % (group[0], group[-1][len("heldout"):]) if group and group[0].startswith("heldout") else "group"
    # Feature sets: every exported feature (the shipped model); with --compare also ml1's 67.
    variants = [("model", None)]
    rules = ["recall"]
    if args.compare:
        base_cols = [k for k, n in enumerate(names) if n in ML1_FEATURES]
        if len(base_cols) < len(names):
            variants = [("ml1 67", base_cols), ("model", None)]
        rules = list(THRESHOLD_RULES)
    cvs = {}
    for v, cols in variants:
        cvs[v] = cross_validate(table, sets, args.lam, cols, rules)
    header = "%-16s %-28s" % ("set (held out)", "rules alone tp/fp/fn") + "".join(" %-28s" % ("rules + " + v) for v, _ in variants)
    print(header + "  threshold")
    for held in sets:
        line = "%-16s %-28s" % (held, fmt(cvs[variants[0][0]][held]["base"]))
        line += "".join(" %-28s" % fmt(cvs[v][held]["recall"]) for v, _ in variants)
        print(line + "  " + " ".join("%.2f" % cvs[v][held]["t_recall"] for v, _ in variants))
    for title, group_sets in (("POOLED (CV)", sets), (label, group)):
        base = total(cvs[variants[0][0]], group_sets, "base")
        print("%-16s %-28s" % (title, fmt(base)) + "".join(" %-28s" % fmt(total(cvs[v], group_sets, "recall")) for v, _ in variants))
    for v, _ in variants:
        for title, group_sets in (("pooled", sets), (label, group)):
            bp, br, _ = cs.prf(*total(cvs[v], group_sets, "base"))
            mp, mr, _ = cs.prf(*total(cvs[v], group_sets, "recall"))
            print("cross-validation, rules + %s, %s: precision %+.3f, recall %+.3f over the rules alone" % (v, title, mp - bp, mr - br))
    if args.compare:
        print("threshold rules (pooled | %s):" % label)
        for v, _ in variants:
            for rule in rules:
                print("  %-8s %-7s %s | %s" % (v, rule, fmt(total(cvs[v], sets, rule)), fmt(total(cvs[v], group, rule))))
        if len(variants) == 2:
            # The rule fixed before the first run (docs/claims.md, "ml2"): the new features ship only if on
            # the group the cross-validated precision rises >= 0.01 over ml1's model with recall falling
            # <= 0.005, and pooled precision does not fall and pooled recall falls <= 0.005.
            for rule in rules:
                op, orr, _ = cs.prf(*total(cvs["ml1 67"], group, rule))
                np_, nr, _ = cs.prf(*total(cvs["model"], group, rule))
                pp0, pr0, _ = cs.prf(*total(cvs["ml1 67"], sets, rule))
                pp1, pr1, _ = cs.prf(*total(cvs["model"], sets, rule))
                ok = np_ - op >= 0.01 - 1e-9 and orr - nr <= 0.005 + 1e-9 and pp1 >= pp0 - 1e-9 and pr0 - pr1 <= 0.005 + 1e-9
                print("decision (%s thresholds): %s precision %+.3f, recall %+.3f; pooled %+.3f, %+.3f over ml1's model: %s" % (
                    rule, label, np_ - op, nr - orr, pp1 - pp0, pr1 - pr0, "SHIP the new features" if ok else "keep ml1's features"))
    sys.stdout.flush()
    threshold = choose_threshold(table, sets, args.lam)
    model = table.fit(sets, args.lam)
    if blind:
        # The model trained on every tuned set, applied to sets nobody has read.
        blind_base = blind_model = (0, 0, 0)
        for held in blind:
            arts, probs = table.fold(held, model)
            base = score(arts, [None] * len(arts), 0.0)
            with_model = score(arts, probs, threshold)
            blind_base, blind_model = add(blind_base, base), add(blind_model, with_model)
            print("%-16s %-28s %-28s %.2f  (never tuned on)" % (held, fmt(base), fmt(with_model), threshold))
        print("%-16s %-28s %s" % ("NEVER TUNED ON", fmt(blind_base), fmt(blind_model)))
    if args.write or args.weights:
        order = np.argsort(-np.abs(model["weights"]))
        print("model on all training sets, threshold %.2f; largest standardised weights:" % threshold)
        for k in order[:20]:
            print("  %-26s %+.3f" % (names[k], model["weights"][k]))
        if args.write:
            write_pack(args.write, names, model, threshold, n_units)
            print("wrote %s" % args.write)
    print("total %.1fs" % (time.time() - start))


if __name__ == "__main__":
    main()

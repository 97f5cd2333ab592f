#!/usr/bin/env python3
"""Scores the claim-strength layer of claims.* on causal-claim-strength (Yu et al. 2019/2020).

    python3 Scripts/score_claims_strength.py [--bin .build/debug/claimlint]
        [--data ../shared/eval/data/causal-claim-strength] [--file eureka|pubmed|both]
        [--rows all|even|odd] [--show LABEL]

--rows keeps only the even or odd data rows (0-based, header excluded) so that rules can be
developed on one half and checked on the other. --show LABEL (0-3) prints that label's flagged
sentences with their level (to stdout only; nothing is written to the repository).

The sentences are bare conclusion/press sentences with no product and no page around them,
so the full rule (which needs an intervention and looks for a source) is not what they
label. The scorer reads the audit layer instead (`rules: {claims.audit: on}`): per sentence the
level direct / conditional / correlational / none and the strength. "Flagged" means the
layer calls it a causal claim (level direct or conditional, i.e. strength moderate or strong).
Labels (COLING-2020 coding): 0 none, 1 correlational, 2 conditional causal, 3 direct causal.
"""
import argparse
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_scoring as cs  # noqa: E402

LABELS = {"0": "no relationship", "1": "correlational", "2": "conditional causal", "3": "direct causal"}


def select_rows(rows, which):
    if which == "even":
        return rows[0::2]
    if which == "odd":
        return rows[1::2]
    return rows


def score(binary, path, name, which="all", show=None):
    with open(path, encoding="utf-8") as f:
        rows = select_rows(list(csv.DictReader(f)), which)
    sentences = [r["sentence"] for r in rows]
    results = cs.run_items(binary, sentences)
    by_label = {k: {"n": 0, "flagged": 0, "strong": 0, "full_rule": 0, "statement": 0, "level": {}} for k in LABELS}
    for r, findings in zip(rows, results):
        a = cs.audit_of(findings)
        level = a.get("level", "none")
        strength = a.get("strength", "none")
        b = by_label[r["label"]]
        b["n"] += 1
        b["level"][level] = b["level"].get(level, 0) + 1
        if level in ("direct", "conditional"):
            b["flagged"] += 1
            if show == r["label"]:
                print("  FLAGGED %-11s %s" % (level, r["sentence"]))
        if strength == "strong":
            b["strong"] += 1
        if cs.claim_rules(findings):
            b["full_rule"] += 1
        if a.get("statement") == "yes":
            b["statement"] += 1
    print("== %s (%d sentences, rows: %s)" % (name, len(rows), which))
    print("%-20s %5s %9s %8s %10s %10s  levels" % ("label", "n", "flagged", "strong", "full-rule", "statement"))
    for k, b in by_label.items():
        n = b["n"] or 1
        print("%-20s %5d %8.1f%% %7.1f%% %9.1f%% %9.1f%%  %s" % (LABELS[k], b["n"], 100 * b["flagged"] / n, 100 * b["strong"] / n,
                                                       100 * b["full_rule"] / n, 100 * b["statement"] / n, dict(sorted(b["level"].items()))))
    tp = by_label["3"]["flagged"]
    fp = by_label["0"]["flagged"] + by_label["1"]["flagged"]
    fn = by_label["3"]["n"] - tp
    p, rr, f1 = cs.prf(tp, fp, fn)
    cond = by_label["2"]
    print("direct causal vs {none, correlational}: P %.2f R %.2f F1 %.2f" % (p, rr, f1))
    print("targets: direct flagged %.1f%% (>= 85), none flagged %.1f%% (<= 10), conditional never strong %.1f%% (>= 95)" % (
        100 * by_label["3"]["flagged"] / max(1, by_label["3"]["n"]), 100 * by_label["0"]["flagged"] / max(1, by_label["0"]["n"]),
        100 * (1 - cond["strong"] / max(1, cond["n"]))))
    return by_label


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=cs.default_bin())
    ap.add_argument("--data", default="../shared/eval/data/causal-claim-strength")
    ap.add_argument("--file", default="both", choices=["eureka", "pubmed", "both"])
    ap.add_argument("--rows", default="all", choices=["all", "even", "odd"])
    ap.add_argument("--show", choices=sorted(LABELS), help="print the flagged sentences of this label")
    args = ap.parse_args()
    parts = []
    if args.file in ("eureka", "both"):
        parts.append(score(args.bin, os.path.join(args.data, "annotated_eureka.csv"), "EurekAlert press sentences (headline)", args.rows, args.show))
    if args.file in ("pubmed", "both"):
        parts.append(score(args.bin, os.path.join(args.data, "annotated_pubmed.csv"), "PubMed conclusion sentences", args.rows, args.show))
    if len(parts) == 2:
        # The targets name the data set, not a file: both files pooled, next to the per-file lines above.
        def share(label, key):
            return 100 * sum(b[label][key] for b in parts) / max(1, sum(b[label]["n"] for b in parts))
        print("== whole data set (both files pooled)")
        print("targets: direct flagged %.1f%% (>= 85), none flagged %.1f%% (<= 10), conditional never strong %.1f%% (>= 95)" % (
            share("3", "flagged"), share("0", "flagged"), 100 - share("2", "strong")))


if __name__ == "__main__":
    main()

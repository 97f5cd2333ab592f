#!/usr/bin/env python3
"""Claim recall of claims.* on Check-COVID news claims (Wang et al., Findings of ACL 2023).

    python3 Scripts/score_claims_covid.py [--bin .build/debug/claimlint] [--data ../shared/eval/data/check-covid]

Every item is a claim, so this is a recall probe. The scorer uses the unique claims taken
verbatim from news articles (`is_auth` true). Each is linted as a bare paragraph with the audit
on (`rules: {claims.audit: on}`) and counted as detected when the health-statement layer
marks it (`details.statement`): a causal, correlational or efficacy predicate (level direct,
conditional or correlational), a claims.* rule, or a finding, hedge or quantity reported about
a condition or intervention in the lexicons. Also reported: how many draw a user-facing claims.*
finding (most do not, by design: they name the study they report, or state a non-causal
fact), the hedged/unhedged split, and strength by veracity label.
"""
import argparse
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_scoring as cs  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=cs.default_bin())
    ap.add_argument("--data", default="../shared/eval/data/check-covid")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    items = [json.loads(line) for line in open(os.path.join(args.data, "Check-COVID_all.json"), encoding="utf-8") if line.strip()]
    claims = {}
    for it in items:
        if it.get("is_auth"):
            claims.setdefault(it["claim"].strip(), Counter())[it["label"]] += 1
    texts = sorted(claims)
    results = cs.run_items(args.bin, texts)
    detected = rule_hits = hedged = 0
    by_label = {}
    missed = []
    for text, findings in zip(texts, results):
        a = cs.audit_of(findings)
        rules = cs.claim_rules(findings)
        level = a.get("level", "none")
        hit = a.get("statement") == "yes" or bool(rules)
        detected += hit
        rule_hits += bool(rules)
        if hit and a.get("hedged") == "yes":
            hedged += 1
        if not hit:
            missed.append(text)
        label = claims[text].most_common(1)[0][0]
        b = by_label.setdefault(label, Counter())
        b["n"] += 1
        b[a.get("strength", "none") if hit else "none"] += 1
    n = len(texts)
    print("== Check-COVID news-extracted claims (%d unique)" % n)
    print("  detected by the claim layer: %d/%d = %.1f%% (target >= 80%%)" % (detected, n, 100 * detected / n))
    print("    of which hedged: %d, unhedged: %d" % (hedged, detected - hedged))
    print("  drew a user-facing claims.* finding: %d/%d = %.1f%%" % (rule_hits, n, 100 * rule_hits / n))
    for label, b in sorted(by_label.items()):
        print("  %-13s n %3d  strong %3d  moderate %3d  none %3d" % (label, b["n"], b["strong"], b["moderate"], b["none"]))
    if args.verbose:
        for t in missed[:40]:
            print("  missed:", t[:150])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Sentence-level precision and recall of the claims.* rules on the labelled fixtures.

    python3 Scripts/score_claims.py [--bin .build/debug/claimlint] [--dir Fixtures/claims] [--verbose]

Lints every article in Fixtures/claims (tuning set) and in each Fixtures/claims/heldout*
folder with the default config (Fixtures/claims/tuning-log.tsv records which held-out sets were later tuned on;
a set not listed there has never been tuned on) and compares the sentences that drew a claims.* finding with the
sidecar labels (see Fixtures/claims/README.md). A finding matches a label when the label's
snippet occurs in the finding's excerpt (markup stripped). Reports P/R/F1 per set, per format,
and how often the matched finding carries the labelled rule.
"""
import argparse
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_scoring as cs  # noqa: E402

TAG = re.compile(r"<[^>]*>")


def norm(s):
    return " ".join(html.unescape(TAG.sub(" ", s)).split()).lower()


def load_labels(path):
    labels = []
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            rule, _, snippet = line.partition("|")
            labels.append((rule.strip(), norm(snippet.strip())))
    return labels


def score_set(binary, directory, verbose):
    articles = sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith((".txt", ".html", ".md")))
    results = cs.lint_files(binary, articles) if articles else {}
    totals = {}
    for path in articles:
        labels = load_labels(os.path.splitext(path)[0] + ".labels")
        if labels is None:
            continue
        fmt = os.path.splitext(path)[1][1:]
        findings = [f for f in results.get(os.path.normpath(path), []) if f["rule"].startswith("claims.") and f["rule"] != "claims.audit"]
        # One flagged unit per distinct sentence span.
        flagged = {}
        for f in findings:
            flagged.setdefault((f["offset"], f["length"]), {"text": norm(f["excerpt"]), "rules": set()})["rules"].add(f["rule"])
        snippets = {}
        for rule, snip in labels:
            snippets.setdefault(snip, set()).add(rule)
        t = totals.setdefault(fmt, {"tp": 0, "fp": 0, "fn": 0, "rule_ok": 0})
        matched_units = set()
        for snip, rules in snippets.items():
            hit = [k for k, u in flagged.items() if snip in u["text"]]
            if hit:
                t["tp"] += 1
                matched_units.update(hit)
                if any(rules & flagged[k]["rules"] for k in hit):
                    t["rule_ok"] += 1
                elif verbose:
                    print("  rule differs  %s: %s expected %s got %s" % (os.path.basename(path), snip[:60], sorted(rules), sorted(set().union(*(flagged[k]["rules"] for k in hit)))))
            else:
                t["fn"] += 1
                if verbose:
                    print("  missed        %s: %s (%s)" % (os.path.basename(path), snip[:70], ",".join(sorted(rules))))
        for k, u in flagged.items():
            if k not in matched_units:
                t["fp"] += 1
                if verbose:
                    print("  false alarm   %s: %s (%s)" % (os.path.basename(path), u["text"][:90], ",".join(sorted(u["rules"]))))
    return totals


def report(name, totals):
    all_t = {"tp": 0, "fp": 0, "fn": 0, "rule_ok": 0}
    for fmt, t in sorted(totals.items()):
        for k in all_t:
            all_t[k] += t[k]
        p, r, f = cs.prf(t["tp"], t["fp"], t["fn"])
        print("  %-5s tp %3d fp %3d fn %3d  P %.2f R %.2f F1 %.2f" % (fmt, t["tp"], t["fp"], t["fn"], p, r, f))
    p, r, f = cs.prf(all_t["tp"], all_t["fp"], all_t["fn"])
    print("%s: tp %d fp %d fn %d  precision %.2f recall %.2f F1 %.2f  (right rule on %d of %d matches)" % (
        name, all_t["tp"], all_t["fp"], all_t["fn"], p, r, f, all_t["rule_ok"], all_t["tp"]))
    return p, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=cs.default_bin())
    ap.add_argument("--dir", default="Fixtures/claims")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--sets", default="", help="comma-separated sets to score: tuning, heldout, heldout2 ... (default: all)")
    args = ap.parse_args()
    sets = ["tuning"] + sorted(n for n in os.listdir(args.dir) if n.startswith("heldout") and os.path.isdir(os.path.join(args.dir, n)))
    if args.sets:
        sets = [s for s in sets if s in args.sets.split(",")]
    tuned = cs.tuning_log(args.dir)
    for name in sets:
        directory = args.dir if name == "tuning" else os.path.join(args.dir, name)
        status = "" if name == "tuning" else (", tuned on in " + tuned[name] if name in tuned else ", never tuned on")
        print("== %s (%s)%s" % (name, directory, status))
        report(name, score_set(args.bin, directory, args.verbose))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Who is wrong when `balance.no-risks` and the writers' labels disagree: a second, blind labeller.

    python3 Scripts/balance_agreement.py --sample N OUT     # pick pages for the second labeller
    python3 Scripts/balance_agreement.py [--second Fixtures/disclaimer/second-labeller-balance.tsv]

Half of the rule's dev misses were read as label disagreements (docs/disclaimer.md, "Balance round 4").
`--sample` draws dev pages that need a disclaimer, stratified by how the binary and the labels relate on
no-risks (label yes / binary no, label no / binary yes, and both kinds of agreement as controls), shuffled
with a fixed seed so the labeller cannot tell the strata apart, and writes their paths. The second labeller
sees only the definition and the pages (never labels.tsv, the code or claimlint's output) and writes
`path, no_risks (yes/no), why` per page. The report says, per stratum, how often the second labeller sides
with the writers' label and how often with the binary, so a disagreement can be charged to the rule or to
the labels.
"""
import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_disclaimer as sd  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Fixtures/disclaimer")
STRATA = ("label yes, binary no", "label no, binary yes", "both yes", "both no")


def strata(binary):
    """Each needing dev page's stratum on no-risks: the writers' label against the binary's finding."""
    rows = [r for r in sd.load_labels(os.path.join(FIXTURES, "labels.tsv")) if r["split"] == "dev" and r["needs"] == "yes"]
    report, _ = sd.run_claimlint(binary, [r["path"] for r in rows], FIXTURES)
    fired = {os.path.normpath(f["path"]) for f in report["files"] for x in f["findings"] if x["rule"] == "balance.no-risks"}
    out = {}
    for r in rows:
        label = "no-risks" in r["balance"].split(",")
        got = os.path.normpath(r["path"]) in fired
        out[r["path"]] = STRATA[0] if label and not got else STRATA[1] if got and not label else STRATA[2] if label else STRATA[3]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/claimlint"))
    ap.add_argument("--sample", nargs=2, metavar=("N_PER_DISAGREEMENT", "OUT"))
    ap.add_argument("--second", default=os.path.join(FIXTURES, "second-labeller-balance.tsv"))
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    by_path = strata(binary)
    if args.sample:
        n, out = int(args.sample[0]), args.sample[1]
        rng = random.Random(12)
        picked = []
        for s, k in zip(STRATA, (n, n, n // 2, n // 2)):
            pool = sorted(p for p, t in by_path.items() if t == s)
            picked += rng.sample(pool, min(k, len(pool)))
        rng.shuffle(picked)
        with open(out, "w", encoding="utf-8") as f:
            f.write("\n".join(picked) + "\n")
        print(f"{len(picked)} pages written to {out}")
        return
    with open(args.second, encoding="utf-8") as f:
        second = {r["path"].strip(): r for r in csv.DictReader(f, delimiter="\t")}
    unknown = [p for p in second if p not in by_path]
    if unknown:
        sys.exit(f"second labeller rows that are no needing dev page: {unknown[:5]}")
    labels = {r["path"]: "no-risks" in r["balance"].split(",") for r in sd.load_labels(os.path.join(FIXTURES, "labels.tsv"))}
    print(f"{len(second)} pages labelled by the second labeller (binary: {args.bin})")
    for s in STRATA:
        pages = [p for p in second if by_path[p] == s]
        if not pages:
            continue
        with_label = sum((second[p]["no_risks"].strip() == "yes") == labels[p] for p in pages)
        print(f"  {s:22} {len(pages):3} pages: second labeller agrees with the writers' label on {with_label}, "
              f"with the binary on {len(pages) - with_label if s in STRATA[:2] else with_label}")


if __name__ == "__main__":
    main()

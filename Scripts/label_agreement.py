#!/usr/bin/env python3
"""Agreement between the writers' disclaimer labels and an independent second labeller.

    python3 Scripts/label_agreement.py [--second Fixtures/disclaimer/second-labeller.tsv]

The second labeller saw only the issue's definitions and the documents (never labels.tsv, the
code or claimlint output) and wrote `path, needs, expected, why` per page. Prints agreement on
`needs` and on the verdict (`expected`), Cohen's kappa for the verdict, and every disagreement.
"""
import argparse
import collections
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_disclaimer as sd  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def read_second(path):
    with open(path, encoding="utf-8") as f:
        return {r["path"].strip(): r for r in csv.DictReader(f, delimiter="\t")}


def kappa(pairs):
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = collections.Counter(a for a, _ in pairs)
    second = collections.Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in set(first) | set(second)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=os.path.join(ROOT, "Fixtures/disclaimer/labels.tsv"))
    ap.add_argument("--second", default=os.path.join(ROOT, "Fixtures/disclaimer/second-labeller.tsv"))
    args = ap.parse_args()
    labels = {r["path"]: r for r in sd.load_labels(args.labels)}
    second = read_second(args.second)
    missing = [p for p in second if p not in labels]
    if missing:
        sys.exit(f"second labeller rows with no label: {missing[:5]}")
    needs = [(labels[p]["needs"], r["needs"].strip()) for p, r in second.items()]
    verdicts = [(labels[p]["expected"], r["expected"].strip()) for p, r in second.items()]
    n = len(second)
    print(f"documents: {n}")
    print(f"needs agreement: {sum(a == b for a, b in needs)}/{n}")
    print(f"verdict agreement: {sum(a == b for a, b in verdicts)}/{n}  Cohen's kappa {kappa(verdicts):.3f}")
    print(f"second labeller's borderline calls: {sum(r['why'].strip().startswith('borderline') for r in second.values())}")
    for p, r in sorted(second.items()):
        if labels[p]["expected"] != r["expected"].strip() or labels[p]["needs"] != r["needs"].strip():
            print(f"  disagree {p}: writer {labels[p]['needs']}/{labels[p]['expected']}, second {r['needs']}/{r['expected']} ({r['why']})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score claimlint's disclaimer verdicts against the labelled fixtures.

Runs the claimlint binary once over every labelled document with `--format json` and compares
each page's verdict with the label in Fixtures/disclaimer/labels.tsv:

  missing  the page needs a disclaimer and has none   (a `disclaimer.missing` finding)
  weak     it has one, but only in a weak place       (a `disclaimer.weak` finding)
  ok       it has a visible one, or needs none        (no disclaimer finding)

Prints verdict accuracy per split (dev = tuned on, heldout = never tuned on), a confusion
table, every miss, the findings on non-health pages (the target there is none), and precision
and recall of each balance rule against the `balance` column (expected balance findings).

Usage: python3 Scripts/score_disclaimer.py [--bin .build/debug/claimlint] [--split heldout]
       [--min-accuracy 0.95] [--verbose] [--ids 529-552]
Python 3 standard library only.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERDICTS = ("missing", "weak", "ok")


def load_labels(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        if r["expected"] not in VERDICTS:
            sys.exit(f"{path}: bad expected verdict {r['expected']!r} for {r['path']}")
    return rows


def run_claimlint(binary, paths, cwd):
    cmd = [binary, "lint", "--format", "json", "--fail-on", "never"] + paths
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"claimlint exited {proc.returncode}:\n{proc.stderr}")
    report = json.loads(proc.stdout)
    return report, " ".join(cmd[:5]) + " ..."


def verdict(findings):
    rules = {f["rule"] for f in findings}
    if "disclaimer.missing" in rules:
        return "missing"
    if "disclaimer.weak" in rules:
        return "weak"
    return "ok"


BALANCE = ("no-risks", "no-date", "no-author", "no-sources", "relative-risk")


def print_balance(sub):
    """Per balance rule: precision and recall against the `balance` column (expected findings)."""
    rows = [(r, f) for r, _, _, f in sub if r.get("balance")]
    if not rows:
        return
    print("  balance rules (labels in the 'balance' column):")
    for rule in BALANCE:
        tp = fp = fn = 0
        for r, f in rows:
            want = rule in r["balance"].split(",")
            got = any(x["rule"] == "balance." + rule for x in f)
            tp += want and got
            fp += got and not want
            fn += want and not got
        p = f"{tp / (tp + fp):.0%}" if tp + fp else "n/a"
        rc = f"{tp / (tp + fn):.0%}" if tp + fn else "n/a"
        print(f"    balance.{rule:<14} precision {p:>4} ({tp}/{tp + fp})  recall {rc:>4} ({tp}/{tp + fn})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=".build/debug/claimlint", help="claimlint binary (default: %(default)s)")
    ap.add_argument("--fixtures", default="Fixtures/disclaimer", help="fixture folder with labels.tsv")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    ap.add_argument("--min-accuracy", type=float, default=None,
                    help="exit 1 when held-out accuracy (or the chosen split's) is below this")
    ap.add_argument("--verbose", action="store_true", help="print every document's verdict")
    ap.add_argument("--ids", default=None, metavar="FIRST-LAST",
                    help="only documents whose id number is in this range, e.g. 529-552 (one blind batch)")
    args = ap.parse_args()

    fixtures = os.path.join(ROOT, args.fixtures) if not os.path.isabs(args.fixtures) else args.fixtures
    binary = os.path.join(ROOT, args.bin) if not os.path.isabs(args.bin) and os.sep in args.bin else args.bin
    rows = load_labels(os.path.join(fixtures, "labels.tsv"))
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    if args.ids:
        first, _, last = args.ids.partition("-")
        lo, hi = int(first), int(last or first)
        # "heldout/h529-slug.html", "dev/d431-slug.txt": the number after the split letter.
        rows = [r for r in rows if lo <= int(os.path.basename(r["path"])[1:].split("-")[0]) <= hi]
    paths = [os.path.relpath(os.path.join(fixtures, r["path"]), ROOT) for r in rows]
    for p in paths:
        if not os.path.exists(os.path.join(ROOT, p)):
            sys.exit(f"labelled file not found: {p}")
    report, _ = run_claimlint(binary, paths, ROOT)
    by_path = {f["path"]: f["findings"] for f in report["files"]}
    errors = {e["path"]: e["message"] for e in report.get("errors", [])}

    results = []
    for r, p in zip(rows, paths):
        findings = by_path.get(p)
        if findings is None:
            results.append((r, p, "error", []))
            continue
        results.append((r, p, verdict(findings), findings))

    print(f"claimlint disclaimer scorer: {len(results)} labelled documents ({args.bin})")
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    exit_code = 0
    for split in splits:
        sub = [x for x in results if x[0]["split"] == split]
        if not sub:
            continue
        right = sum(1 for r, _, v, _ in sub if v == r["expected"])
        acc = right / len(sub)
        print(f"\n[{split}] verdict accuracy: {right}/{len(sub)} = {acc:.1%}")
        print("  confusion (rows = label, columns = claimlint):")
        print("    " + "".join(f"{v:>9}" for v in VERDICTS + ("error",)))
        for want in VERDICTS:
            counts = [sum(1 for r, _, v, _ in sub if r["expected"] == want and v == got) for got in VERDICTS + ("error",)]
            print(f"    {want:<8}" + "".join(f"{c:>9}" for c in counts)[1:])
        by_topic = {}
        for r, _, v, _ in sub:
            t = by_topic.setdefault(r["topic"], [0, 0])
            t[0] += v == r["expected"]
            t[1] += 1
        print("  by topic: " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in sorted(by_topic.items())))
        nonhealth = [(p, f) for r, p, _, f in sub if r["topic"] == "nonhealth"]
        flagged = [(p, [x["rule"] for x in f if x["category"] in ("disclaimer", "balance")]) for p, f in nonhealth]
        flagged = [(p, rs) for p, rs in flagged if rs]
        print(f"  non-health pages with a disclaimer or balance finding: {len(flagged)}/{len(nonhealth)}")
        for p, rs in flagged:
            print(f"    {p}: {', '.join(sorted(set(rs)))}")
        misses = [(r, p, v) for r, p, v, _ in sub if v != r["expected"]]
        for r, p, v in misses:
            why = errors.get(p, "")
            print(f"  MISS {p}: label {r['expected']} ({r['disclaimer']}), claimlint {v} {why}")
        print_balance(sub)
        if args.min_accuracy is not None and (split == "heldout" or len(splits) == 1) and acc < args.min_accuracy:
            exit_code = 1
    if args.verbose:
        print()
        for r, p, v, f in results:
            msgs = [x["message"] for x in f if x["category"] == "disclaimer"]
            print(f"{'ok ' if v == r['expected'] else 'BAD'} {p}: label {r['expected']}, got {v}  {msgs[:1]}")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())

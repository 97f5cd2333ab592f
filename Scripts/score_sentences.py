#!/usr/bin/env python3
"""Scores the sentence.* rules on the labelled set in Fixtures/sentences through the binary.

Each unit of dev.tsv / heldout.tsv becomes one plain-text file (paragraphs separated by blank
lines, list items as "- item" / "1. item" lines, headings and captions as lone lines), the
claimlint binary lints them all with `--format json`, and each unit's findings are compared
with its label.

  per family   a unit labelled F counts as a true positive for F when a sentence.F finding is
               in it, else a false negative; any other sentence.* finding in it is a false
               positive for that rule (on clean units, every sentence.* finding is one).
  overall      micro-average of the per-family counts ("strict"), and "detection": a broken
               unit flagged by any sentence rule, a clean unit flagged by none.

Usage (Python 3 standard library only):
  python3 Scripts/score_sentences.py                     # held-out set, .build/debug/claimlint
  python3 Scripts/score_sentences.py --set dev --errors  # development set, list the misses
  python3 Scripts/score_sentences.py --bin .build/release/claimlint --min-precision 0.9 --min-recall 0.85
  python3 Scripts/score_sentences.py --deep              # with the Link Grammar stage (liblink-grammar5)
  python3 Scripts/score_sentences.py --bin .build/release/claimlint --bench 5   # throughput, MB/s
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAMILIES = ["run-on", "fused-subordinate", "lowercase-start", "participle-fragment", "subordinate-fragment",
            "noun-phrase-fragment", "dangling-lead-in", "comma-splice"]


def load(name):
    units = []
    with open(os.path.join(ROOT, "Fixtures", "sentences", name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            label, blocks = line.split("\t", 1)
            units.append((label, [b.strip() for b in blocks.split(" || ")], line))
    return units


def render(blocks):
    """Plain text for the text front end: lists stay in one group with the line before them."""
    out = []
    number = 0
    prev_list = False
    for b in blocks:
        if b.startswith("li: ") or b.startswith("oli: "):
            if not prev_list:
                number = 0
            number += 1
            item = f"- {b[4:]}" if b.startswith("li: ") else f"{number}. {b[5:]}"
            out.append(("\n" if out else "") + item)
            prev_list = True
            continue
        prev_list = False
        for prefix in ("h: ", "cap: ", "q: "):
            if b.startswith(prefix):
                b = b[len(prefix):]
        out.append(("\n\n" if out else "") + b)
    return "".join(out) + "\n"


def bench(args):
    """Throughput: lints N MB of clean paragraphs with every rule, then with sentence.* off."""
    import random
    import time
    sentences = []
    with open(os.path.join(ROOT, "Fixtures", "sentences", "clean.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                sentences.append(line.lstrip("! ").replace("{", "").replace("}", "").split("|")[0] if "{" not in line else
                                 line.split("{")[0] + line.split("{")[1].split("|")[0] + line.split("}")[1])
    rng = random.Random(7)
    work = tempfile.mkdtemp(prefix="bench-sentences-")
    path = os.path.join(work, "corpus.txt")
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < args.bench * 1_000_000:
            para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 6))) + "\n\n"
            f.write(para)
            size += len(para.encode())
    results = {}
    for name, config in (("all rules", "scope: page\n"), ("sentence.* off", "rules:\n  sentence: off\n")):
        cfg = os.path.join(work, "bench.yml")
        with open(cfg, "w") as f:
            f.write(config)
        best = None
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([args.bin, "lint", "--format", "json", "--fail-on", "never", "--config", cfg, path],
                           stdout=subprocess.DEVNULL, check=False)
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        results[name] = best
        print(f"{name:<16} {size / 1e6:.1f} MB in {best:.2f} s = {size / 1e6 / best:.1f} MB/s (best of 3)")
    extra = results["all rules"] - results["sentence.* off"]
    if extra > 0:
        print(f"sentence stage alone: {size / 1e6 / extra:.1f} MB/s ({extra:.2f} s of {results['all rules']:.2f} s)")
    os.remove(path)
    os.remove(os.path.join(work, "bench.yml"))
    os.rmdir(work)


def ratio(a, b):
    return a / b if b else 1.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "claimlint"))
    ap.add_argument("--set", choices=["heldout", "dev", "fresh", "all"], default="heldout")
    ap.add_argument("--errors", action="store_true", help="print every missed or wrongly flagged unit")
    ap.add_argument("--keep", help="write the generated text files to this folder and keep them")
    ap.add_argument("--bench", type=float, metavar="MB", help="measure throughput on MB of generated clean text instead of scoring")
    ap.add_argument("--deep", action="store_true", help="switch on the Link Grammar stage (sentence: {deep: true})")
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--min-recall", type=float)
    args = ap.parse_args()
    if args.bench:
        bench(args)
        return

    names = {"heldout": ["heldout.tsv"], "dev": ["dev.tsv"], "fresh": ["fresh.tsv"], "all": ["dev.tsv", "heldout.tsv"]}[args.set]
    units = [u for n in names for u in load(n)]
    work = args.keep or tempfile.mkdtemp(prefix="score-sentences-")
    os.makedirs(work, exist_ok=True)
    paths = []
    for i, (_, blocks, _) in enumerate(units):
        path = os.path.join(work, f"unit{i:04d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(render(blocks))
        paths.append(path)
    config = os.path.join(work, "claimlint-score.yml")
    with open(config, "w", encoding="utf-8") as f:
        f.write("sentence:\n  deep: true\n" if args.deep else "scope: page\n")
    proc = subprocess.run([args.bin, "lint", "--format", "json", "--fail-on", "never", "--config", config] + paths,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"claimlint failed (exit {proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    found = {}
    for f in report["files"]:
        rules = {x["rule"] for x in f["findings"] if x["rule"].startswith("sentence.")}
        found[os.path.basename(f["path"])] = rules

    tp = {f: 0 for f in FAMILIES}
    fp = {f: 0 for f in FAMILIES}
    fn = {f: 0 for f in FAMILIES}
    det_tp = det_fp = det_fn = 0
    errors = []
    for i, (label, _, line) in enumerate(units):
        rules = {r.split(".", 1)[1] for r in found.get(f"unit{i:04d}.txt", set())}
        if label == "ok":
            for r in rules:
                fp[r] = fp.get(r, 0) + 1
            if rules:
                det_fp += 1
                errors.append(f"FP {sorted(rules)} {line}")
            continue
        if label in rules:
            tp[label] += 1
        else:
            fn[label] += 1
            errors.append(f"FN {sorted(rules)} {line}")
        for r in rules - {label}:
            fp[r] = fp.get(r, 0) + 1
        if label in rules and rules - {label}:
            errors.append(f"EXTRA {sorted(rules - {label})} {line}")
        if rules:
            det_tp += 1
        else:
            det_fn += 1

    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision, recall = ratio(T, T + P), ratio(T, T + N)
    stage = "fast + deep (Link Grammar)" if args.deep else "fast stage"
    print(f"claimlint sentence rules, {stage}, on {args.set} ({len(units)} units, {sum(1 for u in units if u[0] != 'ok')} broken)")
    print(f"{'rule':<32}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    for f in FAMILIES:
        print(f"sentence.{f:<23}{ratio(tp[f], tp[f] + fp[f]):>10.2f}{ratio(tp[f], tp[f] + fn[f]):>8.2f}{tp[f]:>5}{fp[f]:>5}{fn[f]:>5}")
    print(f"{'overall (strict)':<32}{precision:>10.3f}{recall:>8.3f}{T:>5}{P:>5}{N:>5}")
    print(f"{'overall (detection)':<32}{ratio(det_tp, det_tp + det_fp):>10.3f}{ratio(det_tp, det_tp + det_fn):>8.3f}{det_tp:>5}{det_fp:>5}{det_fn:>5}")
    if args.errors:
        print("\n".join(errors))
    if not args.keep:
        for p in paths + [config]:
            os.remove(p)
        os.rmdir(work)
    ok = True
    if args.min_precision is not None and precision < args.min_precision:
        print(f"precision {precision:.3f} is below {args.min_precision}", file=sys.stderr)
        ok = False
    if args.min_recall is not None and recall < args.min_recall:
        print(f"recall {recall:.3f} is below {args.min_recall}", file=sys.stderr)
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

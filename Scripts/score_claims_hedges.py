#!/usr/bin/env python3
"""Scores the hedge layer of claims.* on BioScope (Vincze et al. 2008), CoNLL-2010 task 1 style.

    python3 Scripts/score_claims_hedges.py [--bin .build/debug/claimlint]
        [--data ../shared/eval/data/bioscope-hedge] [--verbose] [--rows all|even|odd] [--list]

--rows keeps only the even or odd sentences (0-based, document order) so that vocabulary can be
developed on one half and checked on the other; --list prints the missed and falsely hedged
sentences themselves (stdout only).

Gold: a sentence is uncertain when it holds at least one <cue type="speculation">. Predicted:
the audit layer (`rules: {claims.audit: on}`) marks the sentence hedged (`details.hedged`), i.e. a
hedge cue that lowers a claim's strength or a hypothesis frame. Reported twice:
- with the alternatives cues: BioScope's own gold, where "or", "either", "whether" count;
- without them: sentences whose only speculation cues are "or"/"either"/"whether" count as
  certain, and "whether" alone does not make our prediction hedged either (alternatives should
  not lower a health claim's strength, see claims.md C3).
"""
import argparse
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_scoring as cs  # noqa: E402

ALTERNATIVES = {"or", "either", "whether", "either or", "or not", "whether or not", "either ... or"}


def sentences(path):
    root = ET.parse(path).getroot()
    for s in root.iter("sentence"):
        text = "".join(s.itertext())
        cues = [" ".join("".join(c.itertext()).lower().split()) for c in s.iter("cue") if c.get("type") == "speculation"]
        yield text, cues


def score(binary, path, name, verbose, which="all", listing=False):
    items = list(sentences(path))
    if which == "even":
        items = items[0::2]
    elif which == "odd":
        items = items[1::2]
    results = cs.run_items(binary, [t for t, _ in items])
    counts = {"with": [0, 0, 0], "without": [0, 0, 0]}
    misses, alarms = [], []
    for (text, cues), findings in zip(items, results):
        a = cs.audit_of(findings)
        strong = [c for c in a.get("strong_hedge_cues", "").split("|") if c]
        frames = [f for f in a.get("frames", "").split("|") if f]
        pred_with = a.get("hedged") == "yes"
        pred_without = bool(strong) or any(f.lower() != "whether" for f in frames)
        gold_with = bool(cues)
        gold_without = any(c not in ALTERNATIVES for c in cues)
        for key, pred, gold in (("with", pred_with, gold_with), ("without", pred_without, gold_without)):
            c = counts[key]
            if pred and gold:
                c[0] += 1
            elif pred:
                c[1] += 1
            elif gold:
                c[2] += 1
        if gold_without and not pred_without:
            misses.append((cues, text))
        if pred_without and not gold_without:
            alarms.append((strong + frames, text))
    print("== %s (%d sentences, rows: %s)" % (name, len(items), which))
    for key, label in (("with", "with or/either/whether"), ("without", "without or/either/whether")):
        tp, fp, fn = counts[key]
        p, r, f = cs.prf(tp, fp, fn)
        print("  %-26s tp %5d fp %5d fn %5d  P %.2f R %.2f F1 %.2f" % (label, tp, fp, fn, p, r, f))
    if verbose:
        from collections import Counter
        print("  most missed gold cues:", Counter(c for cues, _ in misses for c in cues).most_common(25))
        print("  most frequent false-alarm cues:", Counter(c.lower() for cs_, _ in alarms for c in cs_).most_common(25))
    if listing:
        for cues, text in misses:
            print("  MISS  %s | %s" % ("/".join(cues), " ".join(text.split())))
        for cues, text in alarms:
            print("  ALARM %s | %s" % ("/".join(cues), " ".join(text.split())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=cs.default_bin())
    ap.add_argument("--data", default="../shared/eval/data/bioscope-hedge")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--rows", default="all", choices=["all", "even", "odd"])
    ap.add_argument("--list", action="store_true", help="print missed and falsely hedged sentences")
    args = ap.parse_args()
    score(args.bin, os.path.join(args.data, "abstracts.xml"), "BioScope abstracts", args.verbose, args.rows, args.list)
    score(args.bin, os.path.join(args.data, "full_papers.xml"), "BioScope full papers", args.verbose, args.rows, args.list)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""False alarms on careful pages: sentence.* and claims.* findings on the careful articles.

    python3 Scripts/score_clean_pages.py [--bin .build/release/claimlint] [--dir Fixtures/claims]
                                         [--sets tuning,heldout2,...] [--verbose] [--bad]

A careful article is one in Fixtures/claims (the tuning set, folder "tuning") or one of its
heldout* folders whose `.labels` sidecar holds only comments or nothing: the labeller found no
sentence that should be flagged. These are the well-sourced NHS / FDA / Cochrane style pages that
the product promises to leave quiet, so every sentence.* finding on them counts as a false alarm
(the articles were written as clean prose; a finding there is a checker misreading page
structure or a sound sentence). claims.* findings are counted too (claims.audit excluded), for
reference: they are false alarms of the claims checker, scored in detail by score_claims.py.

Prints per set and in total: careful articles, sentence findings (per rule), claim findings, and
the same per format (txt / html / md) with findings per article. `--verbose` lists every sentence
finding as file:line:col rule message. `--bad` scores the other articles instead (those with at
least one label: marketing pages and content farms, where broken sentences are real); use it to
compare sentence findings before and after a change, not as a false-alarm count.
"""
import argparse
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_scoring as cs  # noqa: E402

FORMATS = ("txt", "html", "md")


def has_labels(path):
    """True when the sidecar holds at least one label line (not a comment, not blank)."""
    with open(path, encoding="utf-8") as f:
        return any(line.strip() and not line.strip().startswith("#") for line in f)


def articles(directory, bad):
    out = []
    for name in sorted(os.listdir(directory)):
        stem, ext = os.path.splitext(name)
        if ext[1:] not in FORMATS:
            continue
        labels = os.path.join(directory, stem + ".labels")
        if not os.path.exists(labels):
            continue
        if has_labels(labels) == bad:
            out.append(os.path.join(directory, name))
    return out


class Tally:
    def __init__(self):
        self.articles = Counter()       # format -> articles
        self.sentence = Counter()       # format -> sentence findings
        self.claims = Counter()         # format -> claim findings
        self.rules = Counter()          # rule -> sentence findings
        self.flagged = Counter()        # format -> articles with a sentence finding

    def add(self, other):
        for field in ("articles", "sentence", "claims", "rules", "flagged"):
            getattr(self, field).update(getattr(other, field))

    def print(self, name):
        n = sum(self.articles.values())
        s = sum(self.sentence.values())
        c = sum(self.claims.values())
        print("%s: %d articles, %d sentence findings (%.2f per article), %d claim findings" % (name, n, s, s / n if n else 0.0, c))
        for fmt in FORMATS:
            if self.articles[fmt]:
                a = self.articles[fmt]
                print("  %-4s %3d articles  sentence %3d (%.2f per article, %d articles with any)  claims %3d" % (
                    fmt, a, self.sentence[fmt], self.sentence[fmt] / a, self.flagged[fmt], self.claims[fmt]))
        if self.rules:
            print("  by rule: " + ", ".join("%s %d" % (r.replace("sentence.", ""), k) for r, k in self.rules.most_common()))


def score_set(binary, directory, bad, verbose):
    files = articles(directory, bad)
    results = cs.lint_files(binary, files) if files else {}
    tally = Tally()
    for path in files:
        fmt = os.path.splitext(path)[1][1:]
        findings = results.get(os.path.normpath(path), [])
        sentence = [f for f in findings if f["rule"].startswith("sentence.")]
        claims = [f for f in findings if f["rule"].startswith("claims.") and f["rule"] != "claims.audit"]
        tally.articles[fmt] += 1
        tally.sentence[fmt] += len(sentence)
        tally.claims[fmt] += len(claims)
        tally.flagged[fmt] += 1 if sentence else 0
        tally.rules.update(f["rule"] for f in sentence)
        if verbose:
            for f in sentence:
                print("  %s:%d:%d %s %s" % (path, f["line"], f["column"], f["rule"], f["message"]))
    return tally


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=".build/release/claimlint")
    ap.add_argument("--dir", default="Fixtures/claims")
    ap.add_argument("--sets", default="", help="comma-separated sets: tuning, heldout, heldout2 ... (default: all present)")
    ap.add_argument("--verbose", action="store_true", help="list every sentence finding")
    ap.add_argument("--bad", action="store_true", help="score the labelled (non-careful) articles instead")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        raise SystemExit("no binary at %s: run `swift build -c release --product claimlint` or pass --bin" % args.bin)
    sets = ["tuning"] + sorted(n for n in os.listdir(args.dir) if n.startswith("heldout") and os.path.isdir(os.path.join(args.dir, n)))
    if args.sets:
        wanted = args.sets.split(",")
        unknown = [s for s in wanted if s not in sets]
        if unknown:
            raise SystemExit("unknown set(s): %s (present: %s)" % (", ".join(unknown), ", ".join(sets)))
        sets = [s for s in sets if s in wanted]
    total = Tally()
    for name in sets:
        directory = args.dir if name == "tuning" else os.path.join(args.dir, name)
        tally = score_set(args.bin, directory, args.bad, args.verbose)
        tally.print(name)
        total.add(tally)
    print()
    total.print("TOTAL (%s articles)" % ("labelled, non-careful" if args.bad else "careful"))


if __name__ == "__main__":
    main()

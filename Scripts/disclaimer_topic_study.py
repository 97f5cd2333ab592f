#!/usr/bin/env python3
"""A study, not part of the linter: could a page-topic model tell the needs model what it misses?

    python3 Scripts/disclaimer_topic_study.py [--bin .build/release/claimlint] [--ids 1321-1512]
                                              [--keep-stopwords] [--lam 1.0]

Every labelled disclaimer document has a `topic` column (health, beauty, supplement, nonhealth),
and in all of them a page needs a disclaimer exactly when its topic is not nonhealth (a second,
independent labeller agreed on every page: Scripts/label_agreement.py). This trains a bag-of-words
logistic model (numpy, L2, presence of each lower-case word of three or more letters seen on at
least three dev pages and on at most 60% of them; English function words left out unless
--keep-stopwords) on the dev documents' topic, and reports on the held-out documents (never trained
on): topic accuracy, the non-health pages it calls health, and, for the held-out pages in --ids that
are labelled as needing a disclaimer but draw no disclaimer or balance finding at all from the
checker (it saw no need), the model's probability that the page is a health page.

Text is read roughly (tags stripped), not through claimlint's front ends: fine for a study, not for
a shipped feature, which would read the checker's own tokens.
"""
import argparse
import collections
import html
import os
import re
import sys

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_disclaimer as sd  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIX = os.path.join(ROOT, "Fixtures/disclaimer")
TAG = re.compile(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", re.S | re.I)
WORD = re.compile(r"[a-z]{3,}")
STOP = set("""about above after again against all and any are because been before being below between
both but can could did does doing down during each few for from further had has have having her here
hers herself him himself his how into its itself just more most myself nor not now off once only other
our ours ourselves out over own same she should some such than that the their theirs them themselves
then there these they this those through too under until very was were what when where which while
who whom why will with would you your yours yourself yourselves also many use take new year open
bring run one two three""".split())


def page_words(path):
    with open(os.path.join(FIX, path), encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(".html"):
        text = html.unescape(TAG.sub(" ", text))
    return set(WORD.findall(text.lower()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/claimlint"))
    ap.add_argument("--ids", default="1321-1512", help="held-out id range whose no-need misses to list")
    ap.add_argument("--keep-stopwords", action="store_true")
    ap.add_argument("--lam", type=float, default=1.0)
    args = ap.parse_args()
    rows = sd.load_labels(os.path.join(FIX, "labels.tsv"))
    docs = [(r, page_words(r["path"])) for r in rows]
    dev = [d for d in docs if d[0]["split"] == "dev"]
    held = [d for d in docs if d[0]["split"] == "heldout"]
    df = collections.Counter(w for _, ws in dev for w in ws)
    vocab = sorted(w for w, c in df.items() if 3 <= c <= 0.6 * len(dev) and (args.keep_stopwords or w not in STOP))
    index = {w: i for i, w in enumerate(vocab)}

    def matrix(ds):
        m = np.zeros((len(ds), len(vocab) + 1))
        m[:, -1] = 1.0
        for i, (_, ws) in enumerate(ds):
            for w in ws:
                if w in index:
                    m[i, index[w]] = 1.0
        return m

    def target(ds):
        return np.array([0.0 if r["topic"] == "nonhealth" else 1.0 for r, _ in ds])

    x, y = matrix(dev), target(dev)
    # Newton steps (deterministic). More words than pages, so each step solves in page space
    # (Woodbury): (lam I + X'SX)^-1 g = (g - X'(lam S^-1 + XX')^-1 X g) / lam. The bias is
    # regularised like the words (negligible at lam = 1 for a study).
    w = np.zeros(x.shape[1])
    gram = x @ x.T
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + args.lam * w
        s = np.maximum(p * (1 - p), 1e-6)
        inner = np.linalg.solve(args.lam * np.diag(1.0 / s) + gram, x @ grad)
        w -= (grad - x.T @ inner) / args.lam
    xh, yh = matrix(held), target(held)
    ph = 1.0 / (1.0 + np.exp(-(xh @ w)))
    right = int(((ph > 0.5) == (yh > 0.5)).sum())
    print(f"vocabulary {len(vocab)} words; trained on {len(dev)} dev pages")
    print(f"held-out topic accuracy: {right}/{len(held)} = {right / len(held):.3f}")
    for (r, _), q, t in zip(held, ph, yh):
        if (q > 0.5) != (t > 0.5):
            print(f"  wrong: {r['path']} ({r['topic']}) p(health) {q:.2f}")
    lo, hi = (int(v) for v in args.ids.split("-"))
    chosen = [(r, q) for (r, _), q in zip(held, ph) if lo <= int(r["path"].split("/h")[1].split("-")[0]) <= hi]
    if not os.path.exists(args.bin):
        sys.exit(f"no binary at {args.bin}: build it (swift build -c release) to list the no-need misses")
    report, _ = sd.run_claimlint(args.bin, [r["path"] for r, _ in chosen], FIX)
    flagged = {os.path.basename(f["path"]) for f in report["files"]
               if any(x["category"] in ("disclaimer", "balance") for x in f["findings"])}
    unseen = [(r, q) for r, q in chosen if r["needs"] == "yes" and os.path.basename(r["path"]) not in flagged]
    print(f"held-out pages h{lo}-h{hi} labelled as needing a disclaimer on which the checker draws no disclaimer or balance finding: {len(unseen)}")
    for r, q in unseen:
        print(f"  {r['path']} (label {r['expected']}) p(health) {q:.2f}")


if __name__ == "__main__":
    main()

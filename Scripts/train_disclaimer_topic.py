#!/usr/bin/env python3
"""Trains the disclaimer checker's page-topic model (Rules/disclaimer-topic.yml) on the dev
documents' topic, cross-validates it by writer batch, and simulates the disclaimer verdict.

    python3 Scripts/train_disclaimer_topic.py [--bin .build/release/claimlint] [--cv]
                                              [--write Rules/disclaimer-topic.yml] [--dump FILE]
                                              [--top-k 1000] [--lam 1.0] [--veto-study BIN]
                                              [--retrain-study BIN [--shipped-pack PATH]]

Features come from the binary: every dev document is linted once with `disclaimer.audit` on, and
the audit finding's `details` give the page's feature words as the checker reads them
(PageTopicModel.swift: the linted text less the disclaimer sentences, lower-cased runs of 3+
letters, a plural "s" dropped) and the checker's own per-page outputs: the rules' need
(`rules_need`), the guard's inputs (`evidence`: distinct body-specific health words and body
triggers; `genre`: a review of a creative work or software docs) and the verdict the page would get
if it needed a disclaimer (`if_needed`: the disclaimers found and where). Training and inference
therefore read the same words, and the verdict is simulated from the binary's outputs:

    needs = rules_need or (p(health) >= t and evidence >= N and not genre)
    verdict = if_needed if needs else ok

Model: L2 logistic regression (numpy, Newton steps, no randomness) on word presence; the
vocabulary is the words seen on at least 3 training pages and on at most 60% of them, English
function words left out; then the top-K weights by magnitude are kept and the model is refitted on
those K words (the pack holds them).

--cv: the pre-registered protocol (docs/disclaimer.md, "Round 15"). Dev documents are grouped in
writer batches (ids from d977 on in blocks of 24, d977-d1000 being batch 51; earlier ids in
contiguous blocks of 24 ids, d1-d24, d25-d48, ...); the batches, in id order, are dealt round-robin
into 10 outer folds. Per outer fold, t and N are chosen on the other nine folds only, from their
own inner cross-validation (5 inner folds of whole batches): the (t, N) with the fewest inner
verdict errors among those that flag no inner non-health page (ties: the higher t, then the higher
N); the model trained on the nine folds is then applied to the held fold. Prints out-of-fold
verdict errors before (rules only) and after, on all dev and on d1172-d1363, and the non-health
pages flagged.

--write PATH: the pack trained on all dev pages, with t and N chosen on the 10-fold out-of-fold
probabilities of all dev by the same rule.

--veto-study BIN: round 20's pre-registered study: BIN (a69a225's build, say) lints the dev pages with the
audit on, and each page's verdict is simulated with a veto v (a need the rules open closed when p(health)
< v; a vetoed page draws no balance finding) for v in 0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, on d1466-d1801
(unseen by a69a225 and its pack) and on all dev.

--retrain-study BIN: round 25's pre-registered study: BIN (4f0a0ac's build) lints the dev pages with the
audit on, and each page's verdict is simulated under BIN's rules with the shipped pack and with the --cv
protocol's out-of-fold probabilities (the pack's veto kept for both), on d1922-d2281 (unseen by BIN's rules
and by the shipped pack) and on all dev. --shipped-pack PATH is the pack BIN was built with; since round 26
retrained Rules/disclaimer-topic.yml, pass 4f0a0ac's (`git show 4f0a0ac:Rules/disclaimer-topic.yml > PATH`).

--dump FILE: the feature words and p(health) of one file under the pack in the binary (the
feature-parity pin of DisclaimerTopicModelTests is copied from this).
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "Fixtures/disclaimer")
AUDIT_CONFIG = "rules:\n  disclaimer.audit: on\n"
STOP = set("""about above after again against all and any are because been before being below between
both but can could did does doing down during each few for from further had has have having her here
hers herself him himself his how into its itself just more most myself nor not now off once only other
our ours ourselves out over own same she should some such than that the their theirs them themselves
then there these they this those through too under until very was were what when where which while
who whom why will with would you your yours yourself yourselves also many use take new year open
bring run one two three""".split())
# The plural rule of PageTopicModel.wordRuns turns some function words into stems ("does" -> "doe").
STOP |= {w[:-1] for w in STOP if len(w) >= 4 and w.endswith("s") and w[-2] not in "sui"}
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]
MIN_EVIDENCE = [0, 1, 2, 3, 4, 5]
OUTER_FOLDS, INNER_FOLDS = 10, 5
RECENT = (1172, 1363)  # session 9's blind batches 59-66, moved to dev for this round


def doc_id(path):
    return int(os.path.basename(path)[1:].split("-")[0])


def batch_of(i):
    """Writer batch of a dev id: blocks of 24 from d1922 (the blind batches moved in session 13, each
    moved whole), blocks of 24 from d977 (batch 51 on), earlier ids in blocks of 24."""
    if i >= WHOLE_BATCHES_FROM:
        return 1000 + (i - WHOLE_BATCHES_FROM) // 24
    return 51 + (i - 977) // 24 if i >= 977 else (i - 1) // 24 - 100


def dev_rows():
    with open(os.path.join(FIX, "labels.tsv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == "dev"]
    return sorted(rows, key=lambda r: doc_id(r["path"]))


def lint(binary, paths):
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "claimlint.yml")
        with open(cfg, "w") as f:
            f.write(AUDIT_CONFIG)
        proc = subprocess.run([binary, "lint", "--format", "json", "--fail-on", "never", "--config", cfg] + paths,
                              cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit("claimlint failed (exit %d): %s" % (proc.returncode, proc.stderr.strip()))
    return {os.path.normpath(f["path"]): f["findings"] for f in json.loads(proc.stdout)["files"]}


def collect(binary):
    """One record per dev page: label, batch, the audit's words and per-page outputs, the real verdict."""
    rows = dev_rows()
    paths = [os.path.relpath(os.path.join(FIX, r["path"]), ROOT) for r in rows]
    results = lint(binary, paths)
    pages = []
    for r, p in zip(rows, paths):
        findings = results.get(os.path.normpath(p), [])
        audits = [f for f in findings if f["rule"] == "disclaimer.audit"]
        d = audits[0]["details"] if audits else {"words": "", "rules_need": "no", "evidence": "0", "genre": "no", "not_a_body_care": "no", "only_weak": "no",
                                                  "if_needed": "ok", "exempt": "no", "topic_p": "none"}
        rules = {f["rule"] for f in findings}
        real = "missing" if "disclaimer.missing" in rules else "weak" if "disclaimer.weak" in rules else "ok"
        pages.append({
            "path": r["path"], "id": doc_id(r["path"]), "batch": batch_of(doc_id(r["path"])),
            "health": 0.0 if r["topic"] == "nonhealth" else 1.0, "topic": r["topic"], "expected": r["expected"],
            "needs": r["needs"] == "yes",
            "words": set(d["words"].split()), "rules_need": d["rules_need"] == "yes", "evidence": int(d["evidence"]),
            "genre": d["genre"] == "yes", "not_a_body_care": d.get("not_a_body_care") == "yes",
            "only_weak": d.get("only_weak") == "yes", "if_needed": d["if_needed"], "topic_p": d["topic_p"], "real": real,
            "balance_nonhealth": r["topic"] == "nonhealth" and any(f["category"] == "balance" for f in findings),
        })
    return pages


def fit(pages, lam, top_k):
    """The model of `pages`: {"bias", "weights": {word: w}}. Full vocabulary first, then refitted
    on the top-K words by |weight|."""
    n = len(pages)
    df = {}
    for p in pages:
        for w in p["words"]:
            df[w] = df.get(w, 0) + 1
    vocab = sorted(w for w, c in df.items() if 3 <= c <= 0.6 * n and w not in STOP)
    y = np.array([p["health"] for p in pages])
    w, b = newton(matrix(pages, vocab), y, lam)
    if top_k and len(vocab) > top_k:
        order = sorted(range(len(vocab)), key=lambda k: (-abs(w[k]), vocab[k]))[:top_k]
        vocab = sorted(vocab[k] for k in order)
        w, b = newton(matrix(pages, vocab), y, lam)
    return {"bias": float(b), "weights": {v: float(x) for v, x in zip(vocab, w)}}


def matrix(pages, vocab):
    index = {v: k for k, v in enumerate(vocab)}
    x = np.zeros((len(pages), len(vocab)))
    for i, p in enumerate(pages):
        for v in p["words"]:
            k = index.get(v)
            if k is not None:
                x[i, k] = 1.0
    return x


# The intercept column's value: its weight is penalised as lam / BIAS_SCALE^2, next to nothing.
BIAS_SCALE = 10.0


def newton(x, y, lam, steps=30):
    """L2 logistic regression by Newton steps in page space (Woodbury: more words than pages):
    (lam I + X'SX)^-1 g = (g - X'(lam S^-1 + XX')^-1 X g) / lam. Deterministic."""
    x = np.hstack([x, np.full((x.shape[0], 1), BIAS_SCALE)])
    w = np.zeros(x.shape[1])
    gram = x @ x.T
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + lam * w
        s = np.maximum(p * (1 - p), 1e-9)
        inner = np.linalg.solve(lam * np.diag(1.0 / s) + gram, x @ grad)
        step = (grad - x.T @ inner) / lam
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w[:-1], w[-1] * BIAS_SCALE


def probability(model, words):
    z = model["bias"] + sum(model["weights"].get(w, 0.0) for w in words)
    return 1.0 / (1.0 + np.exp(-z))


def simulate(page, p, t, n, veto=0.0):
    """The verdict of `page` with topic probability p under threshold t and guard N; with a veto v
    (round 20) a need the rules open is closed when p < v."""
    # The checker never tries the opening on a page caring for an animal, plant or material (round 16),
    # unless its only disclaimers are weak; then the model's even odds open it (round 21).
    weak = page["only_weak"]
    opens = (p is not None and p >= (min(t, WEAK_DISCLAIMER_THRESHOLD) if weak else t) and page["evidence"] >= n
             and not page["genre"] and (weak or not page["not_a_body_care"]))
    needs = (page["rules_need"] and not vetoed(page, p, veto)) or opens
    return page["if_needed"] if needs else "ok"


def vetoed(page, p, veto):
    """Round 20: the rules' need is closed by the topic model (p(health) < v)."""
    return page["rules_need"] and p is not None and p < veto


# DisclaimerChecker.weakDisclaimerThreshold (round 21).
WEAK_DISCLAIMER_THRESHOLD = 0.5

VETOES = [0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1]
UNSEEN = (1466, 1801)  # batches 82-95: written after session 10's code (a69a225) and its pack
# Round 25: batches 101-105 and 112-121, held out at session 12's end (4f0a0ac) and moved to dev in session 13:
# unseen by 4f0a0ac's rules and by the shipped pack (trained in round 15 on d1-d1367).
RETRAIN_UNSEEN = (1922, 2281)
# From d1922 on every blind batch moved to dev whole, in blocks of 24 (batch_of).
WHOLE_BATCHES_FROM = 1922


def veto_study(pages):
    """The pre-registered round-20 study (docs/disclaimer.md): the binary's rules and pack, each page's
    verdict simulated with a veto v for every v of the grid, on d1466-d1801 and on all dev."""
    t, n = pack_settings(PACK)
    prob = [None if p["topic_p"] == "none" else float(p["topic_p"]) for p in pages]

    def flagged(page, q, v):
        return page["health"] == 0 and (simulate(page, q, t, n, v) != "ok" or (page["balance_nonhealth"] and not vetoed(page, q, v)))

    for name, ids in (("d%d-d%d" % UNSEEN, UNSEEN), ("all dev", None)):
        s = [(p, q) for p, q in zip(pages, prob) if ids is None or ids[0] <= p["id"] <= ids[1]]
        base = {p["path"]: simulate(p, q, t, n, 0) for p, q in s}
        base_flag = {p["path"] for p, q in s if flagged(p, q, 0)}
        print("%s (%d pages, %d non-health; pack t=%.2f N=%d)" % (name, len(s), sum(p["health"] == 0 for p, _ in s), t, n))
        print("  %-5s %6s %14s %14s %18s %16s" % ("v", "errors", "non-health fl.", "needs closed", "needs=yes lost", "non-health fixed"))
        for v in VETOES:
            errors = sum(simulate(p, q, t, n, v) != p["expected"] for p, q in s)
            fl = {p["path"] for p, q in s if flagged(p, q, v)}
            closed = [p for p, q in s if p["needs"] and vetoed(p, q, v)]
            lost = [p for p, q in s if p["needs"] and p["expected"] != "ok" and simulate(p, q, t, n, v) == "ok"
                    and base[p["path"]] != "ok"]
            print("  %-5.2f %6d %14d %14d %18d %16d" % (v, errors, len(fl), len(closed), len(lost), len(base_flag - fl)))
            for p in lost:
                print("        lost %s (p %s)" % (p["path"], p["topic_p"]))
            if v == VETOES[-1]:
                for p, q in s:
                    if vetoed(p, q, v):
                        print("        vetoed at %.2f: %s (%s, needs %s, expected %s, p %s)" % (v, p["path"], p["topic"], "yes" if p["needs"] else "no", p["expected"], p["topic_p"]))


def pack_model(path):
    """The model of a pack file: {"bias", "weights"}, as the checker reads it."""
    import re
    with open(path, encoding="utf-8") as f:
        text = f.read()
    bias = float(re.search(r'"bias (-?[0-9.]+)"', text).group(1))
    body = text.split("disclaimer.topic.weights:", 1)[1]
    weights = {w: float(x) for w, x in re.findall(r'"([a-z]+) (-?[0-9.]+)"', body)}
    return {"bias": bias, "weights": weights}


def retrain_study(pages, lam, top_k, shipped_pack):
    """The pre-registered round-25 study (docs/disclaimer.md): under the rules of the binary that
    linted `pages` (4f0a0ac's build, whose rules never saw d1922-d2281), each page's verdict is
    simulated with the shipped pack (its t, N and veto) and with the retrain protocol's out-of-fold
    probabilities (round 15's --cv: t and N chosen per outer fold on inner folds) and the same veto.
    `shipped_pack`: the pack BIN was built with (round 15's, before round 26 retrained it)."""
    t0, n0, veto = pack_settings(shipped_pack, with_veto=True)
    shipped = pack_model(shipped_pack)
    ship_p = [probability(shipped, p["words"]) for p in pages]
    read = [(p, q) for p, q in zip(pages, ship_p) if p["topic_p"] != "none"]
    print("shipped pack t=%.2f N=%d veto %.2f, %d words; its probability as read here equals the binary's topic_p "
          "(within 0.001) on %d of the %d pages where the binary read it"
          % (t0, n0, veto, len(shipped["weights"]), sum(abs(q - float(p["topic_p"])) < 1e-3 for p, q in read), len(read)))
    oof, _ = cross_validate(pages, lam, top_k)

    def verdicts(kind, i, p):
        if kind == "shipped":
            return simulate(p, ship_p[i], t0, n0, veto), vetoed(p, ship_p[i], veto)
        if p.get("_choice") is None:
            return simulate(p, None, 1.0, 0), False
        return simulate(p, oof[i], *p["_choice"], veto), vetoed(p, oof[i], veto)

    for name, ids in (("d%d-d%d" % RETRAIN_UNSEEN, RETRAIN_UNSEEN), ("all dev", None)):
        idx = [i for i, p in enumerate(pages) if ids is None or ids[0] <= p["id"] <= ids[1]]
        nh = sum(pages[i]["health"] == 0 for i in idx)
        for kind in ("shipped", "retrained"):
            errors, flagged = 0, []
            for i in idx:
                p = pages[i]
                v, closed = verdicts(kind, i, p)
                errors += v != p["expected"]
                if p["health"] == 0 and (v != "ok" or (p["balance_nonhealth"] and not closed)):
                    flagged.append(p["path"])
            print("%s, %s: verdict errors %d of %d; non-health pages flagged %d of %d"
                  % (name, "shipped pack" if kind == "shipped" else "retrained (out of fold)", errors, len(idx), len(flagged), nh))
        for i in idx:
            p = pages[i]
            a, b = verdicts("shipped", i, p)[0], verdicts("retrained", i, p)[0]
            if a != b:
                print("  %s %s: %s -> %s (label %s, topic %s, p %.2f -> %.2f)" % ("FIXED" if b == p["expected"] else "BROKE" if a == p["expected"] else "CHANGED",
                      p["path"], a, b, p["expected"], p["topic"], ship_p[i], oof[i] if oof[i] is not None else -1))


def tally(pages, probs, t, n):
    """(verdict errors, non-health pages flagged by the disclaimer or balance checkers)."""
    errors = flagged = 0
    for page, p in zip(pages, probs):
        v = simulate(page, p, t, n)
        errors += v != page["expected"]
        flagged += page["health"] == 0 and (v != "ok" or page["balance_nonhealth"])
    return errors, flagged


def choose(pages, probs):
    """The pre-registered rule: fewest verdict errors among the (t, N) that flag no more non-health
    pages than the rules alone; ties: the higher t, then the higher N. None: no such (t, N)."""
    _, base_flagged = tally(pages, [None] * len(pages), 1.0, 0)
    best = None
    for t in THRESHOLDS:
        for n in MIN_EVIDENCE:
            errors, flagged = tally(pages, probs, t, n)
            if flagged > base_flagged:
                continue
            key = (errors, -t, -n)
            if best is None or key < best[0]:
                best = (key, t, n)
    return (best[1], best[2]) if best else None


def folds_of(pages, k, salt=0):
    """Whole batches dealt round-robin (in id order) into k folds."""
    batches = sorted({p["batch"] for p in pages})
    fold = {b: (i // (salt or 1)) % k if salt else i % k for i, b in enumerate(batches)}
    return [fold[p["batch"]] for p in pages]


def out_of_fold(pages, k, lam, top_k, salt=0):
    fold = folds_of(pages, k, salt)
    probs = [None] * len(pages)
    for f in range(k):
        train = [p for p, g in zip(pages, fold) if g != f]
        model = fit(train, lam, top_k)
        for i, p in enumerate(pages):
            if fold[i] == f:
                probs[i] = probability(model, p["words"])
    return probs


def cross_validate(pages, lam, top_k):
    fold = folds_of(pages, OUTER_FOLDS)
    probs = [None] * len(pages)
    chosen = {}
    for f in range(OUTER_FOLDS):
        train = [p for p, g in zip(pages, fold) if g != f]
        # Inner folds: whole batches again, dealt in runs so they do not repeat the outer deal.
        inner = out_of_fold(train, INNER_FOLDS, lam, top_k, salt=2)
        choice = choose(train, inner)
        model = fit(train, lam, top_k)
        chosen[f] = choice
        for i, p in enumerate(pages):
            if fold[i] == f:
                q = probability(model, p["words"])
                probs[i] = q if choice else None
                p["_choice"] = choice
        print("  fold %d: %d training pages, chosen %s" % (f, len(train), "t=%.2f N=%d" % choice if choice else "none (model off)"), flush=True)
    return probs, chosen


def report(pages, probs, label):
    def sub(ids):
        return [(p, q) for p, q in zip(pages, probs) if ids is None or ids[0] <= p["id"] <= ids[1]]
    for name, ids in (("all dev", None), ("d%d-d%d" % RECENT, RECENT)):
        s = sub(ids)
        before = [simulate(p, None, 1.0, 0) for p, _ in s]
        after = [simulate(p, q, *p["_choice"]) if p.get("_choice") else simulate(p, None, 1.0, 0) for p, q in s]
        eb = sum(v != p["expected"] for v, (p, _) in zip(before, s))
        ea = sum(v != p["expected"] for v, (p, _) in zip(after, s))
        nh = [p for p, _ in s if p["health"] == 0]
        fb = sum(1 for v, (p, _) in zip(before, s) if p["health"] == 0 and (v != "ok" or p["balance_nonhealth"]))
        fa = sum(1 for v, (p, _) in zip(after, s) if p["health"] == 0 and (v != "ok" or p["balance_nonhealth"]))
        print("%s %s: verdict errors %d -> %d of %d; non-health pages flagged %d -> %d of %d" % (label, name, eb, ea, len(s), fb, fa, len(nh)))
    changed = [(p, q) for p, q in zip(pages, probs) if p.get("_choice") and simulate(p, q, *p["_choice"]) != simulate(p, None, 1.0, 0)]
    for p, q in changed:
        v = simulate(p, q, *p["_choice"])
        print("  %s %s: %s -> %s (label %s, p %.2f, evidence %d)" % ("FIXED" if v == p["expected"] else "BROKE", p["path"],
              simulate(p, None, 1.0, 0), v, p["expected"], q, p["evidence"]))


PACK = os.path.join(ROOT, "Rules/disclaimer-topic.yml")


def pack_settings(path, with_veto=False):
    """(threshold, min-evidence) of a pack; (2.0, 0), the model never opening, without one.
    with_veto: (threshold, min-evidence, veto), the veto 0 when the pack sets none (round 20)."""
    if not os.path.exists(path):
        return (2.0, 0, 0.0) if with_veto else (2.0, 0)
    import re
    with open(path, encoding="utf-8") as f:
        text = f.read()
    t = re.search(r'"threshold ([0-9.]+)"', text)
    n = re.search(r'"min-evidence ([0-9]+)"', text)
    if with_veto:
        v = re.search(r'"veto ([0-9.]+)"', text)
        return float(t.group(1)), int(n.group(1)), float(v.group(1)) if v else 0.0
    return float(t.group(1)), int(n.group(1))


def write_pack(path, model, t, n, pages):
    entries = sorted(model["weights"].items())
    # The veto (round 20) is chosen by its own study (--veto-study), not here: a retrain keeps it.
    veto = pack_settings(path, with_veto=True)[2] if os.path.exists(path) else 0.0
    veto_entry = ", \"veto %.2f\"" % veto if veto > 0 else ""
    lines = [
        "# The disclaimer checker's page-topic model (round 15, issue 5). Generated by",
        "# `python3 Scripts/train_disclaimer_topic.py --write Rules/disclaimer-topic.yml`; do not edit by hand.",
        "# p(health) = 1 / (1 + exp(-(bias + sum of the weights of the page's distinct words))); the page",
        "# needs a disclaimer when p >= threshold and it has min-evidence body words (PageTopicModel.swift).",
        "pack: disclaimer-topic",
        "description: >-",
        "  Bag-of-words logistic model (L2, numpy) of a page's topic, trained on the topic column of %d dev" % len(pages),
        "  documents of Fixtures/disclaimer (health, beauty, supplement against non-health).",
        "lexicons:",
        "  disclaimer.topic.settings:",
        "    source: \"own: Scripts/train_disclaimer_topic.py on Fixtures/disclaimer dev\"",
        "    entries: [\"threshold %.2f\", \"bias %.4f\", \"min-evidence %d\"%s]" % (t, model["bias"], n, veto_entry),
        "  disclaimer.topic.weights:",
        "    source: \"own: Scripts/train_disclaimer_topic.py on Fixtures/disclaimer dev (word weight)\"",
        "    entries: [",
    ]
    row = "     "
    for w, x in entries:
        item = " \"%s %.4f\"," % (w, x)
        if len(row) + len(item) > 100:
            lines.append(row)
            row = "     "
        row += item
    lines.append(row.rstrip(","))
    lines.append("    ]")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d words, %d bytes)" % (path, len(entries), os.path.getsize(path)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/claimlint"))
    ap.add_argument("--lam", type=float, default=1.0)
    ap.add_argument("--top-k", type=int, default=1000)
    ap.add_argument("--cv", action="store_true", help="the pre-registered cross-validation by writer batch")
    ap.add_argument("--write", default="", help="write the pack trained on all dev pages to this path")
    ap.add_argument("--veto-study", default="", metavar="BIN",
                    help="round 20: simulate a veto v on the rules' need with BIN's rules and pack (d1466-d1801, all dev)")
    ap.add_argument("--retrain-study", default="", metavar="BIN",
                    help="round 25: BIN's rules with the shipped pack against the retrain's out-of-fold probabilities (d1922-d2281, all dev)")
    ap.add_argument("--shipped-pack", default=PACK, metavar="PATH",
                    help="--retrain-study: the pack BIN was built with (round 25 ran before the retrain, with the pack then in "
                         "Rules/; since round 26 give 4f0a0ac's: git show 4f0a0ac:Rules/disclaimer-topic.yml > PATH)")
    ap.add_argument("--dump", default="", help="print one file's feature words and p(health) from the binary")
    args = ap.parse_args()
    if args.dump:
        d = [f for f in lint(args.bin, [args.dump]).get(os.path.normpath(args.dump), []) if f["rule"] == "disclaimer.audit"]
        print(json.dumps(d[0]["details"] if d else {}, indent=1, sort_keys=True))
        return
    if args.retrain_study:
        pages = collect(args.retrain_study)
        print("%d dev pages under %s" % (len(pages), args.retrain_study))
        retrain_study(pages, args.lam, args.top_k, args.shipped_pack)
        return
    if args.veto_study:
        pages = collect(args.veto_study)
        print("%d dev pages under %s" % (len(pages), args.veto_study))
        veto_study(pages)
        return
    pages = collect(args.bin)
    # The simulation is the checker: under the pack in the binary it must give the binary's verdicts.
    t, n, veto = pack_settings(PACK, with_veto=True)
    same = sum(1 for p in pages if p["real"] == simulate(p, None if p["topic_p"] == "none" else float(p["topic_p"]), t, n, veto))
    print("%d dev pages, %d writer batches; the simulated verdict under the binary's pack (t=%.2f N=%d veto %.2f) equals the binary's own on %d"
          % (len(pages), len({p["batch"] for p in pages}), t, n, veto, same))
    print("rules alone: %d verdict errors, %d non-health pages flagged; the binary: %d verdict errors"
          % (*tally(pages, [None] * len(pages), 1.0, 0), sum(p["real"] != p["expected"] for p in pages)))
    if args.cv:
        probs, _ = cross_validate(pages, args.lam, args.top_k)
        report(pages, probs, "out-of-fold")
    if args.write:
        oof = out_of_fold(pages, OUTER_FOLDS, args.lam, args.top_k)
        choice = choose(pages, oof)
        model = fit(pages, args.lam, args.top_k)
        if choice is None:
            sys.exit("no threshold keeps the non-health pages unflagged: pack not written")
        t, n = choice
        print("chosen on 10-fold out-of-fold probabilities of all dev: t=%.2f N=%d" % (t, n))
        write_pack(args.write, model, t, n, pages)


if __name__ == "__main__":
    main()

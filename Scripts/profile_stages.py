#!/usr/bin/env python3
"""Where a one-core claimlint run spends its time, per pipeline stage (issue 7).

Samples the binary with `perf record -g` (frame pointers; Swift keeps them on x86-64) pinned to one
core, then counts over `perf script` how many samples have each stage's functions on their stack
(inclusive shares: a sample in a phrase trie called by the claims checker counts for both), and the
leaf shares of the allocator and of reference counting. These are the "profile shares" quoted in
docs/performance.md; sample shares hold up on a loaded host where wall-clock times do not.

Usage: python3 Scripts/profile_stages.py [--bin .build/release/claimlint] [--freq 2000]
                                         [--top 15] [CORPUS ...]
CORPUS defaults to .bench/corpus-1x/html (make it with `python3 Scripts/bench.py --runs 1 --skip-4x`).
Needs `perf` (Debian package linux-perf) and permission to sample (perf_event_paranoid <= 2).
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile

# Stage name -> owner types of Swift functions (the type a method or its closure belongs to, read from
# the mangled name: "$s13ClaimlintCore10PhraseTrieV4scan..." belongs to PhraseTrie, whatever types its
# signature or generic specialisation names) or, for C functions, name prefixes ("htmlParse").
STAGES = [
    ("front end: HTML (libxml2 and walker)", ["HTMLFrontEnd", "HTMLWalker", "HTMLLandmarks", "HTMLMetadata", "htmlParse", "xmlSAX", "html", "xml"]),
    ("front end: Markdown and text", ["MarkdownFrontEnd", "MarkdownSourceAligner", "TextFrontEnd", "cmark_"]),
    ("source map and decoding", ["SourceText", "SourceDecoder", "OffsetMap"]),
    ("segmenter (sentences, tokens)", ["Segmenter"]),
    ("claims checker", ["ClaimsChecker"]),
    ("  sentence analysis", ["SentenceAnalyzer"]),
    ("sentence checker", ["SentenceChecker"]),
    ("  clause analysis", ["ClauseAnalyzer"]),
    ("disclaimer and balance page scan", ["HealthPageAnalyzer"]),
    ("  health profile", ["HealthVocabulary"]),
    ("  page-topic model", ["PageTopicModel"]),
    ("disclaimer checker", ["DisclaimerChecker"]),
    ("balance checker", ["BalanceChecker"]),
    ("boilerplate checker", ["BoilerplateChecker"]),
    ("phrase tries (all callers)", ["PhraseTrie"]),
    ("reporters", ["Reporter", "JSONWriter"]),
]
LEAVES = [
    # glibc's allocator and, since perf16, mimalloc's (every "mi_" / "_mi_" symbol: a name ending in "_" is a prefix).
    ("malloc/free (leaf)", ["malloc", "_int_free", "cfree", "free", "unlink_chunk", "malloc_consolidate", "realloc",
                            "mi_", "_mi_"]),
    ("retain/release (leaf)", ["swift_retain", "swift_release", "swift_bridgeObjectRetain", "swift_bridgeObjectRelease",
                               "doDecrementSlow", "swift_arrayDestroy", "swift_arrayInitWithCopy"]),
]


def owner(symbol):
    """The owning type of a mangled Swift symbol ("$s13ClaimlintCore10PhraseTrieV..." -> PhraseTrie),
    or the plain name of a C symbol."""
    if not symbol.startswith("$s"):
        return symbol
    names, i = [], 2
    while len(names) < 2 and i < len(symbol) and symbol[i].isdigit():
        j = i
        while j < len(symbol) and symbol[j].isdigit():
            j += 1
        n = int(symbol[i:j])
        names.append(symbol[j:j + n])
        i = j + n
    return names[1] if len(names) == 2 else ""


def in_stage(owners, needles):
    return any(o == n or (not n[0].isupper() and o.startswith(n)) for o in owners for n in needles)


def samples(perf_data):
    """Yields each sample's stack as a list of symbol names, leaf first."""
    out = subprocess.run(["perf", "script", "-i", perf_data, "-F", "ip,sym", "--no-demangle"],
                         capture_output=True, text=True, check=True).stdout
    stack = []
    for line in out.split("\n"):
        line = line.strip()
        if not line:
            if stack:
                yield stack
            stack = []
            continue
        parts = line.split(None, 1)
        sym = parts[1] if len(parts) > 1 else "[unknown]"
        stack.append(sym.split("+0x")[0])
    if stack:
        yield stack


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release/claimlint")
    ap.add_argument("--freq", type=int, default=2000)
    ap.add_argument("--top", type=int, default=15, help="self-time symbols to list")
    ap.add_argument("corpus", nargs="*", default=[".bench/corpus-1x/html"])
    args = ap.parse_args()
    for path in [args.bin] + args.corpus:
        if not os.path.exists(path):
            sys.exit(f"profile_stages: {path} not found (build with `swift build -c release --product claimlint`; "
                     "make the corpus with `python3 Scripts/bench.py --runs 1 --skip-4x`)")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        rec = subprocess.run(["perf", "record", "-q", "-F", str(args.freq), "-g", "-o", data, "--",
                              "taskset", "-c", "0", args.bin, "lint", "--fail-on", "never", "--format", "json"] + args.corpus,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if rec.returncode != 0 or not os.path.exists(data):
            sys.exit(f"profile_stages: perf record failed: {rec.stderr.strip()[-400:]}")
        total = 0
        inclusive = collections.Counter()
        leaf = collections.Counter()
        self_time = collections.Counter()
        for stack in samples(data):
            total += 1
            self_time[stack[0]] += 1
            owners = {owner(sym) for sym in stack}
            for name, needles in STAGES:
                if in_stage(owners, needles):
                    inclusive[name] += 1
            for name, symbols in LEAVES:
                if (stack[0] in symbols or any(stack[0].startswith(s) for s in symbols if s.endswith("_"))
                        or any(stack[0].startswith(s) and "Claimlint" not in stack[0] for s in symbols if len(s) > 6)):
                    leaf[name] += 1
    if total == 0:
        sys.exit("profile_stages: no samples (is perf allowed to sample here?)")
    print(f"{total} samples at {args.freq} Hz, one core, {args.bin} on {' '.join(args.corpus)}")
    print(f"{'stage (inclusive)':42} {'share':>7}")
    for name, _ in STAGES:
        print(f"{name:42} {100 * inclusive[name] / total:6.1f}%")
    for name, _ in LEAVES:
        print(f"{name:42} {100 * leaf[name] / total:6.1f}%")
    print(f"\ntop {args.top} functions by self samples:")
    for sym, n in self_time.most_common(args.top):
        print(f"{100 * n / total:6.2f}%  {sym[:110]}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Does any input shape make claimlint superlinear? (issue 7: speed and resilience)

The bench corpus is realistic articles, so a quadratic loop over list items or lines never shows
there; a pull request can still hold a 40,000-line list (one did take 20 s: `listRunEnd` in
ClaimsChecker). This script writes each shape at N and 4N units, times one file of each, and
flags a shape whose time grows more than --max-ratio times (linear is 4x; the default 7x leaves
room for a noisy host and fixed costs, a quadratic loop shows as 10-16x).

    python3 Scripts/scaling.py [--bin .build/release/claimlint] [--n 10000] [--max-ratio 7]

Exit 1 when a shape is flagged. Times are whole-process wall times of one run, best of --runs.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

CLAIM = "Turmeric cures cancer in {i} days."
PLAIN = "Patient {i} slept better after the walk."


def shapes():
    """name -> (extension, function of n returning the file's text[, report format, default json])."""
    return {
        "text: lines of one block": (".txt", lambda n: "\n".join(CLAIM.format(i=i) for i in range(n)) + "\n"),
        "text: paragraphs": (".txt", lambda n: "\n\n".join(CLAIM.format(i=i) for i in range(n)) + "\n"),
        "text: one line": (".txt", lambda n: " ".join(CLAIM.format(i=i) for i in range(n)) + "\n"),
        "text: plain sentences, one line": (".txt", lambda n: " ".join(PLAIN.format(i=i) for i in range(n)) + "\n"),
        "text: cited claims and a reference list": (".txt", lambda n: "\n\n".join(
            CLAIM.format(i=i) + f" [{i + 1}]" for i in range(n)) + "\n\nReferences\n\n" + "\n".join(
            f"{i + 1}. Author A. Trial {i}. J Med. 2020;1:{i}." for i in range(n)) + "\n"),
        "markdown: bullet list": (".md", lambda n: "# Remedies\n\n" + "\n".join("- " + CLAIM.format(i=i) for i in range(n)) + "\n"),
        "markdown: numbered list under a lead-in": (".md", lambda n: "Symptoms to watch for:\n\n" + "\n".join(
            f"{i + 1}. " + CLAIM.format(i=i) for i in range(n)) + "\n"),
        "markdown: headings and paragraphs": (".md", lambda n: "\n\n".join(
            f"## Step {i}\n\n" + CLAIM.format(i=i) for i in range(n)) + "\n"),
        "markdown: table rows": (".md", lambda n: "| a | b |\n|---|---|\n" + "\n".join(
            f"| {i} | " + CLAIM.format(i=i) + " |" for i in range(n)) + "\n"),
        "markdown: links": (".md", lambda n: " ".join(
            f"[Study {i}](https://example.org/{i}) found less pain." for i in range(n)) + "\n"),
        "html: list items": (".html", lambda n: "<article><h1>Remedies</h1><ul>" + "".join(
            "<li>" + CLAIM.format(i=i) + "</li>" for i in range(n)) + "</ul></article>"),
        "html: paragraphs": (".html", lambda n: "<article>" + "".join(
            "<p>" + CLAIM.format(i=i) + "</p>" for i in range(n)) + "</article>"),
        "html: one paragraph of <br> lines": (".html", lambda n: "<article><p>" + "<br>".join(
            CLAIM.format(i=i) for i in range(n)) + "</p></article>"),
        "html: sibling divs with images": (".html", lambda n: "<article>" + "".join(
            f"<div><img src='{i}.jpg' alt='x'><p>Photo: Studio {i}</p></div>" for i in range(n)) + "</article>"),
        "text: a column of lead-in lines (one sentence)": (".txt", lambda n: "Benefits:\n" * n),
        "text: health words with no full stop": (".txt", lambda n: "serum cures acne " * n),
        "html: <br> lines, text report": (".html", lambda n: "<p>" + "Our serum cures acne<br>" * n + "</p>", "text"),
        "html: links": (".html", lambda n: "<article><p>" + " ".join(
            f"<a href='https://example.org/{i}'>Study {i}</a> found less pain." for i in range(n)) + "</p></article>"),
    }


def best_time(binary, path, runs, fmt, config):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run([binary, "lint", "--config", config, "--format", fmt, "--no-color", "--fail-on", "never", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        elapsed = time.perf_counter() - start
        if r.returncode not in (0, 1):
            return None, r.stderr.decode(errors="replace").strip()
        best = elapsed if best is None else min(best, elapsed)
    return best, ""


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(root, ".build", "release", "claimlint"))
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--max-ratio", type=float, default=7.0)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    flagged = []
    with tempfile.TemporaryDirectory(prefix="claimlint-scaling-") as tmp:
        # The block budget (limits.max-blocks, 50,000) would refuse the 4N files of the block-per-unit
        # shapes; this script measures growth, so it lifts the budget. The time limit stays (20 s).
        config = os.path.join(tmp, "scaling.yml")
        with open(config, "w") as f:
            f.write("limits:\n  max-blocks: 100000000\n")
        print(f"{'shape':45} {'N':>6} {'time N':>9} {'time 4N':>9} {'4N/N':>6}")
        for name, shape in shapes().items():
            ext, make, fmt = shape if len(shape) == 3 else (*shape, "json")
            times = []
            for n in (args.n, 4 * args.n):
                path = os.path.join(tmp, f"shape-{n}{ext}")
                with open(path, "w") as f:
                    f.write(make(n))
                t, err = best_time(args.bin, path, args.runs, fmt, config)
                if t is None:
                    print(f"{name:45} {n:>6} error: {err}")
                    flagged.append(name)
                    break
                times.append(t)
            if len(times) < 2:
                continue
            # Below 50 ms the start-up dominates and the ratio says nothing.
            ratio = times[1] / max(times[0], 0.05)
            mark = "  <-- superlinear" if ratio > args.max_ratio else ""
            if mark:
                flagged.append(name)
            print(f"{name:45} {args.n:>6} {times[0]:>8.2f}s {times[1]:>8.2f}s {ratio:>5.1f}x{mark}")
    if flagged:
        print(f"\n{len(flagged)} shape(s) flagged: " + "; ".join(flagged))
        return 1
    print("\nno shape grows faster than about linearly")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared helpers for Scripts/score_claims*.py (Python 3, stdlib only).

Runs the claimlint binary with `--format json` on generated text files (one item per
paragraph, one paragraph per line) and maps findings back to items by line number.
Dataset text is read from ../shared/eval/data at run time and written only to a temporary
directory; nothing is copied into the repository.
"""
import json
import os
import subprocess
import tempfile

AUDIT_CONFIG = "rules:\n  claims.audit: on\n"


def default_bin():
    return os.environ.get("CLAIMLINT_BIN", ".build/debug/claimlint")


def lint_files(binary, files):
    """Findings per file (normalised path) of one `claimlint lint --format json` run over `files`."""
    proc = subprocess.run([binary, "lint", "--format", "json", "--fail-on", "never"] + files, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit("claimlint failed (exit %d): %s" % (proc.returncode, proc.stderr.strip()))
    report = json.loads(proc.stdout)
    return {os.path.normpath(f["path"]): f["findings"] for f in report["files"]}


def as_paragraph(text):
    """One line of text that the text front end reads as a paragraph: whitespace folded and a
    closing period added when the item has no end punctuation (a lone short line without one
    would be read as a heading)."""
    t = " ".join(text.split())
    if t and t[-1] not in ".!?\"')]":
        t += "."
    return t


def run_items(binary, items, audit=True, name="items.txt"):
    """Lints `items` (strings), each as its own paragraph; returns one list of findings per item."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            # Line 2k+1 holds item k; blank lines between keep them separate paragraphs.
            f.write("\n\n".join(as_paragraph(t) for t in items) + "\n")
        args = [binary, "lint", "--format", "json", "--fail-on", "never"]
        if audit:
            cfg = os.path.join(tmp, "claimlint.yml")
            with open(cfg, "w") as f:
                f.write(AUDIT_CONFIG)
            args += ["--config", cfg]
        args.append(path)
        proc = subprocess.run(args, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise SystemExit("claimlint failed (exit %d): %s" % (proc.returncode, proc.stderr.strip()))
        report = json.loads(proc.stdout)
    per_item = [[] for _ in items]
    for fr in report["files"]:
        for finding in fr["findings"]:
            k = (finding["line"] - 1) // 2
            if 0 <= k < len(items):
                per_item[k].append(finding)
    return per_item


def audit_of(findings):
    """The audit details of an item (the strongest level if the item split into sentences)."""
    order = {"none": 0, "correlational": 1, "conditional": 2, "direct": 3}
    best = None
    for f in findings:
        if f["rule"] != "claims.audit":
            continue
        d = f.get("details", {})
        if best is None or order[d.get("level", "none")] > order[best.get("level", "none")]:
            best = d
    return best or {}


def claim_rules(findings):
    return sorted({f["rule"] for f in findings if f["rule"].startswith("claims.") and f["rule"] != "claims.audit"})


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def tuning_log(directory):
    """Set name -> the tuning rounds that used it, from tuning-log.tsv (absent: never tuned on)."""
    path = os.path.join(directory, "tuning-log.tsv")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return {r[0]: r[1] for r in rows[1:] if len(r) >= 2}

#!/usr/bin/env python3
"""Whole-process benchmark of claimlint: `make bench`.

Generates the deterministic corpus (Scripts/gen_corpus.py) under .bench/, builds the release
binary, and measures with hyperfine (median of --runs runs):
  1. claimlint on the HTML corpus vs `xmllint --html --noout` on the same files (parse floor);
  2. claimlint vs proselint on the plain-text corpus. proselint runs at about 0.3 MB/s, so it
     gets a subset of the articles and the comparison is in MB/s; its error cap is lifted;
  3. claimlint pinned to one core (`taskset -c 0`) vs all cores;
  4. the corpus at 1x vs 4x;
  5. peak resident memory (`/usr/bin/time -v`) at 1x and 4x.
Prints a Markdown table and writes bench-out/results.{md,json}. Missing tools (hyperfine,
xmllint, GNU time, proselint) are installed first with apt-get / pip.

    python3 Scripts/bench.py [--runs 5] [--pairs 5] [--articles 2000] [--proselint-articles 40] [--skip-4x]

The parse-floor ratio and the speedup are also measured in interleaved pairs (--pairs), which a
noisy host moves less than the separate hyperfine blocks; both figures are printed.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".bench")
OUT = os.path.join(ROOT, "bench-out")
BIN = os.path.join(ROOT, ".build", "release", "claimlint")


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, **kw)


def ensure_tools():
    apt = []
    if not shutil.which("hyperfine"):
        apt.append("hyperfine")
    if not shutil.which("xmllint"):
        apt.append("libxml2-utils")
    if not os.path.exists("/usr/bin/time"):
        apt.append("time")
    if not shutil.which("taskset"):
        apt.append("util-linux")
    if apt:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        print(f"installing {' '.join(apt)} (apt-get)")
        sh(sudo + ["apt-get", "update", "-qq"])
        sh(sudo + ["apt-get", "install", "-y", "-qq"] + apt, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    if not shutil.which("proselint"):
        print("installing proselint (pip)")
        sh([sys.executable, "-m", "pip", "install", "-q", "proselint"])


def corpus(name, articles, text=True):
    """Generates .bench/NAME once; regenerates when the generator or the size changes."""
    path = os.path.join(BENCH, name)
    gen = os.path.join(ROOT, "Scripts", "gen_corpus.py")
    stamp = os.path.join(path, ".stamp")
    want = f"{articles} {text} {os.path.getmtime(gen)}"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return path
    shutil.rmtree(path, ignore_errors=True)
    sh([sys.executable, gen, "--out", path, "--articles", str(articles)] + ([] if text else ["--no-text"]))
    with open(stamp, "w") as f:
        f.write(want)
    return path


def files(directory):
    return sorted(os.path.join(directory, f) for f in os.listdir(directory) if not f.startswith("."))


def size_mb(paths):
    return sum(os.path.getsize(p) for p in paths) / 1e6


def hyperfine(name, command, runs, warmup=1):
    """Median wall time in seconds of a shell command (stdout and stderr discarded)."""
    os.makedirs(OUT, exist_ok=True)
    export = os.path.join(OUT, f"hf-{name}.json")
    sh(["hyperfine", "--style", "basic", "--runs", str(runs), "--warmup", str(warmup),
        "--export-json", export, command], stdout=subprocess.DEVNULL)
    result = json.load(open(export))["results"][0]
    return statistics.median(result["times"]), result["times"]


def paired_ratio(command_a, command_b, pairs):
    """Median over `pairs` interleaved runs of time(a) / time(b), with the pair order alternating.

    The hyperfine rows time each command in its own block of runs, so a neighbour's load that
    comes or goes between the blocks moves the ratio (the same binary read 3.59x and 4.34x within
    ten minutes in session 17). Timing the two commands back to back, pair after pair, puts both
    under the same load; the median of the per-pair ratios is the figure that drifts least."""
    def timed(command):
        start = time.perf_counter()
        subprocess.run(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start
    ratios = []
    for i in range(pairs):
        if i % 2 == 0:
            a = timed(command_a)
            b = timed(command_b)
        else:
            b = timed(command_b)
            a = timed(command_a)
        ratios.append(a / b)
    return statistics.median(ratios), ratios


def peak_rss_mb(command):
    """Peak RSS in MB of one run, from GNU time -v."""
    r = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", command + " >/dev/null 2>/dev/null"],
                       stderr=subprocess.PIPE, text=True)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    raise RuntimeError(f"no RSS in: {r.stderr}")


def static_stdlib_flag():
    """`--static-swift-stdlib` when the toolchain ships the static runtime (as `make release` does):
    the benchmarked binary is the one the Makefile builds."""
    try:
        info = json.loads(subprocess.run(["swift", "-print-target-info"], capture_output=True, text=True).stdout)
        resources = info["paths"]["runtimeResourcePath"]
    except (OSError, ValueError, KeyError):
        return []
    return ["--static-swift-stdlib"] if os.path.exists(resources + "_static/linux/static-stdlib-args.lnk") else []


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform(), "swift": swift[0] if swift else "?",
            "load": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", "date": time.strftime("%Y-%m-%d %H:%M %Z")}


def main():
    ap = argparse.ArgumentParser(description="claimlint whole-process benchmark")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--proselint-articles", type=int, default=40)
    ap.add_argument("--proselint-runs", type=int, default=3)
    ap.add_argument("--skip-4x", action="store_true")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--pairs", type=int, default=5, help="interleaved pairs for the paired ratios (0: none)")
    args = ap.parse_args()

    ensure_tools()
    if not args.no_build:
        sh(["swift", "build", "-c", "release", "--product", "claimlint"] + static_stdlib_flag(), cwd=ROOT)
    os.makedirs(OUT, exist_ok=True)
    info = machine()
    load_before = info["load"]
    c1 = corpus("corpus-1x", args.articles)
    c4 = None if args.skip_4x else corpus("corpus-4x", args.articles * 4, text=False)

    html1, text1 = os.path.join(c1, "html"), os.path.join(c1, "text")
    html_mb, text_mb = size_mb(files(html1)), size_mb(files(text1))
    lint = f"{BIN} lint --format json --fail-on never"
    quiet = os.path.join(OUT, "rules-off.yml")
    with open(quiet, "w") as f:
        f.write('rules:\n  "*": off\n')
    rows, raw = [], {}

    def row(label, command, secs, mb, ratio="", target="", ok=None):
        rows.append((label, f"{secs:.3f} s", f"{mb / secs:.1f}" if mb else "", ratio, target,
                     "" if ok is None else ("met" if ok else "**missed**"), command))

    # 1. Parse floor.
    t_cl, raw["claimlint_html_1x"] = hyperfine("claimlint-html", f"{lint} {html1}", args.runs)
    t_xml, raw["xmllint_html_1x"] = hyperfine("xmllint-html", f"xmllint --html --noout {html1}/*.html 2>/dev/null", args.runs)
    row(f"claimlint, HTML 1x ({len(files(html1))} files, {html_mb:.1f} MB), all cores", f"{lint} {html1}", t_cl, html_mb)
    row("xmllint --html --noout, same files (1 core)", f"xmllint --html --noout {html1}/*.html", t_xml, html_mb,
        f"claimlint/xmllint = {t_cl / t_xml:.2f}x", "<= 3x", t_cl / t_xml <= 3)

    t_q, raw["claimlint_html_1x_rules_off"] = hyperfine("claimlint-html-rules-off", f"{lint} --config {quiet} {html1}", args.runs)
    row("claimlint, HTML 1x, every rule off (front end + segmenter + report)", f"{lint} --config {quiet} {html1}", t_q, html_mb,
        f"claimlint/xmllint = {t_q / t_xml:.2f}x", "", None)

    if args.pairs:
        xml_cmd = f"xmllint --html --noout {html1}/*.html"
        r, raw["paired_claimlint_over_xmllint"] = paired_ratio(f"{lint} {html1}", xml_cmd, args.pairs)
        row(f"the same two, timed in {args.pairs} interleaved pairs (median of per-pair ratios)", "", t_cl, None,
            f"claimlint/xmllint = {r:.2f}x", "<= 3x", r <= 3)

    # 3. One core vs all cores.
    t_one, raw["claimlint_html_1x_one_core"] = hyperfine("claimlint-html-1core", f"taskset -c 0 {lint} {html1}", args.runs)
    row("claimlint, HTML 1x, one core (taskset -c 0)", f"taskset -c 0 {lint} {html1}", t_one, html_mb,
        f"speedup {t_one / t_cl:.2f}x on {os.cpu_count()} cores", ">= 1.7x", t_one / t_cl >= 1.7)
    row("xmllint vs claimlint on one core", "", t_one, None, f"claimlint(1 core)/xmllint = {t_one / t_xml:.2f}x", "", None)
    if args.pairs:
        r, raw["paired_one_core_over_all_cores"] = paired_ratio(f"taskset -c 0 {lint} {html1}", f"{lint} {html1}", args.pairs)
        row(f"one core vs all cores, timed in {args.pairs} interleaved pairs", "", t_one, None,
            f"speedup {r:.2f}x on {os.cpu_count()} cores", ">= 1.7x", r >= 1.7)

    # 2. proselint on a subset; claimlint on the whole text corpus; compare MB/s.
    subset = files(text1)[: args.proselint_articles]
    sub_mb = size_mb(subset)
    cfg = os.path.join(OUT, "proselintrc.json")
    with open(cfg, "w") as f:
        json.dump({"max_errors": 100000000}, f)  # the default (1000) stops early: linters.md section 6
    listfile = os.path.join(OUT, "proselint-files.txt")
    with open(listfile, "w") as f:
        f.write("\n".join(subset))
    pcmd = f"proselint check --config {cfg} $(cat {listfile})"
    t_pl, raw["proselint_text_subset"] = hyperfine("proselint", pcmd + " || true", args.proselint_runs, warmup=0)
    t_clt, raw["claimlint_text_1x"] = hyperfine("claimlint-text", f"{lint} {text1}", args.runs)
    pl_rate, cl_rate = sub_mb / t_pl, text_mb / t_clt
    row(f"claimlint, text 1x ({len(files(text1))} files, {text_mb:.1f} MB)", f"{lint} {text1}", t_clt, text_mb)
    row(f"proselint, text subset ({len(subset)} files, {sub_mb:.2f} MB), max_errors lifted", pcmd, t_pl, sub_mb,
        f"claimlint/proselint MB/s = {cl_rate / pl_rate:.0f}x", ">= 100x", cl_rate / pl_rate >= 100)

    # 4. Growth with the corpus.
    if c4:
        html4 = os.path.join(c4, "html")
        html4_mb = size_mb(files(html4))
        t4, raw["claimlint_html_4x"] = hyperfine("claimlint-html-4x", f"{lint} {html4}", max(3, args.runs - 2))
        row(f"claimlint, HTML 4x ({len(files(html4))} files, {html4_mb:.1f} MB), all cores", f"{lint} {html4}", t4, html4_mb,
            f"time 4x/1x = {t4 / t_cl:.2f}x", "<= 4.4x", t4 / t_cl <= 4.4)
        if args.pairs:
            r, raw["paired_4x_over_1x"] = paired_ratio(f"{lint} {html4}", f"{lint} {html1}", args.pairs)
            row(f"4x vs 1x, timed in {args.pairs} interleaved pairs", "", t4, None,
                f"time 4x/1x = {r:.2f}x", "<= 4.4x", r <= 4.4)

    # 5. Peak memory.
    rss1 = peak_rss_mb(f"{lint} {html1}")
    rows.append(("peak RSS, HTML 1x", f"{rss1:.0f} MB", "", "", "< 200 MB", "met" if rss1 < 200 else "**missed**",
                 f"/usr/bin/time -v {lint} {html1}"))
    if c4:
        rss4 = peak_rss_mb(f"{lint} {html4}")
        rows.append(("peak RSS, HTML 4x", f"{rss4:.0f} MB", "", f"4x/1x = {rss4 / rss1:.2f}", "< 200 MB, flat",
                     "met" if rss4 < 200 and rss4 / rss1 < 1.5 else "**missed**", f"/usr/bin/time -v {lint} {html4}"))
    # The same with every rule off: decoding, the front end, segmentation and the report still
    # run, checkers skip the work of rules that are off and no finding is kept. This separates
    # the pipeline's own memory and time from the checkers' and the findings'.
    qlint = f"{lint} --config {quiet}"
    rssq1 = peak_rss_mb(f"{qlint} {html1}")
    rows.append(("peak RSS, HTML 1x, every rule off (no checker work, no findings)", f"{rssq1:.0f} MB", "", "", "", "", f"/usr/bin/time -v {qlint} {html1}"))
    if c4:
        rssq4 = peak_rss_mb(f"{qlint} {html4}")
        rows.append(("peak RSS, HTML 4x, every rule off (no checker work, no findings)", f"{rssq4:.0f} MB", "", f"4x/1x = {rssq4 / rssq1:.2f}", "< 200 MB, flat",
                     "met" if rssq4 < 200 and rssq4 / rssq1 < 1.5 else "**missed**", f"/usr/bin/time -v {qlint} {html4}"))
    rss_x = peak_rss_mb(f"xmllint --html --noout {html1}/*.html")
    rows.append(("peak RSS, xmllint HTML 1x", f"{rss_x:.0f} MB", "", "", "", "", ""))

    info["load_after"] = "%.2f %.2f %.2f" % os.getloadavg()
    header = ["measurement", "median", "MB/s", "ratio", "target", "status", "command"]
    lines = [f"Machine: {info['cpu']}, {info['cores']} cores, {info['os']}, {info['swift']}; {info['date']}; "
             f"load average before {load_before}, after {info['load_after']}; hyperfine median of {args.runs} runs "
             f"(proselint {args.proselint_runs}); paired rows: median of {args.pairs} interleaved pairs.", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        lines.append("| " + " | ".join(r[:-1]) + f" | `{r[-1]}` |" if r[-1] else "| " + " | ".join(r[:-1]) + " | |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(table + "\n")
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({"machine": info, "raw_seconds": raw}, f, indent=2)


if __name__ == "__main__":
    main()

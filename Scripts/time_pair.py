#!/usr/bin/env python3
"""One-core CPU time of two claimlint binaries, interleaved (how speed conditions are judged here).

    python3 Scripts/time_pair.py BASE CANDIDATE [--pairs 20] [--corpus .bench/corpus-1x/html]

Runs each binary pinned to core 0 (`taskset -c 0`) over the corpus, alternating which goes first, and
reads user+system CPU from `wait4`. Prints the minimum (the statistic the ship rules register: the
least-disturbed run of each) and the median, and the candidate's cost against the base. Session 12
used it for the topic veto: `python3 Scripts/time_pair.py VETO_OFF VETO_ON --pairs 20`, twice.
"""
import argparse
import os
import statistics
import subprocess


def cpu_seconds(binary, corpus):
    proc = subprocess.Popen(["taskset", "-c", "0", binary, "lint", "--format", "json", "--fail-on", "never", corpus],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base")
    ap.add_argument("candidate")
    ap.add_argument("--pairs", type=int, default=20)
    ap.add_argument("--corpus", default=".bench/corpus-1x/html")
    args = ap.parse_args()
    times = {"base": [], "candidate": []}
    for i in range(args.pairs):
        for name in (("base", "candidate") if i % 2 == 0 else ("candidate", "base")):
            times[name].append(cpu_seconds(getattr(args, name), args.corpus))
        print(f"pair {i + 1}: base {times['base'][-1]:.3f} s, candidate {times['candidate'][-1]:.3f} s, "
              f"load {os.getloadavg()[0]:.2f}", flush=True)
    for name, t in times.items():
        print(f"{name}: min {min(t):.3f} s, median {statistics.median(t):.3f} s")
    print(f"candidate cost: min {100 * (min(times['candidate']) / min(times['base']) - 1):+.1f}%, "
          f"median {100 * (statistics.median(times['candidate']) / statistics.median(times['base']) - 1):+.1f}%")


if __name__ == "__main__":
    main()

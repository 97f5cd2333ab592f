#!/bin/sh
# Builds the libFuzzer harness (Fuzz/, a separate package) and runs it.
#   Scripts/fuzz.sh [SECONDS]        default 60; FUZZ_JOBS=N for parallel jobs
# The harness's first input byte picks the target (Fuzz/Sources/ClaimlintFuzz/Harness.swift).
# Crashing inputs land in bench-out/fuzz-artifacts/; minimise one with
#   Fuzz/.build/debug/ClaimlintFuzz -minimize_crash=1 -runs=10000 FILE
# and keep it in Fixtures/fuzz-regressions/ (RobustnessTests lints every file there).
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
# -sanitize=fuzzer on every module would also link libFuzzer into the rule-pack embedder (a
# build tool with its own main), so the modules get ASan + libFuzzer's coverage flags and only
# the harness target links libFuzzer (see Fuzz/Package.swift). lld: gold crashes on this link.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
build() {
  swift build --package-path Fuzz \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xswiftc -use-ld=lld
}
# SwiftPM 6.3 reuses this package's cached build plan when only the main package's files
# changed, so new source files there are missed ("cannot find 'X' in scope"): drop the plan.
rm -f Fuzz/.build/debug.yaml Fuzz/.build/*/debug/description.json
# A Core struct layout change leaves stale objects that hang or crash the harness (session 6: a
# two-byte input "timed out" iterating a garbage sentence array): rebuild from scratch then.
Scripts/drop-stale-debug-build.sh Fuzz/.build
build
CORPUS=.bench/fuzz-corpus
ARTIFACTS=bench-out/fuzz-artifacts
mkdir -p "$CORPUS" "$ARTIFACTS"
# Seeds: the sample articles and the kept regressions, once per target (selector byte first).
for f in Fixtures/samples/* Fixtures/fuzz-regressions/*; do
  [ -f "$f" ] || continue
  for sel in 0 1 2 3 4; do
    out="$CORPUS/seed-$sel-$(basename "$f")"
    [ -f "$out" ] || { printf "\\$(printf '%03o' "$sel")" > "$out"; head -c 6000 "$f" >> "$out"; }
  done
done
# Seeds that reach the checkers: whole fixture pages of the dev sets (claims heldout1-51 and the
# top-level claim articles, disclaimer dev), every 8th of the sorted list so the set is the same
# each run, once each under the target of its format, cut to max_len. Held-out claim sets from
# heldout52 on and the disclaimer held-out set are blind and never used.
i=0
for f in $(LC_ALL=C ls -d Fixtures/claims/*.txt Fixtures/claims/*.html Fixtures/claims/heldout/* \
             Fixtures/claims/heldout[2-9]/* Fixtures/claims/heldout[1-4][0-9]/* Fixtures/claims/heldout5[01]/* \
             Fixtures/disclaimer/dev/* 2>/dev/null | grep -E '\.(txt|html|md)$'); do
  i=$((i + 1))
  [ $((i % 8)) -eq 1 ] || continue
  case "$f" in *.html) sel=0 ;; *.md) sel=2 ;; *) sel=1 ;; esac
  out="$CORPUS/page-$sel-$(echo "$f" | tr / _)"
  [ -f "$out" ] || { printf "\\$(printf '%03o' "$sel")" > "$out"; head -c 8191 "$f" >> "$out"; }
done
# One dictionary: markup (html.dict) and the words the checkers branch on (checkers.dict).
DICT=.bench/fuzz.dict
cat Fuzz/dict/html.dict Fuzz/dict/checkers.dict > "$DICT"
# The Swift backtracer would catch the crash signal before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
exec Fuzz/.build/debug/ClaimlintFuzz "$CORPUS" -dict="$DICT" -max_len=8192 -timeout=10 \
  -rss_limit_mb=2048 -max_total_time="$SECONDS_TO_RUN" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
  ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS}

#!/bin/sh
# Per-stage micro-benchmarks (Benchmarks/, a separate package): MB/s of decoding, each front
# end, source-map look-ups, the segmenter, each checker family and whole-file lint, one core.
#   Scripts/microbench.sh [CORPUS_DIR [FILES]]     default .bench/corpus-1x, 300 files
set -eu
cd "$(dirname "$0")/.."
[ -d .bench/corpus-1x/html ] || python3 Scripts/gen_corpus.py --out .bench/corpus-1x --articles 2000
# SwiftPM 6.3 reuses this package's cached build plan when only the main package's files
# changed, so new source files there are missed: drop the plan first.
rm -f Benchmarks/.build/release.yaml Benchmarks/.build/*/release/description.json
swift build -c release --package-path Benchmarks
exec Benchmarks/.build/release/claimlint-bench "${1:-.bench/corpus-1x}" "${2:-300}"

#!/bin/sh
# Drops an incremental debug (or release) build whose Core sources changed since it was built.
#   Scripts/drop-stale-debug-build.sh BUILD_DIR [debug|release]   (e.g. .build or Fuzz/.build)
# Why: SwiftPM 6.3's incremental debug builds can keep objects compiled against an old layout of
# a ClaimlintCore struct (a field added to Sentence or Block), and the test or fuzz binary then
# crashes at start or loops over garbage. Release builds do it too (session 15: a field added to
# RuleSet left the release binary crashing in a struct copy until its objects were dropped). A
# stamp of the Core sources per configuration decides; a fresh clone has no build directory and
# pays nothing.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-.build}"
CONFIG="${2:-debug}"
case "$CONFIG" in debug) STAMP="$BUILD_DIR/core-sources.sha256" ;; release) STAMP="$BUILD_DIR/core-sources-release.sha256" ;;
  *) echo "usage: $0 BUILD_DIR [debug|release]" >&2; exit 2 ;; esac
now=$(find Sources/ClaimlintCore -name '*.swift' -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" != "$now" ]; then
  echo "ClaimlintCore changed since the last $CONFIG build in $BUILD_DIR: dropping its $CONFIG objects"
  rm -rf "$BUILD_DIR"/*-unknown-linux-gnu/"$CONFIG" "$BUILD_DIR"/"$CONFIG".yaml
fi
mkdir -p "$BUILD_DIR"
echo "$now" > "$STAMP"

#!/bin/sh
# Drops an incremental debug build whose Core sources changed since it was built.
#   Scripts/drop-stale-debug-build.sh BUILD_DIR      (e.g. .build or Fuzz/.build)
# Why: SwiftPM 6.3's incremental debug builds can keep objects compiled against an old layout of
# a ClaimlintCore struct (a field added to Sentence or Block), and the test or fuzz binary then
# crashes at start or loops over garbage. A stamp of the Core sources decides; a fresh clone has
# no build directory and pays nothing.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-.build}"
STAMP="$BUILD_DIR/core-sources.sha256"
now=$(find Sources/ClaimlintCore -name '*.swift' -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" != "$now" ]; then
  echo "ClaimlintCore changed since the last debug build in $BUILD_DIR: dropping its debug objects"
  rm -rf "$BUILD_DIR"/*-unknown-linux-gnu/debug "$BUILD_DIR"/debug.yaml
fi
mkdir -p "$BUILD_DIR"
echo "$now" > "$STAMP"

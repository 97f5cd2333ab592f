# claimlint: `make run` (demo on the sample articles) and `make test` (the full suite) each work
# alone on a fresh Debian machine with Swift: missing system packages are installed first.

SWIFT ?= swift
# Debian packages the build needs: libxml2 (HTML front end), cmark-gfm (Markdown front end), mimalloc
# (the CLI's allocator).
DEB_PACKAGES := libxml2-dev pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev
BIN_DEBUG := .build/debug/claimlint
BIN_RELEASE := .build/release/claimlint

.PHONY: run test build release deps score bench fuzz sweep clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	@Scripts/drop-stale-debug-build.sh .build
	$(SWIFT) build --product claimlint

# The release binary links Swift's runtime and Foundation in (`--static-swift-stdlib`) when the
# toolchain ships them (lib/swift_static): it then needs no toolchain library at run time, and its
# start-up skips binding their symbols (one file: 65 -> 55 ms CPU). Without them, a normal build.
STATIC_STDLIB := $(shell d=$$($(SWIFT) -print-target-info 2>/dev/null | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p'); \
	[ -f "$${d}_static/linux/static-stdlib-args.lnk" ] && echo --static-swift-stdlib)

release: deps
	@Scripts/drop-stale-debug-build.sh .build release
	$(SWIFT) build -c release --product claimlint $(STATIC_STDLIB)

# Lints the bundled sample articles and prints the report. Findings are the point of the
# demo, so a report with findings (exit 1) counts as success; exit 2 (a tool error) does not.
run: build
	@$(BIN_DEBUG) lint Fixtures/samples; rc=$$?; \
	if [ $$rc -ge 2 ]; then echo "claimlint failed (exit $$rc)"; exit $$rc; fi

test: deps
	@Scripts/drop-stale-debug-build.sh .build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Accuracy on labelled data: every Scripts/score_*.py, against the debug binary.
score: build
	@for s in Scripts/score_*.py; do echo "== $$s"; python3 $$s --bin $(BIN_DEBUG) || exit 1; done

# Whole-process benchmark (Scripts/bench.py): generates the corpus in .bench/, builds the release
# binary, prints the table and writes bench-out/results.md. BENCH_ARGS="--runs 3 --skip-4x" for a quick run.
bench: deps
	@Scripts/drop-stale-debug-build.sh .build release
	python3 Scripts/bench.py $(BENCH_ARGS)

# libFuzzer harness for the front ends and the segmenter (Fuzz/, a separate package so normal
# builds never compile it). FUZZ_SECONDS=600 make fuzz; crashes land in bench-out/fuzz-artifacts/.
fuzz: deps
	Scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

# Boundary sweep (Sources/ClaimlintSweep): every fixture paragraph unterminated, cut after every
# token and each sentence alone (text, <li>, <h2>, <td>), linted in process by the release build;
# a trap names the input. `make test` runs a 1/100 sample. SWEEP_ARGS="--sample 10" for a quicker run.
sweep: deps
	$(SWIFT) build -c release --product claimlint-sweep
	.build/release/claimlint-sweep $(SWEEP_ARGS)

clean:
	rm -rf .build

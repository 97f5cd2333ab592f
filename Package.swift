// swift-tools-version: 6.0
import PackageDescription

// One direction of flow: ingest -> segment -> check -> filter -> report.
// Each stage is its own module so a dependency that points backwards fails to compile.
let package = Package(
    name: "claimlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimlint", targets: ["claimlint"]),
        .library(name: "ClaimlintEngine", targets: ["ClaimlintEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // Document model, source map, segmenter, word trie, rule packs, checker protocol.
        .target(name: "ClaimlintCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Front ends: bytes of one format -> Document. Never judge content.
        .target(name: "ClaimlintIngest", dependencies: [
            "ClaimlintCore", "CLibXML2", "CCmark", .product(name: "Yams", package: "Yams"),
        ]),
        // Checkers: Document -> diagnostics. Never see markup.
        .target(name: "ClaimlintCheckers", dependencies: ["ClaimlintCore"]),
        // Reporters: findings -> bytes. Never compute findings.
        .target(name: "ClaimlintReport", dependencies: ["ClaimlintCore"]),
        // The built-in rule packs, embedded into the binary at build time from Rules/.
        .target(name: "ClaimlintRules", plugins: ["EmbedRulePacks"]),
        // The fatal-signal note naming the file being linted (C: its handler must be async-signal-safe).
        .target(name: "CCrashNotice"),
        // Config, discovery, pipeline, filters: what the CLI and other front ends call.
        .target(name: "ClaimlintEngine", dependencies: [
            "ClaimlintCore", "ClaimlintIngest", "ClaimlintCheckers", "ClaimlintReport", "ClaimlintRules", "CCrashNotice",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The CLI links mimalloc (Debian: libmimalloc-dev) ahead of libc, so every allocation of the process
        // (Swift runtime, libxml2, cmark) goes to it: 6-7% less one-core CPU than glibc's malloc on the
        // benchmark (docs/performance.md, perf16). The library targets stay allocator-neutral.
        .executableTarget(name: "claimlint", dependencies: [
            "ClaimlintEngine", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),

        // The boundary sweep (`make sweep`): every fixture paragraph cut at its edges, linted in process.
        .executableTarget(name: "claimlint-sweep", dependencies: ["ClaimlintEngine", "ClaimlintReport", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Sources/ClaimlintSweep"),

        .executableTarget(name: "RulePackEmbedder"),
        .plugin(name: "EmbedRulePacks", capability: .buildTool(), dependencies: ["RulePackEmbedder"]),

        // Shared helpers of the test targets (seeded generators), not shipped.
        .target(name: "ClaimlintTestSupport", path: "Tests/ClaimlintTestSupport"),
        .testTarget(name: "ClaimlintCoreTests", dependencies: ["ClaimlintCore"]),
        .testTarget(name: "ClaimlintIngestTests", dependencies: ["ClaimlintIngest", "ClaimlintTestSupport"]),
        .testTarget(name: "ClaimlintCheckersTests", dependencies: ["ClaimlintEngine"]),
        .testTarget(name: "ClaimlintReportTests", dependencies: ["ClaimlintEngine"]),
        .testTarget(name: "ClaimlintEngineTests", dependencies: ["ClaimlintEngine", "ClaimlintTestSupport"]),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

// Micro-benchmarks of the hot stages, so a slowdown points at its stage. A separate package
// (depending on the main one by path) so CI's normal build and test never compile it:
//   swift run -c release --package-path Benchmarks claimlint-bench [CORPUS_DIR]
let package = Package(
    name: "ClaimlintBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "claimlint", path: "..")],
    targets: [
        .executableTarget(name: "claimlint-bench", dependencies: [
            .product(name: "ClaimlintEngine", package: "claimlint"),
        ], path: "Sources/ClaimlintBench"),
    ]
)

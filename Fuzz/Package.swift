// swift-tools-version: 6.0
import PackageDescription

// libFuzzer harness for the front ends and the segmenter. A separate package so the main
// package's normal build and CI never compile it. Build and run with `make fuzz`
// (Scripts/fuzz.sh): `swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`.
let package = Package(
    name: "ClaimlintFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "claimlint", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "ClaimlintFuzz", dependencies: [
            "CFuzzerDriver",
            .product(name: "ClaimlintEngine", package: "claimlint"),
        ], swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]),
    ]
)

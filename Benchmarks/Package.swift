// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live apart so their dependencies never reach the product's build.
let package = Package(
    name: "SilkbridgeBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Silkbridge", path: "..")],
    targets: [
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: [.product(name: "MultilingualText", package: "Silkbridge")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
            ]
        )
    ]
)

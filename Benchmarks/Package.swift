// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live apart so their dependencies never reach the product's build.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "SilkbridgeBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Silkbridge", path: ".."),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(name: "BenchmarkSupport", swiftSettings: strictness),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "MultilingualText", package: "Silkbridge"),
                .product(name: "SilkbridgeCore", package: "Silkbridge"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "ScheduleBenchmark",
            dependencies: [.product(name: "SilkbridgeCore", package: "Silkbridge")],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "LedgerBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "SilkbridgeStorage", package: "Silkbridge"),
                .product(name: "TrustLedger", package: "Silkbridge"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "MatchingBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "MultilingualText", package: "Silkbridge"),
                .product(name: "SilkbridgeCore", package: "Silkbridge"),
            ],
            swiftSettings: strictness
        ),
    ]
)

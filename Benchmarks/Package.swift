// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live apart so their dependencies never reach the product's build.
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
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: [
                .product(name: "MultilingualText", package: "Silkbridge"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
            ]
        ),
        .executableTarget(
            name: "ScheduleBenchmark",
            dependencies: [.product(name: "SilkbridgeCore", package: "Silkbridge")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
            ]
        ),
        .executableTarget(
            name: "LedgerBenchmark",
            dependencies: [
                .product(name: "SilkbridgeStorage", package: "Silkbridge"),
                .product(name: "TrustLedger", package: "Silkbridge"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
            ]
        ),
    ]
)

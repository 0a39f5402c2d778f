// swift-tools-version: 6.1
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Silkbridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "silkbridge", targets: ["silkbridge"]),
        .library(name: "MultilingualText", targets: ["MultilingualText"]),
        .library(name: "SilkbridgeCore", targets: ["SilkbridgeCore"]),
        .library(name: "SilkbridgeStorage", targets: ["SilkbridgeStorage"]),
        .library(name: "TrustLedger", targets: ["TrustLedger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", from: "0.10.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
    ],
    targets: [
        .target(
            name: "SilkbridgeCore",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeMail",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "MultilingualText",
            resources: [.copy("Resources")],
            swiftSettings: strictness
        ),
        .target(
            name: "TrustLedger",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeStorage",
            dependencies: [
                "SilkbridgeCore",
                "TrustLedger",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictness,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "SilkbridgeLedger",
            dependencies: [
                "SilkbridgeCore",
                "SilkbridgeStorage",
                "TrustLedger",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeLedgerClient",
            dependencies: [
                "SilkbridgeCore",
                "TrustLedger",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeDemo",
            dependencies: [
                "SilkbridgeCore",
                "SilkbridgeStorage",
                "TrustLedger",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeServer",
            dependencies: [
                "MultilingualText",
                "SilkbridgeAPI",
                "SilkbridgeCore",
                "SilkbridgeDemo",
                "SilkbridgeLedger",
                "SilkbridgeLedgerClient",
                "SilkbridgeMail",
                "SilkbridgeStorage",
                "TrustLedger",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "silkbridge",
            dependencies: [
                "SilkbridgeLedger",
                "SilkbridgeLedgerClient",
                "SilkbridgeServer",
                "SilkbridgeStorage",
                "TrustLedger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "SilkbridgeTestSupport",
            dependencies: ["SilkbridgeStorage", .product(name: "Logging", package: "swift-log")],
            path: "Tests/Support",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SilkbridgeCoreTests",
            dependencies: ["SilkbridgeCore"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SilkbridgeMailTests",
            dependencies: [
                "SilkbridgeMail",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "MultilingualTextTests",
            dependencies: ["MultilingualText"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TrustLedgerTests",
            dependencies: ["TrustLedger", "SilkbridgeCore"],
            resources: [.copy("Resources")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SilkbridgeStorageTests",
            dependencies: ["SilkbridgeStorage", "SilkbridgeTestSupport", "TrustLedger"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SilkbridgeServerTests",
            dependencies: [
                "SilkbridgeAPI",
                "SilkbridgeDemo",
                "SilkbridgeLedger",
                "SilkbridgeLedgerClient",
                "SilkbridgeServer",
                "SilkbridgeTestSupport",
                "TrustLedger",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
    ]
)

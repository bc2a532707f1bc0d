// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Parley", targets: ["Parley"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleyPostgres", targets: ["ParleyPostgres"]),
        .library(name: "ParleyServer", targets: ["ParleyServer"]),
        .executable(name: "parley", targets: ["ParleyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "Parley",
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ParleyStore",
            dependencies: [
                "Parley",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "ParleyPostgres",
            dependencies: [
                "Parley",
                "ParleyStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "ParleyServer",
            dependencies: [
                "Parley",
                "ParleyStore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ParleyTesting",
            dependencies: ["Parley", "ParleyStore"]
        ),
        .executableTarget(
            name: "ParleyCLI",
            dependencies: [
                "Parley",
                "ParleyStore",
                "ParleyPostgres",
                "ParleyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "ParleyTests",
            dependencies: ["Parley", "ParleyTesting"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ParleyStoreTests",
            dependencies: ["Parley", "ParleyStore", "ParleyTesting"]
        ),
        .testTarget(
            name: "ParleyPostgresTests",
            dependencies: ["Parley", "ParleyStore", "ParleyPostgres", "ParleyTesting"]
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "Parley", "ParleyStore", "ParleyPostgres", "ParleyServer", "ParleyTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: ["Parley", "ParleyTesting"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

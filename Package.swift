// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Parley", targets: ["Parley"]),
        .executable(name: "parley", targets: ["ParleyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .target(
            name: "Parley",
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ParleyTesting",
            dependencies: ["Parley"]
        ),
        .executableTarget(
            name: "ParleyCLI",
            dependencies: [
                "Parley",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ParleyTests",
            dependencies: ["Parley", "ParleyTesting"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: ["Parley", "ParleyTesting"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

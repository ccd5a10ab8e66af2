// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kaohe",
    products: [
        .library(name: "KaoheKit", targets: ["KaoheKit"]),
        .executable(name: "kaohe", targets: ["kaohe"]),
    ],
    targets: [
        .target(name: "KaoheKit"),
        .executableTarget(name: "kaohe", dependencies: ["KaoheKit"]),
        .executableTarget(name: "kaohe-samples", dependencies: ["KaoheKit"], path: "Sources/kaohe-samples"),
        .testTarget(name: "KaoheKitTests", dependencies: ["KaoheKit"]),
        .testTarget(name: "kaoheTests", dependencies: ["KaoheKit"], exclude: ["Golden", "BadInput"]),
    ]
)

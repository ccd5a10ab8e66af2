// swift-tools-version:6.0
// libFuzzer targets for KaoheKit, kept out of the main package so that `swift build` and
// `swift test` at the root never build them. See docs/performance.md (Fuzzing). The stages'
// internals are `package`-scoped in kaohe; the targets reach them with `@testable` imports.
import PackageDescription

let fuzz: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "kaohe-fuzz",
    dependencies: [.package(name: "kaohe", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "KaoheKit", package: "kaohe"),
                                                    .product(name: "KaoheTestSupport", package: "kaohe")]),
        .target(name: "FuzzMain"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "FuzzMain", .product(name: "KaoheKit", package: "kaohe"),
                                                          .product(name: "KaoheTestSupport", package: "kaohe")],
                          swiftSettings: fuzz),
        .executableTarget(name: "FuzzCriteria", dependencies: ["FuzzSupport", "FuzzMain", .product(name: "KaoheKit", package: "kaohe")],
                          swiftSettings: fuzz),
        .executableTarget(name: "FuzzLoad", dependencies: ["FuzzSupport", "FuzzMain", .product(name: "KaoheKit", package: "kaohe"),
                                                           .product(name: "KaoheTestSupport", package: "kaohe")],
                          swiftSettings: fuzz),
        .executableTarget(name: "FuzzWorkbook", dependencies: ["FuzzSupport", "FuzzMain", .product(name: "KaoheKit", package: "kaohe")],
                          swiftSettings: fuzz),
        .executableTarget(name: "FuzzCLI", dependencies: ["FuzzSupport", "FuzzMain", .product(name: "KaoheKit", package: "kaohe"),
                                                          .product(name: "KaoheTestSupport", package: "kaohe")],
                          swiftSettings: fuzz),
    ]
)

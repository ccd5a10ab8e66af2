// swift-tools-version:6.0
import PackageDescription

// The stages of kaohe, each a target that depends only on the stages before it, so the
// compiler keeps the flow one way (docs/design.md):
// Model ← Input ← Load ← Scoring ← Simulation ← Rendering ← CLI ← kaohe.
let package = Package(
    name: "kaohe",
    products: [
        .library(name: "KaoheKit", targets: ["KaoheKit"]),
        .executable(name: "kaohe", targets: ["kaohe"]),
        // Reference readers, fixtures and the seeded generator for the tests and the Fuzz package
        // (which reaches the command line, KaoheCLI, through it). Like every target but KaoheKit,
        // it is package-scoped: other packages reach it with @testable imports.
        .library(name: "KaoheTestSupport", targets: ["KaoheTestSupport"]),
    ],
    targets: [
        .target(name: "KaoheModel"),
        .target(name: "KaoheInput", dependencies: ["KaoheModel"]),
        .target(name: "KaoheLoad", dependencies: ["KaoheModel", "KaoheInput"]),
        .target(name: "KaoheScoring", dependencies: ["KaoheModel"]),
        .target(name: "KaoheSimulation", dependencies: ["KaoheModel", "KaoheLoad", "KaoheScoring"]),
        .target(name: "KaoheRendering", dependencies: ["KaoheModel", "KaoheInput", "KaoheLoad", "KaoheScoring", "KaoheSimulation"]),
        .target(name: "KaoheKit", dependencies: ["KaoheModel", "KaoheInput", "KaoheLoad", "KaoheScoring",
                                                 "KaoheSimulation", "KaoheRendering"]),
        .target(name: "KaoheCLI", dependencies: ["KaoheKit"]),
        .executableTarget(name: "kaohe", dependencies: ["KaoheCLI"]),
        .target(name: "KaoheRandom"),
        .executableTarget(name: "kaohe-samples", dependencies: ["KaoheKit", "KaoheRandom"], path: "Sources/kaohe-samples"),
        .target(name: "KaoheTestSupport", dependencies: ["KaoheKit", "KaoheCLI", "KaoheRandom"]),
        .testTarget(name: "KaoheKitTests", dependencies: ["KaoheKit", "KaoheCLI", "KaoheModel", "KaoheInput", "KaoheLoad", "KaoheScoring",
                                                      "KaoheSimulation", "KaoheRendering", "KaoheTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "kaoheTests", dependencies: ["KaoheKit", "KaoheModel", "KaoheInput", "KaoheLoad", "KaoheScoring",
                                                  "KaoheSimulation", "KaoheRendering", "KaoheCLI", "KaoheTestSupport"],
                    exclude: ["Golden", "BadInput", "Workbooks"]),
    ]
)

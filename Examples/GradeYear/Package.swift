// swift-tools-version:6.0
// An example program built on KaoheKit: a unit's grade, a quarterly ranking and a veto
// simulation, computed in memory (docs/library.md).
import PackageDescription

let package = Package(
    name: "GradeYear",
    dependencies: [
        // A vendor would write .package(url: "https://…/kaohe.git", from: "0.1.0").
        .package(name: "kaohe", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "GradeYear", dependencies: [.product(name: "KaoheKit", package: "kaohe")]),
    ]
)

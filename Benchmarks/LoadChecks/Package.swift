// swift-tools-version:6.0
// A benchmark helper (not part of kaohe): loads a year's units.csv and checks.csv with
// KaoheKit's streaming loader and computes the checks part's period scores (what
// Benchmarks/duckdb_periods.py computes in DuckDB), printing time and memory of each step.
// Build: swift build -c release -Xswiftc -enable-testing --package-path Benchmarks/LoadChecks
import PackageDescription

let package = Package(
    name: "kaohe-load-checks",
    dependencies: [.package(name: "kaohe", path: "../..")],
    targets: [
        .executableTarget(name: "kaohe-load-checks", dependencies: [.product(name: "KaoheKit", package: "kaohe")]),
    ]
)

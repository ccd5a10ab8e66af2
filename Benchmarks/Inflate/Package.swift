// swift-tools-version:6.0
// A benchmark helper (not part of kaohe): inflates one member of a ZIP archive (a worksheet
// of an .xlsx) with KaoheKit's inflater, to compare with zlib on the same data
// (Benchmarks/inflate.py). Build: swift build -c release -Xswiftc -enable-testing --package-path Benchmarks/Inflate
import PackageDescription

let package = Package(
    name: "kaohe-inflate",
    dependencies: [.package(name: "kaohe", path: "../..")],
    targets: [
        .executableTarget(name: "kaohe-inflate", dependencies: [.product(name: "KaoheKit", package: "kaohe")]),
    ]
)

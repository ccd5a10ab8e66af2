import Foundation
@testable import KaoheInput

// usage: kaohe-inflate ARCHIVE MEMBER [RUNS]
// Prints the best of RUNS inflations of MEMBER (its CRC-32 checked): seconds and MB/s of output.
let arguments = CommandLine.arguments
guard arguments.count >= 3, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: kaohe-inflate ARCHIVE MEMBER [RUNS]\n".utf8))
    exit(2)
}
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
do {
    let archive = try ZipArchive(bytes: [UInt8](data))
    guard let member = archive.member(arguments[2]) else {
        FileHandle.standardError.write(Data("no member \(arguments[2])\n".utf8))
        exit(2)
    }
    var best = Double.infinity
    for _ in 0..<runs {
        let start = Date()
        let reader = try archive.reader(member)
        var chunk: [UInt8] = []
        while try reader.read(into: &chunk) {}
        best = min(best, Date().timeIntervalSince(start))
    }
    print(String(format: "%.3f %.0f", best, Double(member.size) / best / 1e6))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

import FuzzMain
import Foundation
import FuzzSupport
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
@testable import KaoheCLI

/// The whole load-and-score path on any bytes: the input is split at each `0x1E` byte into
/// checks.csv, units.csv, scores.csv, events.csv and survey.csv of a data folder on a small
/// fixed criteria file; every command runs on it. Besides never crashing, `checks.csv` read by
/// the streaming loader (small windows, two halves) must equal the row-by-row reading.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoad(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0x1E, maxSplits: 4, omittingEmptySubsequences: false).map(Array.init)
    let folder = Fuzz.folder
    let names = ["checks.csv", "units.csv", "scores.csv", "events.csv", "survey.csv"]
    for (i, name) in names.enumerated() {
        let path = folder + "/" + name
        if i < parts.count {
            _ = FileManager.default.createFile(atPath: path, contents: Data(parts[i]))
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    let knob = bytes.first.map(Int.init) ?? 0
    Fuzz.compareChecks(path: folder + "/checks.csv", knob: knob)
    _ = KaoheCLI.run(["check", folder])
    _ = KaoheCLI.run(["grade", folder, "--format", "json"])
    // The other commands and formats on one input in eight (they render the same results).
    if knob % 8 == 0 {
        for arguments in [["grade", folder], ["rank", folder, "--quarter", "2"], ["rank", folder, "--annual", "--format", "csv"],
                          ["bulletin", folder, "--month", "3", "--format", "md"], ["simulate", folder, "--margins"],
                          ["grade", folder, "--unit", "T01", "--explain", "--lang", "en"], ["report", folder, "--format", "html"]] {
            _ = KaoheCLI.run(arguments)
        }
    }
    return 0
}

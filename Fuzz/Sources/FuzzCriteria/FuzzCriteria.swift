import FuzzMain
import FuzzSupport
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering

/// The JSON5 criteria loader on any bytes: it must never crash; a criteria file that loads is
/// scored on a small year.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCriteria(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (criteria, diagnostics) = CriteriaLoader.parse(text, file: "fuzz.json5")
    for diagnostic in diagnostics { _ = DiagnosticText.render(diagnostic, language: .en) }
    if let criteria, !diagnostics.contains(where: \.isError) {
        Fuzz.scoreSmallYear(criteria)
    }
    return 0
}

import FuzzMain
import FuzzSupport
import KaoheKit
@testable import KaoheModel
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
@testable import KaoheInput
@testable import KaoheTestSupport

/// The CSV reader on any bytes, three ways that must agree: the scanner on the decoded text,
/// the whole-text reference reader, and the stream in small windows over the raw bytes (which must also
/// find exactly the first byte that is not UTF-8). The first byte picks the limits and window.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let knob = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let lineLimit = knob & 1 == 0 ? CSVReader.maxLineBytes : 8 + knob % 23
    let fieldLimit = knob & 2 == 0 ? CSVReader.maxFieldBytes : 4 + knob % 17
    let text = String(decoding: bytes, as: UTF8.self)

    let new = CSVReader.parse(text, file: "f.csv", lineLimit: lineLimit, fieldLimit: fieldLimit)
    let old = ReferenceCSV.parse(text, file: "f.csv", lineLimit: lineLimit, fieldLimit: fieldLimit)
    Fuzz.expect(new.rows == old.rows, "rows differ from the reference reader")
    Fuzz.expect(new.diagnostics == old.diagnostics, "diagnostics differ from the reference reader")
    Fuzz.expect(new.lineStarts == old.lineStarts, "line index differs from the reference reader")
    for line in 0...(new.lineCount + 1) { _ = new.lineText(line); _ = new.excerpt(line) }

    let stream = CSVStream(source: CSVMemorySource(bytes), file: "f.csv", byteOrderMarks: 1,
                           windowBytes: 16 + knob % 64, maxRecord: 1 << 20, lineLimit: lineLimit, fieldLimit: fieldLimit)
    var rows: [CSVRow] = []
    stream.forEach({ rows.append($0.row()) })
    let firstInvalid = UTF8Validation.firstInvalid(in: bytes[...])
    Fuzz.expect(stream.invalidUTF8At == firstInvalid, "the stream found another first invalid byte")
    if firstInvalid == nil {
        Fuzz.expect(rows == new.rows, "streamed rows differ from the whole text")
        Fuzz.expect(stream.scanner.diagnostics == new.diagnostics, "streamed diagnostics differ from the whole text")
    }

    // Records past a small limit: any outcome but a crash.
    let small = CSVStream(source: CSVMemorySource(bytes), file: "f.csv", windowBytes: 16, maxRecord: 16 + knob % 48,
                          lineLimit: lineLimit, fieldLimit: fieldLimit)
    small.forEach({ _ = $0.row(); _ = $0.recordExcerpt() })
    return 0
}

import FuzzMain
import FuzzSupport
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering

/// The workbook reader on any bytes: the ZIP archive, DEFLATE, the XML subset and SpreadsheetML.
/// A workbook that opens has every sheet read to its end (or to an error), and the CSV text a
/// sheet gives must be valid CSV with one record a row. The same bytes are also inflated as a
/// raw DEFLATE stream and read as XML. Any error is fine; a crash, a hang or an invariant
/// broken is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    if let workbook = try? Workbook(bytes: bytes) {
        for sheet in workbook.sheets.prefix(8) {
            if let reader = try? SheetReader(workbook: workbook, sheet: sheet) {
                var last = 0
                while let row = try? reader.next() {
                    Fuzz.expect(row.row > last, "rows out of order")
                    Fuzz.expect(zip(row.cells, row.cells.dropFirst()).allSatisfy { $0.column < $1.column }, "cells out of order")
                    last = row.row
                }
            }
            if let source = try? SheetCSVSource(workbook: workbook, sheet: sheet), let text = source.text(limit: 1 << 20),
               source.error == nil {
                let table = CSVReader.parse(text, file: "f.csv")
                Fuzz.expect(table.diagnostics.isEmpty, "a sheet gave CSV text that is not valid")
                for row in table.rows { _ = source.lines.row(row.line) }
                // Streamed by the writing thread, in pieces: the same text.
                if let streamed = try? SheetCSVSource(workbook: workbook, sheet: sheet) {
                    var bytes: [UInt8] = []
                    var piece = [UInt8](repeating: 0, count: 97)
                    while true {
                        let got = piece.withUnsafeMutableBufferPointer { buffer in
                            buffer.baseAddress.map { streamed.read(into: $0, count: 97) } ?? 0
                        }
                        if got == 0 { break }
                        bytes += piece[0..<got]
                    }
                    Fuzz.expect(streamed.error == nil && bytes.elementsEqual(text.utf8), "the streamed text differs")
                }
            }
        }
    }

    let inflater = Inflater(bytes)
    var chunk: [UInt8] = []
    var total = 0
    while total < 16 << 20, let more = try? inflater.read(into: &chunk), more {
        Fuzz.expect(chunk.count <= Inflater.chunkBytes + 258, "a chunk past its bound")
        total += chunk.count
    }

    let xml = XMLReader(part: "f.xml", bytes: bytes)
    var events = 0
    while events < 100_000, let event = try? xml.next(), event != .eof { events += 1 }
    return 0
}

import KaoheModel
import Foundation

/// One cell's value as the worksheet stores it.
package enum CellValue: Sendable, Equatable {
    case text(String)
    /// A number as written in the sheet (`2`, `1.5`, `4.5E-2`).
    case number(String)
    case bool(Bool)
    /// A number cell whose format is a date: the serial turned into a date and the seconds
    /// after midnight; nil date for serials that name no real day (0, Excel's 1900-02-29,
    /// negative or past 9999).
    case date(CivilDate?, seconds: Int, serial: String)
    /// An error value (`#N/A`, `#DIV/0!`).
    case error(String)
}

package struct SheetCell: Sendable, Equatable {
    /// 1-based (A = 1).
    package var column: Int
    package var value: CellValue
}

/// Excel's day numbers: serial 1 is 1900-01-01 (the 1900 system, with the 29 February 1900
/// that Lotus 1-2-3 had and Excel kept as serial 60) or 1904-01-02 (the 1904 system).
package enum ExcelDate {
    /// The day and the seconds after midnight of `serial`; nil day for Excel's 1900-02-29,
    /// serials before the first day, and past 9999-12-31.
    package static func date(serial: Double, date1904: Bool) -> (date: CivilDate?, seconds: Int) {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return (nil, 0) }
        var day = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 {
            day += 1
            seconds -= 86_400
        }
        let epoch1900 = CivilDate(year: 1899, month: 12, day: 30)?.dayNumber ?? 0
        let epoch1904 = CivilDate(year: 1904, month: 1, day: 1)?.dayNumber ?? 0
        if date1904 {
            return (CivilDate(dayNumber: epoch1904 + day).valid, seconds)
        }
        if day == 60 || day == 0 { return (nil, seconds) }
        // Before 1900-03-01 the serials count one day fewer (no phantom leap day yet).
        return (CivilDate(dayNumber: epoch1900 + (day < 60 ? day + 1 : day)).valid, seconds)
    }
}

extension CivilDate {
    /// The date when it is within the years files may name.
    var valid: CivilDate? { (1...9999).contains(year) ? self : nil }
}

/// Reads a worksheet one row at a time as it is inflated: rows with their cells, by row
/// number; empty rows and cells are not given.
package final class SheetReader {
    private let xml: XMLReader
    private let workbook: Workbook
    package let sheet: Workbook.Sheet
    private var lastRow = 0
    private var inSheetData = false
    private var done = false

    package init(workbook: Workbook, sheet: Workbook.Sheet) throws(WorkbookError) {
        self.workbook = workbook
        self.sheet = sheet
        guard let member = workbook.archive.member(sheet.part) else { throw .missingPart(sheet.part) }
        let stream: ZipMemberReader
        do {
            stream = try workbook.archive.reader(member)
        } catch {
            throw .archive(error)
        }
        xml = XMLReader(part: sheet.part) { (chunk: inout [UInt8]) throws(WorkbookError) -> Bool in
            do throws(ArchiveError) {
                return try stream.read(into: &chunk)
            } catch {
                throw .archive(error)
            }
        }
    }

    /// The next row that has cells: its 1-based number and its cells in column order.
    package func next() throws(WorkbookError) -> (row: Int, cells: [SheetCell])? {
        while !done {
            let event = try xml.next()
            switch event {
            case .eof:
                done = true
            case .start where xml.named("sheetData"):
                inSheetData = !xml.selfClosing
            case .end where xml.named("sheetData"):
                inSheetData = false
            case .start where inSheetData && xml.named("row"):
                var number = lastRow + 1
                if let r = xml.attribute("r") {
                    guard let value = SheetReader.integer(r), value > lastRow, value <= 1_048_576 else {
                        throw .badCellReference(part: sheet.part, String(decoding: r, as: UTF8.self))
                    }
                    number = value
                }
                lastRow = number
                if xml.selfClosing { continue }
                let cells = try readCells(row: number)
                if !cells.isEmpty { return (number, cells) }
            default:
                break
            }
        }
        return nil
    }

    /// How a cell's value is stored (its `t` attribute).
    private enum CellType { case number, shared, inline, formulaText, boolean, error, isoDate }

    private func cellType() -> CellType {
        guard let t = xml.attribute("t"), let first = t.first else { return .number }
        switch (t.count, first) {
        case (1, 0x73): return .shared        // s
        case (1, 0x62): return .boolean       // b
        case (1, 0x65): return .error         // e
        case (1, 0x64): return .isoDate       // d
        case (3, 0x73): return t.elementsEqual("str".utf8) ? .formulaText : .number
        case (9, 0x69): return t.elementsEqual("inlineStr".utf8) ? .inline : .number
        default: return .number
        }
    }

    /// The cells of the row just started, up to its end.
    private func readCells(row: Int) throws(WorkbookError) -> [SheetCell] {
        var cells: [SheetCell] = []
        var column = 0
        while true {
            let event = try xml.next()
            switch event {
            case .eof:
                throw .malformedXML(part: sheet.part, offset: 0)
            case .end where xml.named("row"):
                return cells
            case .start where xml.named("c"):
                if let r = xml.attribute("r") {
                    guard let at = SheetReader.reference(r), at.row == row, at.column > column else {
                        throw .badCellReference(part: sheet.part, String(decoding: r, as: UTF8.self))
                    }
                    column = at.column
                } else {
                    column += 1
                }
                guard column <= 16_384 else { throw .badCellReference(part: sheet.part, "\(row)") }
                let type = cellType()
                let style = xml.attribute("s").flatMap(SheetReader.integer) ?? 0
                if xml.selfClosing { continue }
                if let value = try readCell(type: type, style: style, row: row, column: column) {
                    cells.append(SheetCell(column: column, value: value))
                }
            default:
                break
            }
        }
    }

    /// The bytes of the current cell's `<v>` and of its inline string, reused from cell to cell.
    private var valueBytes: [UInt8] = []
    private var inlineBytes: [UInt8] = []

    /// The value of the cell just started; nil when it is empty.
    private func readCell(type: CellType, style: Int, row: Int, column: Int) throws(WorkbookError) -> CellValue? {
        valueBytes.removeAll(keepingCapacity: true)
        inlineBytes.removeAll(keepingCapacity: true)
        var hasValue = false, hasInline = false
        var formula = false
        while true {
            switch try xml.next() {
            case .eof:
                throw .malformedXML(part: sheet.part, offset: 0)
            case .end:
                if xml.named("c") {
                    if formula && valueBytes.isEmpty && !hasInline {
                        throw .formulaWithoutValue(cell: "\(sheet.name)!\(SheetReader.name(row: row, column: column))")
                    }
                    return try make(type: type, style: style, value: hasValue ? valueBytes : nil, inline: hasInline ? inlineBytes : nil)
                }
            case .start:
                if xml.named("v") {
                    hasValue = true
                    valueBytes.removeAll(keepingCapacity: true)
                    try xml.appendElementText(to: &valueBytes)
                } else if xml.named("f") {
                    formula = true
                    try xml.skipElement()
                } else if xml.named("is") {
                    hasInline = true
                    try inlineText(into: &inlineBytes)
                } else {
                    try xml.skipElement()
                }
            case .text:
                break
            }
        }
    }

    /// The text of an inline string (`<is>`), its runs joined, phonetic runs left out.
    private func inlineText(into all: inout [UInt8]) throws(WorkbookError) {
        if xml.selfClosing { return }
        while true {
            switch try xml.next() {
            case .eof: throw .malformedXML(part: sheet.part, offset: 0)
            case .end where xml.named("is"): return
            case .start where xml.named("rPh"): try xml.skipElement()
            case .start where xml.named("t"): try xml.appendElementText(to: &all)
            default: break
            }
        }
    }

    private func make(type: CellType, style: Int, value: [UInt8]?, inline: [UInt8]?) throws(WorkbookError) -> CellValue? {
        switch type {
        case .inline:
            guard let inline, !inline.isEmpty else { return nil }
            return .text(String(decoding: inline, as: UTF8.self))
        case .shared:
            guard let value else { return nil }
            guard let index = SheetReader.integer(value[...]), index < workbook.sharedStrings.count else {
                throw .malformedXML(part: sheet.part, offset: 0)
            }
            let text = workbook.sharedStrings[index]
            return text.isEmpty ? nil : .text(text)
        case .formulaText:
            guard let value, !value.isEmpty else { return nil }
            return .text(String(decoding: value, as: UTF8.self))
        case .boolean:
            guard let value, !value.isEmpty else { return nil }
            return .bool(value == [0x31] || value.elementsEqual("true".utf8))
        case .error:
            return .error(String(decoding: value ?? [], as: UTF8.self))
        case .isoDate:
            guard let value, !value.isEmpty else { return nil }
            let text = String(decoding: value, as: UTF8.self)
            let datePart = text.prefix(10)
            guard let date = CivilDate(datePart) else { return .text(text) }
            var seconds = 0
            let time = text.dropFirst(11).split(separator: ":").map { Double($0) ?? 0 }
            if time.count >= 2 { seconds = Int(time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0)) }
            return .date(date, seconds: seconds, serial: text)
        case .number:
            guard let value, !value.isEmpty else { return nil }
            var bytes = value[...]
            while let first = bytes.first, XMLReader.isSpace(first) { bytes = bytes.dropFirst() }
            while let last = bytes.last, XMLReader.isSpace(last) { bytes = bytes.dropLast() }
            let text = String(decoding: bytes, as: UTF8.self)
            if style < workbook.dateStyles.count, workbook.dateStyles[style], let serial = Double(text) {
                let (date, seconds) = ExcelDate.date(serial: serial, date1904: workbook.date1904)
                return .date(date, seconds: seconds, serial: text)
            }
            return .number(text)
        }
    }

    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 12 else { return nil }
        var value = 0
        for b in bytes {
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    /// `C17` → row 17, column 3 (a `$` before the row is allowed).
    package static func reference(_ bytes: ArraySlice<UInt8>) -> (row: Int, column: Int)? {
        var column = 0
        var letters = 0
        var rest = bytes
        while let b = rest.first, letters < 3 {
            let upper = b & ~0x20
            guard upper >= 65 && upper <= 90 else { break }
            column = column * 26 + Int(upper - 64)
            letters += 1
            rest = rest.dropFirst()
        }
        if rest.first == 0x24 { rest = rest.dropFirst() }
        guard column > 0, let row = integer(rest), row > 0 else { return nil }
        return (row, column)
    }

    /// The letters of 1-based column `column` (1 → A, 27 → AA).
    package static func letters(_ column: Int) -> String {
        var n = column
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    package static func name(row: Int, column: Int) -> String { letters(column) + String(row) }
}

import Testing
import Foundation
@testable import KaoheModel
@testable import KaoheInput

/// Workbooks under Fixtures/Workbook, made by openpyxl and by hand (`make.py` there).
@Suite struct WorkbookTests {
    func open(_ name: String) throws -> Workbook { try Workbook(bytes: Fixtures.bytes("Workbook/\(name)")) }

    func rows(_ workbook: Workbook, _ sheet: Workbook.Sheet) throws -> [(Int, [SheetCell])] {
        let reader = try SheetReader(workbook: workbook, sheet: sheet)
        var all: [(Int, [SheetCell])] = []
        while let row = try reader.next() { all.append((row.row, row.cells)) }
        return all
    }

    func csv(_ workbook: Workbook, _ sheet: Workbook.Sheet) throws -> String {
        let source = try SheetCSVSource(workbook: workbook, sheet: sheet)
        return source.text(limit: 1 << 20) ?? ""
    }

    @Test func sheetsAndTheirState() throws {
        let workbook = try open("cells.xlsx")
        #expect(workbook.sheets.map(\.name) == ["数据", "隐藏", "公式"])
        #expect(workbook.sheets.map(\.hidden) == [false, true, false])
        #expect(workbook.firstVisibleSheet?.name == "数据")
        #expect(workbook.sheet(named: ["checks", " 隐藏 "])?.name == "隐藏")
        #expect(workbook.sheet(named: ["checks"]) == nil)
        #expect(!workbook.date1904)
        #expect(try open("cells1904.xlsx").date1904)
    }

    @Test func cellsAsCSVText() throws {
        let workbook = try open("cells.xlsx")
        let sheet = try #require(workbook.firstVisibleSheet)
        let text = try csv(workbook, sheet)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false) == [
            "", "text,number,date,other", "青石镇,2,2025-01-07,TRUE", "\"a,b \"\"q\"\"\",0.3,2025-01-07 09:30,FALSE",
            ",0.015,1900-03-01,-3", "x,123456789012,45663,", ""])
        let source = try SheetCSVSource(workbook: workbook, sheet: sheet)
        _ = source.text(limit: 1 << 20)
        #expect(source.lines.titleRows == [1])
    }

    @Test func theSameDatesIn1904() throws {
        let workbook = try open("cells1904.xlsx")
        let text = try csv(workbook, try #require(workbook.firstVisibleSheet))
        #expect(text.contains("青石镇,2,2025-01-07,TRUE"))
        #expect(text.contains("2025-01-07 09:30"))
        // Before 1904 the 1904 system has no serials: the number is shown as it is.
        #expect(text.contains(",0.015,-1401,-3"))
    }

    @Test func formulaWithoutCachedValue() throws {
        let workbook = try open("cells.xlsx")
        let sheet = try #require(workbook.sheet(named: ["公式"]))
        #expect(throws: WorkbookError.formulaWithoutValue(cell: "公式!B1")) { try rows(workbook, sheet) }
    }

    @Test func handWrittenParts() throws {
        let workbook = try open("handmade.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Sheet & 1"])
        #expect(workbook.sharedStrings == [" plain <text> ", "rich 文本"])
        let sheet = try #require(workbook.firstVisibleSheet)
        let read = try rows(workbook, sheet)
        #expect(read.map(\.0) == [1, 2, 5, 6])
        #expect(read[0].1 == [SheetCell(column: 1, value: .text(" plain <text> ")), SheetCell(column: 3, value: .text("rich 文本"))])
        #expect(read[1].1 == [SheetCell(column: 1, value: .text("inline一二")), SheetCell(column: 2, value: .number("7")),
                              SheetCell(column: 3, value: .text("ab"))])
        #expect(read[3].1 == [SheetCell(column: 1, value: .error("#N/A"))])
        let text = try csv(workbook, sheet)
        #expect(text == " plain <text> ,,rich 文本\ninline一二,7,ab\n\n\n,\"two\nlines\",TRUE\n#N/A,,\n")
        let source = try SheetCSVSource(workbook: workbook, sheet: sheet)
        _ = source.text(limit: 1 << 20)
        #expect([1, 2, 5, 7].map(source.lines.row) == [1, 2, 5, 6])
    }

    /// The text read in small pieces, as the streamed check log reads it (written by a second
    /// thread), is the text read whole.
    @Test(arguments: ["cells.xlsx", "handmade.xlsx"]) func streamedTextIsTheWholeText(name: String) throws {
        let workbook = try open(name)
        for sheet in workbook.sheets {
            let whole = try SheetCSVSource(workbook: workbook, sheet: sheet)
            let text = whole.text(limit: 1 << 20)
            let streamed = try SheetCSVSource(workbook: workbook, sheet: sheet)
            var bytes: [UInt8] = []
            var piece = [UInt8](repeating: 0, count: 7)
            while true {
                let got = piece.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { streamed.read(into: $0, count: 7) } ?? 0 }
                if got == 0 { break }
                bytes += piece[0..<got]
            }
            #expect(streamed.error == whole.error, "\(sheet.name)")
            if whole.error == nil { #expect(String(decoding: bytes, as: UTF8.self) == text, "\(sheet.name)") }
            #expect(streamed.lines.titleRows == whole.lines.titleRows)
        }
        // A reading given up half-way stops its thread.
        let sheet = try #require(workbook.sheets.first)
        let abandoned = try SheetCSVSource(workbook: workbook, sheet: sheet)
        var one: UInt8 = 0
        _ = abandoned.read(into: &one, count: 1)
    }

    @Test func doctypeIsRefused() {
        #expect(throws: WorkbookError.doctype(part: "xl/sharedStrings.xml")) { try open("doctype.xlsx") }
    }

    @Test func entitiesAndMalformedXML() throws {
        func events(_ text: String) throws -> [String] {
            let reader = XMLReader(part: "x.xml", bytes: Array(text.utf8))
            var out: [String] = []
            while true {
                switch try reader.next() {
                case .eof: return out
                case .start: out.append("<" + String(decoding: reader.name, as: UTF8.self) + (reader.selfClosing ? "/" : ""))
                case .end: out.append(">" + String(decoding: reader.name, as: UTF8.self))
                case .text: out.append(String(decoding: reader.text, as: UTF8.self))
                }
            }
        }
        #expect(try events("<?xml version=\"1.0\"?><a x='1 > 0'>&lt;&#65;&#x42;&quot;&apos;&amp;<b/></a>")
                == ["<a", "<AB\"'&", "<b/", ">a"])
        #expect(throws: WorkbookError.self) { try events("<a>&nbsp;</a>") }
        #expect(throws: WorkbookError.self) { try events("<a>&#0;</a>") }
        #expect(throws: WorkbookError.self) { try events("<a x=1></a>") }
        #expect(throws: WorkbookError.self) { try events("<a><!-- unterminated") }
        #expect(throws: WorkbookError.doctype(part: "x.xml")) { try events("<!DOCTYPE a><a/>") }
    }

    @Test func excelSerialDates() {
        func day(_ serial: Double, _ date1904: Bool = false) -> String {
            ExcelDate.date(serial: serial, date1904: date1904).date?.description ?? "none"
        }
        #expect(day(1) == "1900-01-01")
        #expect(day(59) == "1900-02-28")
        #expect(day(60) == "none")
        #expect(day(61) == "1900-03-01")
        #expect(day(45658) == "2025-01-01")
        #expect(day(45663.75) == "2025-01-06")
        #expect(ExcelDate.date(serial: 45663.75, date1904: false).seconds == 18 * 3600)
        #expect(day(0) == "none")
        #expect(day(-1) == "none")
        #expect(day(0, true) == "1904-01-01")
        #expect(day(44196, true) == "2025-01-01")
        #expect(day(2_958_465) == "9999-12-31")
        #expect(day(2_958_466) == "none")
    }

    @Test func dateFormats() {
        for code in ["yyyy-mm-dd", "m/d/yy", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy\"年\"m\"月\"", "h:mm AM/PM", "[h]:mm", "dd/mm/yyyy;@"] {
            #expect(Workbook.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0", "0.00E+00", "\"day\" 0", "[Red]0.0", "0\\d", "@"] {
            #expect(!Workbook.isDateFormat(code), "\(code)")
        }
        #expect(Workbook.isBuiltInDate(14) && Workbook.isBuiltInDate(22) && Workbook.isBuiltInDate(57))
        #expect(!Workbook.isBuiltInDate(0) && !Workbook.isBuiltInDate(49))
    }

    @Test func generalNumbers() {
        #expect(SheetCSVSource.general("2") == "2")
        #expect(SheetCSVSource.general("0.30000000000000004") == "0.3")
        #expect(SheetCSVSource.general("4.5E-2") == "0.045")
        #expect(SheetCSVSource.general("-1.25") == "-1.25")
        #expect(SheetCSVSource.general("2.9999999999999996") == "3")
    }

    @Test func cellReferences() {
        #expect(SheetReader.reference(Array("C17".utf8)[...])! == (17, 3))
        #expect(SheetReader.reference(Array("XFD1048576".utf8)[...])! == (1_048_576, 16_384))
        #expect(SheetReader.reference(Array("17".utf8)[...]) == nil)
        #expect(SheetReader.letters(1) == "A" && SheetReader.letters(26) == "Z" && SheetReader.letters(27) == "AA")
        #expect(SheetReader.letters(16_384) == "XFD")
    }
}

@Suite struct SheetLinesTests {
    @Test func rowsBelowLineBreaks() {
        let lines = SheetLines()
        lines.note(line: 1, row: 1)
        lines.note(line: 2, row: 2)
        lines.note(line: 5, row: 4)   // row 3 held a line break
        lines.note(line: 6, row: 5)
        lines.note(line: 9, row: 9)   // a gap of empty rows brings them level again
        #expect([1, 2, 5, 6, 7, 9, 12].map(lines.row) == [1, 2, 4, 5, 6, 9, 12])
        #expect(lines.shifted)
        #expect(!SheetLines().shifted)
    }
}

import Testing
import KaoheModel
@testable import KaoheRendering

/// The pieces under the workbook and Word document writers: XML escaping, sheet names within
/// Excel's rules, cell references and dates, and the ZIP container.
@Suite struct OfficeWritersTests {
    @Test func xmlEscapesMarkupAndDropsForbiddenCharacters() {
        #expect(XMLWriter.escape("a<b&c>\"d\u{1}\u{FFFE}e\tf") == "a&lt;b&amp;c&gt;\"de\tf")
        #expect(XMLWriter.escape("x\"y\nz\t", attribute: true) == "x&quot;y&#10;z&#9;")
        #expect(XMLWriter.escape("a\rb") == "a&#13;b")
        var x = XMLWriter()
        x.open("a", [("k", "<v>")])
        x.element("b", text: "1 & 2")
        x.empty("c")
        #expect(x.finished.hasSuffix("<a k=\"&lt;v&gt;\"><b>1 &amp; 2</b><c/></a>"))
    }

    @Test func sheetNamesFollowExcelsRules() {
        var names = SheetNames()
        #expect(names.unique("【镇街】") == "镇街")
        #expect(names.unique("a/b:c*d?e[f]g\\h") == "a_b_c_d_e_f_g_h")
        let long = names.unique(String(repeating: "很长的工作表名称", count: 5))
        #expect(long.utf16.count <= 31)
        #expect(names.unique("镇街") == "镇街 (2)")
        #expect(names.unique("History") == "History (2)")
        #expect(names.unique("'") == "Sheet")
        let again = names.unique(String(repeating: "很长的工作表名称", count: 5))
        #expect(again != long && again.utf16.count <= 31 && again.hasSuffix(" (2)"))
    }

    @Test func cellReferencesAndDates() {
        #expect([0, 25, 26, 701, 702].map(XLSXRenderer.column) == ["A", "Z", "AA", "ZZ", "AAA"])
        #expect(CivilDate(year: 2025, month: 3, day: 5).map(XLSXRenderer.serial) == 45721)
        #expect(CivilDate(year: 1970, month: 1, day: 1).map(XLSXRenderer.serial) == 25569)
        #expect(XLSXRenderer.formatCode(places: 2) == "0.00" && XLSXRenderer.numberFormat(places: 2) == 2)
    }

    @Test func zipHoldsStoredEntriesWithTheirChecksums() {
        var zip = ZipWriter()
        zip.add("a.txt", "hello")
        zip.add("b/中.xml", "")
        let bytes = zip.finished()
        // Local header of the first entry: signature, method 0, CRC-32 of "hello", sizes 5.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        #expect(Array(bytes[14..<18]) == [0x86, 0xA6, 0x10, 0x36])
        #expect(bytes[18] == 5 && bytes[22] == 5)
        // The end record counts two entries; the UTF-8 name sets bit 11.
        let end = bytes.count - 22
        #expect(Array(bytes[end..<end + 4]) == [0x50, 0x4B, 0x05, 0x06])
        #expect(bytes[end + 8] == 2 && bytes[end + 10] == 2)
        #expect(zip.finished() == bytes)
    }

    @Test func zipDeflatesWhatRepeats() {
        var zip = ZipWriter()
        let text = String(repeating: "<row><c><v>1</v></c></row>", count: 400)
        zip.add("sheet.xml", text)
        let bytes = zip.finished()
        #expect(bytes[8] == 8)                          // method: deflated
        #expect(bytes.count < text.utf8.count / 10)
    }
}

import KaoheModel
/// Lays a ``Document`` out as an Excel workbook (Office Open XML SpreadsheetML, ECMA-376): one
/// sheet per table, named by ``Table/sheet`` (else its caption, heading or the document), with
/// the title in a merged first row, the header row bold and frozen and repeated on every
/// printed page, columns as wide as their widest cell (CJK characters count two), numbers
/// stored as numbers in their decimals (number format `0.00` for two), dates as dates, and A4
/// print setup. Every cell is a value: text is written as an inline string, never a formula.
/// The document's other text (paragraphs, lines) goes to a last sheet, one line a row, so
/// nothing is dropped; charts are left out.
package enum XLSXRenderer {
    package static func render(_ document: Document, language: Language) -> [UInt8] {
        let l: (String, String) -> String = { language == .zh ? $0 : $1 }
        var sheets: [Sheet] = []
        var names = SheetNames()
        var heading: String?
        var notes: [String] = []
        for block in document.blocks {
            switch block {
            case .table(let table):
                let name = table.sheet ?? table.caption ?? heading ?? document.subtitle ?? document.title
                let title = [document.title, document.subtitle, table.caption ?? heading].compactMap { $0 }
                    .filter { !$0.isEmpty }.joined(separator: "  ")
                sheets.append(Sheet(name: names.unique(name), title: title, table: table))
            case .heading(let text, _):
                heading = text
                notes.append(text)
            case .paragraph(let text):
                notes.append(text)
            case .lines(let lines):
                notes += lines.map { String(repeating: "  ", count: $0.indent) + $0.text }
            case .chart, .pageBreak:
                continue
            }
        }
        notes = notes.filter { !$0.isEmpty }
        if !notes.isEmpty || sheets.isEmpty {
            let header = l("说明", "Notes")
            let table = Table(headers: [header], rows: notes.map { [.text($0)] })
            sheets.append(Sheet(name: names.unique(header), title: [document.title, document.subtitle].compactMap { $0 }.joined(separator: "  "),
                                table: table))
        }
        return package(sheets, language: language)
    }

    struct Sheet {
        var name: String
        var title: String
        var table: Table
    }

    /// The highest number of decimals given a number format of its own.
    static let maxPlaces = 6

    // MARK: - Package

    static func package(_ sheets: [Sheet], language: Language) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", contentTypes(sheets.count))
        zip.add("_rels/.rels", rootRelationships)
        zip.add("docProps/app.xml", appProperties)
        zip.add("xl/workbook.xml", workbook(sheets))
        zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count))
        zip.add("xl/styles.xml", styles(language: language))
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0))
        }
        return zip.finished()
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = OfficePackage.relationshipNamespace

    static func contentTypes(_ count: Int) -> String {
        var x = XMLWriter()
        x.open("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        x.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        x.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        x.empty("Override", [("PartName", "/xl/workbook.xml"),
                             ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")])
        x.empty("Override", [("PartName", "/xl/styles.xml"),
                             ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")])
        x.empty("Override", [("PartName", "/docProps/app.xml"),
                             ("ContentType", "application/vnd.openxmlformats-officedocument.extended-properties+xml")])
        for index in 1...max(1, count) {
            x.empty("Override", [("PartName", "/xl/worksheets/sheet\(index).xml"),
                                 ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
        }
        return x.finished
    }

    static var rootRelationships: String { OfficePackage.rootRelationships(mainPart: "xl/workbook.xml") }

    static var appProperties: String { OfficePackage.appProperties }

    static func workbook(_ sheets: [Sheet]) -> String {
        var x = XMLWriter()
        x.open("workbook", [("xmlns", mainNamespace), ("xmlns:r", relationshipNamespace)])
        x.open("bookViews")
        x.empty("workbookView", [("activeTab", "0")])
        x.close()
        x.open("sheets")
        for (index, sheet) in sheets.enumerated() {
            x.empty("sheet", [("name", sheet.name), ("sheetId", "\(index + 1)"), ("r:id", "rId\(index + 1)")])
        }
        x.close()
        // The header row (row 2) printed at the top of every page.
        x.open("definedNames")
        for (index, sheet) in sheets.enumerated() {
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            x.element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", "\(index)")], text: "\(quoted)!$2:$2")
        }
        x.close()
        return x.finished
    }

    static func workbookRelationships(_ count: Int) -> String {
        var x = XMLWriter()
        x.open("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for index in 1...max(1, count) {
            x.empty("Relationship", [("Id", "rId\(index)"), ("Type", relationshipNamespace + "/worksheet"),
                                     ("Target", "worksheets/sheet\(index).xml")])
        }
        x.empty("Relationship", [("Id", "rId\(count + 1)"), ("Type", relationshipNamespace + "/styles"), ("Target", "styles.xml")])
        return x.finished
    }

    // MARK: - Styles

    /// Cell formats (`cellXfs` indices) the sheets use.
    enum Style: Int {
        case plain = 0, header, title, text, integer, date, number
        /// A number with `places` decimals.
        static func number(places: Int) -> Int { Style.number.rawValue + max(0, min(maxPlaces, places)) }
    }

    /// Number formats: built-in 1 (`0`) and 2 (`0.00`), the others defined from 164 on.
    static func numberFormat(places: Int) -> Int {
        switch places {
        case 0: return 1
        case 2: return 2
        case 1: return 165
        default: return 165 + places - 2   // 3 → 166, 4 → 167, …
        }
    }

    static func formatCode(places: Int) -> String { places == 0 ? "0" : "0." + String(repeating: "0", count: places) }

    static func styles(language: Language) -> String {
        let font = language == .zh ? "宋体" : "Calibri"
        var x = XMLWriter()
        x.open("styleSheet", [("xmlns", mainNamespace)])
        let custom = [(164, "yyyy-mm-dd")] + (0...maxPlaces).filter { $0 != 0 && $0 != 2 }.map { (numberFormat(places: $0), formatCode(places: $0)) }
        x.open("numFmts", [("count", "\(custom.count)")])
        for (id, code) in custom { x.empty("numFmt", [("numFmtId", "\(id)"), ("formatCode", code)]) }
        x.close()
        x.open("fonts", [("count", "3")])
        for (bold, size) in [(false, "11"), (true, "11"), (true, "14")] {
            x.open("font")
            if bold { x.empty("b") }
            x.empty("sz", [("val", size)])
            x.empty("name", [("val", font)])
            x.empty("family", [("val", "2")])
            if language == .zh { x.empty("charset", [("val", "134")]) }
            x.close()
        }
        x.close()
        x.open("fills", [("count", "3")])
        x.open("fill"); x.empty("patternFill", [("patternType", "none")]); x.close()
        x.open("fill"); x.empty("patternFill", [("patternType", "gray125")]); x.close()
        x.open("fill"); x.open("patternFill", [("patternType", "solid")]); x.empty("fgColor", [("rgb", "FFE7E6E6")]); x.close(); x.close()
        x.close()
        x.open("borders", [("count", "2")])
        x.open("border"); for side in ["left", "right", "top", "bottom", "diagonal"] { x.empty(side) }; x.close()
        x.open("border")
        for side in ["left", "right", "top", "bottom"] {
            x.open(side, [("style", "thin")]); x.empty("color", [("rgb", "FF808080")]); x.close()
        }
        x.empty("diagonal")
        x.close()
        x.close()
        x.open("cellStyleXfs", [("count", "1")])
        x.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        x.close()
        var formats: [(numFmt: Int, font: Int, fill: Int, border: Int, alignment: XMLWriter.Attributes)] = [
            (0, 0, 0, 0, []),
            (0, 1, 2, 1, [("horizontal", "center"), ("vertical", "center"), ("wrapText", "1")]),
            (0, 2, 0, 0, [("horizontal", "center"), ("vertical", "center")]),
            (0, 0, 0, 1, [("vertical", "center")]),
            (1, 0, 0, 1, [("vertical", "center")]),
            (164, 0, 0, 1, [("horizontal", "center"), ("vertical", "center")]),
        ]
        formats += (0...maxPlaces).map { (numberFormat(places: $0), 0, 0, 1, [("vertical", "center")]) }
        x.open("cellXfs", [("count", "\(formats.count)")])
        for f in formats {
            var attributes: XMLWriter.Attributes = [("numFmtId", "\(f.numFmt)"), ("fontId", "\(f.font)"), ("fillId", "\(f.fill)"),
                                                    ("borderId", "\(f.border)"), ("xfId", "0")]
            if f.numFmt != 0 { attributes.append(("applyNumberFormat", "1")) }
            if f.font != 0 { attributes.append(("applyFont", "1")) }
            if f.fill != 0 { attributes.append(("applyFill", "1")) }
            if f.border != 0 { attributes.append(("applyBorder", "1")) }
            if f.alignment.isEmpty {
                x.empty("xf", attributes)
            } else {
                attributes.append(("applyAlignment", "1"))
                x.open("xf", attributes)
                x.empty("alignment", f.alignment)
                x.close()
            }
        }
        x.close()
        x.open("cellStyles", [("count", "1")])
        x.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
        x.close()
        return x.finished
    }

    // MARK: - Worksheets

    /// The longest text a cell holds (Excel's limit, in UTF-16 units); longer text is cut.
    static let cellLimit = 32767

    static func worksheet(_ sheet: Sheet, selected: Bool) -> String {
        let table = sheet.table
        let columns = max(1, table.headers.count)
        let lastColumn = column(columns - 1)
        let lastRow = table.rows.count + 2

        // Column widths: the widest cell in display columns (a CJK character counts two), plus room.
        var widths = table.headers.map { DisplayWidth.of($0) + 1 }   // bold headers run a little wider
        if widths.isEmpty { widths = [8] }
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell.display.prefix(200)))
            }
        }
        widths = widths.map { min(60, max(6, $0 + 2)) }
        let landscape = widths.reduce(0, +) > 95

        var x = XMLWriter()
        x.open("worksheet", [("xmlns", mainNamespace), ("xmlns:r", relationshipNamespace)])
        x.open("sheetPr")
        x.empty("pageSetUpPr", [("fitToPage", "1")])
        x.close()
        x.empty("dimension", [("ref", "A1:\(lastColumn)\(lastRow)")])
        x.open("sheetViews")
        var view: XMLWriter.Attributes = [("workbookViewId", "0")]
        if selected { view.insert(("tabSelected", "1"), at: 0) }
        x.open("sheetView", view)
        x.empty("pane", [("ySplit", "2"), ("topLeftCell", "A3"), ("activePane", "bottomLeft"), ("state", "frozen")])
        x.empty("selection", [("pane", "bottomLeft"), ("activeCell", "A3"), ("sqref", "A3")])
        x.close()
        x.close()
        x.empty("sheetFormatPr", [("defaultRowHeight", "15")])
        x.open("cols")
        for (index, width) in widths.enumerated() {
            x.empty("col", [("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", "\(width)"), ("customWidth", "1")])
        }
        x.close()

        x.open("sheetData")
        x.open("row", [("r", "1"), ("ht", "24"), ("customHeight", "1")])
        text(sheet.title, at: "A1", style: .title, into: &x)
        x.close()
        x.open("row", [("r", "2")])
        for index in 0..<columns {
            text(index < table.headers.count ? table.headers[index] : "", at: "\(column(index))2", style: .header, into: &x)
        }
        x.close()
        var rowNumber = 2
        for row in table.rows {
            rowNumber += 1
            x.open("row", [("r", "\(rowNumber)")])
            for index in 0..<columns {
                let reference = "\(column(index))\(rowNumber)"
                guard index < row.count else {
                    x.empty("c", [("r", reference), ("s", "\(Style.text.rawValue)")])
                    continue
                }
                switch row[index] {
                case .text(let value):
                    text(value == "-" ? "" : value, at: reference, style: .text, into: &x)
                case .integer(let value):
                    x.open("c", [("r", reference), ("s", "\(Style.integer.rawValue)")])
                    x.element("v", text: String(value))
                    x.close()
                case .number(let value, let places):
                    x.open("c", [("r", reference), ("s", "\(Style.number(places: places))")])
                    x.element("v", text: value.formatted(places: places))
                    x.close()
                case .date(let date):
                    x.open("c", [("r", reference), ("s", "\(Style.date.rawValue)")])
                    x.element("v", text: String(serial(date)))
                    x.close()
                }
            }
            x.close()
        }
        x.close()

        if columns > 1 {
            x.open("mergeCells", [("count", "1")])
            x.empty("mergeCell", [("ref", "A1:\(lastColumn)1")])
            x.close()
        }
        x.empty("pageMargins", [("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"),
                                ("header", "0.3"), ("footer", "0.3")])
        x.empty("pageSetup", [("paperSize", "9"), ("orientation", landscape ? "landscape" : "portrait"),
                              ("fitToWidth", "1"), ("fitToHeight", "0")])
        x.open("headerFooter")
        x.element("oddFooter", text: "&C&P / &N")
        x.close()
        return x.finished
    }

    /// A text cell as an inline string; an empty one keeps only its style.
    static func text(_ value: String, at reference: String, style: Style, into x: inout XMLWriter) {
        let clean = XMLWriter.clean(value)
        guard !clean.isEmpty else {
            x.empty("c", [("r", reference), ("s", "\(style.rawValue)")])
            return
        }
        let cut = SheetNames.cut(clean, to: cellLimit)
        x.open("c", [("r", reference), ("s", "\(style.rawValue)"), ("t", "inlineStr")])
        x.open("is")
        let spaced = cut.first?.isWhitespace == true || cut.last?.isWhitespace == true || cut.contains("\n")
        x.element("t", spaced ? [("xml:space", "preserve")] : [], text: cut)
        x.close()
        x.close()
    }

    /// `A` … `Z`, `AA` … for a zero-based column index.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let digit = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The day's serial number in Excel's 1900 date system (1970-01-01 is 25569).
    static func serial(_ date: CivilDate) -> Int { date.dayNumber + 25569 }
}

/// Sheet names within Excel's rules: 1 to 31 characters, none of `[ ] : * ? / \`, not
/// starting or ending with `'`, not `History`, and unique regardless of case.
struct SheetNames {
    private var used: Set<String> = []

    static let limit = 31

    mutating func unique(_ wanted: String) -> String {
        var base = SheetNames.clean(wanted)
        if base.isEmpty { base = "Sheet" }
        var name = base
        var number = 1
        while used.contains(name.lowercased()) || name.lowercased() == "history" {
            number += 1
            let suffix = " (\(number))"
            name = SheetNames.cut(base, to: SheetNames.limit - suffix.utf16.count) + suffix
        }
        used.insert(name.lowercased())
        return name
    }

    static func clean(_ text: String) -> String {
        var name = ""
        for ch in XMLWriter.clean(text) {
            if "[]:*?/\\".contains(ch) { name.append("_") } else if ch.isNewline || ch == "\t" { name.append(" ") } else { name.append(ch) }
        }
        // 【镇街】 → 镇街: brackets around the whole name add nothing on a tab.
        if name.hasPrefix("【") && name.hasSuffix("】") && name.count > 2 { name = String(name.dropFirst().dropLast()) }
        name = name.trimmingCharacters(in: " '")
        return cut(name, to: limit).trimmingCharacters(in: " '")
    }

    /// At most `limit` UTF-16 units, cut at a character.
    static func cut(_ text: String, to limit: Int) -> String {
        var out = ""
        var used = 0
        for ch in text {
            let count = ch.utf16.count
            if used + count > limit { break }
            out.append(ch)
            used += count
        }
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

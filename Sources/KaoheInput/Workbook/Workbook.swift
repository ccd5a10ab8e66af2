import KaoheModel
import Foundation

/// An .xlsx workbook (Office Open XML SpreadsheetML) opened for reading: its sheets, shared
/// strings, which cell styles are dates, and the date system. Worksheets are read a row at a
/// time by ``SheetReader``.
package struct Workbook: Sendable {
    package struct Sheet: Sendable, Equatable {
        package var name: String
        package var hidden: Bool
        /// The worksheet's part in the archive (`xl/worksheets/sheet1.xml`).
        package var part: String
    }

    package let archive: ZipArchive
    /// Worksheets in the workbook's order (chartsheets and dialog sheets left out).
    package let sheets: [Sheet]
    package let sharedStrings: [String]
    /// For each cell style (`s` of a cell), whether its number format shows a date.
    package let dateStyles: [Bool]
    /// Whether serial numbers count from 1904-01-01 (old Mac Excel) instead of 1900.
    package let date1904: Bool

    /// Largest workbook part read whole (the shared strings, styles, the workbook itself).
    package static let maxPartBytes = 256 << 20

    package init(bytes: [UInt8]) throws(WorkbookError) {
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            throw .archive(error)
        }
        let workbookPart = Workbook.officeDocument(archive) ?? "xl/workbook.xml"
        let relations = try Workbook.relationships(archive, of: workbookPart)
        guard let workbookMember = archive.member(workbookPart) else { throw .missingPart(workbookPart) }
        let reader = XMLReader(part: workbookPart, bytes: try Workbook.read(archive, workbookMember))
        var sheets: [Sheet] = []
        var date1904 = false
        while true {
            let event = try reader.next()
            if event == .eof { break }
            guard event == .start else { continue }
            if reader.named("workbookPr") {
                let value = reader.attributeString("date1904") ?? "0"
                date1904 = value == "1" || value == "true"
            } else if reader.named("sheet") {
                guard let id = reader.attributeString("id"), let target = relations[id],
                      target.type.hasSuffix("/worksheet") else { continue }
                let state = reader.attributeString("state") ?? "visible"
                sheets.append(Sheet(name: reader.attributeString("name") ?? "", hidden: state != "visible", part: target.path))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        if let strings = relations.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.path ?? Workbook.present(archive, "xl/sharedStrings.xml"),
           let member = archive.member(strings) {
            sharedStrings = try Workbook.sharedStrings(XMLReader(part: strings, bytes: try Workbook.read(archive, member)))
        } else {
            sharedStrings = []
        }
        if let styles = relations.values.first(where: { $0.type.hasSuffix("/styles") })?.path ?? Workbook.present(archive, "xl/styles.xml"),
           let member = archive.member(styles) {
            dateStyles = try Workbook.dateStyles(XMLReader(part: styles, bytes: try Workbook.read(archive, member)))
        } else {
            dateStyles = []
        }
    }

    /// The first sheet that is not hidden.
    package var firstVisibleSheet: Sheet? { sheets.first { !$0.hidden } }

    /// The first sheet named one of `names` (compared without case and surrounding spaces,
    /// hidden sheets included).
    package func sheet(named names: [String]) -> Sheet? {
        let wanted = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in wanted {
            if let sheet = sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == name }) { return sheet }
        }
        return nil
    }

    static func present(_ archive: ZipArchive, _ name: String) -> String? {
        archive.member(name) == nil ? nil : name
    }

    static func read(_ archive: ZipArchive, _ member: ZipArchive.Member) throws(WorkbookError) -> [UInt8] {
        do {
            return try archive.contents(member, limit: maxPartBytes)
        } catch {
            throw .archive(error)
        }
    }

    /// The main part named by the package relationships (`_rels/.rels`).
    static func officeDocument(_ archive: ZipArchive) -> String? {
        guard let member = archive.member("_rels/.rels"), let bytes = try? read(archive, member),
              let relations = try? relationships(XMLReader(part: "_rels/.rels", bytes: bytes), base: "") else { return nil }
        return relations.values.first { $0.type.hasSuffix("/officeDocument") }?.path
    }

    /// The relationships of `part` by id: their type and the target's path in the archive.
    static func relationships(_ archive: ZipArchive, of part: String) throws(WorkbookError) -> [String: (type: String, path: String)] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let member = archive.member(relsPath) else { throw .missingPart(relsPath) }
        return try relationships(XMLReader(part: relsPath, bytes: try read(archive, member)), base: folder)
    }

    static func relationships(_ reader: XMLReader, base: String) throws(WorkbookError) -> [String: (type: String, path: String)] {
        var found: [String: (type: String, path: String)] = [:]
        while true {
            let event = try reader.next()
            if event == .eof { break }
            guard event == .start, reader.named("Relationship"), let id = reader.attributeString("Id"),
                  let target = reader.attributeString("Target") else { continue }
            if reader.attributeString("TargetMode") == "External" { continue }
            found[id] = (reader.attributeString("Type") ?? "", resolve(target, base: base))
        }
        return found
    }

    /// `target` relative to folder `base`, `..` and `.` resolved; a leading `/` is the archive root.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { _ = parts.popLast() } else { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared string table: each `<si>` is plain text `<t>` or rich-text runs `<r><t>`;
    /// phonetic runs (`<rPh>`) are not part of the text.
    static func sharedStrings(_ reader: XMLReader) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var current: [UInt8] = []
        var inItem = false
        while true {
            let event = try reader.next()
            if event == .eof { break }
            switch event {
            case .start where reader.named("si"):
                inItem = !reader.selfClosing
                current.removeAll(keepingCapacity: true)
                if reader.selfClosing { strings.append("") }
            case .start where reader.named("rPh"):
                try reader.skipElement()
            case .start where inItem && reader.named("t"):
                current += try reader.elementText()
            case .end where reader.named("si"):
                strings.append(String(decoding: current, as: UTF8.self))
                inItem = false
            default:
                break
            }
        }
        return strings
    }

    /// For each `<xf>` of `<cellXfs>`, whether its number format is a date.
    static func dateStyles(_ reader: XMLReader) throws(WorkbookError) -> [Bool] {
        var custom: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellXfs = false
        while true {
            let event = try reader.next()
            if event == .eof { break }
            if event == .start && reader.named("numFmt") {
                if let id = reader.attributeString("numFmtId").flatMap({ Int($0) }) {
                    custom[id] = isDateFormat(reader.attributeString("formatCode") ?? "")
                }
            } else if event == .start && reader.named("cellXfs") {
                inCellXfs = !reader.selfClosing
            } else if event == .end && reader.named("cellXfs") {
                inCellXfs = false
            } else if event == .start && inCellXfs && reader.named("xf") {
                let id = reader.attributeString("numFmtId").flatMap { Int($0) } ?? 0
                styles.append(custom[id] ?? isBuiltInDate(id))
                try reader.skipElement()
            }
        }
        return styles
    }

    /// Built-in number formats that show dates or times (ECMA-376 18.8.30, and the ids the
    /// Chinese and Japanese editions use for their date formats).
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
            || (71...81).contains(id)
    }

    /// Whether a format code shows a date or time: a `y`, `m`, `d`, `h` or `s` outside quoted
    /// text, escapes and brackets (colours, conditions, locales), in its first section.
    package static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        var bracket = ""
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    // Elapsed time: [h], [mm], [ss].
                    if !bracket.isEmpty && bracket.lowercased().allSatisfy({ "hms".contains($0) }) { return true }
                } else {
                    bracket.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = ""
            case ";": return false
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                return true
            default: continue
            }
        }
        return false
    }
}

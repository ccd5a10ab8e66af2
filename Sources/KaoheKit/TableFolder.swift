import KaoheModel
import KaoheLoad
import Foundation

/// In-memory tables validated by the same readers as a data folder: the rows are written as
/// CSV files into a private temporary folder, the folder is loaded, and every path in the
/// diagnostics is given back as the table's own name. The folder is removed before returning.
enum TableFolder {
    /// The data files a year is made of, in reading order.
    static var names: [String] {
        let files = DataFolder.files
        return [files.units, files.checks, files.scores, files.events, files.survey] + RegisterKind.allCases.map(\.file)
    }

    static func load(year: Int, title: String, criteria: String, tables: [String: [[String]]],
                     office: String?, docNumber: String?) throws(KaoheError) -> LoadedData {
        let known = Set(names)
        if let unknown = tables.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidTables(LocalizedText(zh: "未知的表 \"\(unknown)\"；可用：\(names.joined(separator: "、"))",
                                               en: "unknown table \"\(unknown)\"; tables: \(names.joined(separator: ", "))"))
        }
        guard (2000...2100).contains(year) else {
            throw .invalidTables(LocalizedText(zh: "考核年度应为 2000 到 2100 之间的整数，而不是 \(year)",
                                               en: "the year must be from 2000 to 2100, not \(year)"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .invalidTables(LocalizedText(zh: "无法建立临时文件夹 \(folder)", en: "cannot create the temporary folder \(folder)"))
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var manifest = "{\n  \"year\": \(year),\n  \"title\": \(JSONString.quoted(title)),\n  \"criteria\": \(JSONString.quoted(criteria))"
        if let office { manifest += ",\n  \"office\": \(JSONString.quoted(office))" }
        if let docNumber { manifest += ",\n  \"docNumber\": \(JSONString.quoted(docNumber))" }
        manifest += "\n}\n"
        var contents = [(DataFolder.files.manifest, manifest)]
        contents += tables.map { ($0.key, csv($0.value)) }
        for (name, text) in contents {
            guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)) else {
                throw .invalidTables(LocalizedText(zh: "无法写入临时文件 \(name)", en: "cannot write the temporary file \(name)"))
            }
        }
        var loaded = DataFolder.load(folder, criteriaOverride: criteria)
        let prefix = folder + "/"
        func unfold(_ text: String) -> String { text.replacingOccurrences(of: prefix, with: "") }
        loaded.diagnostics = loaded.diagnostics.map { diagnostic in
            var d = diagnostic
            d.file = unfold(d.file)
            d.message = LocalizedText(zh: unfold(d.message.zh), en: unfold(d.message.en))
            return d
        }
        loaded.inputPaths = loaded.inputPaths.map(unfold)
        return loaded
    }

    /// Rows as a CSV file: fields with a comma, a quote or a line break are quoted.
    static func csv(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
            out += "\n"
        }
        return out
    }
}

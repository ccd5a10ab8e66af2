import KaoheModel
import KaoheInput
/// A data folder's `assessment.json5` (docs/data-files.md): which year, its title, and which criteria apply.
package struct Manifest: Sendable, Hashable {
    /// The assessment year (考核年度).
    package var year: Int
    package var title: String
    /// The criteria file, relative to the data folder.
    package var criteria: String
    /// Where `criteria` is written in the file (line and column), for messages about it.
    package var criteriaAt: (line: Int, column: Int)?
    /// The office that issues the bulletins (发文机关), when given.
    package var office: String?
    /// The bulletin's issue number (期号), with `{year}` and `{month}` in it, when given.
    package var docNumber: String?
    /// One workbook holding the data files as sheets (relative to the data folder), when given.
    package var workbook: String?

    package init(year: Int, title: String, criteria: String) {
        self.year = year
        self.title = title
        self.criteria = criteria
    }

    package static func == (a: Manifest, b: Manifest) -> Bool {
        a.year == b.year && a.title == b.title && a.criteria == b.criteria && a.office == b.office && a.docNumber == b.docNumber
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(title)
        hasher.combine(criteria)
    }

    /// The criteria file's path for a data folder (`Samples/a` + `../../Criteria/x.json5`).
    package func criteriaPath(folder: String) -> String {
        LoaderFile.join(folder, criteria)
    }
}

/// Loads `assessment.json5`: `{year, title, criteria}`, all required (`year` an integer from
/// 2000 to 2100), and optionally the bulletin's `office` and `docNumber` and the data's `workbook`.
package enum ManifestLoader {
    /// Reads the manifest at `path` (as given; messages use it).
    package static func load(path: String) -> (manifest: Manifest?, diagnostics: [Diagnostic]) {
        let (text, failure) = LoaderFile.read(path, whatZh: "考核年度说明", whatEn: "assessment")
        guard let text else { return (nil, failure.map { [$0] } ?? []) }
        return parse(text, file: path)
    }

    /// Validates manifest text; the manifest is returned only when there is no error.
    package static func parse(_ text: String, file: String) -> (manifest: Manifest?, diagnostics: [Diagnostic]) {
        let (document, syntax) = JSON5Parser.parse(text, file: file)
        guard let document else { return (nil, syntax) }
        let r = JSON5FieldReader(file: file, document: document)
        r.add(syntax)
        let root = JSON5Path.root
        var manifest: Manifest? = nil
        if let object = r.object(document.root, root, fields: ["year", "title", "criteria", "office", "docNumber", "workbook"],
                                 optional: ["office", "docNumber", "workbook"]) {
            let year = object["year"].flatMap {
                r.integer($0, root.key("year"), in: 2000...2100, expectedZh: " 2000 到 2100 之间的整数年份", expectedEn: "a whole year from 2000 to 2100")
            }
            let title = object["title"].flatMap { r.string($0, root.key("title")) }
            let criteria = object["criteria"].flatMap { r.string($0, root.key("criteria")) }
            if let year, let title, let criteria {
                manifest = Manifest(year: year, title: title, criteria: criteria)
                manifest?.criteriaAt = object["criteria"].map { ($0.line, $0.column) }
                manifest?.office = object.optional("office").flatMap { r.string($0, root.key("office")) }
                manifest?.docNumber = object.optional("docNumber").flatMap { r.string($0, root.key("docNumber")) }
                manifest?.workbook = object.optional("workbook").flatMap { r.string($0, root.key("workbook")) }
            }
        }
        return (r.hasErrors ? nil : manifest, CriteriaLoader.sortedByPosition(r.diagnostics))
    }
}

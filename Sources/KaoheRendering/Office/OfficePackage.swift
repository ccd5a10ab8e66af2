/// The parts every Office Open XML package (ECMA-376 Part 2) holds alike: the package's
/// relationships to its main part and to the application properties, and those properties.
enum OfficePackage {
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `_rels/.rels`: the main part (`word/document.xml`, `xl/workbook.xml`) and `docProps/app.xml`.
    static func rootRelationships(mainPart: String) -> String {
        var x = XMLWriter()
        x.open("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        x.empty("Relationship", [("Id", "rId1"), ("Type", relationshipNamespace + "/officeDocument"), ("Target", mainPart)])
        x.empty("Relationship", [("Id", "rId2"), ("Type", relationshipNamespace + "/extended-properties"), ("Target", "docProps/app.xml")])
        return x.finished
    }

    /// `docProps/app.xml`: the application that wrote the package.
    static var appProperties: String {
        var x = XMLWriter()
        x.open("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")])
        x.element("Application", text: "kaohe")
        return x.finished
    }
}

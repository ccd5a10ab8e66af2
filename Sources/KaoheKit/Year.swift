import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheRendering

/// One assessment year's data, read and validated: the units, the check log, the scores, the
/// events and registers, and the criteria that score them.
///
/// A `Year` exists only when its data has no errors; its warnings are kept in ``warnings``.
/// It is a value: copy it, keep it, and use it from any number of threads at once.
public struct Year: Sendable {
    /// The data as the scoring stage reads it.
    var dataset: Dataset
    /// The validated load: diagnostics and the data-quality summary.
    let loaded: LoadedData
    /// The data folder as the caller named it (empty for in-memory tables).
    let folder: String

    init(validation: Validation) throws(KaoheError) {
        guard let dataset = validation.loaded.dataset, !validation.hasErrors else {
            throw .invalidData(validation.diagnostics)
        }
        self.dataset = dataset
        loaded = validation.loaded
        folder = validation.folder
    }

    /// Loads and validates the data folder `folder` (docs/data-files.md), as `kaohe check`
    /// does; `criteria` names another criteria file than the one `assessment.json5` names.
    ///
    /// Throws ``KaoheError/invalidData(_:)`` with every diagnostic when the data has errors.
    public static func load(folder: String, criteria: String? = nil) throws(KaoheError) -> Year {
        try Validation.check(folder: folder, criteria: criteria).year()
    }

    /// Validates a year given as in-memory tables, exactly as the same rows in files would be
    /// validated (with the same diagnostics, which name each table by its key).
    ///
    /// - Parameters:
    ///   - year: The assessment year (2000 to 2100).
    ///   - title: The title reports print.
    ///   - criteria: The criteria file's path (`Criteria/weibin-2020.json5`).
    ///   - tables: Rows by data file name (``tableNames``): `"units.csv"`, `"checks.csv"`, …;
    ///     each table's first row is its header. Tables a year may lack can be left out.
    ///   - office: The office that issues the bulletins (发文机关), when there is one.
    ///   - docNumber: The bulletins' issue number, with `{year}` and `{month}` in it.
    public init(year: Int, title: String, criteria: String, tables: [String: [[String]]],
                office: String? = nil, docNumber: String? = nil) throws(KaoheError) {
        let validation = try Validation.check(year: year, title: title, criteria: criteria, tables: tables,
                                              office: office, docNumber: docNumber)
        try self.init(validation: validation)
    }

    /// The names of the tables a year is made of, in reading order: the files of a data folder.
    public static var tableNames: [String] { TableFolder.names }

    /// The assessment year (考核年度).
    public var year: Int { dataset.year }
    /// The title reports print.
    public var title: String { dataset.title }
    /// The criteria file's path, as resolved from `assessment.json5` or as given.
    public var criteriaFile: String { loaded.criteriaPath ?? "" }
    /// The criteria's id (`weibin-2020`).
    public var criteriaID: String { dataset.criteria.id }
    /// The units, in `units.csv` order.
    public var units: [Unit] { dataset.units.map { Unit(id: $0.id, name: $0.name, group: $0.group, exempt: $0.exempt) } }

    /// A unit assessed (被考核单位): a town, street office or district department.
    public struct Unit: Sendable, Hashable {
        /// The unit's id (编号, `T06`), unique in `units.csv`.
        public var id: String
        /// The unit's name (`白鹭街道`).
        public var name: String
        /// The group (类别) it is ranked in, such as 镇街 or 区级部门.
        public var group: String
        /// The check categories that do not apply to it (不适用).
        public var exempt: [String]
    }
    /// The groups (类别) units are ranked in, in order of first appearance in `units.csv`.
    public var groups: [String] { Assessor.orderedGroups(dataset.units) }
    /// The warnings the data gave (it has no errors).
    public var warnings: [Diagnostic] { loaded.warnings }

    /// The id of the unit `text` names, by id or by name; nil when there is none.
    public func unitID(_ text: String) -> String? {
        references.resolve(text)
    }

    /// The id of the unit `text` names; throws ``KaoheError/unknownUnit(_:suggestion:)`` with
    /// the nearest unit when there is none.
    func resolve(unit text: String) throws(KaoheError) -> String {
        guard let id = references.resolve(text) else {
            throw .unknownUnit(text, suggestion: references.suggestion(for: text).map { $0.name == $0.id ? $0.id : "\($0.id) \($0.name)" })
        }
        return id
    }

    private var references: References { References(dataset.units.map { .init(id: $0.id, name: $0.name) }) }

    /// What `kaohe grade`, `rank`, `bulletin`, `simulate` and `report` say of the warnings on
    /// standard error before their result: how many by file, the first few, and the repeated
    /// failed checks; empty when there are none. `color` adds terminal colours.
    public func warningsText(language: Language, color: Bool = false) -> String {
        var repeated: [WarningSummary.RepeatedFailure] = []
        let quality = loaded.quality
        if !quality.duplicates.isEmpty {
            var deductions: [SourceRef: ExactDecimal] = [:]
            for failure in dataset.failures { deductions[failure.source] = failure.deduction }
            repeated = quality.duplicates.compactMap { row in
                deductions[row.source].map { WarningSummary.RepeatedFailure(source: row.source, firstLine: row.firstLine, deduction: $0) }
            }
        }
        return WarningSummary.render(loaded.warnings, repeated: repeated, folder: folder, language: language, color: color)
    }

    /// Scores the year: every unit's parts, total, band, rank and consequences, and the rankings.
    public func assess() -> AssessedYear {
        AssessedYear(year: self, assessment: Assessor.assess(dataset))
    }
}

import KaoheModel
import KaoheInput
import Foundation

/// A year's data folder loaded and validated: the dataset scoring reads, every diagnostic,
/// and the data-quality summary.
package struct LoadedData: Sendable {
    /// The dataset, when the manifest, criteria and units could be read (it may still have errors).
    package var dataset: Dataset?
    package var diagnostics: [Diagnostic]
    package var quality: DataQuality
    /// The criteria file's path as resolved.
    package var criteriaPath: String?
    /// The files this load reads when present: the folder's data files, then the criteria file
    /// and its calendars once known (paths as given; `--output` may not name any of them).
    package var inputPaths: [String] = []

    package var hasErrors: Bool { diagnostics.contains(where: \.isError) }
    package var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    /// The true numbers of errors and warnings, those left unlisted in a file included.
    package var errorCount: Int { diagnostics.totals.errors }
    package var warningCount: Int { diagnostics.totals.warnings }
    package var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}

/// Reads and validates a data folder (docs/data-files.md).
package enum DataFolder {
    /// The data files in reading order.
    package static let files = (manifest: "assessment.json5", units: "units.csv", checks: "checks.csv",
                        scores: "scores.csv", events: "events.csv", survey: "survey.csv")

    /// Loads `folder` (as the user gave it); `criteriaOverride` replaces the manifest's criteria.
    package static func load(_ folder: String, criteriaOverride: String? = nil) -> LoadedData {
        var diagnostics: [Diagnostic] = []
        var quality = DataQuality()
        var loaded = LoadedData(dataset: nil, diagnostics: [], quality: quality, criteriaPath: nil)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            let exists = FileManager.default.fileExists(atPath: folder)
            loaded.diagnostics = [Diagnostic(exists ? .folderIsAFile(LoaderFile.folder(of: folder)) : .noFolder, file: folder)]
            return loaded
        }
        let manifestPath = Paths.join(folder, files.manifest)
        let dataFiles = [files.manifest, files.units, files.checks, files.scores, files.events, files.survey]
            + RegisterKind.allCases.map(\.file)
        loaded.inputPaths = dataFiles.map { Paths.join(folder, $0) }
        let (manifestValue, manifestDiagnostics) = ManifestLoader.load(path: manifestPath)
        diagnostics += manifestDiagnostics
        guard let manifest = manifestValue else {
            loaded.diagnostics = diagnostics
            return loaded
        }
        let criteriaPath = criteriaOverride ?? Paths.normalize(Paths.join(folder, manifest.criteria))
        loaded.criteriaPath = criteriaPath
        loaded.inputPaths.append(criteriaPath)
        if criteriaOverride == nil, FileBytes.kind(of: criteriaPath) == .absent {
            // A copied data folder whose relative criteria path no longer leads anywhere.
            let resolved = criteriaPath.hasPrefix("/") ? criteriaPath
                : FileManager.default.currentDirectoryPath + "/" + criteriaPath
            diagnostics.append(Diagnostic(.manifestCriteriaNotFound(manifest.criteria, resolved: Paths.normalize(resolved)),
                                          file: manifestPath, line: manifest.criteriaAt?.line, column: manifest.criteriaAt?.column))
            loaded.diagnostics = diagnostics
            return loaded
        }
        let (criteriaValue, criteriaDiagnostics) = CriteriaLoader.load(path: criteriaPath)
        diagnostics += criteriaDiagnostics
        guard let criteria = criteriaValue, !criteriaDiagnostics.contains(where: \.isError) else {
            loaded.diagnostics = diagnostics
            return loaded
        }
        var calendar = WorkingCalendar.weekdays
        if let prefix = criteria.calendar {
            loaded.inputPaths += [manifest.year, manifest.year + 1].map {
                CalendarLoader.path(prefix: prefix, relativeTo: criteriaPath, year: $0)
            }
            let (value, calendarDiagnostics) = CalendarLoader.load(prefix: prefix, relativeTo: criteriaPath, year: manifest.year)
            calendar = value
            diagnostics += calendarDiagnostics
        }

        let workbooks = Workbooks(folder: folder, named: manifest.workbook)
        if let named = manifest.workbook { loaded.inputPaths.append(Paths.join(folder, named)) }
        loaded.inputPaths += dataFiles.dropFirst().map { Paths.join(folder, String($0.dropLast(4)) + ".xlsx") }
        var sources: [String: DataSource] = [:]
        func read(_ name: String, _ specs: [ColumnSpec], required: Bool) -> DataTable? {
            guard let source = workbooks.source(name, specs: specs, required: required, diagnostics: &diagnostics) else {
                return nil
            }
            sources[name] = source
            return DataTable.read(source: source, specs: specs, diagnostics: &diagnostics, ignored: &quality.ignoredColumns)
        }

        // Without a readable units.csv the other files are still checked, their units unverified.
        var units: [KaoheModel.Unit] = []
        var rejectedUnits: [String: Int] = [:]
        let unitsTable = read(files.units, ColumnSpec.units, required: true)
        if let unitsTable {
            let usage: FileUsage
            (units, rejectedUnits, usage) = UnitsFile.validate(unitsTable, criteria: criteria, diagnostics: &diagnostics)
            quality.files.append(usage)
        } else {
            // Named by the file that is there (units.csv, or units.xlsx).
            let workbook = Paths.join(folder, "units.xlsx")
            let path = FileBytes.kind(of: workbook) != .absent ? workbook : Paths.join(folder, files.units)
            diagnostics.append(Diagnostic(.unitsUnverified, file: manifest.workbook.map { Paths.join(folder, $0) } ?? path))
        }
        let context = ValidationContext(year: manifest.year, criteria: criteria, units: units, rejectedUnits: rejectedUnits,
                                        unitsVerified: unitsTable != nil)
        var attempted = Completeness.Attempted()

        var dataset = Dataset(year: manifest.year, title: manifest.title, criteria: criteria, calendar: calendar, units: units)
        dataset.office = manifest.office
        dataset.docNumber = manifest.docNumber
        if !criteria.hasChecks {
            // A scheme without daily checks: checks.csv may be absent or hold no rows.
            if let table = read(files.checks, ColumnSpec.checks, required: false) {
                if let first = table.rows.first {
                    diagnostics.append(Diagnostic(.noDailyChecks(rows: table.rows.count), file: table.path, line: first.line))
                }
                quality.files.append(FileUsage(file: files.checks, read: table.rows.count, used: 0, rejected: table.rows.count))
            }
        } else if let source = workbooks.source(files.checks, specs: ColumnSpec.checks, required: true, diagnostics: &diagnostics),
                  let checks = ChecksFile.load(source: source, context: context, diagnostics: &diagnostics, ignored: &quality.ignoredColumns) {
            dataset.failures = checks.failures
            quality.files.append(checks.usage)
            quality.duplicates = checks.duplicates
            quality.duplicateCount = checks.duplicateCount
            let start = diagnostics.count
            Coverage.report(checks, units: units, year: manifest.year, path: checks.path,
                            quality: &quality, diagnostics: &diagnostics)
            Workbooks.nameSheet(&diagnostics, from: start, source: source)
        }
        let needsScores = !criteria.components.filter { $0.id != criteria.survey?.component }.isEmpty
        if let table = read(files.scores, ColumnSpec.scores, required: needsScores) {
            let (scores, tried, usage) = ScoresFile.validate(table, context: context, diagnostics: &diagnostics)
            dataset.scores = scores
            attempted.scores = tried
            quality.files.append(usage)
        }
        if let table = read(files.events, ColumnSpec.events, required: false) {
            let (events, usage) = EventsFile.validate(table, context: context, diagnostics: &diagnostics)
            dataset.events = events
            quality.files.append(usage)
        }
        let needsSurvey = criteria.survey?.component != nil
        if let table = read(files.survey, ColumnSpec.survey, required: needsSurvey) {
            let (surveys, tried, usage) = SurveyFile.validate(table, context: context, diagnostics: &diagnostics)
            dataset.surveys = surveys
            attempted.surveys = tried
            quality.files.append(usage)
            if criteria.survey == nil {
                diagnostics.append(Diagnostic(.surveyNotUsed, file: table.path))
            }
        }
        for kind in RegisterKind.allCases {
            guard let table = read(kind.file, ColumnSpec.register(kind), required: false) else { continue }
            let (rows, usage) = RegisterFile.validate(table, kind: kind, context: context, diagnostics: &diagnostics)
            dataset.registers += rows
            quality.files.append(usage)
            if !criteria.deadlines.contains(where: { $0.register == kind }) {
                diagnostics.append(Diagnostic(.registerNotUsed(kind), file: table.path))
            }
        }
        let completenessStart = diagnostics.count
        Completeness.check(dataset, folder: folder, attempted: attempted, diagnostics: &diagnostics)
        // A missing score or survey row is reported on the file or sheet the rows were read from.
        for i in completenessStart..<diagnostics.count {
            let file = diagnostics[i].category == "survey" ? files.survey : files.scores
            guard let source = sources[file], source.sheet != nil else { continue }
            diagnostics[i].file = source.path
            Workbooks.nameSheet(&diagnostics, from: i, source: source, count: 1)
        }
        dataset.quality = quality
        loaded.dataset = dataset
        loaded.quality = quality
        loaded.diagnostics = diagnostics
        return loaded
    }
}

extension Diagnostic.Message {
    /// The data folder given is a file.
    static func folderIsAFile(_ parent: String) -> Self {
        let folder = parent.isEmpty ? "." : parent
        return .error("file.data-path-is-file",
                      zh: "这是一个文件，不是数据文件夹；请给出含 assessment.json5 的文件夹（如 \(folder)）",
                      en: "this is a file, not a data folder; give the folder holding assessment.json5 (such as \(folder))")
    }

    /// The criteria file `assessment.json5` names is not there.
    static func manifestCriteriaNotFound(_ written: String, resolved: String) -> Self {
        .error("manifest.criteria-not-found",
               zh: "criteria 写的评分标准文件 \"\(written)\" 找不到（按数据文件夹解析为 \(resolved)）；请改正 assessment.json5 中的路径，或用 --criteria 文件 指定评分标准",
               en: "the criteria file \"\(written)\" is not there (relative to the data folder: \(resolved)); correct the path in assessment.json5, or name the criteria with --criteria FILE")
    }

    /// The data folder given does not exist (or is a file).
    static var noFolder: Self {
        .error("file.no-folder", zh: "数据文件夹不存在；请给出含 assessment.json5 的文件夹路径",
               en: "no such data folder; give the path of a folder holding assessment.json5")
    }

    /// units.csv could not be read: the other files were checked without their unit references.
    static var unitsUnverified: Self {
        .warning("units.unverified", zh: "单位名单无法使用，其他文件已照常检查，但其中的单位编号和名称未核对、也不计分；修正单位名单后再运行 kaohe check 核对单位",
                 en: "the unit list could not be used: the other files were checked, but their unit ids and names were not verified and nothing is scored; fix the unit list and run kaohe check again to verify the units")
    }

    /// Check rows for a scheme that has no checks part.
    static func noDailyChecks(rows: Int) -> Self {
        .error("checks.no-daily-checks", zh: "本评分标准没有日常检查（没有 checks 部分），checks.csv 不应有记录（共 \(rows) 行）；请删除这些行或整个文件，或换用有日常检查的评分标准",
               en: "this scheme has no daily checks (no checks part), so checks.csv must have no rows (\(rows) found); remove the rows or the file, or use criteria with daily checks")
    }

    /// A survey.csv the criteria do not use.
    static var surveyNotUsed: Self {
        .warning("survey.not-used", zh: "评分标准未设置民意调查（survey），本文件不参与计分",
                 en: "the criteria define no survey, so this file does not count")
    }

    /// A register no deadline rule of the criteria applies to.
    static func registerNotUsed(_ kind: RegisterKind) -> Self {
        .warning("register.not-used", zh: "评分标准没有针对 \(kind.rawValue) 的时限规则（deadlines），本台账不产生检查结果",
                 en: "the criteria have no deadline rule for \(kind.rawValue), so this register yields no findings")
    }
}

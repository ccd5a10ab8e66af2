import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheRendering

/// A year's data checked, errors or not: what `kaohe check` reports. Every diagnostic is
/// listed, and the data-quality summary (rows read, used and rejected per file, weeks without
/// a record, duplicates) is rendered with them.
public struct Validation: Sendable, Renderable {
    let loaded: LoadedData
    /// The data folder as the caller named it (empty for in-memory tables).
    let folder: String

    /// Checks the data folder `folder`; `criteria` names another criteria file.
    public static func check(folder: String, criteria: String? = nil) -> Validation {
        Validation(loaded: DataFolder.load(folder, criteriaOverride: criteria).withDerivedQuality(), folder: folder)
    }

    /// Checks a year given as in-memory tables (see ``Year/init(year:title:criteria:tables:office:docNumber:)``).
    /// Throws ``KaoheError/invalidTables(_:)`` for a key that is not a data file name.
    public static func check(year: Int, title: String, criteria: String, tables: [String: [[String]]],
                             office: String? = nil, docNumber: String? = nil) throws(KaoheError) -> Validation {
        let loaded = try TableFolder.load(year: year, title: title, criteria: criteria, tables: tables,
                                          office: office, docNumber: docNumber)
        return Validation(loaded: loaded.withDerivedQuality(), folder: "")
    }

    /// Every error and warning, in the order `kaohe check` lists them.
    public var diagnostics: [Diagnostic] { loaded.diagnostics }
    /// The errors.
    public var errors: [Diagnostic] { loaded.errors }
    /// The warnings.
    public var warnings: [Diagnostic] { loaded.warnings }
    /// Whether there is an error (then there is no ``Year``).
    public var hasErrors: Bool { loaded.hasErrors }
    /// The number of errors, those a long list leaves unlisted included.
    public var errorCount: Int { loaded.errorCount }
    /// The number of warnings, those a long list leaves unlisted included.
    public var warningCount: Int { loaded.warningCount }
    /// The files this check read or would have read when present (`kaohe` refuses to write
    /// output over any of them).
    public var inputPaths: [String] { loaded.inputPaths }

    /// The validated year; throws ``KaoheError/invalidData(_:)`` when there are errors.
    public func year() throws(KaoheError) -> Year { try Year(validation: self) }

    /// The report `kaohe check` prints; `text` is the diagnostics, then the data quality and
    /// the counts. `color` adds terminal colours to the diagnostics of `text`.
    public func render(_ format: TextFormat, language: Language, color: Bool) -> String {
        guard format == .text else { return rendition.render(format, language: language) }
        var out = DiagnosticText.render(loaded.diagnostics, language: language, color: color)
        if loaded.quality.files.isEmpty { return out }
        if !loaded.diagnostics.isEmpty { out += "\n" }
        var summary = Document(title: (language == .zh ? "数据质量" : "Data quality") + (folder.isEmpty ? "" : "  \(folder)"))
        summary.add(contentsOf: CheckReport.quality(loaded.quality, dataset: loaded.dataset, language: language))
        out += TextRenderer.render(summary)
        let (errors, warnings) = (loaded.errorCount, loaded.warningCount)
        out += language == .zh ? "错误 \(errors) 个，警告 \(warnings) 个\n"
            : "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")\n"
        return out
    }

    /// The errors alone, as `kaohe` prints them on standard error when they stop a command.
    public func errorsText(language: Language, color: Bool = false) -> String {
        DiagnosticText.render(loaded.errors, language: language, color: color)
    }

    /// The report `kaohe check --format` prints.
    public func render(_ format: TextFormat, language: Language) -> String {
        render(format, language: language, color: false)
    }

    /// Writes the report as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if format == .text {
            var text = render(.text, language: language)
            return text.withUTF8(chunks)
        }
        return rendition.write(format, language: language, chunks: chunks)
    }

    /// The report as a workbook (`docx` is not available).
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try rendition.file(format, language: language)
    }

    private var rendition: Rendition {
        let loaded = self.loaded, folder = self.folder
        return Rendition(json: { CheckJSON.render(loaded, language: $0) },
                         document: { CheckReport.document(loaded, folder: folder, language: $0) })
    }
}

extension LoadedData {
    /// The load with the registers' lateness counted: a rule of the scheme, found by the
    /// scoring stage.
    func withDerivedQuality() -> LoadedData {
        var loaded = self
        if let dataset = loaded.dataset {
            loaded.quality.registers = DeadlineFindings.derive(dataset).summaries
            loaded.dataset?.quality = loaded.quality
        }
        return loaded
    }
}

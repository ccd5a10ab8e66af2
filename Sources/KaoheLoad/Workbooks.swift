import KaoheModel
import KaoheInput
import Foundation

/// Where a data file's rows come from: the CSV file, or a sheet of a workbook (docs/data-files.md,
/// Workbooks): `<stem>.xlsx` (its first visible sheet) in place of `<stem>.csv`, or one sheet of
/// the workbook `assessment.json5` names with `workbook`, found by the file's stem or Chinese name.
struct DataSource {
    /// The path diagnostics name: the CSV file, or the workbook.
    var path: String
    /// The name evidence and the data-quality summary show (`checks.csv`, `checks.xlsx`, `检查记录`).
    var name: String
    /// The sheet, for a file read from a workbook.
    var sheet: (workbook: Workbook, sheet: Workbook.Sheet)?

    /// The sheet's rows as CSV text, a row at a time.
    func sheetSource() throws(WorkbookError) -> SheetCSVSource? {
        guard let sheet else { return nil }
        return try SheetCSVSource(workbook: sheet.workbook, sheet: sheet.sheet)
    }
}

/// Finds the sources of a folder's data files, each workbook opened once.
final class Workbooks {
    let folder: String
    /// The workbook `assessment.json5` names, if any (as written).
    let named: String?
    private var opened: [String: Workbook?] = [:]

    /// Largest workbook read (compressed: its sheets are inflated as they are read).
    static let maxWorkbookBytes = 512 << 20

    init(folder: String, named: String?) {
        self.folder = folder
        self.named = named
    }

    /// The sheet names a data file may have in the one workbook: its stem and its Chinese name.
    static func sheetNames(_ file: String) -> [String] {
        let stem = String(file.dropLast(".csv".count))
        let chinese: [String: String] = [
            "units": "单位", "checks": "检查记录", "scores": "得分", "events": "加减分", "survey": "民意调查",
            "disclosures": "信息公开台账", "applications": "依申请公开台账", "complaints": "投诉举报台账",
            "responses": "舆情回应台账",
        ]
        return [stem] + (chinese[stem].map { [$0] } ?? [])
    }

    /// The source of data file `file` (`checks.csv`); nil when there is none or it cannot be
    /// used (with diagnostics: a missing required file, a file in both forms, a damaged workbook).
    func source(_ file: String, specs: [ColumnSpec], required: Bool, diagnostics: inout [Diagnostic]) -> DataSource? {
        let stem = String(file.dropLast(".csv".count))
        let csvPath = Paths.join(folder, file)
        let xlsxName = stem + ".xlsx"
        let xlsxPath = Paths.join(folder, xlsxName)
        let csvKind = FileBytes.kind(of: csvPath)
        let xlsxKind = FileBytes.kind(of: xlsxPath)

        if let named {
            let path = Paths.join(folder, named)
            if let workbook = open(path, diagnostics: &diagnostics),
               let sheet = workbook.sheet(named: Workbooks.sheetNames(file)) {
                for (other, otherName, kind) in [(csvPath, file, csvKind), (xlsxPath, xlsxName, xlsxKind)] where kind != .absent {
                    diagnostics.append(Diagnostic(.bothForms(otherName, "\(named)（\(sheet.name)）"), file: other))
                    return nil
                }
                return DataSource(path: path, name: sheet.name, sheet: (workbook, sheet))
            }
        }
        if xlsxKind != .absent {
            if csvKind != .absent {
                diagnostics.append(Diagnostic(.bothForms(file, xlsxName), file: xlsxPath))
                return nil
            }
            guard DataTable.present(xlsxPath, name: xlsxName, specs: specs, required: true, diagnostics: &diagnostics),
                  let workbook = open(xlsxPath, diagnostics: &diagnostics) else { return nil }
            guard let sheet = workbook.firstVisibleSheet else {
                diagnostics.append(Workbooks.diagnostic(.noSheets, file: xlsxPath))
                return nil
            }
            return DataSource(path: xlsxPath, name: xlsxName, sheet: (workbook, sheet))
        }
        let xlsPath = Paths.join(folder, stem + ".xls")
        if csvKind == .absent, FileBytes.kind(of: xlsPath) == .regular {
            // Only the old binary workbook is there: say what to do with it.
            diagnostics.append(Diagnostic(.workbook(.archive(.oldExcelFormat)), file: xlsPath))
            return nil
        }
        if required, csvKind == .absent, let named, let workbook = opened[Paths.join(folder, named)] ?? nil {
            diagnostics.append(Diagnostic(.sheetMissing(file, names: Workbooks.sheetNames(file), workbook: named,
                                                        available: workbook.sheets.map(\.name), specs: specs),
                                          file: Paths.join(folder, named)))
            return nil
        }
        guard DataTable.present(csvPath, name: file, specs: specs, required: required, diagnostics: &diagnostics) else {
            return nil
        }
        // A workbook saved under a .csv name, or an .xls renamed.
        let head = DataFolder.head(csvPath)
        if ZipArchive.looksLikeZip(head) || ZipArchive.looksLikeOLE2(head) {
            guard let workbook = open(csvPath, diagnostics: &diagnostics) else { return nil }
            diagnostics.append(Diagnostic(.renamedWorkbook(file, xlsx: xlsxName), file: csvPath))
            guard let sheet = workbook.firstVisibleSheet else {
                diagnostics.append(Workbooks.diagnostic(.noSheets, file: csvPath))
                return nil
            }
            return DataSource(path: csvPath, name: file, sheet: (workbook, sheet))
        }
        return DataSource(path: csvPath, name: file, sheet: nil)
    }

    /// The workbook at `path`, opened once; nil (with a diagnostic, given once) when it cannot be read.
    func open(_ path: String, diagnostics: inout [Diagnostic]) -> Workbook? {
        if let known = opened[path] { return known }
        var workbook: Workbook?
        switch FileBytes.contents(of: path, limit: Workbooks.maxWorkbookBytes) {
        case .bytes(let data):
            do {
                workbook = try Workbook(bytes: [UInt8](data))
            } catch {
                diagnostics.append(Workbooks.diagnostic(error, file: path))
            }
        case .tooLarge:
            diagnostics.append(DataTable.tooLarge(path, size: FileBytes.size(of: path) ?? Workbooks.maxWorkbookBytes + 1,
                                                  limit: Workbooks.maxWorkbookBytes))
        case .unreadable:
            if FileBytes.kind(of: path) == .absent {
                diagnostics.append(Diagnostic(.workbookMissing, file: path))
            } else {
                diagnostics.append(Diagnostic(.unreadable, file: path))
            }
        }
        opened[path] = .some(workbook)
        return workbook
    }

    /// Diagnostics about a sheet's file (from `start` on) located in the sheet's terms: the
    /// cell (`检查记录!C17`) with its value as the excerpt; a note on title rows left out.
    static func locate(_ diagnostics: inout [Diagnostic], from start: Int, source: DataSource, lines: SheetLines) {
        guard start <= diagnostics.count else { return }
        nameSheet(&diagnostics, from: start, source: source)
        for i in start..<diagnostics.count where diagnostics[i].file == source.path && diagnostics[i].cell == nil {
            guard let line = diagnostics[i].line else { continue }
            let row = lines.row(line)
            var d = diagnostics[i]
            d.line = row
            if let column = d.column, let excerpt = d.excerpt,
               let fields = CSVReader.parse(excerpt, file: "").rows.first {
                var index = 0
                for (k, start) in fields.columns.enumerated() where start <= column { index = k }
                d.column = index + 1
                d.cell = "\(lines.sheet)!\(SheetReader.name(row: row, column: index + 1))"
                d.excerpt = index < fields.fields.count ? fields.fields[index] : ""
                if d.code == "row.field-count" {
                    // Rows of a sheet are as wide as its header: a longer one has cells past it.
                    let message = Diagnostic.Message.dataInUnnamedColumn(index + 1)
                    d.code = message.code
                    d.message = message.text
                }
            } else {
                d.column = nil
                d.cell = "\(lines.sheet)!\(row):\(row)"
                d.excerpt = nil
            }
            diagnostics[i] = d
        }
        if let first = lines.titleRows.first {
            var note = Diagnostic(.titleRowsSkipped(lines.titleRows), file: source.path, line: first, column: 1)
            note.cell = "\(lines.sheet)!A\(first)"
            diagnostics.insert(note, at: start)
        }
    }
}

extension Workbooks {
    /// Diagnostics about a whole sheet of the one workbook (from `start` on) name the sheet.
    static func nameSheet(_ diagnostics: inout [Diagnostic], from start: Int, source: DataSource, count: Int? = nil) {
        guard let sheet = source.sheet, source.name == sheet.sheet.name, start <= diagnostics.count else { return }
        let end = count.map { min(diagnostics.count, start + $0) } ?? diagnostics.count
        for i in start..<end where diagnostics[i].file == source.path
            && diagnostics[i].line == nil && diagnostics[i].cell == nil {
            diagnostics[i].cell = sheet.sheet.name
        }
    }
}

extension Workbooks {
    /// The diagnostic for a workbook that cannot be read; a formula without its value is
    /// located at its cell.
    static func diagnostic(_ error: WorkbookError, file: String) -> Diagnostic {
        var diagnostic = Diagnostic(.workbook(error), file: file)
        if case .formulaWithoutValue(let cell) = error { diagnostic.cell = cell }
        return diagnostic
    }
}

extension DataFolder {
    /// The first eight bytes of a file (fewer when it is shorter).
    static func head(_ path: String) -> [UInt8] {
        guard let descriptor = FileBytes.openRegular(path) else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 8)
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 8) }
        return Array(bytes.prefix(max(0, got)))
    }
}

extension Diagnostic.Message {
    /// A workbook that cannot be read, in the words of what is wrong with it.
    static func workbook(_ error: WorkbookError) -> Self {
        switch error {
        case .archive(let archive):
            switch archive {
            case .oldExcelFormat:
                return .error("workbook.old-xls", zh: "这是旧版 Excel 文件（.xls），无法读取；请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”",
                              en: "this is an old binary Excel file (.xls), which cannot be read; open it in Excel or WPS and save it as an Excel workbook (.xlsx)")
            case .passwordProtected, .encrypted:
                return .error("workbook.password-protected", zh: "工作簿设有打开密码（已加密），无法读取；请在 Excel 或 WPS 中取消密码后重新保存",
                              en: "the workbook is password-protected; remove the password in Excel or WPS and save it again")
            case .notAnArchive:
                return .error("workbook.not-a-workbook", zh: "这不是 Excel 工作簿（.xlsx）文件；请在 Excel 或 WPS 中打开并另存为 .xlsx，或存为 CSV",
                              en: "this is not an Excel workbook (.xlsx); open it in Excel or WPS and save it as .xlsx, or as CSV")
            case .zip64:
                return .error("workbook.zip64", zh: "工作簿使用了 ZIP64 格式（超过 4 GiB 的文件才需要），无法读取；请在 Excel 或 WPS 中重新保存，或存为 CSV",
                              en: "the workbook uses ZIP64 (only needed past 4 GiB), which is not read; save it again in Excel or WPS, or save it as CSV")
            case .tooCompressed(let part):
                return .error("workbook.zip-bomb", zh: "工作簿中的 \(part) 解压后比压缩数据大 \(ZipArchive.maxRatio) 倍以上，不像是表格，已拒绝读取；请检查文件来源",
                              en: "\(part) in the workbook expands to more than \(ZipArchive.maxRatio) times its compressed size, which no spreadsheet does; it is refused, check where the file came from")
            case .crcMismatch(let part):
                return .error("workbook.crc-mismatch", zh: "工作簿中的 \(part) 校验和不符（文件已损坏）；请重新复制或导出该文件",
                              en: "\(part) in the workbook fails its CRC check (the file is damaged); copy or export the file again")
            case .truncated, .corrupt, .sizeMismatch, .badData, .unsupportedMethod, .missingMember, .memberTooLarge:
                return damaged
            }
        case .doctype(let part):
            return .error("workbook.doctype", zh: "工作簿中的 \(part) 含有 DOCTYPE 或实体声明，Excel 不会写出这样的文件，已拒绝读取；请在 Excel 或 WPS 中重新保存",
                          en: "\(part) in the workbook has a DOCTYPE or entity declaration, which Excel never writes; it is refused, save the file again in Excel or WPS")
        case .formulaWithoutValue(let cell):
            // Located at the cell (`检查记录!E4`), which the message therefore does not repeat.
            _ = cell
            return .error("workbook.formula-without-value",
                          zh: "此单元格是公式，但文件中没有它的计算结果（文件由程序生成，未在表格软件中保存过）；请在 Excel 或 WPS 中打开并保存一次",
                          en: "this cell holds a formula without its computed value (the file was written by a program and never saved by a spreadsheet); open it in Excel or WPS and save it")
        case .noSheets:
            return .error("workbook.no-sheets", zh: "工作簿中没有可读的工作表（或只有隐藏的工作表）；请把数据放在第一个工作表中",
                          en: "the workbook has no sheet to read (or only hidden ones); put the data on its first sheet")
        case .malformedXML, .missingPart, .badCellReference:
            return damaged
        }
    }

    /// A workbook whose archive or XML is damaged.
    static var damaged: Self {
        .error("workbook.damaged", zh: "工作簿已损坏（压缩包或其中的 XML 不完整或有误），无法读取；请在 Excel 或 WPS 中打开并重新保存，或重新复制文件",
               en: "the workbook is damaged (its archive or XML is cut off or invalid); open it in Excel or WPS and save it again, or copy the file again")
    }

    /// The workbook `assessment.json5` names is not there.
    static var workbookMissing: Self {
        .error("workbook.missing", zh: "assessment.json5 的 workbook 指定的工作簿不存在；请改正文件名，或删去 workbook 改用 CSV 文件",
               en: "the workbook named by workbook in assessment.json5 is not there; correct its name, or remove workbook and use CSV files")
    }

    /// A data file given both as CSV and as a workbook (or sheet).
    static func bothForms(_ csv: String, _ other: String) -> Self {
        .error("file.csv-and-workbook", zh: "同一数据既有 \(csv) 又有 \(other)，不知以哪个为准；请删除或移走其中一个",
               en: "the same data is given twice, as \(csv) and as \(other); delete or move one of them")
    }

    /// A workbook saved under a .csv name.
    static func renamedWorkbook(_ file: String, xlsx: String) -> Self {
        .warning("workbook.renamed-csv", zh: "\(file) 其实是 Excel 工作簿（.xlsx），已按工作簿读取其第一个工作表；请把它改名为 \(xlsx)",
                 en: "\(file) is really an Excel workbook (.xlsx); its first sheet was read; rename it \(xlsx)")
    }

    /// A required file that the one workbook has no sheet for.
    static func sheetMissing(_ file: String, names: [String], workbook: String, available: [String], specs: [ColumnSpec]) -> Self {
        let wanted = names.joined(separator: " / ")
        let sheets = available.joined(separator: "、")
        return .error("workbook.sheet-missing",
                      zh: "工作簿 \(workbook) 中没有工作表 \(wanted)（现有：\(sheets)），也没有 \(file)；请添加该工作表（表头：\(HeaderMap.describe(specs, .zh))）",
                      en: "workbook \(workbook) has no sheet \(wanted) (it has: \(sheets)), and there is no \(file); add the sheet (header: \(HeaderMap.describe(specs, .en)))")
    }

    /// Title rows above a sheet's header, left out.
    static func titleRowsSkipped(_ rows: [Int]) -> Self {
        let list = rows.map(String.init).joined(separator: ", ")
        return .warning("workbook.title-rows", zh: "表头上方的标题行（第 \(list) 行）未作为数据读取",
                        en: "the title rows above the header (row \(list)) are not read as data")
    }
}

import KaoheModel
import KaoheInput
/// The columns of each data file and their Chinese header aliases (docs/data-files.md).
struct ColumnSpec: Sendable {
    var name: String
    var aliases: [String]
    var required: Bool

    /// Whether a header cell names this column: its name in any case, or one of its Chinese aliases.
    func matches(_ header: String) -> Bool { name.lowercased() == header.lowercased() || aliases.contains(header) }

    static func column(_ name: String, _ aliases: [String], required: Bool = true) -> ColumnSpec {
        ColumnSpec(name: name, aliases: aliases, required: required)
    }

    static let units: [ColumnSpec] = [
        .column("id", ["编号"]), .column("name", ["单位", "名称", "单位名称"]), .column("group", ["类别", "分组"]),
        .column("exempt", ["不适用"], required: false),
    ]
    static let checks: [ColumnSpec] = [
        .column("date", ["日期", "检查日期"]), .column("unit", ["单位"]), .column("item", ["检查项", "项目"]),
        .column("result", ["结果", "检查结果"]), .column("deduction", ["扣分"], required: false),
        .column("note", ["备注", "说明"], required: false), .column("rectified", ["整改日期"], required: false),
    ]
    static let scores: [ColumnSpec] = [
        .column("unit", ["单位"]), .column("component", ["项目"]), .column("score", ["得分", "分数"]),
    ]
    static let events: [ColumnSpec] = [
        .column("date", ["日期"]), .column("unit", ["单位"]), .column("kind", ["类型"]),
        .column("points", ["分值"], required: false), .column("clause", ["条款"], required: false),
        .column("note", ["备注", "说明"], required: false),
    ]
    /// The columns of a register (台账); time and yes/no cells may be empty except the start.
    static func register(_ kind: RegisterKind) -> [ColumnSpec] {
        var specs: [ColumnSpec] = [.column("unit", ["单位"])]
        switch kind {
        case .disclosures:
            specs += [.column("item", ["检查项"], required: false), .column("title", ["标题", "信息名称"], required: false),
                      .column("formed", ["形成日期", "生成日期"]), .column("published", ["公开日期", "发布日期"])]
        case .applications:
            specs += [.column("received", ["收到日期", "受理日期"]), .column("answered", ["答复日期"]),
                      .column("extended", ["是否延期", "延期"], required: false)]
        case .complaints:
            specs += [.column("received", ["收到日期", "受理日期"]), .column("forwarded", ["转办日期"]),
                      .column("answered", ["答复日期"]), .column("realName", ["是否实名", "实名"], required: false)]
        case .responses:
            specs += [.column("hotIssue", ["舆情发生时间", "发生时间"]), .column("statement", ["权威发布时间"]),
                      .column("pressConference", ["新闻发布会时间", "发布会时间"])]
        }
        return specs + [.column("note", ["备注", "说明"], required: false)]
    }

    static let survey: [ColumnSpec] = [
        .column("unit", ["单位"]), .column("satisfied", ["满意"]), .column("basic", ["基本满意"]),
        .column("dissatisfied", ["不满意"]),
    ]
}

/// Where each known column sits in a file's header row.
struct HeaderMap: Sendable {
    /// Column name → field index.
    var index: [String: Int]
    var fieldCount: Int
    /// Field indices whose header cell is blank: a row may not hold data there.
    var unnamed: [Int] = []

    /// Unknown columns listed one by one (and kept as ignored columns); the rest are counted in one warning.
    static let maxUnknownColumns = DiagnosticList.repeatLimit

    /// Maps the header row; unknown columns are ignored with a warning, missing required
    /// columns and repeated columns are errors. A header of thousands of columns gives a few
    /// diagnostics, with the rest counted.
    static func make(header: CSVRow, specs: [ColumnSpec], file: String, excerpt: String,
                     diagnostics: inout [Diagnostic], ignored: inout [IgnoredColumn]) -> HeaderMap? {
        var index: [String: Int] = [:]
        var unnamed: [Int] = []
        var ok = true
        var list = DiagnosticList(limit: DataTable.maxDiagnostics)
        var unknown = 0
        for (i, raw) in header.fields.enumerated() {
            let text = raw.trimmingSpaces
            let column = header.columns.indices.contains(i) ? header.columns[i] : 1
            guard let spec = specs.first(where: { $0.matches(text) }) else {
                if text.isEmpty {
                    unnamed.append(i)
                    continue
                }
                unknown += 1
                if unknown <= maxUnknownColumns {
                    ignored.append(IgnoredColumn(file: file, column: i + 1, header: text))
                    list.append(Diagnostic(.unknownColumn(text, specs: specs), file: file, line: header.line, column: column,
                                           excerpt: excerpt))
                }
                continue
            }
            if index[spec.name] != nil {
                list.append(Diagnostic(.duplicateColumn(spec.name), file: file, line: header.line, column: column,
                                       excerpt: excerpt))
                ok = false
                continue
            }
            index[spec.name] = i
        }
        if unknown > maxUnknownColumns {
            list.append(Diagnostic(.moreUnknownColumns(unknown - maxUnknownColumns), file: file, line: header.line))
        }
        for spec in specs where spec.required && index[spec.name] == nil {
            list.append(Diagnostic(.missingColumn(spec), file: file, line: header.line, column: 1, excerpt: excerpt))
            ok = false
        }
        diagnostics += list.all(file)
        return ok ? HeaderMap(index: index, fieldCount: header.fields.count, unnamed: unnamed) : nil
    }

    static func describe(_ specs: [ColumnSpec], _ language: Language) -> String {
        specs.map { language == .zh ? "\($0.name)（\($0.aliases[0])）" : "\($0.name) (\($0.aliases[0]))" }
            .joined(separator: language == .zh ? "、" : ", ")
    }
}

extension Diagnostic.Message {
    /// A header column kaohe does not know; it is ignored.
    static func unknownColumn(_ text: String, specs: [ColumnSpec]) -> Self {
        .warning("header.unknown-column", zh: "未知列 \"\(text)\" 已忽略；可用的列：\(HeaderMap.describe(specs, .zh))",
                 en: "unknown column \"\(text)\" ignored; known columns: \(HeaderMap.describe(specs, .en))")
    }

    /// Unknown columns beyond those listed, ignored too.
    static func moreUnknownColumns(_ count: Int) -> Self {
        .warning("header.more-unknown-columns", zh: "另有 \(count) 个未知列同样已忽略（只列出前 \(HeaderMap.maxUnknownColumns) 个）；请检查表头是否为本文件的表头",
                 en: "\(count) more unknown columns ignored too (only the first \(HeaderMap.maxUnknownColumns) are listed); check that the header row is this file's")
    }

    /// A column given twice in the header (by name or by a Chinese alias).
    static func duplicateColumn(_ name: String) -> Self {
        .error("header.duplicate-column", zh: "列 \"\(name)\" 重复出现；每列只能出现一次，请删除多余的一列",
               en: "column \"\(name)\" appears twice; keep only one of them")
    }

    static func missingColumn(_ spec: ColumnSpec) -> Self {
        .error("header.missing-column",
               zh: "缺少必需的列 \"\(spec.name)\"（中文表头：\(spec.aliases.joined(separator: "、"))）；请在表头中加入",
               en: "missing required column \"\(spec.name)\" (Chinese header: \(spec.aliases.joined(separator: ", "))); add it to the header row")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and full-width spaces.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}

import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// A format-neutral report: headings, paragraphs, indented lines, tables and charts.
///
/// Commands build a `Document` from an ``Assessment`` (choosing what to show, in the chosen
/// language); the text, Markdown, CSV and HTML renderers lay it out without computing anything.
package struct Document: Sendable {
    package var title: String
    package var subtitle: String?
    package var blocks: [Block]
    /// The look an HTML page takes; the other formats ignore it.
    package var kind: Kind = .plain
    /// A short closing line (criteria, data folder), printed small at the end of an HTML page.
    package var footer: String?

    /// `.plain` for command output, `.report` for the year report, `.bulletin` for the monthly
    /// bulletin printed as an official document (红头通报) under its masthead.
    package enum Kind: Sendable {
        case plain, report
        case bulletin(Masthead)
    }

    /// The red head of an official bulletin (文件头): the publication's name, the issue, the
    /// issuing office and the date line.
    package struct Masthead: Sendable {
        package var name: String
        package var issue: String
        package var issuer: String
        package var date: String
        package init(name: String, issue: String, issuer: String, date: String) {
            self.name = name; self.issue = issue; self.issuer = issuer; self.date = date
        }
    }

    package init(title: String, subtitle: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
    }

    package mutating func add(_ block: Block) { blocks.append(block) }

    /// The table a CSV export contains: the primary tables joined into one (each row led by
    /// its table's `key` column when the tables carry one), else the first table.
    package var primaryTable: Table? {
        let tables = blocks.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        let primary = tables.filter(\.primary)
        guard let first = primary.first else { return tables.first }
        guard let key = first.key else { return first }
        var joined = Table(headers: [key.header] + first.headers, primary: true)
        for table in primary {
            for row in table.rows { joined.add([.text(table.key?.value ?? "")] + row) }
        }
        return joined
    }
}

package enum Block: Sendable {
    /// A section heading; level 1 is the highest inside the document.
    case heading(String, level: Int)
    case paragraph(String)
    /// Lines with an indent level each, kept as written (audit trails, diagnostics).
    case lines([Line])
    case table(Table)
    /// A chart; text renderers skip it, HTML draws it as inline SVG.
    case chart(Chart)
    /// A page break in print (HTML); a blank line elsewhere.
    case pageBreak
}

package struct Line: Sendable {
    package var indent: Int
    package var text: String
    /// Optional emphasis, e.g. an error line.
    package var style: Style

    package enum Style: Sendable { case plain, error, warning, strong }

    package init(_ text: String, indent: Int = 0, style: Style = .plain) {
        self.indent = indent
        self.text = text
        self.style = style
    }
}

/// A table of cells; number cells are right-aligned and stay numbers in CSV.
package struct Table: Sendable {
    package var caption: String?
    package var headers: [String]
    /// The rows: stored, or made one at a time when a renderer reads them (a table of many
    /// thousand units is then never held whole).
    package var rows: TableRows
    /// The table exported by `--format csv`.
    package var primary: Bool
    /// When several primary tables are joined for CSV, a leading column telling them apart
    /// (e.g. header 类别, value 镇街).
    package var key: (header: String, value: String)?
    /// The name of the table's sheet in a workbook (`--format xlsx`); nil to name it after its
    /// caption or the document.
    package var sheet: String?

    package init(caption: String? = nil, headers: [String], rows: [[Cell]] = [], primary: Bool = false,
                key: (header: String, value: String)? = nil) {
        self.caption = caption
        self.headers = headers
        self.rows = TableRows(rows)
        self.primary = primary
        self.key = key
    }

    /// A table of `count` rows made by `row` whenever they are read.
    package init(caption: String? = nil, headers: [String], count: Int, primary: Bool = false,
                key: (header: String, value: String)? = nil, row: @escaping @Sendable (Int) -> [Cell]) {
        self.init(caption: caption, headers: headers, primary: primary, key: key)
        rows = TableRows(count: count, row: row)
    }

    package mutating func add(_ row: [Cell]) { rows.append(row) }

    /// A column is right-aligned when every non-empty cell in it is a number.
    package func isNumeric(column: Int) -> Bool { column >= 0 && numericColumns(count: column + 1)[column] }

    /// ``isNumeric(column:)`` of the first `count` columns (all headers by default), reading the
    /// rows once.
    package func numericColumns(count: Int? = nil) -> [Bool] {
        var numeric = Array(repeating: TableRows.Numeric.unknown, count: max(0, count ?? headers.count))
        for row in rows { TableRows.note(row, into: &numeric) }
        return numeric.map { $0 == .yes }
    }
}

/// The rows of a ``Table``: an array of rows, or a count and a function making row `i`.
package struct TableRows: RandomAccessCollection, Sendable {
    private var stored: [[Cell]]
    private let made: (count: Int, row: @Sendable (Int) -> [Cell])?

    init(_ rows: [[Cell]]) {
        stored = rows
        made = nil
    }

    init(count: Int, row: @escaping @Sendable (Int) -> [Cell]) {
        stored = []
        made = (count, row)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { made?.count ?? stored.count }

    package subscript(position: Int) -> [Cell] {
        if let made { return made.row(position) }
        return stored[position]
    }

    /// Appends a row (rows made on demand are first made and stored).
    mutating func append(_ row: [Cell]) {
        if let made {
            stored = (0..<made.count).map(made.row)
            self = TableRows(stored)
        }
        stored.append(row)
    }

    /// Whether a column is numeric so far: no cell yet, only numbers (and "" or "-"), or not.
    enum Numeric { case unknown, yes, no }

    /// Folds a row into the columns' ``Numeric`` states.
    static func note(_ row: [Cell], into numeric: inout [Numeric]) {
        for (column, cell) in row.enumerated() where column < numeric.count && numeric[column] != .no {
            switch cell {
            case .number, .integer: numeric[column] = .yes
            case .text(let s) where s.isEmpty || s == "-": continue
            default: numeric[column] = .no
            }
        }
    }
}

package enum Cell: Sendable, Hashable {
    case text(String)
    /// A number already rounded, shown with `places` decimals.
    case number(ExactDecimal, places: Int)
    case integer(Int)
    /// A calendar day, shown as `2025-03-05`; a date in a workbook.
    case date(CivilDate)

    package var display: String {
        switch self {
        case .text(let s): return s
        case .number(let n, let places): return n.formatted(places: places)
        case .integer(let i): return String(i)
        case .date(let d): return d.description
        }
    }
}

extension Cell: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
}

/// A chart of one or more series over labelled categories.
package struct Chart: Sendable {
    package enum Kind: Sendable { case bars, lines }
    package var kind: Kind
    package var title: String
    package var categories: [String]
    package var series: [Series]
    /// The value axis runs from `minimum` to `maximum`.
    package var minimum: ExactDecimal
    package var maximum: ExactDecimal
    /// Reference lines (band thresholds), drawn dashed.
    package var marks: [(label: String, value: ExactDecimal)]

    package struct Series: Sendable {
        package var name: String
        package var values: [ExactDecimal?]
        package init(name: String, values: [ExactDecimal?]) { self.name = name; self.values = values }
    }

    package init(kind: Kind, title: String, categories: [String], series: [Series], minimum: ExactDecimal,
                maximum: ExactDecimal, marks: [(label: String, value: ExactDecimal)] = []) {
        self.kind = kind; self.title = title; self.categories = categories; self.series = series
        self.minimum = minimum; self.maximum = maximum; self.marks = marks
    }
}

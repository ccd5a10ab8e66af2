// GradeYear: one unit's grade, the second quarter's ranking and a veto simulation for a
// year's data folder, computed with KaoheKit.
//
//     swift run --package-path Examples/GradeYear GradeYear Samples/demo-2025 T06 T04
//     … --format json       the three results as `kaohe grade --unit`, `kaohe rank --quarter 2`
//                           and `kaohe simulate --veto` print them with --format json
//     … --tables            read the CSV files here and hand KaoheKit their rows (in-memory tables)
import KaoheKit
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var format: TextFormat?
var fromTables = false
if let i = arguments.firstIndex(of: "--format"), i + 1 < arguments.count {
    format = TextFormat(rawValue: arguments[i + 1])
    arguments.removeSubrange(i...(i + 1))
}
if let i = arguments.firstIndex(of: "--tables") {
    fromTables = true
    arguments.remove(at: i)
}
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: GradeYear DATA-FOLDER UNIT VETO-UNIT [--format text|md|csv|json|html] [--tables]\n".utf8))
    exit(2)
}
let (folder, unit, vetoed) = (arguments[0], arguments[1], arguments[2])

/// A data folder's CSV files as rows of fields, the way a web form or a database would hand
/// them over (quoted fields as RFC 4180 writes them).
func tables(in folder: String) -> [String: [[String]]] {
    var tables: [String: [[String]]] = [:]
    for name in Year.tableNames {
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, inQuotes = false
        var characters = text.drop(while: { $0 == "\u{FEFF}" })[...]
        while let c = characters.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty && !quoted {
                inQuotes = true; quoted = true
            } else if c == "," {
                row.append(field); field = ""; quoted = false
            } else if c == "\n" || c == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""; quoted = false
            } else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        tables[name] = rows
    }
    return tables
}

do {
    // The year: from the folder, or from rows in memory (validated exactly as the files are).
    var year = try Year.load(folder: folder)
    if fromTables {
        year = try Year(year: year.year, title: year.title, criteria: year.criteriaFile, tables: tables(in: folder))
    }
    for warning in year.warnings {
        FileHandle.standardError.write(Data("warning: \(warning.file): \(warning.message.en)\n".utf8))
    }
    let assessed = year.assess()
    let grade = try assessed.grades(unit: unit)
    let ranking = try assessed.ranking(.quarter(2))
    let simulation = try year.simulate([.veto(unit: vetoed)])

    if let format {
        // The same renderings as the command line's.
        var out = ""
        grade.render(format, language: .zh, to: &out)
        ranking.render(format, language: .zh, to: &out)
        simulation.render(format, language: .zh, to: &out)
        print(out, terminator: "")
    } else {
        // The values themselves.
        if let g = assessed.result(for: unit) {
            print("\(g.unitID) \(g.unitName): total \(g.total), band \(g.band ?? "-"), rank \(g.rank.map(String.init) ?? "-") in \(g.group)")
        }
        print("Ranking \(ranking.period):")
        for (group, entries) in ranking.groups {
            let top = entries.prefix(3).map { "\($0.rank.map(String.init) ?? "-"). \($0.unitName) \($0.score)" }
            print("  \(group): \(top.joined(separator: ", "))")
        }
        print("With a veto of \(vetoed):")
        for change in simulation.changes {
            print("  \(change.unitID) \(change.unitName): \(change.before.total) \(change.before.band ?? "-") → \(change.after.total) \(change.after.band ?? "-"), rank \(change.before.rank.map(String.init) ?? "-") → \(change.after.rank.map(String.init) ?? "-")")
        }
    }
} catch {
    // `error` is a KaoheError: its diagnostics, or what else went wrong.
    if case .invalidData(let diagnostics) = error {
        for d in diagnostics where d.isError {
            FileHandle.standardError.write(Data("\(d.file):\(d.line.map(String.init) ?? ""): \(d.message.en)\n".utf8))
        }
    }
    FileHandle.standardError.write(Data("GradeYear: \(error.message.en)\n".utf8))
    exit(1)
}

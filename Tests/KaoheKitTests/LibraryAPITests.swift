import Testing
import Foundation
import KaoheKit
import KaoheCLI
import KaoheTestSupport

/// The library's entry API (docs/library.md): the same results as the command line, from a
/// folder or from in-memory tables, and safe to use from several threads at once.
@Suite struct LibraryAPITests {
    let demo = Repository.path("Samples/demo-2025")

    /// A sample folder's CSV files as rows (they hold no line breaks in fields).
    func tables(_ folder: String) -> [String: [[String]]] {
        var tables: [String: [[String]]] = [:]
        for name in Year.tableNames {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            tables[name] = text.split(separator: "\n").map { line in
                var fields: [String] = [], field = "", quoted = false
                var chars = Substring(line)
                while let c = chars.popFirst() {
                    if quoted {
                        if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } }
                        else { field.append(c) }
                    } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
                }
                fields.append(field)
                return fields
            }
        }
        return tables
    }

    @Test func gradeRankingAndSimulationMatchTheCommandLine() throws {
        let year = try Year.load(folder: demo)
        let assessed = year.assess()
        let t06 = try #require(assessed.result(for: "T06"))
        #expect(t06.total == Decimal(string: "78.13"))
        #expect(t06.band == "合格")
        #expect(assessed.result(for: "白鹭街道")?.unitID == "T06")
        #expect(try assessed.grades(unit: "T06").render(.json) == KaoheCLI.run(["grade", demo, "--unit", "T06", "--format", "json"]).stdout)
        #expect(try assessed.ranking(.quarter(2)).render(.text) == KaoheCLI.run(["rank", demo, "--quarter", "2"]).stdout)
        #expect(try assessed.ranking(.annual, group: "镇街").render(.md, language: .en)
                == KaoheCLI.run(["rank", demo, "--annual", "--group", "镇街", "--format", "md", "--lang", "en"]).stdout)
        #expect(try assessed.bulletin(month: 5).render(.csv) == KaoheCLI.run(["bulletin", demo, "--month", "5", "--format", "csv"]).stdout)
        let simulated = try year.simulate([.veto(unit: "T04")])
        #expect(simulated.render(.json) == KaoheCLI.run(["simulate", demo, "--veto", "T04", "--format", "json"]).stdout)
        #expect(simulated.changes.contains { $0.unitID == "T04" && $0.after.rank == nil })
        var streamed = ""
        assessed.render(.json, language: .en, to: &streamed)
        #expect(streamed == KaoheCLI.run(["grade", demo, "--format", "json", "--lang", "en"]).stdout)
        #expect(try assessed.bulletin(month: 5).file(.docx, language: .zh).starts(with: [0x50, 0x4B]))
        #expect(throws: KaoheError.unsupportedFormat(.docx)) { try assessed.ranking(.annual).file(.docx, language: .zh) }
    }

    @Test func inMemoryTablesGiveTheSameYear() throws {
        let folder = try Year.load(folder: demo)
        let memory = try Year(year: folder.year, title: folder.title, criteria: folder.criteriaFile, tables: tables(demo))
        #expect(memory.assess().render(.json) == folder.assess().render(.json))
        #expect(memory.warnings.map(\.file).allSatisfy { !$0.contains("/") })
    }

    @Test func inMemoryTablesAreValidatedLikeFiles() throws {
        let folder = try Year.load(folder: demo)
        var rows = tables(demo)
        rows["units.csv"]?.append(["T01", "重复的单位", "镇街"])
        rows["checks.csv"]?[3][3] = "maybe"
        do {
            _ = try Year(year: folder.year, title: folder.title, criteria: folder.criteriaFile, tables: rows)
            Issue.record("a duplicate unit id and a bad result must be errors")
        } catch {
            guard case .invalidData(let diagnostics) = error else { Issue.record("\(error)"); return }
            let errors = diagnostics.filter(\.isError)
            #expect(errors.contains { $0.file == "units.csv" && $0.code.rawValue == "units.duplicate-id" })
            #expect(errors.contains { $0.file == "checks.csv" && $0.line == 4 })
        }
        #expect(throws: KaoheError.self) {
            try Year(year: 2025, title: "", criteria: folder.criteriaFile, tables: ["unit.csv": []])
        }
    }

    @Test func errorsAreTyped() throws {
        let assessed = try Year.load(folder: demo).assess()
        #expect(throws: KaoheError.unknownUnit("T99", suggestion: "T09 杏林街道")) { try assessed.grades(unit: "T99") }
        #expect(throws: KaoheError.self) { try assessed.ranking(.quarter(5)) }
        #expect(throws: KaoheError.self) { try assessed.year.simulate([.veto(unit: "T99")]) }
        #expect(throws: KaoheError.self) { try Year.load(folder: Repository.path("Samples/none")) }
        #expect(Validation.check(folder: Repository.path("Samples/none")).hasErrors)
    }

    @Test func assessmentsRunConcurrently() async throws {
        let year = try Year.load(folder: demo)
        let tables = self.tables(demo)
        let expected = year.assess().render(.json) + (try year.assess().ranking(.quarter(2)).render(.text))
        let outputs = await withTaskGroup(of: String.self) { group in
            for i in 0..<8 {
                group.addTask {
                    // Some load the folder again, some its rows as in-memory tables, some share one year.
                    let own: Year
                    switch i % 3 {
                    case 0: own = (try? Year.load(folder: demo)) ?? year
                    case 1: own = (try? Year(year: year.year, title: year.title, criteria: year.criteriaFile, tables: tables)) ?? year
                    default: own = year
                    }
                    let assessed = own.assess()
                    return assessed.render(.json) + ((try? assessed.ranking(.quarter(2)).render(.text)) ?? "")
                }
            }
            var all: [String] = []
            for await output in group { all.append(output) }
            return all
        }
        #expect(outputs.count == 8)
        #expect(outputs.allSatisfy { $0 == expected })
    }
}

import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheRendering
import KaoheRandom
import KaoheTestSupport

/// Random years with every SPEC 3.9 option written as data folders in the file formats of
/// SPEC 2 (a criteria file using the options, `exempt` column, `n/a` scores), loaded by
/// `DataFolder.load` and graded: the result equals the reference computed on the year in memory.
@Suite struct ReferenceFolderTests {

    @Test func writtenYearsLoadAndGradeAsTheReference() throws {
        var written = 0
        try withTemporaryFolder("kaohe-reference") { root in
            for seed in UInt64(20001)...20200 {
                var rng = SplitMix64(seed: seed)
                let year = ReferenceYear(&rng, tieHeavy: seed % 4 == 0)
                guard year.isWritable else { continue }
                let folder = root + "/\(seed)"
                try year.write(to: folder, rng: &rng)
                written += 1
                let loaded = DataFolder.load(folder)
                #expect(!loaded.hasErrors, "seed \(seed): \(loaded.errors.prefix(5).map { DiagnosticText.render($0, language: .en) })")
                guard let dataset = loaded.dataset, !loaded.hasErrors else { continue }
                let mismatches = ReferenceComparison.mismatches(Assessor.assess(dataset), ReferenceScoring.assess(year.dataset),
                                                                year.dataset)
                #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.prefix(8).joined(separator: "; "))")
            }
        }
        #expect(written > 100)
    }
}

extension ReferenceYear {
    /// A criteria file can say it: no ceiling below the scale (the loader rejects one), and the
    /// Monday–Friday calendar (no calendar file is written).
    var isWritable: Bool {
        let criteria = dataset.criteria
        if case .points(let top) = criteria.adjustments.ceiling, top < criteria.scale { return false }
        return dataset.calendar.holidays.isEmpty && dataset.calendar.workdays.isEmpty
    }

    /// Writes the year as a data folder whose rows start on the lines the dataset's sources name
    /// (pass rows fill the gaps in `checks.csv`).
    func write(to folder: String, rng: inout SplitMix64) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func put(_ name: String, _ text: String) {
            _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
        }
        func csv(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }
        let criteria = dataset.criteria
        put("assessment.json5", "{year: 2025, title: \"参照\", criteria: \"criteria.json5\"}\n")
        put("criteria.json5", criteriaText())

        let exemptHeader = dataset.units.contains { !$0.exempt.isEmpty }
        var units = exemptHeader ? "id,name,group,exempt\n" : "id,name,group\n"
        for unit in dataset.units {
            var fields = [unit.id, unit.name, unit.group]
            if exemptHeader { fields.append(unit.exempt.joined(separator: rng.pick([";", "；"]))) }
            units += csv(fields)
        }
        put("units.csv", units)

        if criteria.hasChecks {
            var checks = "date,unit,item,result,deduction,note,rectified\n"
            var line = 1
            for failure in dataset.failures {
                while line + 1 < failure.source.line {
                    line += 1
                    checks += csv([failure.date.description, rng.pick(dataset.units).id, "", "pass", "", "", ""])
                }
                line += 1
                checks += csv([failure.date.description, failure.unit, failure.item, rng.pick(["fail", "不合格"]),
                               failure.deduction.description, "", failure.rectified?.description ?? ""])
            }
            put("checks.csv", checks)
        }
        if !criteria.components.isEmpty {
            var scores = "unit,component,score\n"
            for record in dataset.scores {
                scores += csv([record.unit, record.component, record.score?.description ?? rng.pick(["n/a", "不适用"])])
            }
            put("scores.csv", scores)
        }
        var events = "date,unit,kind,points,clause,note\n"
        for event in dataset.events {
            events += csv([event.date.description, event.unit, event.kind.rawValue, event.points?.description ?? "", event.clause, ""])
        }
        put("events.csv", events)
        if criteria.survey != nil {
            var survey = "unit,satisfied,basic,dissatisfied\n"
            for record in dataset.surveys {
                survey += csv([record.unit, "\(record.satisfied)", "\(record.basic)", "\(record.dissatisfied)"])
            }
            put("survey.csv", survey)
        }
    }

    /// The criteria as a JSON5 file in the fields of SPEC 2.1 and 3.9.
    func criteriaText() -> String {
        let c = dataset.criteria
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        func object(_ fields: [String?]) -> String { "{" + fields.compactMap { $0 }.joined(separator: ", ") + "}" }
        func quoted(_ s: String) -> String { "\"" + s + "\"" }
        var fields: [String?] = ["id: \"reference\"", "title: \"参照细则\"", "scale: \(c.scale)", "places: \(c.places)"]
        if !c.categories.isEmpty {
            fields.append("categories: " + list(c.categories.map { category in
                object(["id: \(quoted(category.id))", "name: \(quoted(category.name))", "points: \(category.points)",
                        "items: " + list(category.items.map {
                            object(["id: \(quoted($0.id))", "name: \(quoted($0.name))", "deduction: \($0.deduction)"])
                        })])
            }))
        }
        fields.append("parts: " + list(c.parts.map { part in
            switch part.kind {
            case .checks(let period):
                return object(["id: \(quoted(part.id))", "name: \(quoted(part.name))", "weight: \(part.weight)",
                               "kind: \"checks\"", "period: \(quoted(period.rawValue))"])
            case .scores(let components):
                return object(["id: \(quoted(part.id))", "name: \(quoted(part.name))", "weight: \(part.weight)", "kind: \"scores\"",
                               "components: " + list(components.map { component in
                                   object(["id: \(quoted(component.id))", "name: \(quoted(component.name))",
                                           component.max.map { "max: \($0)" } ?? "weight: \(component.weight)"])
                               })])
            }
        }))
        fields.append("bulletin: {failAt: \(c.bulletin.failAt)}")
        fields.append("rectify: {workingDays: \(c.rectify.workingDays)}")
        if !c.bands.isEmpty {
            fields.append("bands: " + list(c.bands.map { object(["name: \(quoted($0.name))", "min: \($0.min)"]) }))
        }
        if let quota = c.quota { fields.append("quota: {band: \(quoted(quota.band)), share: \(quota.share)}") }
        fields.append("veto: " + object([c.veto.band.map { "band: \(quoted($0))" }, c.veto.score.map { "score: \($0)" }]))
        let ceiling: String?
        switch c.adjustments.ceiling {
        case .scale: ceiling = nil
        case .none: ceiling = "ceiling: null"
        case .points(let top): ceiling = "ceiling: \(top)"
        }
        fields.append("adjustments: " + object([
            "bonusCap: " + (c.adjustments.bonusCap.map(\.description) ?? "null"),
            "penaltyCap: " + (c.adjustments.penaltyCap.map(\.description) ?? "null"),
            c.adjustments.bonusMin.map { "bonusMin: \($0)" }, ceiling,
        ]))
        if let survey = c.survey {
            fields.append("survey: " + object([survey.component.map { "component: \(quoted($0))" }, "basicWeight: \(survey.basicWeight)",
                                               survey.commend.map { "commend: \($0)" }, survey.warn.map { "warn: \($0)" }]))
        }
        fields.append("targetShare: \(c.targetShare)")
        fields.append("ranking: {ties: \(quoted(c.ranking.ties.rawValue))}")
        if !c.gates.isEmpty {
            fields.append("gates: " + list(c.gates.map { gate in
                let target: String
                switch gate.target {
                case .part(let id): target = "part: \(quoted(id))"
                case .component(let id): target = "component: \(quoted(id))"
                }
                return object([target, "min: \(gate.min)", "band: \(quoted(gate.band))"])
            }))
        }
        return "{\n " + fields.compactMap { $0 }.joined(separator: ",\n ") + "\n}\n"
    }
}

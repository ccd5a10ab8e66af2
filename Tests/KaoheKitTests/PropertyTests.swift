import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
@testable import KaoheTestSupport

/// Properties checked on many small random years and files, each drawn from a seeded PRNG so
/// a failure repeats: scoring laws (order, monotonicity, veto, recomputation, bulletins, the
/// CSV round trip) and the streaming reader against the whole-file reader.
@Suite struct PropertyTests {

    // MARK: scoring laws

    /// Reordering the rows of every file (failed checks, scores, events, surveys) leaves the
    /// graded year unchanged.
    @Test func reorderingRowsChangesNothing() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<250 {
            let year = RandomYear(&rng)
            var shuffled = year.dataset
            shuffled.failures.shuffle(using: &rng)
            shuffled.scores.shuffle(using: &rng)
            shuffled.events.shuffle(using: &rng)
            shuffled.surveys.shuffle(using: &rng)
            #expect(gradeJSON(year.dataset) == gradeJSON(shuffled))
        }
    }

    /// Adding a failed check to unit U never raises U's total, any of U's period scores, U's band
    /// (bands ordered as in the criteria) or U's annual rank (a rank number never gets smaller).
    /// Other units may gain: U may leave the quota band to one of them.
    @Test func aFailedCheckNeverRaisesTheUnitsScoreBandOrRank() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<250 {
            let year = RandomYear(&rng)
            let u = rng.below(year.dataset.units.count)
            var worse = year.dataset
            worse.failures.append(year.randomFailure(&rng, unit: u, line: 10_000))
            let before = Assessor.assess(year.dataset).units[u]
            let after = Assessor.assess(worse).units[u]
            #expect(after.total <= before.total)
            for (p, q) in zip(before.periods, after.periods) { #expect(q.score <= p.score) }
            #expect(bandIndex(after.band, year.criteria) >= bandIndex(before.band, year.criteria))
            if let old = before.rank, let new = after.rank { #expect(new >= old) }
        }
    }

    /// A veto on unit U never raises U's band (the veto band is the lowest one here, as in both
    /// shipped criteria), whatever the quota does to other units.
    @Test func aVetoNeverRaisesTheUnitsBand() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<250 {
            let year = RandomYear(&rng)
            let u = rng.below(year.dataset.units.count)
            var vetoed = year.dataset
            vetoed.events.append(Event(date: CivilDate(year: 2025, month: 6, day: 2)!, unit: year.dataset.units[u].id,
                                       kind: .veto, source: SourceRef(file: "events.csv", line: 999)))
            let before = Assessor.assess(year.dataset).units[u]
            let after = Assessor.assess(vetoed).units[u]
            #expect(bandIndex(after.band, year.criteria) >= bandIndex(before.band, year.criteria))
            #expect(after.vetoed && after.rank == nil)
            #expect(after.total == before.total)
        }
    }

    /// The printed total is the recomputation from the printed parts:
    /// `round(clamp(Σ weight × part + bonus − penalty, 0, scale))`; the checks part is the
    /// rounded mean of the printed period scores, and each period score the rounded sum of its
    /// floored categories.
    @Test func printedTotalsRecomputeFromPrintedParts() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<250 {
            let year = RandomYear(&rng)
            let criteria = year.criteria
            for unit in Assessor.assess(year.dataset).units {
                var sum = ExactDecimal.zero
                for part in unit.parts { sum += part.part.weight * part.score }
                sum += unit.bonus.applied - unit.penalty.applied
                let clamped = Swift.min(Swift.max(sum, .zero), criteria.scale)
                #expect(unit.total == clamped.rounded(criteria.places))
                #expect(unit.total.exponent == criteria.places || unit.total.exponent <= criteria.places)
                if let daily = unit.parts.first(where: { if case .checks = $0.part.kind { true } else { false } }) {
                    let mean = ExactDecimal.quotient(ExactDecimal.sum(unit.periods.map(\.score)),
                                                     ExactDecimal(unit.periods.count), places: criteria.places)
                    #expect(daily.score == mean)
                }
                for period in unit.periods {
                    let floored = ExactDecimal.sum(period.categories.map { Swift.max(.zero, $0.points - $0.deducted) })
                    #expect(period.score == floored.rounded(criteria.places))
                }
            }
        }
    }

    /// A month is 不合格 exactly when the unit has at least `failAt` failed checks in it.
    @Test func bulletinStatusAgreesWithTheFailedCount() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<250 {
            let year = RandomYear(&rng)
            let assessment = Assessor.assess(year.dataset)
            for unit in assessment.units {
                for month in unit.months {
                    let count = year.dataset.failures.filter {
                        $0.unit == unit.unit.id && $0.date.month == month.month && $0.date.year == 2025
                    }.count
                    #expect(month.failed == count)
                    #expect(month.passed == (count < year.criteria.bulletin.failAt))
                }
            }
        }
    }

    /// Writing a random year as a data folder (criteria file, units, checks with pass rows
    /// between the failed ones, scores, events, survey) and loading it gives the same graded
    /// year as the dataset in memory.
    @Test func aWrittenFolderLoadsToTheSameAssessment() throws {
        var rng = SplitMix64(seed: 6)
        try withTemporaryFolder("kaohe-property") { root in
            for round in 0..<40 {
                let year = RandomYear(&rng)
                let folder = root + "/\(round)"
                let dataset = try year.write(to: folder, rng: &rng)
                let loaded = DataFolder.load(folder)
                #expect(!loaded.hasErrors, "\(loaded.errors.map { DiagnosticText.render($0, language: .en) })")
                guard let read = loaded.dataset else { continue }
                #expect(gradeJSON(read) == gradeJSON(dataset))
                #expect(read.failures == dataset.failures)
            }
        }
    }

    func gradeJSON(_ dataset: Dataset) -> String {
        AssessmentJSON.grade(Assessor.assess(dataset)).serialized()
    }

    func bandIndex(_ band: String?, _ criteria: Criteria) -> Int {
        criteria.bands.firstIndex { $0.name == band } ?? -1
    }

    // MARK: the streaming reader

    /// The scanner reads any text as the whole-text reference reader does: same rows, columns,
    /// errors and line index.
    @Test func scannerMatchesTheReferenceReader() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<1500 {
            let text = RandomCSV.text(&rng)
            let lineLimit = rng.below(3) == 0 ? 4 + rng.below(12) : CSVReader.maxLineBytes
            let fieldLimit = rng.below(3) == 0 ? 3 + rng.below(8) : CSVReader.maxFieldBytes
            let new = CSVReader.parse(text, file: "f.csv", lineLimit: lineLimit, fieldLimit: fieldLimit)
            let old = ReferenceCSV.parse(text, file: "f.csv", lineLimit: lineLimit, fieldLimit: fieldLimit)
            #expect(new.rows == old.rows, "\(text.debugDescription)")
            #expect(new.diagnostics == old.diagnostics, "\(text.debugDescription)")
            #expect(new.lineStarts == old.lineStarts, "\(text.debugDescription)")
        }
    }

    /// Read in windows of any size (down to 16 bytes, so records cross window ends everywhere),
    /// a stream gives the records and errors of the whole text.
    @Test func streamMatchesTheWholeText() {
        var rng = SplitMix64(seed: 8)
        for _ in 0..<1500 {
            let text = RandomCSV.text(&rng)
            let whole = CSVReader.parse(text, file: "f.csv")
            // A text is already decoded: only the reader's own byte order mark is skipped.
            let stream = CSVStream(source: CSVMemorySource(Array(text.utf8)), file: "f.csv", byteOrderMarks: 1,
                                   windowBytes: 16 + rng.below(48), maxRecord: 1 << 20)
            var rows: [CSVRow] = []
            stream.forEach({ rows.append($0.row()) })
            #expect(rows == whole.rows, "\(text.debugDescription)")
            #expect(stream.scanner.diagnostics == whole.diagnostics, "\(text.debugDescription)")
            #expect(stream.invalidUTF8At == nil)
        }
    }

    /// `checks.csv` read by the streaming loader — in small windows, split in two halves read
    /// at once — gives what reading the whole file and validating row by row gives: the same
    /// failed checks, usage, weeks, duplicates and diagnostics, in the same order.
    @Test func checksLoaderMatchesTheRowByRowValidation() {
        var rng = SplitMix64(seed: 9)
        let context = RandomChecks.context
        withTemporaryFolder("kaohe-checks") { root in
            for round in 0..<300 {
                let path = root + "/checks-\(round).csv"
                let bytes = RandomChecks.encoded(RandomChecks.file(&rng), &rng)
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                let options = ChecksFile.Options(parallelBytes: rng.below(2) == 0 ? 1 : Int.max,
                                                 windowBytes: 16 + rng.below(200), maxRecordBytes: 1 << 20)
                let mismatch = ReferenceChecks.mismatch(path: path, context: context, options: options)
                #expect(mismatch == nil, "\(bytes.map { String($0, radix: 16) }.joined(separator: " "))")
            }
        }
    }
}

// MARK: - random years

/// A small random year through the public model types: 2–3 categories, a quarterly or
/// monthly checks part, a scores part (with or without a survey component), bands, maybe a
/// quota, caps, events, surveys.
struct RandomYear {
    let criteria: Criteria
    var dataset: Dataset

    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? .zero }

    init(_ rng: inout SplitMix64) {
        let d = RandomYear.d
        let first = rng.pick([20, 40, 50, 60, 70])
        let split = rng.chance(percent: 50) ? [first, 100 - first] : [first, (100 - first) / 2, 100 - first - (100 - first) / 2]
        let categories = split.enumerated().map { c, points in
            Category(id: "c\(c)", name: "类\(c)", points: ExactDecimal(points),
                     items: (0..<(1 + rng.below(2))).map { i in
                         Item(id: "c\(c)i\(i)", name: "项\(c)\(i)", deduction: d(rng.pick(["0.5", "1", "2", "2.5", "5"])))
                     })
        }
        let survey: SurveyRule? = rng.chance(percent: 40)
            ? SurveyRule(component: "survey", basicWeight: d("0.8"), commend: d("0.95"), warn: d("0.8")) : nil
        let components = survey == nil
            ? [Component(id: "c1", name: "年终", weight: 1)]
            : [Component(id: "c1", name: "年终", weight: d("0.6")), Component(id: "survey", name: "民意", weight: d("0.4"))]
        let daily = rng.pick(["0.3", "0.5", "0.6"])
        let parts = [
            Part(id: "daily", name: "日常", weight: d(daily), kind: .checks(period: rng.pick([.quarter, .quarter, .month, .half]))),
            Part(id: "yearEnd", name: "年终", weight: .one - d(daily), kind: .scores(components: components)),
        ]
        let bands = [Band(name: "A", min: 90), Band(name: "B", min: 80), Band(name: "C", min: 60), Band(name: "D", min: 0)]
        criteria = Criteria(
            id: "random", title: "随机细则", categories: categories, parts: parts,
            bulletin: BulletinRule(failAt: rng.pick([1, 1, 2])), rectify: RectifyRule(workingDays: rng.pick([3, 5])),
            bands: bands, quota: rng.chance(percent: 60) ? Quota(band: "A", share: d(rng.pick(["0.2", "0.3", "0.5"]))) : nil,
            veto: VetoRule(band: "D"),
            adjustments: Adjustments(bonusCap: rng.chance(percent: 50) ? 3 : nil, penaltyCap: rng.chance(percent: 50) ? 5 : nil),
            survey: survey, targetShare: 4)

        let units = (0..<(2 + rng.below(5))).map { Unit(id: "U\($0)", name: "单位\($0)", group: $0 % 3 == 2 ? "乙" : "甲") }
        dataset = Dataset(year: 2025, title: "随机", criteria: criteria, calendar: .weekdays, units: units)
        var line = 1
        for _ in 0..<rng.below(25) {
            line += 1 + rng.below(3)
            dataset.failures.append(randomFailure(&rng, unit: rng.below(units.count), line: line))
        }
        line = 1
        for unit in units {
            line += 1
            dataset.scores.append(ScoreRecord(unit: unit.id, component: "c1",
                                              score: d("\(50 + rng.below(50)).\(rng.below(100))"),
                                              source: SourceRef(file: "scores.csv", line: line)))
        }
        line = 1
        if survey != nil {
            for unit in units {
                line += 1
                dataset.surveys.append(SurveyRecord(unit: unit.id, satisfied: rng.below(100), basic: rng.below(30),
                                                    dissatisfied: rng.below(20) + 1, source: SourceRef(file: "survey.csv", line: line)))
            }
        }
        line = 1
        for _ in 0..<rng.below(6) {
            line += 1
            let kind = rng.pick([Event.Kind.bonus, .bonus, .penalty, .penalty, .veto])
            dataset.events.append(Event(date: randomDate(&rng), unit: rng.pick(units).id, kind: kind,
                                        points: kind == .veto ? nil : d(rng.pick(["0.5", "1", "2", "4"])),
                                        clause: "第十四条", source: SourceRef(file: "events.csv", line: line)))
        }
    }

    func randomDate(_ rng: inout SplitMix64) -> CivilDate {
        CivilDate(dayNumber: (CivilDate(year: 2025, month: 1, day: 1)?.dayNumber ?? 0) + rng.below(365))
    }

    func randomFailure(_ rng: inout SplitMix64, unit: Int, line: Int) -> Failure {
        let (c, item) = rng.pick(criteria.items)
        let date = randomDate(&rng)
        let deduction = rng.chance(percent: 70) ? item.deduction
            : Swift.min(criteria.categories[c].points, RandomYear.d(rng.pick(["0", "0.25", "1", "3", "7.5", "15"])))
        let rectified: CivilDate? = rng.chance(percent: 70) ? date.adding(days: rng.below(12)) : nil
        return Failure(date: date, unit: dataset.units[unit].id, item: item.id, deduction: deduction,
                       note: rng.pick(["", "栏目未更新", "note, with comma", "说 \"引号\""]), rectified: rectified,
                       source: SourceRef(file: "checks.csv", line: line))
    }

    /// Writes the year as a data folder; returns the dataset as its files describe it (source
    /// lines of the rows as written).
    func write(to folder: String, rng: inout SplitMix64) throws -> Dataset {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func put(_ name: String, _ text: String) {
            _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
        }
        func csv(_ fields: [String]) -> String {
            fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + "\n"
        }
        var written = dataset
        put("assessment.json5", "{year: 2025, title: \"随机\", criteria: \"criteria.json5\"}\n")
        put("criteria.json5", criteriaText())
        put("units.csv", "id,name,group\n" + dataset.units.map { csv([$0.id, $0.name, $0.group]) }.joined())

        // Failed checks in the dataset's order, passed checks between them; an explicit
        // deduction only where it differs from the item's.
        var checks = "date,unit,item,result,deduction,note,rectified\n"
        var line = 1
        written.failures = []
        let defaults = Dictionary(criteria.items.map { ($0.item.id, $0.item.deduction) }, uniquingKeysWith: { a, _ in a })
        for failure in dataset.failures {
            for _ in 0..<rng.below(3) {
                line += 1
                checks += csv([randomDate(&rng).description, rng.pick(dataset.units).id, "", "pass", "", "", ""])
            }
            line += failure.note.contains("\n") ? 2 : 1
            let explicit = failure.deduction != defaults[failure.item] || rng.chance(percent: 20)
            checks += csv([failure.date.description, rng.chance(percent: 20) ? unitName(failure.unit) : failure.unit, failure.item,
                           rng.pick(["fail", "不合格", "FAIL"]), explicit ? failure.deduction.description : "",
                           failure.note, failure.rectified?.description ?? ""])
            var copy = failure
            copy.source = SourceRef(file: "checks.csv", line: line)
            written.failures.append(copy)
        }
        put("checks.csv", checks)

        var scores = "unit,component,score\n"
        for record in dataset.scores { scores += csv([record.unit, record.component, record.score?.description ?? "n/a"]) }
        put("scores.csv", scores)
        var events = "date,unit,kind,points,clause,note\n"
        for event in dataset.events {
            events += csv([event.date.description, event.unit, event.kind.rawValue, event.points?.description ?? "", event.clause, event.note])
        }
        put("events.csv", events)
        if criteria.survey != nil {
            var survey = "unit,satisfied,basic,dissatisfied\n"
            for record in dataset.surveys { survey += csv([record.unit, "\(record.satisfied)", "\(record.basic)", "\(record.dissatisfied)"]) }
            put("survey.csv", survey)
        }
        return written
    }

    func unitName(_ id: String) -> String { dataset.units.first { $0.id == id }?.name ?? id }

    /// The criteria as a JSON5 file.
    func criteriaText() -> String {
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        let categories = criteria.categories.map { c in
            "{id: \"\(c.id)\", name: \"\(c.name)\", points: \(c.points), items: "
                + list(c.items.map { "{id: \"\($0.id)\", name: \"\($0.name)\", deduction: \($0.deduction)}" }) + "}"
        }
        let parts = criteria.parts.map { part -> String in
            switch part.kind {
            case .checks(let period):
                return "{id: \"\(part.id)\", name: \"\(part.name)\", weight: \(part.weight), kind: \"checks\", period: \"\(period.rawValue)\"}"
            case .scores(let components):
                return "{id: \"\(part.id)\", name: \"\(part.name)\", weight: \(part.weight), kind: \"scores\", components: "
                    + list(components.map { "{id: \"\($0.id)\", name: \"\($0.name)\", weight: \($0.weight)}" }) + "}"
            }
        }
        var text = "{id: \"random\", title: \"随机细则\", scale: 100, places: 2,\n categories: \(list(categories)),\n parts: \(list(parts)),\n"
        text += " bulletin: {failAt: \(criteria.bulletin.failAt)}, rectify: {workingDays: \(criteria.rectify.workingDays)},\n"
        text += " bands: " + list(criteria.bands.map { "{name: \"\($0.name)\", min: \($0.min)}" }) + ",\n"
        if let quota = criteria.quota { text += " quota: {band: \"\(quota.band)\", share: \(quota.share)},\n" }
        text += " veto: {band: \"\(criteria.veto.band ?? "")\"},\n"
        text += " adjustments: {bonusCap: \(criteria.adjustments.bonusCap.map(\.description) ?? "null"), penaltyCap: \(criteria.adjustments.penaltyCap.map(\.description) ?? "null")},\n"
        if let survey = criteria.survey {
            text += " survey: {component: \"\(survey.component ?? "")\", basicWeight: \(survey.basicWeight), commend: \(survey.commend?.description ?? "null"), warn: \(survey.warn?.description ?? "null")},\n"
        }
        text += " targetShare: \(criteria.targetShare)}\n"
        return text
    }
}

// MARK: - random check logs

/// Random `checks.csv` files: valid rows, rows with every kind of fault, names for ids, spaces,
/// quotes, line breaks in notes, blank lines, duplicates, CRLF, byte order marks.
enum RandomChecks {
    static let context: ValidationContext = {
        let criteria = Fixture.criteria()
        let units = (1...4).map { Unit(id: "T0\($0)", name: "单位\($0)", group: "甲") }
        return ValidationContext(year: 2025, criteria: criteria, units: units, rejectedUnits: ["坏单位": 7])
    }()

    /// The file as UTF-8 mostly, else as GB18030 (as Excel writes it), with bytes that are no
    /// encoding at all, with a byte order mark and such bytes, or as UTF-16.
    static func encoded(_ utf8: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        let text = String(decoding: utf8, as: UTF8.self)
        switch rng.below(20) {
        case 0, 1, 2:
            return text.data(using: TextDecoding.gb18030).map { Array($0) } ?? utf8
        case 3:
            var bytes = utf8
            bytes.insert(0xFF, at: rng.below(bytes.count + 1))
            return bytes
        case 4:
            var bytes = utf8
            bytes.insert(0xC0, at: rng.below(bytes.count + 1))
            return [0xEF, 0xBB, 0xBF] + bytes
        case 5:
            return [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default:
            return utf8
        }
    }

    static func file(_ rng: inout SplitMix64) -> [UInt8] {
        var columns = ["date", "unit", "item", "result", "deduction", "note", "rectified"]
        if rng.chance(percent: 20) { columns = ["日期", "单位", "检查项", "结果", "扣分", "备注", "整改日期"] }
        if rng.chance(percent: 30) { columns.shuffle(using: &rng) }
        if rng.chance(percent: 10) { columns.append("extra") }
        if rng.chance(percent: 10) { columns.removeAll { $0 == "rectified" || $0 == "note" } }
        if rng.chance(percent: 3) { columns.removeAll { $0 == "unit" } }
        let newline = rng.pick(["\n", "\n", "\r\n", "\r"])
        var text = (rng.chance(percent: 10) ? "\u{FEFF}" : "") + columns.joined(separator: ",") + newline
        var previous: [String] = []
        for _ in 0..<rng.below(30) {
            if rng.chance(percent: 5) { text += newline; continue }
            if rng.chance(percent: 8), !previous.isEmpty { text += previous.joined(separator: ",") + newline; continue }
            if rng.chance(percent: 4) { text += rng.pick(["x\"y,1", "\"open", "\"a\"b,c", ",,,,,,,,,", "   ", ",,,,,,"]) + newline; continue }
            var values: [String: String] = [:]
            let failed = rng.chance(percent: 40)
            values["date"] = rng.pick(["2025-01-06", "2025-03-31", "2025-12-29", "2025-06-15", "2024-12-30", "2025/3/4",
                                       "2025-02-30", "", " 2025-05-05", "x"])
            values["unit"] = rng.pick(["T01", "T02", "T03", "T04", "单位2", "T9", "坏单位", "", " T01", "T01\u{3000}"])
            values["item"] = failed || rng.chance(percent: 20) ? rng.pick(["a1", "b1", "甲一", "a9", "", " b1"]) : ""
            values["result"] = failed ? rng.pick(["fail", "FAIL", "不合格", "Fail"]) : rng.pick(["pass", "合格", "PASS", "ok", ""])
            values["deduction"] = rng.chance(percent: 70) ? "" : rng.pick(["2", "2.50", "0", "-1", "70", "x", " 3", "1e2", "+4"])
            values["note"] = rng.chance(percent: 60) ? "" : rng.pick(["栏目未更新", "a, b", "说\"是\"", "两行\n备注", " 空格 ", "é", "e\u{301}"])
            values["rectified"] = rng.chance(percent: 70) ? "" : rng.pick(["2025-01-10", "2024-12-01", "2026-01-05", "bad"])
            var fields = columns.map { column -> String in
                let key = ["日期": "date", "单位": "unit", "检查项": "item", "结果": "result", "扣分": "deduction",
                           "备注": "note", "整改日期": "rectified"][column] ?? column
                return values[key] ?? ""
            }
            if rng.chance(percent: 4) { fields.removeLast() }
            previous = fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) || rng.chance(percent: 5)
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }
            text += previous.joined(separator: ",") + newline
        }
        if rng.chance(percent: 20) { text.removeLast() }
        return Array(text.utf8)
    }
}

/// Random CSV texts built from the pieces that matter to a reader.
enum RandomCSV {
    static func text(_ rng: inout SplitMix64) -> String {
        let pieces = ["\"", ",", "\n", "\r", "\r\n", "a", "中", "\u{FEFF}", " ", "\"\"", "bc", "😀", "é", "1234567"]
        var text = ""
        for _ in 0..<rng.below(60) { text += rng.pick(pieces) }
        return text
    }
}

import KaoheKit
import KaoheRandom

/// The two sample folders: the Weibin demo (also the big benchmark year) and the Baoding
/// variant.
enum Samples {
    static let weibinTargets = [
        TargetBand(share: 13.0 / 35, high: 9520, low: 9040),
        TargetBand(share: 18.0 / 35, high: 8960, low: 8400),
        TargetBand(share: 4.0 / 35, high: 7950, low: 7600),
    ]

    static let bonusNotes = ["政务公开工作经验被市政府办公室转发推广", "在全市政务公开业务培训中作典型发言",
                             "政府信息公开工作年度报告被评为优秀", "基层政务公开标准化规范化试点成效明显"]
    static let penaltyNotes = ["政务新媒体发布错误信息，造成不良影响", "未按时报送政务公开工作年度报告",
                               "被上级通报政府网站存在严重表述错误"]

    /// The Weibin demo: `units` units (about 2/7 towns and street offices), weekly checks.
    static func weibin(units count: Int, seed: UInt64, checksPerWeek: Int, days: YearDays,
                       title: String, criteria: String) -> SampleYear {
        let towns = max(1, Int((Double(count) * 10 / 35).rounded()))
        let units = UnitNames.make(towns, prefix: "T", names: UnitNames.towns, group: "镇街")
            + UnitNames.make(max(1, count - towns), prefix: "D", names: UnitNames.departments, group: "区级部门")
        var sample = SampleYear(
            name: "demo-\(days.year)", year: days.year, title: title, criteriaPath: criteria,
            scheme: .weibin, words: .english, units: units, targets: weibinTargets,
            failRange: (25, 75), badFailPerMille: [300, 380, 450, 520], badShare: 4.0 / 35, seed: seed)
        sample.profileUnits()
        sample.plan = plan(for: sample, days: days, checksPerWeek: checksPerWeek,
                           lateDecemberItem: "info-active", neverItems: ["new-media", "site-columns", "opinion"])
        // A few rows written with the Chinese result words, as one inspector did for a month.
        if sample.units.count > 2 {
            for week in 9...12 { sample.plan.chineseWords.insert(CheckPlan.key(unit: 2, week: week)) }
            if let interpret = SchemeSpec.weibin.items.firstIndex(where: { $0.id == "interpret" }) {
                sample.plan.forced[CheckPlan.key(unit: 2, week: 11)] =
                    ForcedFinding(day: nil, item: interpret, note: "政策文件未同步发布解读材料", rectifiedAfter: 2)
            }
        }
        sample.events = events(for: sample, days: days, bonusClause: "第十三条", penaltyClause: "第十四条",
                               vetoClause: "第十四条第五项",
                               vetoNote: "违反保密规定在政府网站公开涉密文件，造成严重不良影响",
                               bonusEvery: 9, vetoEvery: 250)
        return sample
    }

    /// The Baoding variant: 8 units in 县区 and 市直部门, Chinese headers and words, unit names
    /// on some rows, no survey.
    static func baoding(seed: UInt64, days: YearDays, criteria: String) -> SampleYear {
        let units = UnitNames.make(4, prefix: "C", names: UnitNames.counties, group: "县区")
            + UnitNames.make(4, prefix: "S", names: UnitNames.cityDepartments, group: "市直部门")
        var sample = SampleYear(
            name: "baoding-demo-\(days.year)", year: days.year,
            title: "\(days.year)年度保定市政务公开考核示例（虚构数据）", criteriaPath: criteria,
            scheme: .baoding, words: .chinese, units: units,
            targets: [TargetBand(share: 3.0 / 8, high: 9350, low: 9050),
                      TargetBand(share: 4.0 / 8, high: 8800, low: 7800),
                      TargetBand(share: 1.0 / 8, high: 7000, low: 6800)],
            failRange: (30, 90), badFailPerMille: [400], badShare: 1.0 / 8, seed: seed)
        sample.profileUnits()
        sample.plan = plan(for: sample, days: days, checksPerWeek: 1,
                           lateDecemberItem: "bd-timely", neverItems: ["bd-site", "bd-media"])
        sample.plan.unitNamePerMille = 300
        sample.plan.itemNamePerMille = 200
        sample.events = events(for: sample, days: days, bonusClause: "第十二条", penaltyClause: "第十三条",
                               vetoClause: nil, vetoNote: "", bonusEvery: 3, vetoEvery: 0)
        return sample
    }

    /// The government-website inspection year (Criteria/gov-website-2019.json5): 16 units whose
    /// websites are checked weekly; three departments without public-service functions are
    /// exempt from 办事服务 (rescaled × 100 ÷ 75); bonus points (加分指标) for some units, one of
    /// them below the 80 points a bonus needs; one single-item veto.
    static func govWebsite(seed: UInt64, days: YearDays, criteria: String) -> SampleYear {
        let units = UnitNames.make(5, prefix: "T", names: UnitNames.towns, group: "镇街")
            + UnitNames.make(11, prefix: "D", names: UnitNames.departments, group: "区级部门")
        var sample = SampleYear(
            name: "website-\(days.year)", year: days.year,
            title: "\(days.year)年度政府网站检查考评（虚构数据）", criteriaPath: criteria,
            scheme: .govWebsite, words: .english, units: units,
            targets: [TargetBand(share: 1, high: 10000, low: 6000)],
            failRange: (20, 70), badFailPerMille: [300, 520], badShare: 2.0 / 16, seed: seed)
        sample.profileUnits()
        // Departments without public-service functions: 办事服务 does not apply.
        for id in ["D03", "D08", "D11"] {
            guard let u = sample.units.firstIndex(where: { $0.id == id }) else { continue }
            sample.units[u].exempt = ["service"]
            sample.units[u].exemptCategories = [2]
        }
        sample.plan = plan(for: sample, days: days, checksPerWeek: 1,
                           lateDecemberItem: "web-news", neverItems: ["web-links", "web-message", "web-news"])
        var rng = SplitMix64(seed: seed, stream: 0xB0B)
        let workingDays = days.workingDays.filter { $0 < days.count }
        func day() -> Int { workingDays.isEmpty ? 0 : workingDays[rng.below(workingDays.count)] }
        let bonusNotes = ["网站集约化平台迁移完成", "政务服务“好差评”数据对接", "无障碍和适老化改造通过评估",
                          "政策问答库建设成效明显"]
        // Bonus points (tenths): the best units, one clearly weak unit (its bonus does not count),
        // and one unit whose bonus lifts it above 100.
        let n = sample.units.count
        for unit in sample.units.indices {
            let rank = sample.units[unit].rank
            let points: Int?
            switch rank {
            case 0: points = 250
            case 1: points = 120
            case 2, 5: points = 60
            case n - 2: points = 100
            default: points = nil
            }
            if let points {
                sample.events.append(SampleEvent(day: day(), unit: unit, kind: .bonus, points: points,
                                                 clause: "加分指标", note: bonusNotes[rng.below(bonusNotes.count)]))
            }
            if rank == 3 {
                sample.events.append(SampleEvent(day: day(), unit: unit, kind: .veto, points: nil, clause: "单项否决指标",
                                                 note: "首页连续多日无法访问"))
            }
        }
        sample.writeRegisters = false
        return sample
    }

    /// Missing weeks, never-rectified findings and one December finding rectified in January.
    static func plan(for sample: SampleYear, days: YearDays, checksPerWeek: Int,
                     lateDecemberItem: String, neverItems: [String]) -> CheckPlan {
        var plan = CheckPlan()
        plan.checksPerWeek = checksPerWeek
        let n = sample.units.count
        let items = sample.scheme.items
        func index(_ id: String) -> Int { items.firstIndex { $0.id == id } ?? 0 }
        let weeks = days.weekStarts.count
        // Gaps in the log: one unit misses three weeks in a row, another one week.
        if n >= 4 {
            for week in 18...20 where week < weeks {
                plan.missing.insert(CheckPlan.key(unit: sample.unit(ofRank: n - 3), week: week))
            }
            if 35 < weeks { plan.missing.insert(CheckPlan.key(unit: sample.unit(ofRank: n / 2 + 1), week: 35)) }
        }
        // In a big year, every 97th unit misses two weeks.
        if n > 100 {
            for unit in sample.units.indices where sample.units[unit].rank % 97 == 13 {
                let week = 5 + sample.units[unit].rank % 40
                plan.missing.insert(CheckPlan.key(unit: unit, week: week))
                plan.missing.insert(CheckPlan.key(unit: unit, week: week + 1))
            }
        }
        // Findings never rectified, on weak units.
        let neverWeeks = [15, 30, 41]
        for (position, item) in neverItems.enumerated() where position < neverWeeks.count && n > position {
            let rank = position < 2 ? n - 1 - position : n / 2
            let itemIndex = index(item)
            plan.forced[CheckPlan.key(unit: sample.unit(ofRank: rank), week: neverWeeks[position])] =
                ForcedFinding(day: nil, item: itemIndex, note: items[itemIndex].notes[0], rectifiedAfter: nil)
        }
        // One finding of late December rectified in the first days of January (within the deadline).
        if let december = CivilDate(year: days.year, month: 12, day: 26) {
            let offset = december.dayNumber - days.first
            let day = days.workingDays.last { $0 <= offset && $0 < days.count } ?? offset
            if let week = days.weekStarts.lastIndex(where: { $0 <= day }), n > 1 {
                plan.forced[CheckPlan.key(unit: sample.unit(ofRank: 1), week: week)] =
                    ForcedFinding(day: day, item: index(lateDecemberItem),
                                  note: "年终信息集中发布不及时，次年初完成整改", rectifiedAfter: 4)
            }
        }
        return plan
    }

    /// Bonus events for every `bonusEvery`-th rank from 1, penalties for the worst unit and every
    /// 11th rank from 6, and a veto for every `vetoEvery`-th rank from 4 (only rank 4 in a demo).
    static func events(for sample: SampleYear, days: YearDays, bonusClause: String, penaltyClause: String,
                       vetoClause: String?, vetoNote: String, bonusEvery: Int, vetoEvery: Int) -> [SampleEvent] {
        var rng = SplitMix64(seed: sample.seed, stream: 0xE7E)
        var events: [SampleEvent] = []
        let n = sample.units.count
        let workingDays = days.workingDays.filter { $0 < days.count }
        func day() -> Int { workingDays.isEmpty ? 0 : workingDays[rng.below(workingDays.count)] }
        for unit in sample.units.indices {
            let rank = sample.units[unit].rank
            if rank % bonusEvery == 1 && rank < n - 1 {
                events.append(SampleEvent(day: day(), unit: unit, kind: .bonus, points: 10 * rng.between(1...2),
                                          clause: bonusClause, note: bonusNotes[rng.below(bonusNotes.count)]))
            }
            if rank == n - 1 || (rank % 11 == 6 && rank < n - 1) {
                events.append(SampleEvent(day: day(), unit: unit, kind: .penalty,
                                          points: rank == n - 1 ? 30 : 10 * rng.between(1...2),
                                          clause: penaltyClause, note: penaltyNotes[rng.below(penaltyNotes.count)]))
            }
            if let vetoClause, vetoEvery > 0, n > 4, rank % vetoEvery == 4 {
                events.append(SampleEvent(day: day(), unit: unit, kind: .veto, points: nil,
                                          clause: vetoClause, note: vetoNote))
            }
        }
        return events
    }
}

import KaoheKit
import KaoheRandom

/// Writes the registers (台账) of a sample year: disclosures, applications, complaints and
/// hot-issue responses, mostly on time, some late, some still pending at the year's end, and a
/// few that span the Spring Festival, the National Day holiday or midnight.
struct RegisterWriter {
    let units: [SampleUnit]
    let days: YearDays
    let chinese: Bool
    let seed: UInt64

    /// `offset` days after January 1 as `2025-03-07` (offsets past the known span are clamped).
    func date(_ offset: Int) -> String { days.dateText[max(0, min(offset, days.dateText.count - 1))] }

    /// Day offset of a date of the year.
    func offset(_ month: Int, _ day: Int) -> Int {
        (CivilDate(year: days.year, month: month, day: day)?.dayNumber ?? days.first) - days.first
    }

    func lag(_ n: Int, after start: Int) -> Int { days.workingDay(n, after: start) ?? start + n }

    func write(to folder: String) throws {
        var rng = SplitMix64(seed: seed, stream: 0x7A11)
        let yearDays = days.workingDays.filter { $0 < days.count }
        func unit() -> String { units[rng.below(units.count)].id }
        func workingDay(before limit: Int) -> Int {
            let candidates = yearDays.filter { $0 < limit }
            return candidates[rng.below(candidates.count)]
        }

        // 信息公开台账: published within 20 working days, a few late, one never, one pending.
        let disclosures = try CSVOutput(path: folder + "/disclosures.csv")
        try disclosures.header(chinese ? ["单位", "信息名称", "形成日期", "公开日期", "备注"]
                                       : ["unit", "title", "formed", "published", "note"])
        let titles = ["年度财政预算公开", "重大行政决策草案", "行政执法结果", "政策解读材料", "重点项目进展", "办事指南更新"]
        var rows: [[String]] = []
        for _ in 0..<24 {
            let formed = workingDay(before: offset(11, 15))
            let late = rng.chance(perMille: 150)
            let published = lag(late ? rng.between(21...26) : rng.between(1...18), after: formed)
            rows.append([unit(), titles[rng.below(titles.count)], date(formed), date(published), ""])
        }
        // Across the Spring Festival: formed 2025-01-20, published on the 20th working day
        // (2025-02-21, the holiday skipped and the 调休 days 01-26 and 02-08 counted): on time.
        rows.append([units[0].id, "春节前形成的通知", date(offset(1, 20)), date(lag(20, after: offset(1, 20))), "跨春节假期，按时"])
        // The 21st working day: one day late.
        rows.append([units[1 % units.count].id, "季度工作动态", date(offset(9, 22)), date(lag(21, after: offset(9, 22))), "跨国庆假期，逾期一天"])
        // Never published, deadline within the year: a miss.
        rows.append([units[2 % units.count].id, "专项资金分配结果", date(offset(10, 20)), "", "截至年底未公开"])
        // Formed in late December: due in January, pending.
        rows.append([units[3 % units.count].id, "年终工作总结", date(offset(12, 22)), "", "次年到期"])
        for row in rows.sorted(by: { $0[2] < $1[2] }) { try disclosures.row(row) }
        try disclosures.close()

        // 依申请公开台账: 20 working days, 40 with an extension.
        let applications = try CSVOutput(path: folder + "/applications.csv")
        try applications.header(chinese ? ["单位", "收到日期", "答复日期", "是否延期", "备注"]
                                        : ["unit", "received", "answered", "extended", "note"])
        rows = []
        for _ in 0..<14 {
            let received = workingDay(before: offset(11, 1))
            let extended = rng.chance(perMille: 200)
            let late = rng.chance(perMille: 120)
            let limit = extended ? 40 : 20
            let answered = lag(late ? limit + rng.between(1...4) : rng.between(5...limit), after: received)
            rows.append([unit(), date(received), date(answered), extended ? (chinese ? "是" : "yes") : (chinese ? "否" : "no"), ""])
        }
        let no = chinese ? "否" : "no", yes = chinese ? "是" : "yes"
        // Across the Labour Day holiday, answered on the 21st working day: late.
        rows.append([units[5 % units.count].id, date(offset(4, 18)), date(lag(21, after: offset(4, 18))), no, "跨劳动节假期，逾期"])
        // Extended, answered on the 40th working day: on time.
        rows.append([units[6 % units.count].id, date(offset(7, 7)), date(lag(40, after: offset(7, 7))), yes, "延期答复，第 40 个工作日"])
        // Received mid-December: due in January, pending.
        rows.append([units[4 % units.count].id, date(offset(12, 15)), "", no, "答复期限在次年"])
        for row in rows.sorted(by: { $0[1] < $1[1] }) { try applications.row(row) }
        try applications.close()

        // 投诉举报台账: forwarded within 5 working days; real-name complaints answered within 7 days.
        let complaints = try CSVOutput(path: folder + "/complaints.csv")
        try complaints.header(chinese ? ["单位", "收到日期", "转办日期", "答复日期", "是否实名", "备注"]
                                      : ["unit", "received", "forwarded", "answered", "realName", "note"])
        rows = []
        for _ in 0..<10 {
            let received = workingDay(before: offset(12, 1))
            let forwarded = lag(rng.chance(perMille: 150) ? rng.between(6...8) : rng.between(1...5), after: received)
            let realName = rng.chance(perMille: 500)
            let answered = received + (rng.chance(perMille: 200) ? rng.between(8...10) : rng.between(2...7))
            rows.append([unit(), date(received), date(forwarded), date(answered), realName ? (chinese ? "是" : "yes") : (chinese ? "否" : "no"), ""])
        }
        // A real-name complaint answered on the 8th day: late.
        rows.append([units[7 % units.count].id, date(offset(5, 12)), date(lag(2, after: offset(5, 12))), date(offset(5, 20)),
                     chinese ? "是" : "yes", "实名投诉，第 8 天答复"])
        for row in rows.sorted(by: { $0[1] < $1[1] }) { try complaints.row(row) }
        try complaints.close()

        // 舆情回应台账: an authoritative statement within 5 hours, a press conference within 24.
        let responses = try CSVOutput(path: folder + "/responses.csv")
        try responses.header(chinese ? ["单位", "舆情发生时间", "权威发布时间", "新闻发布会时间", "备注"]
                                     : ["unit", "hotIssue", "statement", "pressConference", "note"])
        let hot = [(offset(3, 14), "09:10", "12:40", offset(3, 15), "08:30", "网传停水信息"),
                   (offset(6, 7), "21:00", "01:30", offset(6, 8), "10:00", "跨午夜，按时发布"),
                   (offset(8, 19), "22:00", "04:10", offset(8, 20), "23:30", "跨午夜，发布逾时"),
                   (offset(11, 3), "15:20", "18:05", offset(11, 5), "09:00", "发布会逾时")]
        for (day, at, statementAt, pressDay, pressAt, note) in hot {
            let statementDay = statementAt < at ? day + 1 : day
            try responses.row([unit(), "\(date(day)) \(at)", "\(date(statementDay)) \(statementAt)", "\(date(pressDay)) \(pressAt)", note])
        }
        try responses.close()
    }
}

import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// VetoConsequenceRule: one level-3 consequence per veto event, by date then line (docs/scoring.md §12.5).
@Suite struct VetoConsequenceRuleTests {
    func veto(_ date: String, line: Int, clause: String) -> Event {
        Event(date: Fixture.date(date), unit: "U1", kind: .veto, clause: clause, source: SourceRef(file: "events.csv", line: line))
    }

    @Test func eachVetoByDateThenLine() {
        let vetoes = [veto("2025-06-01", line: 8, clause: "第十四条第二项"), veto("2025-03-15", line: 9, clause: "第十四条第五项"),
                      veto("2025-06-01", line: 3, clause: "")]
        let list = VetoConsequenceRule.consequences(vetoes)
        #expect(list.map(\.period.description) == ["2025-03-15", "2025-06-01", "2025-06-01"])
        #expect(list.map(\.evidence?.line) == [9, 3, 8])
        #expect(list.map(\.facts) == [.veto(clause: "第十四条第五项"), .veto(clause: ""), .veto(clause: "第十四条第二项")])
        #expect(list.allSatisfy { $0.kind == .veto && $0.level == 3 })
    }
}

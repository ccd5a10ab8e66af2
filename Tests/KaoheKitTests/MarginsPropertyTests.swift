import Testing
import KaoheKit
import KaoheTestSupport

/// `simulate --margins` (docs/commands.md): for every unit of the samples and every band a
/// margin reports as reachable (or kept), setting the suggested component score with
/// `simulate --score` gives exactly that band, and 0.01 less does not. The quota and the
/// gates count: the city table has both.
@Suite struct MarginsPropertyTests {
    static let folders = ["Samples/demo-2025", "Samples/baoding-demo-2025", "Tests/kaoheTests/Golden/_data/city-table"]

    @Test(arguments: folders)
    func suggestedScoresGiveExactlyTheBand(_ folder: String) throws {
        let loaded = DataFolder.load(Repository.path(folder))
        let dataset = try #require(loaded.dataset)
        let assessment = Assessor.assess(dataset)
        let margins = Margins.compute(assessment)
        let bands = dataset.criteria.bands.map(\.name)
        let step = ExactDecimal(mantissa: 1, exponent: dataset.criteria.places)
        /// The unit's band after setting one component score.
        func band(unit: String, component: String, score: ExactDecimal) throws -> String? {
            let request = ChangeRequest(option: "score", value: "\(unit):\(component)=\(score)")
            let diff = try Simulation.run(dataset, requests: [request]).get()
            return diff.after.units.first { $0.unit.id == unit }?.band
        }
        var checked = 0
        for margin in margins {
            for (step_, target) in [(margin.above, margin.above?.band), (margin.below, margin.band)] {
                guard let step_, let target, let targetIndex = bands.firstIndex(of: target) else { continue }
                for entry in step_.components {
                    guard let score = entry.score else { continue }
                    let reached = try band(unit: margin.unit.id, component: entry.component.id, score: score)
                    #expect(reached == target, "\(folder) \(margin.unit.id) \(entry.component.id)=\(score) gives \(reached ?? "-"), not \(target)")
                    if score >= step {
                        let below = try band(unit: margin.unit.id, component: entry.component.id, score: score - step)
                        let belowIndex = below.flatMap { bands.firstIndex(of: $0) } ?? bands.count
                        #expect(belowIndex > targetIndex,
                                "\(folder) \(margin.unit.id) \(entry.component.id)=\(score - step) still gives \(below ?? "-")")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    /// The total a margin asks for is what the quota leaves: the cut of the other holders.
    @Test func aQuotaBandNeedsATotalAboveTheCut() throws {
        let dataset = try #require(DataFolder.load(Repository.path("Tests/kaoheTests/Golden/_data/city-table")).dataset)
        let margins = Margins.compute(Assessor.assess(dataset))
        // 优秀 allows floor(0.3 × 9) = 2; the other holders are C1 95.00 and C2 93.50, so C3 (91.00)
        // needs 93.51, not the band's 90.
        let c3 = try #require(margins.first { $0.unit.id == "C3" })
        #expect(c3.above?.band == "优秀")
        #expect(c3.above?.min == ExactDecimal("93.51"))
        #expect(c3.above?.points == ExactDecimal("2.51"))
        // C4 is gated (网站 18 < 21): no total alone lifts it; the website score can.
        let c4 = try #require(margins.first { $0.unit.id == "C4" })
        #expect(c4.above?.blocked == .gate)
        #expect(c4.above?.components.first { $0.component.id == "site" }?.score == 21)
    }
}

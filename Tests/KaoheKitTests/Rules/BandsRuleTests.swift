import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// BandsRule: the first band, highest first, whose minimum the rounded total reaches (docs/scoring.md §7).
@Suite struct BandsRuleTests {
    let d = Fixture.d
    /// A ≥ 90, B ≥ 80, C ≥ 60, D ≥ 0.
    let bands = Fixture.criteria().bands

    @Test func theFirstBandReachedWins() {
        #expect(BandsRule.band(for: 100, bands: bands) == "A")
        #expect(BandsRule.band(for: 90, bands: bands) == "A")
        #expect(BandsRule.band(for: d("89.99"), bands: bands) == "B")
        #expect(BandsRule.band(for: 80, bands: bands) == "B")
        #expect(BandsRule.band(for: d("79.99"), bands: bands) == "C")
        #expect(BandsRule.band(for: 60, bands: bands) == "C")
        #expect(BandsRule.band(for: d("59.99"), bands: bands) == "D")
        #expect(BandsRule.band(for: 0, bands: bands) == "D")
    }

    @Test func aTotalOf89_995ReachesTheTopBand() {
        // The band compares the rounded total: 89.995 → 90.00 ≥ 90 → A (the unrounded one would be B).
        let total = TotalRule.total(d("89.995"), ceiling: 100, places: 2)
        #expect(BandsRule.band(for: total, bands: bands) == "A")
        #expect(BandsRule.band(for: d("89.995"), bands: bands) == "B")
    }

    @Test func bandsAreTakenInTheirOrder() {
        // Other minimums and names: 优秀 ≥ 85, 良好 ≥ 75, 一般 ≥ 60, 较差 ≥ 0.
        let other = [Band(name: "优秀", min: 85), Band(name: "良好", min: 75), Band(name: "一般", min: 60), Band(name: "较差", min: 0)]
        #expect(BandsRule.band(for: 85, bands: other) == "优秀")
        #expect(BandsRule.band(for: d("84.99"), bands: other) == "良好")
        #expect(BandsRule.band(for: d("59.99"), bands: other) == "较差")
    }

    @Test func aTotalBelowEveryMinimumTakesTheLowestBand() {
        #expect(BandsRule.band(for: -1, bands: bands) == "D")
    }

    @Test func theBandBelow() {
        #expect(BandsRule.band(below: "A", bands: bands) == "B")
        #expect(BandsRule.band(below: "C", bands: bands) == "D")
        // The lowest band, or a name the criteria do not have, stays.
        #expect(BandsRule.band(below: "D", bands: bands) == "D")
        #expect(BandsRule.band(below: "X", bands: bands) == "X")
    }

    /// For any total the band is the highest whose minimum the total reaches: the band's
    /// minimum ≤ total < the minimum of the band above; a higher total never gets a lower band.
    @Test func theBandIsTheHighestReached() {
        var rng = SplitMix64(seed: 107)
        let names = bands.map(\.name)
        for _ in 0..<500 {
            let x = ExactDecimal(mantissa: Int128(rng.between(0...10_000)), exponent: 2)
            let y = ExactDecimal(mantissa: Int128(rng.between(0...10_000)), exponent: 2)
            guard let bx = BandsRule.band(for: x, bands: bands), let by = BandsRule.band(for: y, bands: bands), let i = names.firstIndex(of: bx),
                  let j = names.firstIndex(of: by) else {
                Issue.record("not a band")
                continue
            }
            #expect(bands[i].min <= x)
            if i > 0 { #expect(x < bands[i - 1].min) }
            if x <= y { #expect(j <= i) }
        }
    }
}

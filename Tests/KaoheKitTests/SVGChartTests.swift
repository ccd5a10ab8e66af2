import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering

@Suite struct SVGChartTests {
    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? .zero }

    /// Every number written in an attribute value, as text.
    static func numbers(in svg: String) -> [String] {
        var found: [String] = []
        var current = ""
        var inValue = false
        for ch in svg {
            if ch == "\"" { inValue.toggle(); if !inValue { found += tokens(current) }; current = ""; continue }
            if inValue { current.append(ch) }
        }
        return found
    }

    static func tokens(_ value: String) -> [String] {
        var out: [String] = []
        var token = ""
        for ch in value {
            if ch.isNumber || ch == "." || ch == "-" { token.append(ch) } else { if !token.isEmpty { out.append(token) }; token = "" }
        }
        if !token.isEmpty { out.append(token) }
        return out
    }

    /// Well-formed, finite, and no coordinate with more than two decimals.
    static func expectClean(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(MarkupCheck.xmlError(svg) == nil, "\(MarkupCheck.xmlError(svg) ?? "")", sourceLocation: sourceLocation)
        let lower = svg.lowercased()
        #expect(!lower.contains("nan") && !lower.contains("inf"), sourceLocation: sourceLocation)
        for number in numbers(in: svg) {
            if let dot = number.firstIndex(of: ".") {
                let decimals = number[number.index(after: dot)...].prefix { $0.isNumber }.count
                #expect(decimals <= 2, "\(number)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func barsHaveOneRectPerValue() {
        let chart = Chart(kind: .bars, title: "Totals", categories: ["Alpha", "Beta", "Gamma"],
                          series: [.init(name: "A", values: [Self.d("91.25"), Self.d("77.5"), nil]),
                                   .init(name: "B", values: [Self.d("60"), Self.d("101"), Self.d("-3")])],
                          minimum: 50, maximum: 100, marks: [("Excellent 90", 90), ("Good 80", 80), ("Out 120", 120)])
        let svg = SVGChart.render(chart, id: "c1")
        Self.expectClean(svg)
        #expect(MarkupCheck.count("class=\"bar s0\"", in: svg) == 2)
        #expect(MarkupCheck.count("class=\"bar s1\"", in: svg) == 3)
        // Marks inside the axis range are drawn dashed; one outside it is left out.
        #expect(MarkupCheck.count("class=\"mark\"", in: svg) == 2)
        #expect(svg.contains("stroke-dasharray=\"6 3\""))
        // Two series: two different fills, a legend swatch each, and a pattern that is not solid.
        #expect(svg.contains("fill=\"url(#c1-p0)\"") && svg.contains("fill=\"url(#c1-p1)\""))
        #expect(MarkupCheck.count("class=\"swatch", in: svg) == 2)
        #expect(svg.contains("patternTransform=\"rotate(45)\""))
        #expect(svg.contains(">Alpha</text>"))
    }

    @Test func valueLabelsKeepTheScoreDecimals() {
        let chart = Chart(kind: .bars, title: "t", categories: ["A", "B"], series: [.init(name: "s", values: [Self.d("87.60"), 3])],
                          minimum: 0, maximum: 100)
        let svg = SVGChart.render(chart, id: "v")
        #expect(svg.contains(">87.60</text>"))
        #expect(svg.contains(">3</text>"))
    }

    @Test func linesHaveOnePointPerValueAndBreakAtGaps() {
        let chart = Chart(kind: .lines, title: "Periods", categories: ["Q1", "Q2", "Q3", "Q4"],
                          series: [.init(name: "Highest", values: [100, 100, Self.d("99.5"), 100]),
                                   .init(name: "Average", values: [Self.d("96.33"), nil, Self.d("95.1"), Self.d("97.77")]),
                                   .init(name: "Lowest", values: [82, Self.d("92.5"), 77, 79])],
                          minimum: 70, maximum: 100)
        let svg = SVGChart.render(chart, id: "l")
        Self.expectClean(svg)
        #expect(MarkupCheck.count("class=\"point s0\"", in: svg) == 4)
        #expect(MarkupCheck.count("class=\"point s1\"", in: svg) == 3)
        #expect(MarkupCheck.count("class=\"point s2\"", in: svg) == 4)
        // The gap in "Average" breaks its line: Q1 stands alone (a marker only), Q3–Q4 are joined.
        #expect(MarkupCheck.count("<polyline", in: svg) == 3)
        // Series differ by dash style and marker shape, not only colour.
        #expect(svg.contains("stroke-dasharray=\"7 4\"") && svg.contains("stroke-dasharray=\"2 3\""))
        #expect(svg.contains("<circle class=\"point s0\"") && svg.contains("<rect class=\"point s1\"") && svg.contains("<path class=\"point s2\""))
        #expect(svg.contains(">Highest</text>") && svg.contains(">Lowest</text>"))
    }

    @Test func manyChineseLabelsAreTurnedAndNeverOverlap() {
        let names = (1...25).map { "区退役军人事务局\($0)" }
        let chart = Chart(kind: .bars, title: "总分", categories: names,
                          series: [.init(name: "总分", values: names.indices.map { ExactDecimal(70 + $0) })], minimum: 50, maximum: 100)
        let svg = SVGChart.render(chart, id: "r")
        Self.expectClean(svg)
        #expect(MarkupCheck.count("class=\"bar s0\"", in: svg) == 25)
        #expect(MarkupCheck.count("rotate(-45 ", in: svg) == 25)
        // Turned labels stack diagonally: neighbours must be at least a line height apart.
        let layout = SVGChart.Layout(chart)
        #expect(layout.band * 0.7 >= SVGChart.fontSize)

        let few = Chart(kind: .bars, title: "t", categories: ["青石镇", "柳河街道"], series: [.init(name: "s", values: [80, 90])],
                        minimum: 0, maximum: 100)
        #expect(!SVGChart.render(few, id: "f").contains("rotate(-45"))
    }

    @Test func hundredsOfCategoriesWidenTheChart() {
        let names = (1...200).map { "单位\($0)" }
        let chart = Chart(kind: .lines, title: "t", categories: names, series: [.init(name: "s", values: names.map { _ in 50 })],
                          minimum: 0, maximum: 100)
        let layout = SVGChart.Layout(chart)
        #expect(layout.width > SVGChart.baseWidth)
        #expect(layout.band >= SVGChart.fontSize)
        Self.expectClean(SVGChart.render(chart, id: "w"))
    }

    @Test func degenerateChartsStayFinite() {
        let flat = Chart(kind: .bars, title: "flat", categories: ["a"], series: [.init(name: "s", values: [5])], minimum: 5, maximum: 5)
        let inverted = Chart(kind: .lines, title: "inv", categories: ["a", "b"], series: [.init(name: "s", values: [1, 2])],
                             minimum: 10, maximum: 0)
        let empty = Chart(kind: .lines, title: "empty", categories: [], series: [], minimum: 0, maximum: 100)
        let missing = Chart(kind: .bars, title: "none", categories: ["a", "b"], series: [.init(name: "s", values: [nil])],
                            minimum: 0, maximum: 100)
        let huge = Chart(kind: .bars, title: "huge", categories: ["a"],
                         series: [.init(name: "s", values: [Self.d("123456789012345678901234.5")])], minimum: 0, maximum: 1000)
        for chart in [flat, inverted, empty, missing, huge] {
            Self.expectClean(SVGChart.render(chart, id: "d"))
        }
        #expect(MarkupCheck.count("class=\"bar s", in: SVGChart.render(missing, id: "m")) == 0)
    }

    @Test func hostileNamesAreEscaped() {
        let chart = Chart(kind: .lines, title: "<script>alert(1)</script>", categories: ["\"&'", "<b>"],
                          series: [.init(name: "</svg><script>", values: [1, 2])], minimum: 0, maximum: 3,
                          marks: [("<i>", 2)])
        let svg = SVGChart.render(chart, id: "h")
        Self.expectClean(svg)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>") && !svg.contains("<i>"))
        #expect(svg.contains("&quot;&amp;&#39;"))
    }

    @Test func coordinatesUseAtMostTwoDecimals() {
        #expect(SVGChart.f(1.005) == "1" || SVGChart.f(1.005) == "1.01")
        #expect(SVGChart.f(12.3456) == "12.35")
        #expect(SVGChart.f(-0.001) == "0")
        #expect(SVGChart.f(-2.5) == "-2.5")
        #expect(SVGChart.f(3.04) == "3.04")
        #expect(SVGChart.f(.nan) == "0")
        #expect(SVGChart.f(.infinity) == "0")
    }

    @Test func ticksFollowOneTwoFiveSteps() {
        #expect(SVGChart.ticks(50, 100) == [50, 60, 70, 80, 90, 100])
        #expect(SVGChart.ticks(0, 5) == [0, 1, 2, 3, 4, 5])
        #expect(SVGChart.ticks(70, 100) == [70, 80, 90, 100])
        #expect(SVGChart.ticks(0, 12) == [0, 2.5, 5, 7.5, 10])
        #expect(SVGChart.ticks(0, 1).count <= 11)
    }

    @Test(arguments: MarkupCheck.samples)
    func yearReportChartsMatchTheData(sample: String) throws {
        let (loaded, dataset, assessment) = try #require(MarkupCheck.load(sample))
        let document = YearReport.document(assessment, dataset: dataset, quality: loaded.quality, folder: sample, language: .zh)
        let charts = document.blocks.compactMap { block -> Chart? in if case .chart(let c) = block { return c } else { return nil } }
        let groups = assessment.groups.count
        // Totals per group, period lines per group, the month bars.
        #expect(charts.count == groups * 2 + 1)
        let totals = Array(charts.filter { $0.kind == .bars }.prefix(groups))
        #expect(totals.map(\.categories.count).reduce(0, +) == dataset.units.count)
        for chart in totals {
            #expect(chart.marks.count == dataset.criteria.bands.filter { $0.min > .zero }.count)
            let svg = SVGChart.render(chart, id: "t")
            Self.expectClean(svg)
            #expect(MarkupCheck.count("class=\"bar s0\"", in: svg) == chart.categories.count)
        }
        for chart in charts where chart.kind == .lines {
            #expect(chart.categories.count == dataset.criteria.checksPeriod.count)
            #expect(chart.series.count == 3)
            let svg = SVGChart.render(chart, id: "p")
            Self.expectClean(svg)
            #expect(MarkupCheck.count("class=\"point s", in: svg) == 3 * chart.categories.count)
        }
    }

    /// Bars too narrow for a level label (25 units in a row) still carry their values, upright
    /// inside the bar.
    @Test func narrowBarsCarryUprightValueLabels() {
        let values = (0..<25).map { Self.d("\(95 - $0).25") }
        let chart = Chart(kind: .bars, title: "Totals", categories: (1...25).map { "区级部门\($0)" },
                          series: [.init(name: "总分", values: values)], minimum: 50, maximum: 100)
        let svg = SVGChart.render(chart, id: "n")
        Self.expectClean(svg)
        for value in values { #expect(svg.contains(">\(value.formatted(places: 2))</text>"), "\(value) has no label") }
        #expect(svg.contains("rotate(-90"))
    }
}

import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Draws a ``Chart`` as inline SVG for the HTML renderer: value axis with ticks and light grid
/// lines, category labels (on two lines, or turned 45°, when they would collide), a legend, and the chart's
/// `marks` as dashed reference lines labelled at the right edge.
///
/// Series stay apart in black-and-white print: bar series get different fill patterns (solid,
/// hatched, cross-hatched, dotted, …) and line series different dash styles and marker shapes,
/// on top of their colours. Doubles here are drawing coordinates only; every coordinate is
/// written with at most two decimals.
package enum SVGChart {
    /// Screen colours; print relies on patterns, dashes and markers as well.
    static let palette = ["#1f4e79", "#b03a2e", "#2e7d32", "#6a1b9a", "#b9770e", "#455a64"]
    /// Dash patterns of line series, by series index.
    static let dashes = ["", "7 4", "2 3", "10 3 2 3", "5 2", "1 2"]

    static let fontSize = 11.0
    static let baseWidth = 680.0

    /// The SVG markup of `chart`; `id` must be unique within the page (it prefixes pattern ids).
    package static func render(_ chart: Chart, id: String) -> String {
        let layout = Layout(chart)
        var svg = Writer()
        let w = layout.width, h = layout.height
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "chart-svg", "viewBox": "0 0 \(f(w)) \(f(h))",
                         "width": f(w), "height": f(h), "role": "img", "aria-labelledby": "\(id)-title"])
        svg.element("title", ["id": "\(id)-title"], text: chart.title)
        definitions(chart, id: id, into: &svg)
        svg.open("g", ["font-size": f(fontSize), "fill": "#000"])
        guard layout.hasData else {
            svg.element("text", ["x": f(w / 2), "y": f(h / 2), "text-anchor": "middle", "class": "no-data"], text: "–")
            svg.close("g")
            svg.close("svg")
            return svg.out
        }
        grid(layout, into: &svg)
        // Reference lines go over the bars; value labels over both.
        var values = Writer()
        switch chart.kind {
        case .bars: bars(chart, layout, id: id, into: &svg, labels: &values)
        case .lines: lines(chart, layout, into: &svg)
        }
        marks(chart, layout, into: &svg)
        if !values.out.isEmpty {
            svg.open("g", ["class": "values"])
            svg.out += values.out
            svg.close("g")
        }
        axes(chart, layout, into: &svg)
        legend(chart, layout, id: id, into: &svg)
        svg.close("g")
        svg.close("svg")
        return svg.out
    }

    // MARK: - Layout

    /// Positions derived from the chart's size, labels and value range.
    struct Layout {
        var width = baseWidth
        var height = 0.0
        var plotLeft = 0.0, plotRight = 0.0, plotTop = 0.0, plotBottom = 0.0
        var low = 0.0, high = 1.0
        var ticks: [Double] = []
        /// Category labels as drawn (shortened when very long), and whether they are turned.
        var labels: [String] = []
        var rotated = false
        /// Labels in one or two lines each, when splitting the long ones keeps them apart.
        var wrapped: [[String]]?
        var legendRows: [[(index: Int, x: Double)]] = []
        var hasData = false

        init(_ chart: Chart) {
            low = number(chart.minimum)
            high = number(chart.maximum)
            if !(high > low) { high = low + 1 }
            hasData = !chart.categories.isEmpty && !chart.series.isEmpty
            ticks = SVGChart.ticks(low, high)
            let tickWidth = ticks.map { textWidth(tickLabel($0)) }.max() ?? 0
            labels = chart.categories.map { shorten($0, to: 14 * fontSize) }
            let longest = labels.map { textWidth($0) }.max() ?? 0
            let markWidth = chart.marks.filter { number($0.value) >= low && number($0.value) <= high }
                .map { textWidth($0.label, size: fontSize - 1) }.max() ?? 0
            let count = Double(max(1, chart.categories.count))

            plotLeft = tickWidth + 14
            let right = markWidth > 0 ? markWidth + 10 : 12
            // Labels sit on one line when every one fits its category; else the long ones are
            // split in two lines; else all are turned 45°.
            let available = (width - plotLeft - right) / count
            let split = labels.map { textWidth($0) + 8 <= available ? [$0] : SVGChart.split($0) }
            let longestLine = split.flatMap { $0 }.map { textWidth($0) }.max() ?? 0
            if longest + 8 <= available {
                // One line each.
            } else if longestLine + 8 <= available {
                wrapped = split
            } else {
                rotated = true
                // A turned label reaches left of its category by about 0.71 × its width.
                plotLeft = max(plotLeft, longest * 0.71 - fontSize)
                // Turned labels stack diagonally, so each category needs about a line height;
                // a chart with very many categories grows wider instead.
                let minimumBand = fontSize + 6
                if (width - plotLeft - right) / count < minimumBand {
                    width = plotLeft + right + minimumBand * count
                }
            }
            plotRight = width - right

            legendRows = SVGChart.legendRows(chart, width: width - plotLeft)
            plotTop = Double(legendRows.count) * 18 + 12
            let plotHeight = 240.0
            plotBottom = plotTop + plotHeight
            let labelDepth = rotated ? longest * 0.71 + fontSize * 0.71 + 10 : wrapped != nil ? fontSize * 2.2 + 12 : fontSize + 12
            height = plotBottom + labelDepth + 6
            for i in legendRows.indices {
                for j in legendRows[i].indices { legendRows[i][j].x += plotLeft }
            }
        }

        var band: Double { (plotRight - plotLeft) / Double(max(1, labels.count)) }

        func x(center index: Int) -> Double { plotLeft + band * (Double(index) + 0.5) }

        func y(_ value: Double) -> Double {
            let clamped = min(max(value, low), high)
            return plotBottom - (clamped - low) / (high - low) * (plotBottom - plotTop)
        }
    }

    /// Tick values: a 1-2-5 step giving about five intervals between `low` and `high`.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let raw = (high - low) / 5
        guard raw.isFinite, raw > 0 else { return [low] }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var values: [Double] = []
        var t = (low / step).rounded(.up) * step
        while t <= high + step * 1e-9 && values.count < 40 {
            values.append(t)
            t += step
        }
        return values
    }

    static func legendRows(_ chart: Chart, width: Double) -> [[(index: Int, x: Double)]] {
        guard chart.series.count > 1 || !(chart.series.first?.name.isEmpty ?? true) else { return [] }
        var rows: [[(index: Int, x: Double)]] = [[]]
        var x = 0.0
        for (index, series) in chart.series.enumerated() {
            let itemWidth = 34 + textWidth(series.name) + 18
            if x > 0 && x + itemWidth > width {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((index, x))
            x += itemWidth
        }
        return rows
    }

    // MARK: - Drawing

    static func definitions(_ chart: Chart, id: String, into svg: inout Writer) {
        guard chart.kind == .bars else { return }
        svg.open("defs", [:])
        for index in chart.series.indices {
            let colour = palette[index % palette.count]
            let attributes = ["id": "\(id)-p\(index)", "patternUnits": "userSpaceOnUse", "width": "6", "height": "6"]
            switch index % 6 {
            case 0:
                svg.open("pattern", attributes)
                svg.empty("rect", ["width": "6", "height": "6", "fill": colour])
            case 1:
                svg.open("pattern", attributes.merging(["patternTransform": "rotate(45)"]) { $1 })
                svg.empty("rect", ["width": "6", "height": "6", "fill": "#fff"])
                svg.empty("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": colour, "stroke-width": "2.5"])
            case 2:
                svg.open("pattern", attributes.merging(["patternTransform": "rotate(45)"]) { $1 })
                svg.empty("rect", ["width": "6", "height": "6", "fill": "#fff"])
                svg.empty("path", ["d": "M0 0V6M0 0H6", "stroke": colour, "stroke-width": "1.6"])
            case 3:
                svg.open("pattern", attributes)
                svg.empty("rect", ["width": "6", "height": "6", "fill": "#fff"])
                svg.empty("circle", ["cx": "3", "cy": "3", "r": "1.5", "fill": colour])
            case 4:
                svg.open("pattern", attributes)
                svg.empty("rect", ["width": "6", "height": "6", "fill": "#fff"])
                svg.empty("line", ["x1": "0", "y1": "3", "x2": "6", "y2": "3", "stroke": colour, "stroke-width": "2"])
            default:
                svg.open("pattern", attributes)
                svg.empty("rect", ["width": "6", "height": "6", "fill": "#c8c8c8"])
            }
            svg.close("pattern")
        }
        svg.close("defs")
    }

    static func grid(_ layout: Layout, into svg: inout Writer) {
        svg.open("g", ["class": "grid", "stroke": "#d9d9d9", "stroke-width": "0.6"])
        for tick in layout.ticks {
            let y = layout.y(tick)
            svg.empty("line", ["x1": f(layout.plotLeft), "y1": f(y), "x2": f(layout.plotRight), "y2": f(y)])
        }
        svg.close("g")
    }

    static func marks(_ chart: Chart, _ layout: Layout, into svg: inout Writer) {
        let visible = chart.marks.map { (label: $0.label, value: number($0.value)) }
            .filter { $0.value >= layout.low && $0.value <= layout.high }
            .sorted { $0.value > $1.value }
        guard !visible.isEmpty else { return }
        svg.open("g", ["class": "marks"])
        // Labels keep at least a line apart, pushed down when reference lines are close.
        var lastLabelY = -Double.infinity
        for mark in visible {
            let y = layout.y(mark.value)
            // Drawn over the bars: a white underlay keeps the dashes visible on dark fills.
            svg.empty("line", ["x1": f(layout.plotLeft), "y1": f(y), "x2": f(layout.plotRight), "y2": f(y),
                               "stroke": "#fff", "stroke-width": "2.6", "stroke-opacity": "0.8"])
            svg.empty("line", ["class": "mark", "x1": f(layout.plotLeft), "y1": f(y), "x2": f(layout.plotRight), "y2": f(y),
                               "stroke": "#000", "stroke-width": "1", "stroke-dasharray": "6 3"])
            let labelY = max(y + 4, lastLabelY + fontSize + 1)
            lastLabelY = labelY
            svg.element("text", ["x": f(layout.plotRight + 4), "y": f(labelY), "font-size": f(fontSize - 1)], text: mark.label)
        }
        svg.close("g")
    }

    static func bars(_ chart: Chart, _ layout: Layout, id: String, into svg: inout Writer, labels: inout Writer) {
        let seriesCount = Double(chart.series.count)
        let inner = layout.band * (chart.series.count > 1 ? 0.8 : 0.66)
        let barWidth = inner / seriesCount
        let base = layout.y(layout.low)
        svg.open("g", ["class": "bars", "stroke": "#222", "stroke-width": "0.6"])
        for (k, series) in chart.series.enumerated() {
            for (i, value) in series.values.enumerated() where i < layout.labels.count {
                guard let value else { continue }
                let v = number(value)
                let x = layout.plotLeft + layout.band * Double(i) + (layout.band - inner) / 2 + barWidth * Double(k)
                let y = layout.y(v)
                svg.open("rect", ["class": "bar s\(k)", "x": f(x), "y": f(y), "width": f(barWidth), "height": f(max(0, base - y)),
                                  "fill": "url(#\(id)-p\(k))"])
                let text = display(value)
                svg.element("title", [:], text: "\(chart.categories[i]) \(series.name) \(text)")
                svg.close("rect")
                if textWidth(text, size: fontSize - 2) + 2 <= barWidth {
                    // A white halo keeps the label readable where it crosses a reference line.
                    labels.element("text", ["class": "value", "x": f(x + barWidth / 2), "y": f(y - 3), "text-anchor": "middle",
                                         "font-size": f(fontSize - 2), "stroke": "#fff", "stroke-width": "3",
                                         "paint-order": "stroke", "fill": "#000"], text: text)
                } else if barWidth >= fontSize - 3, base - y >= textWidth(text, size: fontSize - 2) + 6 {
                    // A bar too narrow for its label: the label turned upright inside the bar's top.
                    let cx = x + barWidth / 2 + (fontSize - 2) * 0.35, top = y + 3
                    labels.element("text", ["class": "value", "x": f(cx), "y": f(top), "text-anchor": "end",
                                         "transform": "rotate(-90 \(f(cx)) \(f(top)))",
                                         "font-size": f(fontSize - 2), "stroke": "#fff", "stroke-width": "3",
                                         "paint-order": "stroke", "fill": "#000"], text: text)
                }
            }
        }
        svg.close("g")
    }

    static func lines(_ chart: Chart, _ layout: Layout, into svg: inout Writer) {
        for (k, series) in chart.series.enumerated() {
            let colour = palette[k % palette.count]
            svg.open("g", ["class": "series s\(k)", "stroke": colour, "fill": "none"])
            // A missing value breaks the line.
            var segment: [(Double, Double)] = []
            func flush() {
                if segment.count > 1 {
                    var attributes = ["points": segment.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "), "stroke-width": "1.8"]
                    let dash = dashes[k % dashes.count]
                    if !dash.isEmpty { attributes["stroke-dasharray"] = dash }
                    svg.empty("polyline", attributes)
                }
                segment = []
            }
            for (i, value) in series.values.enumerated() where i < layout.labels.count {
                guard let value else { flush(); continue }
                segment.append((layout.x(center: i), layout.y(number(value))))
            }
            flush()
            for (i, value) in series.values.enumerated() where i < layout.labels.count {
                guard let value else { continue }
                marker(k, x: layout.x(center: i), y: layout.y(number(value)), colour: colour,
                       title: "\(chart.categories[i]) \(series.name) \(display(value))", into: &svg)
            }
            svg.close("g")
        }
    }

    /// A marker of series `k`: circle, square, triangle, diamond, inverted triangle or cross; a
    /// data point carries a `title` (its value), a legend key none.
    static func marker(_ k: Int, x: Double, y: Double, colour: String, title: String?, into svg: inout Writer) {
        let r = 3.6
        var attributes = ["class": "\(title == nil ? "key" : "point") s\(k)", "stroke": colour, "stroke-width": "1.4", "fill": k % 2 == 0 ? colour : "#fff",
                          "stroke-dasharray": "none"]
        let name: String
        switch k % 6 {
        case 0:
            name = "circle"
            attributes["cx"] = f(x); attributes["cy"] = f(y); attributes["r"] = f(r)
        case 1:
            name = "rect"
            attributes["x"] = f(x - r); attributes["y"] = f(y - r); attributes["width"] = f(2 * r); attributes["height"] = f(2 * r)
        case 2:
            name = "path"
            attributes["d"] = "M\(f(x)) \(f(y - r * 1.2))L\(f(x + r * 1.1)) \(f(y + r * 0.8))L\(f(x - r * 1.1)) \(f(y + r * 0.8))Z"
        case 3:
            name = "path"
            attributes["d"] = "M\(f(x)) \(f(y - r * 1.3))L\(f(x + r * 1.3)) \(f(y))L\(f(x)) \(f(y + r * 1.3))L\(f(x - r * 1.3)) \(f(y))Z"
        case 4:
            name = "path"
            attributes["d"] = "M\(f(x)) \(f(y + r * 1.2))L\(f(x + r * 1.1)) \(f(y - r * 0.8))L\(f(x - r * 1.1)) \(f(y - r * 0.8))Z"
        default:
            name = "path"
            attributes["d"] = "M\(f(x - r)) \(f(y - r))L\(f(x + r)) \(f(y + r))M\(f(x - r)) \(f(y + r))L\(f(x + r)) \(f(y - r))"
            attributes["fill"] = "none"
            attributes["stroke-width"] = "2"
        }
        if let title {
            svg.open(name, attributes)
            svg.element("title", [:], text: title)
            svg.close(name)
        } else {
            svg.empty(name, attributes)
        }
    }

    static func axes(_ chart: Chart, _ layout: Layout, into svg: inout Writer) {
        svg.open("g", ["class": "axes", "stroke": "#000", "stroke-width": "1"])
        svg.empty("line", ["x1": f(layout.plotLeft), "y1": f(layout.plotTop), "x2": f(layout.plotLeft), "y2": f(layout.plotBottom)])
        svg.empty("line", ["x1": f(layout.plotLeft), "y1": f(layout.plotBottom), "x2": f(layout.plotRight), "y2": f(layout.plotBottom)])
        for tick in layout.ticks {
            let y = layout.y(tick)
            svg.empty("line", ["x1": f(layout.plotLeft - 4), "y1": f(y), "x2": f(layout.plotLeft), "y2": f(y)])
        }
        for i in layout.labels.indices {
            let x = layout.x(center: i)
            svg.empty("line", ["x1": f(x), "y1": f(layout.plotBottom), "x2": f(x), "y2": f(layout.plotBottom + 4)])
        }
        svg.close("g")
        svg.open("g", ["class": "tick-labels", "stroke": "none"])
        for tick in layout.ticks {
            svg.element("text", ["x": f(layout.plotLeft - 7), "y": f(layout.y(tick) + 4), "text-anchor": "end"], text: tickLabel(tick))
        }
        for (i, label) in layout.labels.enumerated() {
            let x = layout.x(center: i)
            if layout.rotated {
                let y = layout.plotBottom + 10
                svg.open("text", ["class": "category", "x": f(x), "y": f(y), "text-anchor": "end",
                                  "transform": "rotate(-45 \(f(x)) \(f(y)))", "dy": "0.35em"])
            } else {
                svg.open("text", ["class": "category", "x": f(x), "y": f(layout.plotBottom + fontSize + 6), "text-anchor": "middle"])
            }
            if label != chart.categories[i] { svg.element("title", [:], text: chart.categories[i]) }
            if let lines = layout.wrapped?[i] {
                for (n, line) in lines.enumerated() {
                    svg.element("tspan", ["x": f(x), "dy": n == 0 ? "0" : f(fontSize * 1.2)], text: line)
                }
            } else {
                svg.text(label)
            }
            svg.close("text")
        }
        svg.close("g")
    }

    static func legend(_ chart: Chart, _ layout: Layout, id: String, into svg: inout Writer) {
        guard !layout.legendRows.isEmpty else { return }
        svg.open("g", ["class": "legend"])
        for (row, items) in layout.legendRows.enumerated() {
            let y = 6 + Double(row) * 18 + 8
            for item in items {
                let k = item.index
                let colour = palette[k % palette.count]
                switch chart.kind {
                case .bars:
                    svg.empty("rect", ["class": "swatch s\(k)", "x": f(item.x), "y": f(y - 6), "width": "22", "height": "11",
                                       "fill": "url(#\(id)-p\(k))", "stroke": "#222", "stroke-width": "0.6"])
                case .lines:
                    var attributes = ["class": "swatch s\(k)", "x1": f(item.x), "y1": f(y), "x2": f(item.x + 26), "y2": f(y),
                                      "stroke": colour, "stroke-width": "1.8"]
                    let dash = dashes[k % dashes.count]
                    if !dash.isEmpty { attributes["stroke-dasharray"] = dash }
                    svg.empty("line", attributes)
                    marker(k, x: item.x + 13, y: y, colour: colour, title: nil, into: &svg)
                }
                svg.element("text", ["x": f(item.x + 32), "y": f(y + 4)], text: chart.series[k].name)
            }
        }
        svg.close("g")
    }

    // MARK: - Text and numbers

    /// Approximate width of `text` in the chart's font: CJK characters are a full em, Latin
    /// letters and digits a little over half.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x2E80 { em += 1 } else if v >= 0x41 && v <= 0x5A { em += 0.68 } else { em += 0.56 }
        }
        return em * size
    }

    /// A label in at most two lines: before a bracket or space when it has one (`石门镇` /
    /// `（否决）`), else halved.
    static func split(_ label: String) -> [String] {
        let characters = Array(label)
        guard characters.count > 1 else { return [label] }
        if let cut = characters.indices.dropFirst().first(where: { "（( ".contains(characters[$0]) }) {
            let rest = String(characters[cut...]).trimmingPrefix(" ")
            return [String(characters[..<cut]), String(rest)]
        }
        let half = (characters.count + 1) / 2
        return [String(characters[..<half]), String(characters[half...])]
    }

    /// `text` cut with an ellipsis so it is at most `width` wide.
    static func shorten(_ text: String, to width: Double) -> String {
        guard textWidth(text) > width else { return text }
        var out = ""
        for ch in text {
            if textWidth(out + String(ch) + "…") > width { break }
            out.append(ch)
        }
        return out + "…"
    }

    static func tickLabel(_ value: Double) -> String { f(value) }

    /// A value as the reports print it: with the decimals it carries (a rounded score keeps
    /// its trailing zeros, `87.60`).
    static func display(_ value: ExactDecimal) -> String { value.formatted(places: max(0, min(value.exponent, 6))) }

    /// A drawing value as SVG text: at most two decimals, no trailing zeros, never NaN or inf.
    static func f(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (min(max(value, -1e12), 1e12) * 100).rounded()
        let n = Int(hundredths)
        let magnitude = n.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        var text = (n < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }

    /// An exact value as a drawing coordinate.
    static func number(_ value: ExactDecimal) -> Double {
        let d = Double(value.description) ?? 0
        return d.isFinite ? d : 0
    }

    /// Builds markup with attributes in a fixed (sorted) order and every text escaped.
    struct Writer {
        var out = ""

        mutating func open(_ name: String, _ attributes: [String: String]) {
            out += "<\(name)\(render(attributes))>"
            if name == "svg" || name == "g" || name == "defs" || name == "pattern" { out += "\n" }
        }

        mutating func empty(_ name: String, _ attributes: [String: String]) {
            out += "<\(name)\(render(attributes))/>\n"
        }

        mutating func close(_ name: String) { out += "</\(name)>\n" }

        mutating func text(_ text: String) { out += HTMLRenderer.escape(text) }

        mutating func element(_ name: String, _ attributes: [String: String], text: String) {
            out += "<\(name)\(render(attributes))>\(HTMLRenderer.escape(text))</\(name)>"
            if name != "title" { out += "\n" }
        }

        func render(_ attributes: [String: String]) -> String {
            let ordered = attributes.sorted { order($0.key) < order($1.key) || (order($0.key) == order($1.key) && $0.key < $1.key) }
            return ordered.map { " \($0.key)=\"\(HTMLRenderer.escape($0.value))\"" }.joined()
        }

        /// Keeps `xmlns`, `id` and `class` first so the markup reads naturally.
        func order(_ key: String) -> Int {
            switch key {
            case "xmlns": return 0
            case "id": return 1
            case "class": return 2
            default: return 3
            }
        }
    }
}

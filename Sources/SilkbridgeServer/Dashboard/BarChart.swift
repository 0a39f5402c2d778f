import Foundation

/// Horizontal bars, a group per category and a bar per series, drawn as SVG by the server: readable without
/// scripts, printable, and with a title and description for screen readers (the table beside it has the numbers).
struct BarChart {
    static let palette = ["#c8102e", "#003399", "#d4a017", "#2a7f62", "#6b4c9a"]

    let data: ChartData
    var width = 640.0
    var labelWidth = 200.0
    var barHeight = 14.0
    var emptyText = "No data yet"

    var svg: String {
        let series = max(data.series.count, 1)
        let groupHeight = barHeight * Double(series) + 10
        let legendHeight = data.series.count > 1 ? 22.0 : 0
        let height = data.isEmpty ? 60 : legendHeight + groupHeight * Double(data.categories.count) + 10
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" role="img" viewBox="0 0 \#(Markup.number(width)) \#(Markup.number(height))" width="100%" aria-labelledby="\#(data.id)-title">"#,
            #"<title id="\#(data.id)-title">\#(Markup.escape(data.title))</title>"#,
        ]
        if data.isEmpty {
            parts.append(
                #"<text x="\#(Markup.number(width / 2))" y="35" text-anchor="middle" class="chart-empty">\#(Markup.escape(emptyText))</text>"#
            )
            parts.append("</svg>")
            return parts.joined(separator: "\n")
        }
        if data.series.count > 1 {
            for (index, series) in data.series.enumerated() {
                let x = labelWidth + Double(index) * 140
                parts.append(
                    #"<rect x="\#(Markup.number(x))" y="4" width="12" height="12" fill="\#(Self.palette[index % Self.palette.count])"/>"#
                        + #"<text x="\#(Markup.number(x + 16))" y="14" class="chart-legend">\#(Markup.escape(series.name))</text>"#
                )
            }
        }
        let maximum = NSDecimalNumber(decimal: data.maximum).doubleValue
        let room = width - labelWidth - 90
        for (row, category) in data.categories.enumerated() {
            let top = legendHeight + Double(row) * groupHeight
            parts.append(
                #"<text x="\#(Markup.number(labelWidth - 6))" y="\#(Markup.number(top + groupHeight / 2 + 4))" text-anchor="end" class="chart-label">\#(Markup.escape(category))</text>"#
            )
            for (index, series) in data.series.enumerated() {
                let value = series.values.indices.contains(row) ? series.values[row] : 0
                let length = maximum > 0 ? NSDecimalNumber(decimal: value).doubleValue / maximum * room : 0
                let y = top + 5 + Double(index) * barHeight
                parts.append(
                    #"<rect x="\#(Markup.number(labelWidth))" y="\#(Markup.number(y))" width="\#(Markup.number(max(length, 0)))" height="\#(Markup.number(barHeight - 2))" fill="\#(Self.palette[index % Self.palette.count])"><title>\#(Markup.escape("\(category) · \(series.name): \(AmountText.grouped(data.text(value)))\(data.unit)"))</title></rect>"#
                        + #"<text x="\#(Markup.number(labelWidth + max(length, 0) + 4))" y="\#(Markup.number(y + barHeight - 4))" class="chart-value">\#(AmountText.grouped(data.text(value)))</text>"#
                )
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}

/// A time series as a line with a point per period, the first series only; the periods are the categories.
struct LineChart {
    let data: ChartData
    var width = 640.0
    var height = 220.0
    var emptyText = "No data yet"

    var svg: String {
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" role="img" viewBox="0 0 \#(Markup.number(width)) \#(Markup.number(height))" width="100%" aria-labelledby="\#(data.id)-title">"#,
            #"<title id="\#(data.id)-title">\#(Markup.escape(data.title))</title>"#,
        ]
        guard !data.isEmpty, let series = data.series.first else {
            parts.append(
                #"<text x="\#(Markup.number(width / 2))" y="\#(Markup.number(height / 2))" text-anchor="middle" class="chart-empty">\#(Markup.escape(emptyText))</text>"#
            )
            parts.append("</svg>")
            return parts.joined(separator: "\n")
        }
        // Room on the left for the largest value, written out (`11,269,202.88`).
        let left = 100.0
        let bottom = height - 30
        let top = 15.0
        let maximum = NSDecimalNumber(decimal: data.maximum).doubleValue
        let count = data.categories.count
        let step = count > 1 ? (width - left - 20) / Double(count - 1) : 0
        func point(_ index: Int) -> (Double, Double) {
            let value =
                series.values.indices.contains(index) ? NSDecimalNumber(decimal: series.values[index]).doubleValue : 0
            let x = count > 1 ? left + Double(index) * step : (width + left) / 2
            return (x, maximum > 0 ? bottom - value / maximum * (bottom - top) : bottom)
        }
        parts.append(
            #"<line x1="\#(Markup.number(left))" y1="\#(Markup.number(bottom))" x2="\#(Markup.number(width - 10))" y2="\#(Markup.number(bottom))" class="chart-axis" stroke="gray"/>"#
        )
        parts.append(
            #"<text x="\#(Markup.number(left - 6))" y="\#(Markup.number(top + 4))" text-anchor="end" class="chart-value">\#(AmountText.grouped(data.text(data.maximum)))</text>"#
        )
        let points = (0..<count).map { point($0) }
        parts.append(
            #"<polyline fill="none" stroke="\#(BarChart.palette[1])" stroke-width="2" points="\#(points.map { "\(Markup.number($0.0)),\(Markup.number($0.1))" }.joined(separator: " "))"/>"#
        )
        // At most about twelve period labels, so a long series stays legible.
        let every = max(1, Int((Double(count) / 12).rounded(.up)))
        for (index, (x, y)) in points.enumerated() {
            let value = series.values.indices.contains(index) ? series.values[index] : 0
            parts.append(
                #"<circle cx="\#(Markup.number(x))" cy="\#(Markup.number(y))" r="3" fill="\#(BarChart.palette[0])"><title>\#(Markup.escape("\(data.categories[index]): \(AmountText.grouped(data.text(value)))\(data.unit)"))</title></circle>"#
            )
            if index % every == 0 || index == count - 1 {
                parts.append(
                    #"<text x="\#(Markup.number(x))" y="\#(Markup.number(bottom + 16))" text-anchor="middle" class="chart-label">\#(Markup.escape(data.categories[index]))</text>"#
                )
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}

import Foundation

/// Money between the two sides as a diagram: China on the left, the EU on the right, an arrow each way whose
/// thickness follows its amount, and the money that stays on a side as a loop under it.
struct FlowDiagram {
    struct Flow {
        let label: String
        let amount: Decimal
        /// The amount as written under the arrow, such as `3,500,000.00 EUR`.
        var text: String?
    }

    let id: String
    let title: String
    let china: String
    let europe: String
    let chinaToEurope: Flow
    let europeToChina: Flow
    var width = 640.0
    var emptyText = "No data yet"

    var svg: String {
        let height = 200.0
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart flow-diagram" role="img" viewBox="0 0 \#(Markup.number(width)) \#(Markup.number(height))" width="100%" aria-labelledby="\#(id)-title">"#,
            #"<title id="\#(id)-title">\#(Markup.escape(title))</title>"#,
        ]
        let largest = max(chinaToEurope.amount, europeToChina.amount)
        guard largest > 0 else {
            parts.append(
                #"<text x="\#(Markup.number(width / 2))" y="\#(Markup.number(height / 2))" text-anchor="middle" class="chart-empty">\#(Markup.escape(emptyText))</text>"#
            )
            parts.append("</svg>")
            return parts.joined(separator: "\n")
        }
        let left = 110.0
        let right = width - 110
        parts.append(
            #"<rect x="10" y="50" width="90" height="100" rx="8" fill="\#(BarChart.palette[0])"/><text x="55" y="105" text-anchor="middle" fill="white" class="chart-node">\#(Markup.escape(china))</text>"#
        )
        parts.append(
            #"<rect x="\#(Markup.number(width - 100))" y="50" width="90" height="100" rx="8" fill="\#(BarChart.palette[1])"/><text x="\#(Markup.number(width - 55))" y="105" text-anchor="middle" fill="white" class="chart-node">\#(Markup.escape(europe))</text>"#
        )
        for (index, flow) in [chinaToEurope, europeToChina].enumerated() {
            let thickness =
                flow.amount > 0 ? max(2, NSDecimalNumber(decimal: flow.amount / largest).doubleValue * 24) : 0
            let y = index == 0 ? 75.0 : 125.0
            let (from, to) = index == 0 ? (left, right - 12) : (right, left + 12)
            let head = index == 0 ? right : left
            let color = BarChart.palette[index]
            let bend = index == 0 ? -30.0 : 30.0
            if thickness > 0 {
                parts.append(
                    #"<path d="M\#(Markup.number(from)),\#(Markup.number(y)) Q\#(Markup.number(width / 2)),\#(Markup.number(y + bend)) \#(Markup.number(to)),\#(Markup.number(y))" fill="none" stroke="\#(color)" stroke-opacity="0.7" stroke-width="\#(Markup.number(thickness))"><title>\#(Markup.escape("\(flow.label): \(flow.amount)"))</title></path>"#
                )
                let back = index == 0 ? head - 12 : head + 12
                parts.append(
                    #"<polygon points="\#(Markup.number(head)),\#(Markup.number(y)) \#(Markup.number(back)),\#(Markup.number(y - 8)) \#(Markup.number(back)),\#(Markup.number(y + 8))" fill="\#(color)"/>"#
                )
            }
            parts.append(
                #"<text x="\#(Markup.number(width / 2))" y="\#(Markup.number(index == 0 ? 22 : 190))" text-anchor="middle" class="chart-label">\#(Markup.escape("\(flow.label): \(flow.text ?? AmountText.grouped("\(flow.amount)"))"))</text>"#
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}

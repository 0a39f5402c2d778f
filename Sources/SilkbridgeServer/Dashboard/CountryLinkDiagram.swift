import Foundation

/// Links between countries across the border as a diagram: the Chinese side's countries on the left, the
/// European Union's on the right, a line for each pair as thick as its count.
struct CountryLinkDiagram {
    struct Link {
        let china: String
        let europe: String
        let count: Int
    }

    let id: String
    let title: String
    let links: [Link]
    var width = 640.0
    var emptyText = "No data yet"

    var svg: String {
        let left = Array(Set(links.map(\.china))).sorted()
        let right = Array(Set(links.map(\.europe))).sorted()
        let rowHeight = 26.0
        let height = max(80, Double(max(left.count, right.count)) * rowHeight + 30)
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart link-diagram" role="img" viewBox="0 0 \#(Markup.number(width)) \#(Markup.number(height))" width="100%" aria-labelledby="\#(id)-title">"#,
            #"<title id="\#(id)-title">\#(Markup.escape(title))</title>"#,
        ]
        guard let largest = links.map(\.count).max(), largest > 0 else {
            parts.append(
                #"<text x="\#(Markup.number(width / 2))" y="\#(Markup.number(height / 2))" text-anchor="middle" class="chart-empty">\#(Markup.escape(emptyText))</text>"#
            )
            return (parts + ["</svg>"]).joined(separator: "\n")
        }
        // Each column is centred on the drawing's height, so a short column sits across from the middle of a long one.
        func y(_ index: Int, of count: Int) -> Double {
            (height - Double(count) * rowHeight) / 2 + (Double(index) + 0.5) * rowHeight
        }
        let (leftX, rightX) = (150.0, width - 150)
        for link in links where link.count > 0 {
            let from = y(left.firstIndex(of: link.china)!, of: left.count)
            let to = y(right.firstIndex(of: link.europe)!, of: right.count)
            let thickness = max(1.5, Double(link.count) / Double(largest) * 14)
            parts.append(
                #"<path d="M\#(Markup.number(leftX)),\#(Markup.number(from)) C\#(Markup.number(width / 2)),\#(Markup.number(from)) \#(Markup.number(width / 2)),\#(Markup.number(to)) \#(Markup.number(rightX)),\#(Markup.number(to))" fill="none" stroke="\#(BarChart.palette[0])" stroke-opacity="0.45" stroke-width="\#(Markup.number(thickness))"><title>\#(Markup.escape("\(link.china) – \(link.europe): \(link.count)"))</title></path>"#
            )
        }
        for (index, name) in left.enumerated() {
            parts.append(
                #"<text x="\#(Markup.number(leftX - 8))" y="\#(Markup.number(y(index, of: left.count) + 4))" text-anchor="end">\#(Markup.escape(name))</text>"#
            )
        }
        for (index, name) in right.enumerated() {
            parts.append(
                #"<text x="\#(Markup.number(rightX + 8))" y="\#(Markup.number(y(index, of: right.count) + 4))">\#(Markup.escape(name))</text>"#
            )
        }
        return (parts + ["</svg>"]).joined(separator: "\n")
    }
}

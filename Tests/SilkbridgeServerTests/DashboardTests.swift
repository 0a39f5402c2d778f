import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SilkbridgeServer

@Suite(.timeLimit(.minutes(10))) struct ChartTests {
    func data(categories: Int, series: Int = 2) -> ChartData {
        ChartData(
            id: "test", title: "Flows <China & EU>", categoryHeader: "Area",
            categories: (0..<categories).map { "Area \($0), \"quoted\"" },
            series: (0..<series).map { index in
                ChartData.Series(name: "Series \(index)", values: (0..<categories).map { Decimal($0 * (index + 1)) })
            })
    }

    @Test func emptyChartsSayThereIsNoDataYet() {
        for svg in [
            BarChart(data: data(categories: 0), emptyText: "暂无数据").svg,
            LineChart(data: data(categories: 0, series: 1), emptyText: "暂无数据").svg,
            BarChart(data: data(categories: 1), emptyText: "暂无数据").svg,
        ] {
            #expect(svg.hasPrefix("<svg"))
            #expect(svg.hasSuffix("</svg>"))
            #expect(svg.contains("暂无数据"))
            #expect(!svg.contains("<rect"))
        }
        #expect(data(categories: 0).csv == "Area,Series 0,Series 1\r\n")
    }

    @Test func largeChartsDrawEveryValueAndEscapeTheLabels() {
        let bars = BarChart(data: data(categories: 500)).svg
        // A bar per category and series, and a legend square per series.
        #expect(bars.components(separatedBy: "<rect").count - 1 == 500 * 2 + 2)
        #expect(bars.contains("<title id=\"test-title\">Flows &lt;China &amp; EU&gt;</title>"))
        #expect(!bars.contains("<China"))
        #expect(bars.contains(#"viewBox="0 0 640 "#))
        let line = LineChart(data: data(categories: 600, series: 1)).svg
        #expect(line.components(separatedBy: "<circle").count - 1 == 600)
        // No more than about a dozen period labels on the axis.
        #expect(line.components(separatedBy: #"class="chart-label""#).count - 1 <= 14)
        let csv = data(categories: 500).csv
        #expect(csv.components(separatedBy: "\r\n").count == 502)
        #expect(csv.contains("\"Area 499, \"\"quoted\"\"\",499,998\r\n"))
    }

    @Test func amountsAreGroupedByThousands() {
        #expect(AmountText.grouped("1824522500.00") == "1,824,522,500.00")
        #expect(AmountText.grouped("999") == "999")
        #expect(AmountText.grouped("-1000.5") == "-1,000.5")
        #expect(AmountText.grouped("12") == "12")
    }

    @Test func theFlowDiagramDrawsAnArrowEachWayWithMoneyOnIt() {
        func diagram(_ out: Decimal, _ back: Decimal) -> String {
            FlowDiagram(
                id: "flows", title: "Flows", china: "China", europe: "EU",
                chinaToEurope: .init(label: "China → EU", amount: out),
                europeToChina: .init(label: "EU → China", amount: back), emptyText: "None"
            ).svg
        }
        #expect(diagram(0, 0).contains("None"))
        #expect(!diagram(0, 0).contains("<path"))
        let both = diagram(1_000_000_000_000, 1)
        #expect(both.components(separatedBy: "<path").count - 1 == 2)
        #expect(both.contains(#"stroke-width="24""#))
        #expect(both.contains(#"stroke-width="2""#))
        #expect(both.contains("China → EU: 1,000,000,000,000"))
        #expect(diagram(5, 0).components(separatedBy: "<path").count - 1 == 1)
    }

    @Test func theCountryLinkDiagramDrawsAPairAsThickAsItsCount() {
        func diagram(_ links: [CountryLinkDiagram.Link]) -> String {
            CountryLinkDiagram(id: "links", title: "Links", links: links, emptyText: "None").svg
        }
        #expect(diagram([]).contains("None"))
        let two = diagram([
            .init(china: "China", europe: "Germany", count: 10), .init(china: "China", europe: "Italy", count: 1),
        ])
        #expect(two.components(separatedBy: "<path").count - 1 == 2)
        #expect(two.contains(#"stroke-width="14""#))
        #expect(two.contains(#"stroke-width="1.5""#))
        #expect(two.contains("China – Germany: 10"))
        // Every pair of 3 × 27 countries, each name once in its column.
        let many = (0..<81).map { CountryLinkDiagram.Link(china: "C\($0 % 3)", europe: "E\($0 / 3)", count: $0 + 1) }
        let large = diagram(many)
        #expect(large.components(separatedBy: "<path").count - 1 == 81)
        #expect(large.components(separatedBy: ">E26</text>").count - 1 == 1)
    }

    @Test func monthsFillTheGaps() {
        #expect(
            CooperationFigures.months(from: "2025-11", to: "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"])
    }
}

@Suite(.timeLimit(.minutes(10))) struct DashboardTests {
    @Test(arguments: ["en", "zh-Hans"])
    func anEmptyPlatformShowsEveryChartEmpty(language: String) async throws {
        try await withApp { client in
            var visitor = BrowserSession(client, language: language)
            let page = try await visitor.get("/dashboard")
            #expect(page.status == .ok)
            for id in DashboardCharts.ids { #expect(page.text.contains(#"id="chart-\#(id)""#)) }
            #expect(page.text.contains(language == "en" ? "No data yet" : "暂无数据"))
            #expect(!page.text.contains("{{"))
            let csv = try await visitor.get("/dashboard/fund-flows.csv?lang=\(language)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(try await visitor.get("/dashboard/nothing.csv").status == .notFound)
        }
    }

    @Test func theDemoShowsFlowsBothWaysInBothLanguagesWithoutTheFundsDetails() async throws {
        try await withApp(demo: true) { client in
            var english = BrowserSession(client, language: "en")
            let page = try await english.get("/dashboard")
            #expect(page.status == .ok)
            #expect(page.text.contains("China → European Union"))
            #expect(page.text.contains("European Union → China"))
            #expect(page.text.contains(#"class="chart flow-diagram""#))
            #expect(!page.text.contains("No data yet"))
            #expect(!page.text.contains("Lux Meridian"))
            #expect(!page.text.contains("Co-investment Fund"))
            var chinese = BrowserSession(client, language: "zh-Hans")
            let zh = try await chinese.get("/dashboard")
            #expect(zh.text.contains("中国 → 欧盟"))
            #expect(zh.text.contains("联合基金中欧双向资金流"))
            let csv = try await chinese.get("/dashboard/fund-flows.csv?lang=zh-Hans")
            #expect(csv.text.hasPrefix("出资方所在 → 项目所在,承诺出资,已拨款\r\n"))
            // Amounts in EUR keep their cents, unlike counts.
            #expect(csv.text.contains(/中国 → 欧盟,[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2}\r\n/))
            // Commitments of the demo fund fall in 2019 to 2025 and every year in between has a row.
            let years = try await english.get("/dashboard/commitments.csv")
            #expect(years.text.hasPrefix("Year,Committed\r\n2019,"))
            #expect(years.text.contains("\r\n2022,"))
            #expect(years.text.contains("\r\n2025,2000000.00\r\n"))
            // The demo's cross-border interests link Chinese and European countries.
            #expect(page.text.contains(#"class="chart link-diagram""#))
            let links = try await english.get("/dashboard/country-links.csv")
            #expect(links.text.hasPrefix("Countries,Cross-border interests\r\nChina – "))
            let organizations = try await english.get("/dashboard/organizations.csv")
            #expect(organizations.text.hasPrefix("Area,China,European Union\r\n"))
        }
    }
}

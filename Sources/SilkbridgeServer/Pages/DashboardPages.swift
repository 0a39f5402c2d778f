import Foundation
import Hummingbird
import NIOCore
import SilkbridgeCore

/// "Cooperation at a glance": public charts drawn by the server, each with its numbers as a table and a CSV file.
struct DashboardPages: Sendable {
    let site: SitePages
    let figures: CooperationFigures

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.dashboard) { request, context in try await page(request, context) }
        router.get(SitePaths.dashboardFile) { request, context in try await file(request, context) }
    }

    private func charts(_ context: AppRequestContext) async throws -> DashboardCharts {
        DashboardCharts(
            counts: try await figures.counts(), catalog: site.catalog, language: context.language,
            text: { site.text($0, context) })
    }

    private func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let charts = try await charts(context)
        let empty = site.text("dashboard_empty", context)
        let lang = context.language.rawValue
        let view = DashboardPage(
            charts: charts.all.map { chart in
                let svg =
                    DashboardCharts.timeSeries.contains(chart.id)
                    ? LineChart(data: chart, emptyText: empty).svg : BarChart(data: chart, emptyText: empty).svg
                let diagram =
                    chart.id == "fund-flows"
                    ? charts.flowDiagram(empty: empty).svg
                    : chart.id == "country-links" ? charts.countryDiagram(empty: empty).svg : nil
                return DashboardPage.Chart(
                    id: chart.id, title: chart.title, svg: svg,
                    header: [chart.categoryHeader] + chart.series.map(\.name),
                    rows: chart.rows.map { row in
                        DashboardPage.Row(
                            label: row[0], values: row.dropFirst().map { AmountText.grouped($0) + chart.unit })
                    },
                    hasRows: !chart.categories.isEmpty,
                    csvLink: SitePaths.dashboardFile(ChartFile(chart: chart.id), query: ["lang": lang]),
                    diagram: diagram)
            })
        return site.renderer.render(
            "dashboard", title: site.text("dashboard_title", context), view: view, request: request, context: context)
    }

    private func file(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let file = try site.pathValue(context, "chart", as: ChartFile.self)
        guard let chart = try await charts(context).chart(file.chart) else {
            throw HTTPError(.notFound)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(chart.id).csv\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: chart.csv)))
    }
}

struct DashboardPage {
    struct Row {
        let label: String
        let values: [String]
    }

    struct Chart {
        let id: String
        let title: String
        let svg: String
        let header: [String]
        let rows: [Row]
        let hasRows: Bool
        let csvLink: String
        /// The flow or country diagram drawn beside the charts that have one.
        let diagram: String?
    }

    let charts: [Chart]
}

/// A chart's numbers as a CSV file: `fund-flows.csv`.
struct ChartFile: PathParameter {
    let chart: String

    init(chart: String) {
        self.chart = chart
    }

    var pathSegment: String { chart + ".csv" }

    init?(pathSegment: String) {
        guard pathSegment.hasSuffix(".csv") else { return nil }
        chart = String(pathSegment.dropLast(4))
    }
}

import Foundation
import Hummingbird
import NIOCore
import SilkbridgeCore

/// "Cooperation at a glance": public charts drawn by the server, each with its numbers as a table and a CSV file.
struct DashboardPages: Sendable {
    static let path = "/dashboard"

    let site: SitePages
    let figures: CooperationFigures

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in try await page(request, context) }
        router.get("/dashboard/:chart") { request, context in try await file(request, context) }
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
        let view: [String: Any] = [
            "charts": charts.all.map { chart -> [String: Any] in
                let svg =
                    DashboardCharts.timeSeries.contains(chart.id)
                    ? LineChart(data: chart, emptyText: empty).svg : BarChart(data: chart, emptyText: empty).svg
                var values: [String: Any] = [
                    "id": chart.id, "title": chart.title, "svg": svg,
                    "header": [chart.categoryHeader] + chart.series.map(\.name),
                    "rows": chart.rows.map { row in
                        ["label": row[0], "values": row.dropFirst().map { AmountText.grouped($0) + chart.unit }]
                            as [String: Any]
                    },
                    "hasRows": !chart.categories.isEmpty,
                    "csvLink": "\(Self.path)/\(chart.id).csv?lang=\(lang)",
                ]
                if chart.id == "fund-flows" { values["diagram"] = charts.flowDiagram(empty: empty).svg }
                if chart.id == "country-links" { values["diagram"] = charts.countryDiagram(empty: empty).svg }
                return values
            }
        ]
        return site.renderer.render(
            "dashboard", title: site.text("dashboard_title", context), view: view, request: request, context: context)
    }

    private func file(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let name = context.parameters.get("chart") ?? ""
        guard name.hasSuffix(".csv"), let chart = try await charts(context).chart(String(name.dropLast(4))) else {
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

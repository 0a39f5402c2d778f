import Foundation
import SilkbridgeCore

/// What the "cooperation at a glance" page counts, read from the stores at each request (the platform holds
/// thousands of rows, not millions). Everything here is public: organisations and published opportunities, the
/// number of cross-border expressions of interest reaching each stage (no names), agreements in force, and the
/// money of all funds together between the sides, in EUR. A fund's contributors, projects and per-fund figures
/// stay on the fund pages, for those the fund lets see them.
struct CooperationFigures: Sendable {
    let directory: DirectoryService
    let exchange: ExchangeService
    let interests: any InterestRepository
    let agreements: any AgreementRepository
    let funds: any FundRepository
    let rates: ExchangeRates
    let catalog: ReferenceCatalog

    /// The raw counts, before they are labelled in a language.
    struct Counts: Sendable {
        var organizations: [Side: [String: Int]] = [:]
        var opportunities: [Side: [String: Int]] = [:]
        /// Cross-border interests: sent, accepted, then reaching each pipeline stage.
        var funnel: [Int] = Array(repeating: 0, count: 2 + PipelineStage.allCases.count)
        var agreementsInForce: [AgreementKind: Int] = [:]
        /// Committed and disbursed in EUR, by the contributors' side and the projects' side (`cn`, `eu`, `both`).
        var flows: [String: (committed: Decimal, disbursed: Decimal)] = [:]
        /// Committed by all funds in each year, in EUR at the rate of each commitment's day.
        var committedByYear: [Int: Decimal] = [:]
        /// Opportunities published per month, `YYYY-MM`.
        var published: [String: Int] = [:]
        /// Cross-border interests by the pair of countries, the Chinese side's first: `CN>DE`.
        var countryLinks: [String: Int] = [:]
    }

    func counts(now: Date = Date()) async throws -> Counts {
        var counts = Counts()
        var sides: [UUID: Side] = [:]
        var countries: [UUID: String] = [:]
        var cursor: String?
        repeat {
            let page = try await directory.list(
                OrganizationFilter(), page: try Paging(limit: Paging.maximumLimit, cursor: cursor))
            for organization in page.items {
                sides[organization.id] = organization.side
                countries[organization.id] = organization.country
                for area in organization.areas {
                    counts.organizations[organization.side, default: [:]][area, default: 0] += 1
                }
            }
            cursor = page.nextCursor
        } while cursor != nil
        repeat {
            let page = try await exchange.list(
                OpportunityFilter(), viewer: nil, page: try Paging(limit: Paging.maximumLimit, cursor: cursor), now: now
            )
            for opportunity in page.items {
                for area in opportunity.areas {
                    counts.opportunities[opportunity.side, default: [:]][area, default: 0] += 1
                }
                if let published = opportunity.publishedAt {
                    counts.published[Self.month(published), default: 0] += 1
                }
            }
            cursor = page.nextCursor
        } while cursor != nil
        let everyone = Set(sides.keys)
        if !everyone.isEmpty {
            for interest in try await interests.interests(involving: everyone) {
                guard let owner = sides[interest.ownerOrganizationId],
                    let sender = sides[interest.senderOrganizationId],
                    owner != sender
                else { continue }
                counts.funnel[0] += 1
                if let ownerCountry = countries[interest.ownerOrganizationId],
                    let senderCountry = countries[interest.senderOrganizationId]
                {
                    let pair = owner == .china ? (ownerCountry, senderCountry) : (senderCountry, ownerCountry)
                    counts.countryLinks["\(pair.0)>\(pair.1)", default: 0] += 1
                }
                if interest.state == .accepted { counts.funnel[1] += 1 }
                for (index, stage) in PipelineStage.allCases.enumerated()
                where (interest.stage.map { $0 >= stage } ?? false) {
                    counts.funnel[2 + index] += 1
                }
            }
            let table = try await rates.table()
            for fund in try await funds.funds(involving: everyone) {
                guard let book = try await funds.book(of: fund.id) else { continue }
                for commitment in book.commitments {
                    let euros =
                        commitment.amount.currency == .eur
                        ? commitment.amount
                        : commitment.inFundCurrency.converted.currency == .eur
                            ? commitment.inFundCurrency.converted
                            : try table.convert(commitment.amount, to: .eur, on: commitment.day).converted
                    counts.committedByYear[commitment.day.year, default: 0] += euros.amount
                }
                let report = try FundReport(book: book, currency: .eur, rates: table, catalog: catalog)
                for flow in report.flows {
                    let key = "\(flow.from.rawValue)>\(flow.to)"
                    let current = counts.flows[key] ?? (0, 0)
                    counts.flows[key] = (
                        current.committed + flow.committed.amount, current.disbursed + flow.disbursed.amount
                    )
                }
            }
        }
        for agreement in try await agreements.agreements(in: [.inForce]) {
            counts.agreementsInForce[agreement.kind, default: 0] += 1
        }
        return counts
    }

    static func month(_ date: Date) -> String {
        let day = CalendarDay(date)
        return String(format: "%04d-%02d", day.year, day.month)
    }

    /// Every month from the first to the last, so gaps show as zeros.
    static func months(from first: String, to last: String) -> [String] {
        let parts = { (text: String) in text.split(separator: "-").compactMap { Int($0) } }
        var (year, month) = (parts(first)[0], parts(first)[1])
        let end = parts(last)
        var result: [String] = []
        while (year, month) <= (end[0], end[1]), result.count < 600 {
            result.append(String(format: "%04d-%02d", year, month))
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        return result
    }
}

/// The charts of the dashboard, labelled in one language.
struct DashboardCharts {
    let counts: CooperationFigures.Counts
    let catalog: ReferenceCatalog
    let language: Language
    let text: (String) -> String

    static let ids = [
        "organizations", "opportunities", "interests", "country-links", "agreements", "fund-flows", "commitments",
        "published",
    ]

    /// The charts drawn as a line over time rather than as bars.
    static let timeSeries: Set<String> = ["commitments", "published"]

    var all: [ChartData] {
        [organizations, opportunities, interests, countryLinks, agreements, fundFlows, commitments, published]
    }

    var commitments: ChartData {
        let years = counts.committedByYear.keys.sorted()
        let all = years.isEmpty ? [] : Array(years.first!...years.last!)
        var chart = ChartData(
            id: "commitments", title: text("dashboard_commitments"), categoryHeader: text("dashboard_year"),
            categories: all.map(String.init),
            series: [
                ChartData.Series(name: text("fund_committed"), values: all.map { counts.committedByYear[$0] ?? 0 })
            ])
        chart.currency = .eur
        return chart
    }

    func chart(_ id: String) -> ChartData? { all.first { $0.id == id } }

    private func bySideAndArea(_ id: String, _ values: [Side: [String: Int]]) -> ChartData {
        let areas = catalog.areas.filter { area in Side.allCases.contains { values[$0]?[area.code] != nil } }
        return ChartData(
            id: id, title: text("dashboard_\(id)".replacingOccurrences(of: "-", with: "_")),
            categoryHeader: text("fund_field_area"), categories: areas.map { $0.label.best(for: language) },
            series: Side.allCases.map { side in
                ChartData.Series(
                    name: side.label.text(in: language),
                    values: areas.map { Decimal(values[side]?[$0.code] ?? 0) })
            })
    }

    var organizations: ChartData { bySideAndArea("organizations", counts.organizations) }

    var opportunities: ChartData { bySideAndArea("opportunities", counts.opportunities) }

    var interests: ChartData {
        let stages =
            [text("dashboard_interests_sent"), text("dashboard_interests_accepted")]
            + PipelineStage.allCases.map { $0.label.text(in: language) }
        return ChartData(
            id: "interests", title: text("dashboard_interests"), categoryHeader: text("fund_field_stage"),
            categories: counts.funnel.allSatisfy { $0 == 0 } ? [] : stages,
            series: [
                ChartData.Series(name: text("dashboard_interests_series"), values: counts.funnel.map { Decimal($0) })
            ])
    }

    /// The country pairs, most linked first, as "China – Germany".
    private var pairs: [(key: String, china: String, europe: String, count: Int)] {
        counts.countryLinks.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { key, count in
            let codes = key.split(separator: ">").map(String.init)
            let name = { (code: String) in self.catalog.country(code)?.name.best(for: self.language) ?? code }
            return (key, name(codes[0]), name(codes[1]), count)
        }
    }

    var countryLinks: ChartData {
        let pairs = self.pairs
        return ChartData(
            id: "country-links", title: text("dashboard_country_links"), categoryHeader: text("dashboard_country_pair"),
            categories: pairs.map { "\($0.china) – \($0.europe)" },
            series: [
                ChartData.Series(name: text("dashboard_interests_series"), values: pairs.map { Decimal($0.count) })
            ])
    }

    /// The same pairs drawn as links between the two sides' countries.
    func countryDiagram(empty: String) -> CountryLinkDiagram {
        CountryLinkDiagram(
            id: "country-link-diagram", title: text("dashboard_country_links"),
            links: pairs.map { CountryLinkDiagram.Link(china: $0.china, europe: $0.europe, count: $0.count) },
            emptyText: empty)
    }

    var agreements: ChartData {
        let kinds = AgreementKind.allCases.filter { counts.agreementsInForce[$0] != nil }
        return ChartData(
            id: "agreements", title: text("dashboard_agreements"), categoryHeader: text("field_type"),
            categories: kinds.map { $0.label.text(in: language) },
            series: [
                ChartData.Series(
                    name: AgreementStatus.inForce.label.text(in: language),
                    values: kinds.map { Decimal(counts.agreementsInForce[$0] ?? 0) })
            ])
    }

    var fundFlows: ChartData {
        let routes = ["cn>eu", "eu>cn", "cn>cn", "eu>eu", "cn>both", "eu>both"].filter {
            let flow = counts.flows[$0]
            return flow != nil && (flow!.committed > 0 || flow!.disbursed > 0)
        }
        let names = routes.map { route -> String in
            let parts = route.split(separator: ">").map(String.init)
            let side = { (code: String) in
                Side(rawValue: code)?.label.text(in: language) ?? text("dashboard_both_sides")
            }
            return "\(side(parts[0])) → \(side(parts[1]))"
        }
        var chart = ChartData(
            id: "fund-flows", title: text("dashboard_fund_flows"), categoryHeader: text("dashboard_route"),
            categories: names,
            series: [
                ChartData.Series(name: text("fund_committed"), values: routes.map { counts.flows[$0]!.committed }),
                ChartData.Series(name: text("fund_disbursed"), values: routes.map { counts.flows[$0]!.disbursed }),
            ])
        chart.currency = .eur
        return chart
    }

    /// The money committed from each side to projects on the other, in EUR.
    func flowDiagram(empty: String) -> FlowDiagram {
        let china = Side.china.label.text(in: language)
        let europe = Side.europe.label.text(in: language)
        func flow(_ route: String, _ label: String) -> FlowDiagram.Flow {
            let amount = counts.flows[route]?.committed ?? 0
            return FlowDiagram.Flow(
                label: "\(label) · \(text("fund_committed"))", amount: amount,
                text: AmountText.money(Money(rounding: amount, to: .eur)))
        }
        // The boxes are small: the EU goes by its short name in English.
        return FlowDiagram(
            id: "fund-flow-diagram", title: text("dashboard_fund_flows"), china: china,
            europe: language == .english ? "EU" : europe, chinaToEurope: flow("cn>eu", "\(china) → \(europe)"),
            europeToChina: flow("eu>cn", "\(europe) → \(china)"), emptyText: empty)
    }

    var published: ChartData {
        let months = counts.published.keys.sorted()
        let all = months.isEmpty ? [] : CooperationFigures.months(from: months.first!, to: months.last!)
        return ChartData(
            id: "published", title: text("dashboard_published"), categoryHeader: text("dashboard_month"),
            categories: all,
            series: [
                ChartData.Series(
                    name: text("dashboard_published_series"), values: all.map { Decimal(counts.published[$0] ?? 0) })
            ])
    }
}

import Foundation
import Hummingbird
import NIOCore
import SilkbridgeCore

/// The fund pages: the funds a person is involved in, each fund with its contributors, pipeline and totals, each
/// project with its commitments and money moved, the report in EUR or CNY, and the managers' forms. They go
/// through `FundService` like the API, so they see what it lets the viewer see: everything for the managing
/// organisation, a contributor's own positions for its members, and nothing (404) for anyone else.
struct FundPages: Sendable {
    let site: SitePages
    let funds: FundService

    var renderer: PageRenderer { site.renderer }
    var catalog: ReferenceCatalog { site.catalog }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(RouterPath(FundPaths.list)) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await listPage(request, context)
        }
        addFormRoutes(to: router)
        router.get("/funds/:id") { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await fundPage(request, context)
        }
        router.get("/funds/:id/projects/:project") { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await projectPage(request, context)
        }
        router.get("/funds/:id/report") { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await reportPage(request, context)
        }
        router.get("/funds/:id/report.csv") { request, context in try await reportFile(request, context, csv: true) }
        router.get("/funds/:id/report.json") { request, context in try await reportFile(request, context, csv: false) }
    }

    func fundID(_ context: AppRequestContext) throws -> UUID {
        try site.pathID(context, missing: FundError.fundNotFound)
    }

    func projectID(_ context: AppRequestContext) throws -> UUID {
        try site.pathID(context, "project", missing: FundError.projectNotFound)
    }

    private func listPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let language = context.language
        let list = try await funds.funds(of: account)
        var items: [[String: Any]] = []
        for fund in list {
            let manager = try await ifPresent { try await site.directory.organization(id: fund.managerOrganizationId) }
            items.append([
                "name": fund.name.best(for: language), "link": FundPaths.fund(fund.id),
                "currency": fund.reportingCurrency.code, "manager": manager?.name.best(for: language) ?? "",
            ])
        }
        let view: [String: Any] = ["items": items, "empty": items.isEmpty, "newLink": FundPaths.newFund]
        return renderer.render(
            "funds", title: site.text("funds_title", context), view: view, request: request, context: context)
    }

    private func fundPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try fundID(context)
        let (book, access) = try await funds.book(of: id, viewer: context.account)
        let language = context.language
        let fund = book.fund
        let manager = try await ifPresent { try await site.directory.organization(id: fund.managerOrganizationId) }
        let report = try await funds.report(of: id, currency: fund.reportingCurrency.code, viewer: context.account)
        var contributors: [[String: Any]] = []
        for contributor in book.contributors {
            let remaining = try book.remainingPledge(of: contributor)
            contributors.append([
                "name": contributor.name.best(for: language),
                "side": contributor.side.label.text(in: language), "sideCode": contributor.side.rawValue,
                "country": countryName(contributor.country, language), "pledge": AmountText.money(contributor.pledge),
                "pledgedOn": contributor.pledgedOn.description,
                "committed": AmountText.money(try contributor.pledge.subtracting(remaining)),
                "remaining": AmountText.money(remaining),
            ])
        }
        let stages = (ProjectStage.pipeline + [.rejected]).map { stage -> [String: Any] in
            let projects = book.projects.filter { $0.stage == stage }
            return [
                "stage": stage.label.text(in: language), "code": stage.rawValue, "count": projects.count,
                "projects": projects.map { projectSummary($0, fundId: id, language: language) },
                "hasProjects": !projects.isEmpty,
            ]
        }
        var view: [String: Any] = [
            "name": fund.name.best(for: language), "nameEnglish": fund.name.english ?? "",
            "nameChinese": fund.name.chinese ?? "", "currency": fund.reportingCurrency.code,
            "manager": manager?.name.best(for: language) ?? "",
            "managerLink": SitePaths.organization(fund.managerOrganizationId),
            "access": accessLabel(access, context), "isManager": access == .manager,
            "contributors": contributors, "hasContributors": !contributors.isEmpty,
            "stages": stages, "projectCount": book.projects.count,
            "totals": totals(report.totals),
            "reportLink": FundPaths.report(id, currency: fund.reportingCurrency.code),
            "newContributorLink": FundPaths.newContributor(id), "newProjectLink": FundPaths.newProject(id),
            "listLink": FundPaths.list,
        ]
        if case .contributor = access { view["isContributor"] = true }
        return renderer.render(
            "fund", title: fund.name.best(for: language), view: view, request: request, context: context)
    }

    private func projectPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try fundID(context)
        let (book, access) = try await funds.book(of: id, viewer: context.account)
        let project = try book.project(try projectID(context))
        let language = context.language
        let isManager = access == .manager
        var view = projectSummary(project, fundId: id, language: language)
        view["fundName"] = book.fund.name.best(for: language)
        view["fundLink"] = FundPaths.fund(id)
        view["titleEnglish"] = project.title.english ?? ""
        view["titleChinese"] = project.title.chinese ?? ""
        view["descriptionEnglish"] = project.description.english ?? ""
        view["descriptionChinese"] = project.description.chinese ?? ""
        view["hasDescription"] = !project.description.isEmpty
        view["hasDescriptionEnglish"] = project.description.english?.isEmpty == false
        view["hasDescriptionChinese"] = project.description.chinese?.isEmpty == false
        view["sponsors"] = project.sponsors.map {
            ["name": $0.name.best(for: language), "side": $0.side.label.text(in: language)]
        }
        view["rejectionReason"] = project.rejectionReason ?? ""
        view["isRejected"] = project.stage == .rejected
        view["history"] = project.history.map { change -> [String: Any] in
            var row: [String: Any] = [
                "from": change.from.label.text(in: language), "to": change.to.label.text(in: language),
                "actor": change.actorName, "at": SitePages.dateText(change.at),
            ]
            if let reason = change.reason { row["reason"] = reason }
            return row
        }
        view["hasHistory"] = !project.history.isEmpty
        view["documents"] = project.documents.map { ["name": $0.name, "sha256": $0.sha256] }
        view["hasDocuments"] = !project.documents.isEmpty
        let commitments = book.commitments.filter { $0.projectId == project.id }
        var commitmentRows: [[String: Any]] = []
        for commitment in commitments {
            let contributor = try? book.contributor(commitment.contributorId)
            var row: [String: Any] = [
                "contributor": contributor?.name.best(for: language) ?? "",
                "amount": AmountText.money(commitment.amount),
                "day": commitment.day.description,
                "disbursed": AmountText.money(try book.total(.disbursement, under: commitment)),
                "repaid": AmountText.money(try book.total(.repayment, under: commitment)),
            ]
            row.merge(conversion(commitment.inFundCurrency)) { a, _ in a }
            if !commitment.conditions.isEmpty { row["conditions"] = commitment.conditions }
            if let index = commitment.ledgerIndex {
                row["ledgerLink"] = SitePaths.verifyLedgerEntry(index)
                row["ledgerIndex"] = String(index)
            }
            commitmentRows.append(row)
        }
        view["commitments"] = commitmentRows
        view["hasCommitments"] = !commitmentRows.isEmpty
        let ids = Set(commitments.map(\.id))
        view["flows"] = book.cashFlows.filter { ids.contains($0.commitmentId) }.sorted { $0.day < $1.day }.map {
            flow -> [String: Any] in
            let commitment = try? book.commitment(flow.commitmentId)
            let contributor = commitment.flatMap { try? book.contributor($0.contributorId) }
            var row: [String: Any] = [
                "kind": flow.kind.label.text(in: language), "kindCode": flow.kind.rawValue,
                "contributor": contributor?.name.best(for: language) ?? "", "amount": AmountText.money(flow.amount),
                "day": flow.day.description,
            ]
            row.merge(conversion(flow.inFundCurrency)) { a, _ in a }
            if !flow.note.isEmpty { row["note"] = flow.note }
            return row
        }
        view["hasFlows"] = !(view["flows"] as! [[String: Any]]).isEmpty
        if isManager {
            view["isManager"] = true
            view["stageAction"] = FundPaths.stage(id, project.id)
            // Committed and disbursing are reached by the first commitment and the first disbursement, not by hand.
            if let next = project.stage.next, ![.committed, .disbursing].contains(next) {
                view["next"] = ["code": next.rawValue, "label": next.label.text(in: language)]
            }
            view["mayReject"] = project.stage.mayBeRejected
            view["documentLink"] = FundPaths.newDocument(id, project.id)
            if project.stage.takesCommitments { view["commitLink"] = FundPaths.newCommitment(id, project.id) }
            if project.stage.takesDisbursements, !commitments.isEmpty {
                view["disburseLink"] = FundPaths.newDisbursement(id, project.id)
            }
            if book.cashFlows.contains(where: { ids.contains($0.commitmentId) && $0.kind == .disbursement }) {
                view["repayLink"] = FundPaths.newRepayment(id, project.id)
            }
        }
        return renderer.render(
            "fund-project", title: project.title.best(for: language), view: view, request: request, context: context)
    }

    private func reportPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try fundID(context)
        let currency = FormData(query: request).text("currency")?.uppercased() ?? "EUR"
        let report = try await funds.report(of: id, currency: currency, viewer: context.account)
        let language = context.language
        func rows(_ rows: [ReportRow]) -> [[String: Any]] {
            rows.map { row in
                var values = totals(row)
                values["label"] = row.label.best(for: language)
                return values
            }
        }
        let view: [String: Any] = [
            "fundName": report.fundName.best(for: language), "fundLink": FundPaths.fund(id),
            "currency": report.currency.code,
            "currencies": CurrencyCode.reporting.map {
                ["code": $0.code, "link": FundPaths.report(id, currency: $0.code), "current": $0 == report.currency]
            },
            "totals": totals(report.totals),
            "byContributor": rows(report.byContributor), "bySide": rows(report.bySide),
            "byArea": rows(report.byArea), "byCountry": rows(report.byCountry),
            "flows": report.flows.map { flow -> [String: Any] in
                [
                    "from": flow.from.label.text(in: language), "to": destinationLabel(flow.to, language),
                    "committed": AmountText.money(flow.committed), "disbursed": AmountText.money(flow.disbursed),
                    "repaid": AmountText.money(flow.repaid),
                ]
            },
            "flowChart": flowChart(report, context).svg,
            "csvLink": FundPaths.reportFile(id, currency: report.currency.code, format: "csv"),
            "jsonLink": FundPaths.reportFile(id, currency: report.currency.code, format: "json"),
        ]
        return renderer.render(
            "fund-report", title: site.text("fund_report_title", context), view: view, request: request,
            context: context)
    }

    /// The report as the API gives it, for the links on the report page (which rely on the session cookie).
    private func reportFile(_ request: Request, _ context: AppRequestContext, csv: Bool) async throws -> Response {
        let id = try fundID(context)
        let currency = FormData(query: request).text("currency")?.uppercased() ?? "EUR"
        let report = try await funds.report(of: id, currency: currency, viewer: try context.requireAccount())
        let name = "fund-report-\(currency.lowercased()).\(csv ? "csv" : "json")"
        return Response(
            status: .ok,
            headers: [
                .contentType: csv ? "text/csv; charset=utf-8" : "application/json",
                .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: .init(
                byteBuffer: ByteBuffer(string: csv ? report.csv : String(decoding: try report.json(), as: UTF8.self))))
    }

    /// The flows between the sides as bars, a group per route with money on it.
    private func flowChart(_ report: FundReport, _ context: AppRequestContext) -> BarChart {
        let language = context.language
        let flows = report.flows.filter { !$0.committed.isZero || !$0.disbursed.isZero || !$0.repaid.isZero }
        var data = ChartData(
            id: "report-flow-chart", title: site.text("fund_report_flows", context),
            categoryHeader: site.text("dashboard_route", context),
            categories: flows.map { "\($0.from.label.text(in: language)) → \(destinationLabel($0.to, language))" },
            series: [
                ChartData.Series(name: site.text("fund_committed", context), values: flows.map(\.committed.amount)),
                ChartData.Series(name: site.text("fund_disbursed", context), values: flows.map(\.disbursed.amount)),
                ChartData.Series(name: site.text("fund_repaid", context), values: flows.map(\.repaid.amount)),
            ])
        data.currency = report.currency
        return BarChart(data: data, emptyText: site.text("dashboard_empty", context))
    }

    func projectSummary(_ project: FundProject, fundId: UUID, language: Language) -> [String: Any] {
        [
            "title": project.title.best(for: language), "link": FundPaths.project(fundId, project.id),
            "stage": project.stage.label.text(in: language), "stageCode": project.stage.rawValue,
            "area": catalog.area(project.area)?.label.best(for: language) ?? project.area,
            "countries": project.countries.map { countryName($0, language) }.joined(separator: ", "),
            "requested": AmountText.money(project.requested),
            "sponsorNames": project.sponsors.map { $0.name.best(for: language) }.joined(separator: ", "),
        ]
    }

    func countryName(_ code: String, _ language: Language) -> String {
        catalog.country(code)?.name.best(for: language) ?? code
    }

    private func totals(_ row: ReportRow) -> [String: Any] {
        [
            "pledged": row.pledged.map(AmountText.money) ?? "—", "committed": AmountText.money(row.committed),
            "disbursed": AmountText.money(row.disbursed), "repaid": AmountText.money(row.repaid),
        ]
    }

    private func conversion(_ conversion: Conversion) -> [String: Any] {
        [
            "converted": AmountText.money(conversion.converted), "rate": Self.rateText(conversion),
            "rateDate": conversion.rateDate.description,
            "sameCurrency": conversion.original.currency == conversion.converted.currency,
        ]
    }

    /// The rate as the ECB quotes it, euros against the other currency (`1 EUR = 7.4326 CNY`): the stored rate
    /// into euros is the inverse of the quote, which had at most four decimals, so rounding it there gives the
    /// quote back. Between two other currencies, the cross rate as stored.
    static func rateText(_ conversion: Conversion) -> String {
        let from = conversion.original.currency
        let to = conversion.converted.currency
        if from == .eur { return "1 EUR = \(conversion.rate) \(to)" }
        if to == .eur, conversion.rate > 0 {
            var inverse = 1 / conversion.rate
            var rounded = Decimal()
            NSDecimalRound(&rounded, &inverse, 4, .plain)
            return "1 EUR = \(rounded) \(from)"
        }
        return "1 \(from) = \(conversion.rate) \(to)"
    }

    private func destinationLabel(_ code: String, _ language: Language) -> String {
        Side(rawValue: code)?.label.text(in: language) ?? (language == .english ? "Both sides" : "中欧双方")
    }

    private func accessLabel(_ access: FundAccess, _ context: AppRequestContext) -> String {
        switch access {
        case .manager: site.text("fund_access_manager", context)
        case .staff: site.text("fund_access_staff", context)
        case .contributor: site.text("fund_access_contributor", context)
        }
    }
}

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
        router.get(FundPaths.list) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await listPage(request, context)
        }
        addFormRoutes(to: router)
        router.get(FundPaths.fund) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await fundPage(request, context)
        }
        router.get(FundPaths.project) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await projectPage(request, context)
        }
        router.get(FundPaths.report) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await reportPage(request, context)
        }
        router.post(FundPaths.answer) { request, context in
            let account = try context.requireAccount()
            let form = try await FormData(request: request, context: context)
            let fundId = try fundID(context)
            _ = try await funds.answer(
                invitation: try site.pathID(context, "contributor", missing: FundError.contributorNotFound),
                of: fundId, confirming: form["answer"] == "confirm", by: account)
            return PageRenderer.redirect(to: form["answer"] == "confirm" ? FundPaths.fund(fundId) : FundPaths.list())
        }
        router.get(FundPaths.reportCSV) { request, context in try await reportFile(request, context, csv: true) }
        router.get(FundPaths.reportJSON) { request, context in try await reportFile(request, context, csv: false) }
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
        var items: [FundsPage.Item] = []
        for fund in list {
            let manager = try await ifPresent { try await site.directory.organization(id: fund.managerOrganizationId) }
            items.append(
                FundsPage.Item(
                    name: fund.name.best(for: language), link: FundPaths.fund(fund.id),
                    currency: fund.reportingCurrency.code, manager: manager?.name.best(for: language) ?? ""))
        }
        let invitations = try await funds.invitations(of: account).map { fund, contributor in
            FundsPage.Invitation(
                fund: fund.name.best(for: language), organization: contributor.name.best(for: language),
                pledge: AmountText.money(contributor.pledge), pledgedOn: contributor.pledgedOn.description,
                answer: FundPaths.answer(fund.id, contributor.id))
        }
        let view = FundsPage(
            invitations: invitations, hasInvitations: !invitations.isEmpty, items: items, empty: items.isEmpty,
            newLink: FundPaths.newFund())
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
        var contributors: [FundPage.Contributor] = []
        for contributor in book.contributors {
            let remaining = try book.remainingPledge(of: contributor)
            contributors.append(
                FundPage.Contributor(
                    name: contributor.name.best(for: language),
                    side: contributor.side.label.text(in: language), sideCode: contributor.side.rawValue,
                    country: countryName(contributor.country, language), pledge: AmountText.money(contributor.pledge),
                    pledgedOn: contributor.pledgedOn.description,
                    committed: AmountText.money(try contributor.pledge.subtracting(remaining)),
                    remaining: AmountText.money(remaining),
                    status: contributor.isConfirmed ? nil : contributor.status.label.text(in: language)))
        }
        let stages = (ProjectStage.pipeline + [.rejected]).map { stage in
            let projects = book.projects.filter { $0.stage == stage }
            return FundPage.Stage(
                stage: stage.label.text(in: language), code: stage.rawValue, count: projects.count,
                projects: projects.map { projectSummary($0, fundId: id, language: language) },
                hasProjects: !projects.isEmpty)
        }
        var isContributor = false
        if case .contributor = access { isContributor = true }
        let view = FundPage(
            name: fund.name.best(for: language), nameEnglish: fund.name.english ?? "",
            nameChinese: fund.name.chinese ?? "", currency: fund.reportingCurrency.code,
            manager: manager?.name.best(for: language) ?? "",
            managerLink: SitePaths.organization(fund.managerOrganizationId),
            access: accessLabel(access, context), isManager: access == .manager, isContributor: isContributor,
            contributors: contributors, hasContributors: !contributors.isEmpty,
            stages: stages, projectCount: book.projects.count,
            totals: totals(report.totals),
            reportLink: FundPaths.report(id, currency: fund.reportingCurrency.code),
            newContributorLink: FundPaths.newContributor(id), newProjectLink: FundPaths.newProject(id),
            listLink: FundPaths.list())
        return renderer.render(
            "fund", title: fund.name.best(for: language), view: view, request: request, context: context)
    }

    private func projectPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try fundID(context)
        let (book, access) = try await funds.book(of: id, viewer: context.account)
        let project = try book.project(try projectID(context))
        let language = context.language
        let isManager = access == .manager
        let commitments = book.commitments.filter { $0.projectId == project.id }
        var commitmentRows: [Merged<FundProjectPage.Commitment, FundProjectPage.Conversion>] = []
        for commitment in commitments {
            let contributor = try? book.contributor(commitment.contributorId)
            let row = FundProjectPage.Commitment(
                contributor: contributor?.name.best(for: language) ?? "",
                amount: AmountText.money(commitment.amount),
                day: commitment.day.description,
                disbursed: AmountText.money(try book.total(.disbursement, under: commitment)),
                repaid: AmountText.money(try book.total(.repayment, under: commitment)),
                conditions: commitment.conditions.isEmpty ? nil : commitment.conditions,
                ledgerLink: commitment.ledgerIndex.map(SitePaths.verifyLedgerEntry),
                ledgerIndex: commitment.ledgerIndex.map(String.init))
            commitmentRows.append(Merged(row, conversion(commitment.inFundCurrency)))
        }
        let ids = Set(commitments.map(\.id))
        let flows = book.cashFlows.filter { ids.contains($0.commitmentId) }.sorted { $0.day < $1.day }.map { flow in
            let commitment = try? book.commitment(flow.commitmentId)
            let contributor = commitment.flatMap { try? book.contributor($0.contributorId) }
            let row = FundProjectPage.Flow(
                kind: flow.kind.label.text(in: language), kindCode: flow.kind.rawValue,
                contributor: contributor?.name.best(for: language) ?? "", amount: AmountText.money(flow.amount),
                day: flow.day.description, note: flow.note.isEmpty ? nil : flow.note)
            return Merged(row, conversion(flow.inFundCurrency))
        }
        var view = FundProjectPage(
            fundName: book.fund.name.best(for: language),
            fundLink: FundPaths.fund(id),
            titleEnglish: project.title.english ?? "",
            titleChinese: project.title.chinese ?? "",
            descriptionEnglish: project.description.english ?? "",
            descriptionChinese: project.description.chinese ?? "",
            hasDescription: !project.description.isEmpty,
            hasDescriptionEnglish: project.description.english?.isEmpty == false,
            hasDescriptionChinese: project.description.chinese?.isEmpty == false,
            sponsors: project.sponsors.map {
                FundProjectPage.Sponsor(name: $0.name.best(for: language), side: $0.side.label.text(in: language))
            },
            rejectionReason: project.rejectionReason ?? "",
            isRejected: project.stage == .rejected,
            history: project.history.map { change in
                FundProjectPage.Change(
                    from: change.from.label.text(in: language), to: change.to.label.text(in: language),
                    actor: change.actorName, at: SitePages.dateText(change.at), reason: change.reason)
            },
            hasHistory: !project.history.isEmpty,
            documents: project.documents.map { FundProjectPage.Document(name: $0.name, sha256: $0.sha256) },
            hasDocuments: !project.documents.isEmpty,
            commitments: commitmentRows, hasCommitments: !commitmentRows.isEmpty,
            flows: flows, hasFlows: !flows.isEmpty)
        if isManager {
            view.isManager = true
            view.stageAction = FundPaths.stage(id, project.id)
            // Committed and disbursing are reached by the first commitment and the first disbursement, not by hand.
            if let next = project.stage.next, ![.committed, .disbursing].contains(next) {
                view.next = FundProjectPage.Next(code: next.rawValue, label: next.label.text(in: language))
            }
            view.mayReject = project.stage.mayBeRejected
            view.documentLink = FundPaths.newDocument(id, project.id)
            if project.stage.takesCommitments { view.commitLink = FundPaths.newCommitment(id, project.id) }
            if project.stage.takesDisbursements, !commitments.isEmpty {
                view.disburseLink = FundPaths.newDisbursement(id, project.id)
            }
            if book.cashFlows.contains(where: { ids.contains($0.commitmentId) && $0.kind == .disbursement }) {
                view.repayLink = FundPaths.newRepayment(id, project.id)
            }
        }
        return renderer.render(
            "fund-project", title: project.title.best(for: language),
            view: Merged(view, projectSummary(project, fundId: id, language: language)), request: request,
            context: context)
    }

    private func reportPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try fundID(context)
        let currency = FormData(query: request).text("currency")?.uppercased() ?? "EUR"
        let report = try await funds.report(of: id, currency: currency, viewer: context.account)
        let language = context.language
        func rows(_ rows: [ReportRow]) -> [FundTotals] {
            rows.map { totals($0, label: $0.label.best(for: language)) }
        }
        let view = FundReportPage(
            fundName: report.fundName.best(for: language), fundLink: FundPaths.fund(id),
            currency: report.currency.code,
            currencies: CurrencyCode.reporting.map {
                FundReportPage.Currency(
                    code: $0.code, link: FundPaths.report(id, currency: $0.code), current: $0 == report.currency)
            },
            totals: totals(report.totals),
            byContributor: rows(report.byContributor), bySide: rows(report.bySide),
            byArea: rows(report.byArea), byCountry: rows(report.byCountry),
            flows: report.flows.map { flow in
                FundReportPage.Flow(
                    from: flow.from.label.text(in: language), to: destinationLabel(flow.to, language),
                    committed: AmountText.money(flow.committed), disbursed: AmountText.money(flow.disbursed),
                    repaid: AmountText.money(flow.repaid))
            },
            flowChart: flowChart(report, context).svg,
            csvLink: FundPaths.reportFile(id, currency: report.currency.code, csv: true),
            jsonLink: FundPaths.reportFile(id, currency: report.currency.code, csv: false))
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

    func projectSummary(_ project: FundProject, fundId: UUID, language: Language) -> FundProjectSummary {
        FundProjectSummary(
            title: project.title.best(for: language), link: FundPaths.project(fundId, project.id),
            stage: project.stage.label.text(in: language), stageCode: project.stage.rawValue,
            area: catalog.area(project.area)?.label.best(for: language) ?? project.area,
            countries: project.countries.map { countryName($0, language) }.joined(separator: ", "),
            requested: AmountText.money(project.requested),
            sponsorNames: project.sponsors.map { $0.name.best(for: language) }.joined(separator: ", "))
    }

    func countryName(_ code: String, _ language: Language) -> String {
        catalog.country(code)?.name.best(for: language) ?? code
    }

    private func totals(_ row: ReportRow, label: String? = nil) -> FundTotals {
        FundTotals(
            label: label, pledged: row.pledged.map(AmountText.money) ?? "—", committed: AmountText.money(row.committed),
            disbursed: AmountText.money(row.disbursed), repaid: AmountText.money(row.repaid))
    }

    private func conversion(_ conversion: Conversion) -> FundProjectPage.Conversion {
        FundProjectPage.Conversion(
            converted: AmountText.money(conversion.converted), rate: Self.rateText(conversion),
            rateDate: conversion.rateDate.description,
            sameCurrency: conversion.original.currency == conversion.converted.currency)
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

struct FundsPage {
    struct Item {
        let name: String
        let link: String
        let currency: String
        let manager: String
    }

    /// A fund that names one of the person's organisations as contributor, waiting for its answer.
    struct Invitation {
        let fund: String
        let organization: String
        let pledge: String
        let pledgedOn: String
        let answer: String
    }

    let invitations: [Invitation]
    let hasInvitations: Bool
    let items: [Item]
    let empty: Bool
    let newLink: String
}

/// Money pledged, committed, disbursed and repaid; a report's breakdown rows also name what they count.
struct FundTotals {
    let label: String?
    let pledged: String
    let committed: String
    let disbursed: String
    let repaid: String
}

/// A project as a fund's pipeline lists it and as its own page opens.
struct FundProjectSummary {
    let title: String
    let link: String
    let stage: String
    let stageCode: String
    let area: String
    let countries: String
    let requested: String
    let sponsorNames: String
}

struct FundPage {
    struct Contributor {
        let name: String
        let side: String
        let sideCode: String
        let country: String
        let pledge: String
        let pledgedOn: String
        let committed: String
        let remaining: String
        /// "invited" or "declined"; nil once confirmed.
        let status: String?
    }

    struct Stage {
        let stage: String
        let code: String
        let count: Int
        let projects: [FundProjectSummary]
        let hasProjects: Bool
    }

    let name: String
    let nameEnglish: String
    let nameChinese: String
    let currency: String
    let manager: String
    let managerLink: String
    let access: String
    let isManager: Bool
    let isContributor: Bool
    let contributors: [Contributor]
    let hasContributors: Bool
    let stages: [Stage]
    let projectCount: Int
    let totals: FundTotals
    let reportLink: String
    let newContributorLink: String
    let newProjectLink: String
    let listLink: String
}

/// A project's page beyond its summary: its text, history, documents and money, and the manager's forms.
struct FundProjectPage {
    struct Sponsor {
        let name: String
        let side: String
    }

    struct Change {
        let from: String
        let to: String
        let actor: String
        let at: String
        let reason: String?
    }

    struct Document {
        let name: String
        let sha256: String
    }

    /// An amount in the fund's currency, with the rate it was converted at.
    struct Conversion {
        let converted: String
        let rate: String
        let rateDate: String
        let sameCurrency: Bool
    }

    struct Commitment {
        let contributor: String
        let amount: String
        let day: String
        let disbursed: String
        let repaid: String
        let conditions: String?
        let ledgerLink: String?
        let ledgerIndex: String?
    }

    struct Flow {
        let kind: String
        let kindCode: String
        let contributor: String
        let amount: String
        let day: String
        let note: String?
    }

    struct Next {
        let code: String
        let label: String
    }

    let fundName: String
    let fundLink: String
    let titleEnglish: String
    let titleChinese: String
    let descriptionEnglish: String
    let descriptionChinese: String
    let hasDescription: Bool
    let hasDescriptionEnglish: Bool
    let hasDescriptionChinese: Bool
    let sponsors: [Sponsor]
    let rejectionReason: String
    let isRejected: Bool
    let history: [Change]
    let hasHistory: Bool
    let documents: [Document]
    let hasDocuments: Bool
    let commitments: [Merged<Commitment, Conversion>]
    let hasCommitments: Bool
    let flows: [Merged<Flow, Conversion>]
    let hasFlows: Bool
    var isManager = false
    var stageAction: String?
    var next: Next?
    var mayReject: Bool?
    var documentLink: String?
    var commitLink: String?
    var disburseLink: String?
    var repayLink: String?
}

struct FundReportPage {
    struct Currency {
        let code: String
        let link: String
        let current: Bool
    }

    struct Flow {
        let from: String
        let to: String
        let committed: String
        let disbursed: String
        let repaid: String
    }

    let fundName: String
    let fundLink: String
    let currency: String
    let currencies: [Currency]
    let totals: FundTotals
    let byContributor: [FundTotals]
    let bySide: [FundTotals]
    let byArea: [FundTotals]
    let byCountry: [FundTotals]
    let flows: [Flow]
    let flowChart: String
    let csvLink: String
    let jsonLink: String
}

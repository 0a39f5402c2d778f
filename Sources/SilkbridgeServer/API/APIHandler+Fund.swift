import Foundation
import OpenAPIRuntime
import SilkbridgeAPI
import SilkbridgeCore

/// The joint investment fund: contributors, projects, commitments, cash flows and reports.
protocol FundAPI: FeatureAPI {
    var funds: FundService { get }
}

extension FundAPI {
    func createFund(_ input: Operations.CreateFund.Input) async throws -> Operations.CreateFund.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let fund = try await funds.create(
            NewFund(
                name: body.name.domain, reportingCurrency: body.reportingCurrency.rawValue,
                managerOrganizationId: try bodyId(body.managerOrganizationId, "managerOrganizationId")),
            by: account)
        return .created(.init(body: .json(.init(fund))))
    }

    func listMyFunds(_ input: Operations.ListMyFunds.Input) async throws -> Operations.ListMyFunds.Output {
        let list = try await funds.funds(of: try requireAccount())
        return .ok(.init(body: .json(.init(items: list.map(Components.Schemas.Fund.init)))))
    }

    func getFund(_ input: Operations.GetFund.Input) async throws -> Operations.GetFund.Output {
        let (book, access) = try await funds.book(of: try fundId(input.path.fundId), viewer: try requireAccount())
        return .ok(.init(body: .json(try .init(book, access: access))))
    }

    func addFundContributor(_ input: Operations.AddFundContributor.Input) async throws
        -> Operations.AddFundContributor.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let fundId = try fundId(input.path.fundId)
        let contributor = try await funds.addContributor(
            fundId,
            NewContributor(
                organizationId: try bodyId(body.organizationId, "organizationId"), pledge: body.pledge.input,
                pledgedOn: body.pledgedOn), by: account)
        return .created(.init(body: .json(try .init(contributor, remaining: contributor.pledge))))
    }

    func confirmFundContribution(_ input: Operations.ConfirmFundContribution.Input) async throws
        -> Operations.ConfirmFundContribution.Output
    {
        .ok(.init(body: .json(try await answer(input.path.fundId, input.path.contributorId, confirming: true))))
    }

    func declineFundContribution(_ input: Operations.DeclineFundContribution.Input) async throws
        -> Operations.DeclineFundContribution.Output
    {
        .ok(.init(body: .json(try await answer(input.path.fundId, input.path.contributorId, confirming: false))))
    }

    private func answer(_ fund: String, _ contributor: String, confirming: Bool) async throws
        -> Components.Schemas.FundContributor
    {
        let fundId = try fundId(fund)
        let answered = try await funds.answer(
            invitation: try id(contributor, else: FundError.contributorNotFound), of: fundId, confirming: confirming,
            by: try requireAccount())
        let (book, _) = try await funds.book(of: fundId, viewer: try requireAccount())
        return try .init(answered, remaining: try book.remainingPledge(of: answered))
    }

    func listMyFundInvitations(_ input: Operations.ListMyFundInvitations.Input) async throws
        -> Operations.ListMyFundInvitations.Output
    {
        let invitations = try await funds.invitations(of: try requireAccount()).map { fund, contributor in
            Components.Schemas.FundInvitationList.ItemsPayloadPayload(
                fund: .init(fund), contributor: try .init(contributor, remaining: contributor.pledge))
        }
        return .ok(.init(body: .json(.init(items: invitations))))
    }

    func addFundProject(_ input: Operations.AddFundProject.Input) async throws -> Operations.AddFundProject.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let project = try await funds.addProject(
            try fundId(input.path.fundId),
            NewProject(
                title: body.title.domain, description: body.description?.domain ?? LocalizedText(),
                sponsorIds: try body.sponsorIds.enumerated().map { try bodyId($1, "sponsorIds[\($0)]") },
                area: body.area.rawValue, countries: body.countries, requested: body.requested.input),
            by: account)
        return .created(.init(body: .json(try .init(project))))
    }

    func changeFundProjectStage(_ input: Operations.ChangeFundProjectStage.Input) async throws
        -> Operations.ChangeFundProjectStage.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let project = try await funds.changeStage(
            try fundId(input.path.fundId), project: try projectId(input.path.projectId),
            to: try ProjectStage(mapping: body.stage), reason: body.reason, by: account)
        return .ok(.init(body: .json(try .init(project))))
    }

    func addFundProjectDocument(_ input: Operations.AddFundProjectDocument.Input) async throws
        -> Operations.AddFundProjectDocument.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let project = try await funds.addDocument(
            try fundId(input.path.fundId), project: try projectId(input.path.projectId), name: body.name,
            sha256: body.sha256, by: account)
        return .created(.init(body: .json(try .init(project))))
    }

    func createFundCommitment(_ input: Operations.CreateFundCommitment.Input) async throws
        -> Operations.CreateFundCommitment.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let fundId = try fundId(input.path.fundId)
        let commitment = try await funds.commit(
            fundId,
            NewCommitment(
                projectId: try bodyId(body.projectId, "projectId"),
                contributorId: try bodyId(body.contributorId, "contributorId"), amount: body.amount.input,
                day: body.day, conditions: body.conditions ?? ""), by: account)
        let (book, _) = try await funds.book(of: fundId, viewer: account)
        return .created(.init(body: .json(try .init(commitment, in: book))))
    }

    func createFundDisbursement(_ input: Operations.CreateFundDisbursement.Input) async throws
        -> Operations.CreateFundDisbursement.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let flow = try await record(.disbursement, body, in: input.path.fundId)
        return .created(.init(body: .json(.init(flow))))
    }

    func createFundRepayment(_ input: Operations.CreateFundRepayment.Input) async throws
        -> Operations.CreateFundRepayment.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let flow = try await record(.repayment, body, in: input.path.fundId)
        return .created(.init(body: .json(.init(flow))))
    }

    func getFundReport(_ input: Operations.GetFundReport.Input) async throws -> Operations.GetFundReport.Output {
        let report = try await funds.report(
            of: try fundId(input.path.fundId), currency: input.query.currency?.rawValue ?? "EUR",
            viewer: try requireAccount())
        if input.query.format == .csv { return .ok(.init(body: .csv(HTTPBody(report.csv)))) }
        return .ok(.init(body: .json(try .init(report))))
    }

    private func record(_ kind: CashFlowKind, _ body: Components.Schemas.CashFlowRequest, in fund: String)
        async throws -> CashFlow
    {
        let account = try requireAccount()
        return try await funds.record(
            try fundId(fund),
            NewCashFlow(
                commitmentId: try bodyId(body.commitmentId, "commitmentId"), kind: kind, amount: body.amount.input,
                day: body.day, note: body.note ?? ""), by: account)
    }

    func fundId(_ text: String) throws -> UUID {
        try id(text, else: FundError.fundNotFound)
    }

    func projectId(_ text: String) throws -> UUID {
        try id(text, else: FundError.projectNotFound)
    }

    /// An id in a request body: text that is no UUID is an invalid field, not a missing thing.
    func bodyId(_ text: String, _ field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw ValidationError([FieldIssue(field, Message("is not an id.", "不是有效的编号。"))])
        }
        return id
    }
}

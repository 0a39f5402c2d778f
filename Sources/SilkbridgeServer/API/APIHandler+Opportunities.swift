import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Cooperation offers and requests.
protocol OpportunitiesAPI: FeatureAPI {
    var exchange: ExchangeService { get }
}

extension OpportunitiesAPI {
    func listOpportunities(_ input: Operations.ListOpportunities.Input) async throws
        -> Operations.ListOpportunities.Output
    {
        let query = input.query
        let filter = OpportunityFilter(
            organizationId: try query.organizationId.map { try organizationId($0) },
            type: query._type.flatMap { OpportunityType(rawValue: $0.rawValue) }, area: query.area?.rawValue,
            side: query.side.flatMap { Side(rawValue: $0.rawValue) }, country: query.country,
            status: query.status.flatMap { OpportunityStatus(rawValue: $0.rawValue) })
        let now = Date()
        let page = try await exchange.list(
            filter, viewer: viewer, page: try Paging(limit: query.limit, cursor: query.cursor), now: now)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try page.items.map { try Components.Schemas.Opportunity($0, now: now) },
                        nextCursor: page.nextCursor))))
    }

    func createOpportunity(_ input: Operations.CreateOpportunity.Input) async throws
        -> Operations.CreateOpportunity.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let opportunity = try await exchange.create(
            OpportunityInput(body), for: try organizationId(body.organizationId), by: account)
        return .created(.init(body: .json(try .init(opportunity, now: Date()))))
    }

    func getOpportunity(_ input: Operations.GetOpportunity.Input) async throws -> Operations.GetOpportunity.Output {
        let opportunity = try await exchange.opportunity(
            id: try opportunityId(input.path.opportunityId), viewer: viewer)
        return .ok(.init(body: .json(try .init(opportunity, now: Date()))))
    }

    func updateOpportunity(_ input: Operations.UpdateOpportunity.Input) async throws
        -> Operations.UpdateOpportunity.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let opportunity = try await exchange.update(
            id: try opportunityId(input.path.opportunityId), with: OpportunityInput(body), by: account)
        return .ok(.init(body: .json(try .init(opportunity, now: Date()))))
    }

    func publishOpportunity(_ input: Operations.PublishOpportunity.Input) async throws
        -> Operations.PublishOpportunity.Output
    {
        let opportunity = try await exchange.publish(
            id: try opportunityId(input.path.opportunityId), by: try requireAccount())
        return .ok(.init(body: .json(try .init(opportunity, now: Date()))))
    }

    func renewOpportunity(_ input: Operations.RenewOpportunity.Input) async throws
        -> Operations.RenewOpportunity.Output
    {
        let opportunity = try await exchange.renew(
            id: try opportunityId(input.path.opportunityId), by: try requireAccount())
        return .ok(.init(body: .json(try .init(opportunity, now: Date()))))
    }

    func closeOpportunity(_ input: Operations.CloseOpportunity.Input) async throws
        -> Operations.CloseOpportunity.Output
    {
        let opportunity = try await exchange.close(
            id: try opportunityId(input.path.opportunityId), by: try requireAccount())
        return .ok(.init(body: .json(try .init(opportunity, now: Date()))))
    }

    /// The signed-in caller, if any, on endpoints open to everyone.
    var viewer: Account? { (try? context)?.account }

}

import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// The directory of organisations.
protocol OrganizationsAPI: FeatureAPI {
    var directory: DirectoryService { get }
}

extension OrganizationsAPI {
    func listOrganizations(_ input: Operations.ListOrganizations.Input) async throws
        -> Operations.ListOrganizations.Output
    {
        let query = input.query
        let filter = OrganizationFilter(
            side: query.side.flatMap { Side(rawValue: $0.rawValue) }, country: query.country,
            area: query.area?.rawValue, type: query._type.flatMap { OrganizationType(rawValue: $0.rawValue) },
            query: query.q)
        let page = try await directory.list(filter, page: try Paging(limit: query.limit, cursor: query.cursor))
        return .ok(
            .init(
                body: .json(
                    .init(items: try page.items.map(Components.Schemas.Organization.init), nextCursor: page.nextCursor))
            ))
    }

    func createOrganization(_ input: Operations.CreateOrganization.Input) async throws
        -> Operations.CreateOrganization.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let organization = try await directory.create(OrganizationInput(body), by: account)
        return .created(.init(body: .json(try .init(organization))))
    }

    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        let organization = try await directory.organization(id: try organizationId(input.path.organizationId))
        return .ok(.init(body: .json(try .init(organization))))
    }

    func updateOrganization(_ input: Operations.UpdateOrganization.Input) async throws
        -> Operations.UpdateOrganization.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let organization = try await directory.update(
            id: try organizationId(input.path.organizationId), with: OrganizationInput(body), by: account)
        return .ok(.init(body: .json(try .init(organization))))
    }

    func deleteOrganization(_ input: Operations.DeleteOrganization.Input) async throws
        -> Operations.DeleteOrganization.Output
    {
        try await directory.delete(id: try organizationId(input.path.organizationId), by: try requireAccount())
        return .noContent(.init())
    }
}

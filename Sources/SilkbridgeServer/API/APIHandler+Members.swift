import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// An organisation's members and invitations.
protocol MembersAPI: FeatureAPI {
    var directory: DirectoryService { get }
    var accountRepository: any AccountRepository { get }
}

extension MembersAPI {
    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        let members = try await directory.members(
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .ok(.init(body: .json(.init(items: try members.map(Components.Schemas.Member.init)))))
    }

    func addMember(_ input: Operations.AddMember.Input) async throws -> Operations.AddMember.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let membership = try await directory.addMember(
            email: body.email, role: Role(body.role), to: try organizationId(input.path.organizationId), by: account,
            accounts: accountRepository)
        return .created(.init(body: .json(try .init(membership))))
    }

    func updateMember(_ input: Operations.UpdateMember.Input) async throws -> Operations.UpdateMember.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let membership = try await directory.changeRole(
            of: try id(input.path.memberId, else: DirectoryError.memberNotFound), to: Role(body.role),
            in: try organizationId(input.path.organizationId), by: account)
        return .ok(.init(body: .json(try .init(membership))))
    }

    func removeMember(_ input: Operations.RemoveMember.Input) async throws -> Operations.RemoveMember.Output {
        try await directory.removeMember(
            try id(input.path.memberId, else: DirectoryError.memberNotFound),
            from: try organizationId(input.path.organizationId), by: try requireAccount())
        return .noContent(.init())
    }

    func listAuditEvents(_ input: Operations.ListAuditEvents.Input) async throws -> Operations.ListAuditEvents.Output {
        let page = try await directory.auditTrail(
            of: try organizationId(input.path.organizationId), by: try requireAccount(),
            page: try Paging(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(
            .init(
                body: .json(
                    .init(items: page.items.map(Components.Schemas.AuditEvent.init), nextCursor: page.nextCursor))))
    }
}

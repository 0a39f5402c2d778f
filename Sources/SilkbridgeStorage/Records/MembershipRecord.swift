import FluentKit
import Foundation
import SilkbridgeCore

final class MembershipRecord: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationId: UUID
    @OptionalField(key: "account_id") var accountId: UUID?
    @Field(key: "email") var email: String
    @Field(key: "role") var role: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ membership: Membership) {
        apply(membership)
    }

    func apply(_ membership: Membership) {
        id = membership.id
        organizationId = membership.organizationId
        accountId = membership.accountId
        email = membership.email
        role = membership.role.rawValue
        createdAt = membership.createdAt
    }

    func membership(displayName: String?) throws -> Membership {
        try Membership(
            id: id!, organizationId: organizationId, accountId: accountId, email: email, displayName: displayName,
            role: Role(stored: role, column: "memberships.role"), createdAt: createdAt)
    }
}

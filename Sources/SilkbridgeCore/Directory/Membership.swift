import Foundation

/// What a member may do in an organisation.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case member
    case admin
    case owner

    /// Owners and admins manage members; only owners hand out ownership or delete the organisation.
    public var managesMembers: Bool { self >= .admin }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var label: Message {
        switch self {
        case .member: Message("Member", "成员")
        case .admin: Message("Admin", "管理员")
        case .owner: Message("Owner", "所有者")
        }
    }
}

/// A person's place in an organisation, or an invitation waiting for that person to sign up.
public struct Membership: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let organizationId: UUID
    /// `nil` while the invited email has no account yet.
    public var accountId: UUID?
    public var email: String
    public var displayName: String?
    public var role: Role
    public let createdAt: Date

    public var isPending: Bool { accountId == nil }

    /// How long an invitation waits to be taken up by a verified address; the owners invite again after that.
    public static let invitationLifetime: TimeInterval = 30 * 24 * 3600

    public init(
        id: UUID, organizationId: UUID, accountId: UUID?, email: String, displayName: String?, role: Role,
        createdAt: Date
    ) {
        self.id = id
        self.organizationId = organizationId
        self.accountId = accountId
        self.email = email
        self.displayName = displayName
        self.role = role
        self.createdAt = createdAt
    }
}

import Foundation

/// One recorded change: who did what to which organisation, and when.
public struct AuditEvent: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let organizationId: UUID
    public let actorId: UUID
    public let actorName: String
    /// A stable verb such as `organization.updated` or `member.removed`.
    public let action: String
    /// A short description of what changed, e.g. the fields edited.
    public let detail: String
    public let at: Date

    public init(
        id: UUID = UUID(), organizationId: UUID, actorId: UUID, actorName: String, action: String, detail: String,
        at: Date
    ) {
        self.id = id
        self.organizationId = organizationId
        self.actorId = actorId
        self.actorName = actorName
        self.action = action
        self.detail = detail
        self.at = at
    }
}

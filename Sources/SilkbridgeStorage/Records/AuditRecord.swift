import FluentKit
import Foundation
import SilkbridgeCore

final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    /// No foreign key on purpose: the trail outlives a deleted organisation.
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "actor_id") var actorId: UUID
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "detail") var detail: String
    @Field(key: "at") var at: Date

    init() {}

    init(_ event: AuditEvent) {
        id = event.id
        organizationId = event.organizationId
        actorId = event.actorId
        actorName = event.actorName
        action = event.action
        detail = event.detail
        at = event.at
    }

    var event: AuditEvent {
        AuditEvent(
            id: id!, organizationId: organizationId, actorId: actorId, actorName: actorName, action: action,
            detail: detail, at: at)
    }
}

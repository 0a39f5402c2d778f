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
    /// Microseconds since 1970: an exact integer orders and pages the trail identically on every database.
    @Field(key: "at") var at: Int64

    init() {}

    init(_ event: AuditEvent) {
        id = event.id
        organizationId = event.organizationId
        actorId = event.actorId
        actorName = event.actorName
        action = event.action
        detail = event.detail
        at = Self.micros(event.at)
    }

    static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    var event: AuditEvent {
        AuditEvent(
            id: id!, organizationId: organizationId, actorId: actorId, actorName: actorName, action: action,
            detail: detail, at: Date(timeIntervalSince1970: Double(at) / 1_000_000))
    }
}

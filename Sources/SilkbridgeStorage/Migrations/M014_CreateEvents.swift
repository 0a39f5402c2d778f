import FluentKit
import SQLKit

/// Events, registrations, meeting requests and schedules. Each row keeps the whole value as JSON beside the
/// columns it is found by, like agreements: sessions, availability and schedules are only ever read whole.
struct M014_CreateEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events")
            .id()
            .field("organizer_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("event_registrations")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("document", .string, .required)
            .unique(on: "event_id", "account_id")
            .create()
        try await database.schema("meeting_requests")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field(
                "requester_id", .uuid, .required, .references("event_registrations", "id", onDelete: .cascade)
            )
            .field("invitee_id", .uuid, .required, .references("event_registrations", "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("created_at", .datetime, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("event_schedules")
            .id()
            .field("created_at", .datetime, .required)
            .field("document", .string, .required)
            .foreignKey("id", references: "events", "id", onDelete: .cascade)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "events_by_start").on("events").column("starts_at").run()
        try await sql.create(index: "events_by_organizer").on("events").column("organizer_id").column("starts_at")
            .run()
        try await sql.create(index: "meeting_requests_by_event").on("meeting_requests").column("event_id")
            .column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_schedules").delete()
        try await database.schema("meeting_requests").delete()
        try await database.schema("event_registrations").delete()
        try await database.schema("events").delete()
    }
}

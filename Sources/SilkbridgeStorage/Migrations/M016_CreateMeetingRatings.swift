import FluentKit
import SQLKit

/// What participants said came of their meetings: one row per meeting, rater and phase, so rating again replaces.
/// Times are integer microseconds, compared exactly on every database.
struct M016_CreateMeetingRatings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("meeting_ratings")
            .field("request_id", .uuid, .required, .references("meeting_requests", "id", onDelete: .cascade))
            .field(
                "registration_id", .uuid, .required, .references("event_registrations", "id", onDelete: .cascade)
            )
            .field("phase", .string, .required)
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("outcome", .string, .required)
            .field("note", .string)
            // No foreign key: the link records what the participant said, and agreements are never deleted.
            .field("agreement_id", .uuid)
            .field("rated_at", .int64, .required)
            .compositeIdentifier(over: "request_id", "registration_id", "phase")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "meeting_ratings_by_event").on("meeting_ratings").column("event_id")
            .column("rated_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meeting_ratings").delete()
    }
}

import FluentKit
import SQLKit

/// Opportunities of the cooperation exchange, with the indexes their lists walk.
struct M003_CreateExchange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opportunities")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("side", .string, .required)
            .field("country", .string, .required)
            .field("type", .string, .required)
            .field("title_en", .string)
            .field("title_zh", .string)
            .field("summary_en", .string)
            .field("summary_zh", .string)
            .field("description_en", .string)
            .field("description_zh", .string)
            .field("areas", .string, .required)
            .field("subtopics", .string, .required)
            .field("target_sides", .string, .required)
            .field("target_countries", .string, .required)
            .field("partnership_types", .string, .required)
            .field("stage", .string)
            .field("ip_status", .string)
            .field("amount_min", .int64)
            .field("amount_max", .int64)
            .field("currency", .string)
            .field("deadline", .int64)
            .field("state", .string, .required)
            .field("published_at", .int64)
            .field("expires_at", .int64)
            .field("created_at", .int64, .required)
            .field("updated_at", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "opportunities_by_state").on("opportunities")
            .column("state").column("created_at").column("id").run()
        try await sql.create(index: "opportunities_by_organization").on("opportunities")
            .column("organization_id").run()
        try await sql.create(index: "opportunities_by_update").on("opportunities").column("updated_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("opportunities").delete()
    }
}

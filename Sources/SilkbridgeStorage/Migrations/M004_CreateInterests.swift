import FluentKit
import SQLKit

/// Expressions of interest and the threads they open.
struct M004_CreateInterests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("interests")
            .id()
            .field("opportunity_id", .uuid, .required, .references("opportunities", "id", onDelete: .cascade))
            .field("owner_organization_id", .uuid, .required)
            .field("sender_organization_id", .uuid, .required)
            .field("sender_account_id", .uuid, .required)
            .field("message", .string, .required)
            .field("state", .string, .required)
            .field("reply_by", .int64, .required)
            .field("stage", .string)
            .field("created_at", .int64, .required)
            .field("updated_at", .int64, .required)
            .create()
        try await database.schema("interest_messages")
            .id()
            .field("interest_id", .uuid, .required, .references("interests", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required)
            .field("author_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("at", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "interests_by_opportunity").on("interests").column("opportunity_id").run()
        try await sql.create(index: "interests_by_owner").on("interests").column("owner_organization_id").run()
        try await sql.create(index: "interests_by_sender").on("interests").column("sender_organization_id").run()
        try await sql.create(index: "interest_messages_by_interest").on("interest_messages")
            .column("interest_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("interest_messages").delete()
        try await database.schema("interests").delete()
    }
}

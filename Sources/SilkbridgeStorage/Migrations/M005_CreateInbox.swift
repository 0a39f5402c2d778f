import FluentKit
import SQLKit

/// Notices about interests and each person's reading position.
struct M005_CreateInbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices")
            .id()
            .field("organization_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("interest_id", .uuid, .required, .references("interests", "id", onDelete: .cascade))
            .field("opportunity_id", .uuid, .required)
            .field("actor_name", .string, .required)
            .field("at", .int64, .required)
            .create()
        try await database.schema("inbox_reads")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("read_until", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "notices_by_organization").on("notices").column("organization_id").column("at")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inbox_reads").delete()
        try await database.schema("notices").delete()
    }
}

import FluentKit
import SQLKit

/// Notices of coming expiry: the expiry each opportunity's owners were last told of, and notices that concern an
/// opportunity rather than an interest (so `notices.interest_id` may be empty).
struct M010_ExpiryNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opportunities").field("expiry_notice_for", .int64).update()
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            // SQLite cannot drop NOT NULL from a column; the table is copied into one without it. Nothing
            // references `notices`, so dropping the old table is safe.
            try await database.schema("notices_new")
                .id()
                .field("organization_id", .uuid, .required)
                .field("kind", .string, .required)
                .field("interest_id", .uuid, .references("interests", "id", onDelete: .cascade))
                .field("opportunity_id", .uuid, .required)
                .field("actor_name", .string, .required)
                .field("at", .int64, .required)
                .create()
            try await sql.raw(
                """
                INSERT INTO notices_new (id, organization_id, kind, interest_id, opportunity_id, actor_name, at)
                SELECT id, organization_id, kind, interest_id, opportunity_id, actor_name, at FROM notices
                """
            ).run()
            try await database.schema("notices").delete()
            try await sql.raw("ALTER TABLE notices_new RENAME TO notices").run()
            try await sql.create(index: "notices_by_organization").on("notices").column("organization_id")
                .column("at").run()
        } else {
            try await sql.raw("ALTER TABLE notices ALTER COLUMN interest_id DROP NOT NULL").run()
        }
        try await sql.create(index: "opportunities_by_expiry").on("opportunities").column("state")
            .column("expires_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // Notices of expiry concern no interest, so they go; the column stays nullable, as SQLite cannot tighten it
        // in place and an empty column breaks nothing.
        try await sql.delete(from: "notices").where("interest_id", .is, SQLLiteral.null).run()
        try await sql.drop(index: "opportunities_by_expiry").run()
        try await database.schema("opportunities").deleteField("expiry_notice_for").update()
    }
}

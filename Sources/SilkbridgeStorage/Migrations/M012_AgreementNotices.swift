import FluentKit
import SQLKit

/// Notices about agreements: they name an agreement and no opportunity, so `notices.opportunity_id` may be empty.
struct M012_AgreementNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            // SQLite cannot drop NOT NULL from a column; the table is copied into one without it. Nothing
            // references `notices`, so dropping the old table is safe.
            try await database.schema("notices_new")
                .id()
                .field("organization_id", .uuid, .required)
                .field("kind", .string, .required)
                .field("interest_id", .uuid, .references("interests", "id", onDelete: .cascade))
                .field("opportunity_id", .uuid)
                .field("agreement_id", .uuid, .references("agreements", "id", onDelete: .cascade))
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
            try await sql.raw("ALTER TABLE notices ALTER COLUMN opportunity_id DROP NOT NULL").run()
            try await database.schema("notices")
                .field("agreement_id", .uuid, .references("agreements", "id", onDelete: .cascade)).update()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // Notices about agreements concern no opportunity, so they go; the columns stay, as SQLite cannot tighten
        // or drop them in place and empty ones break nothing.
        try await sql.delete(from: "notices").where("opportunity_id", .is, SQLLiteral.null)
            .where("interest_id", .is, SQLLiteral.null).run()
    }
}

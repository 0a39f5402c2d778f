import FluentKit
import SQLKit

/// Mail: the outbox every process sends from, the single-use links that mails carry, and when an account's
/// address was verified. Accounts that exist already start unverified: nothing showed that their addresses
/// are theirs. Times are integer microseconds.
struct M017_CreateMail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts").field("email_verified_at", .int64).update()
        try await database.schema("mail_outbox")
            .id()
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("recipient_name", .string)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string)
            .field("created_at", .int64, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .int64)
            .field("last_error", .string)
            .field("sent_at", .int64)
            .create()
        try await database.schema("email_links")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("email", .string, .required)
            // SHA-256 of the secret, as for access tokens: a copy of the database opens no link.
            .field("digest", .string, .required)
            .field("created_at", .int64, .required)
            .field("expires_at", .int64, .required)
            .field("used_at", .int64)
            .unique(on: "digest")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "mail_outbox_due").on("mail_outbox").column("state").column("next_attempt_at")
            .run()
        try await sql.create(index: "mail_outbox_by_time").on("mail_outbox").column("created_at").run()
        try await sql.create(index: "email_links_by_account").on("email_links").column("account_id")
            .column("purpose").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("email_links").delete()
        try await database.schema("mail_outbox").delete()
        try await database.schema("accounts").deleteField("email_verified_at").update()
    }
}

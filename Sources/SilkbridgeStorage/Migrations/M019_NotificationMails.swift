import FluentKit
import SQLKit

/// Notices by mail: each person's settings, the notices waiting for someone's digest, which notices a mailing
/// round has taken, the unsubscribe link a mail carries in its headers, and the occasions reminded of (with the
/// index that finds unanswered interests by reply-by date). Notices stored before count as mailed: nobody asked
/// to hear of them by mail.
struct M019_NotificationMails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices").field("mailed_at", .int64).update()
        let sql = database as! any SQLDatabase
        try await sql.update("notices").set("mailed_at", to: SQLColumn("at")).run()
        try await sql.create(index: "notices_unmailed").on("notices").column("mailed_at").column("at").run()
        try await database.schema("notification_settings")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            // "kind=mailing" pairs for the kinds the person chose, comma-separated.
            .field("choices", .string, .required)
            .field("time_zone", .string, .required)
            .field("unsubscribe_key", .string, .required)
            .field("last_digest_day", .string)
            .unique(on: "unsubscribe_key")
            .create()
        try await database.schema("digest_items")
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("notice_id", .uuid, .required, .references("notices", "id", onDelete: .cascade))
            .field("at", .int64, .required)
            .compositeIdentifier(over: "account_id", "notice_id")
            .create()
        try await database.schema("mail_outbox").field("list_unsubscribe", .string).update()
        // One row per reminder sent; its key names the occasion, so a second process's insert is the refusal.
        try await database.schema("reminders")
            .field("occasion", .string, .identifier(auto: false))
            .field("at", .int64, .required)
            .create()
        try await sql.create(index: "interests_awaiting_reply").on("interests").column("state").column("reply_by").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "interests_awaiting_reply").run()
        try await database.schema("reminders").delete()
        try await database.schema("mail_outbox").deleteField("list_unsubscribe").update()
        try await database.schema("digest_items").delete()
        try await database.schema("notification_settings").delete()
        try await sql.drop(index: "notices_unmailed").run()
        try await database.schema("notices").deleteField("mailed_at").update()
    }
}

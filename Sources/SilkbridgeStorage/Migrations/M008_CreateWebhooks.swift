import FluentKit
import SQLKit

/// Outgoing webhooks, the deliveries of notices to them and every try.
struct M008_CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("webhooks")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("kinds", .string, .required)
            .field("created_at", .int64, .required)
            .create()
        try await database.schema("webhook_deliveries")
            .id()
            .field("webhook_id", .uuid, .required, .references("webhooks", "id", onDelete: .cascade))
            .field("notice_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .int64, .required)
            .field("state", .string, .required)
            .field("next_attempt_at", .int64)
            .create()
        try await database.schema("webhook_attempts")
            .id()
            .field("delivery_id", .uuid, .required, .references("webhook_deliveries", "id", onDelete: .cascade))
            .field("at", .int64, .required)
            .field("status_code", .int)
            .field("error", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "webhooks_by_organization").on("webhooks").column("organization_id").run()
        try await sql.create(index: "webhook_deliveries_due").on("webhook_deliveries").column("state")
            .column("next_attempt_at").run()
        try await sql.create(index: "webhook_deliveries_by_webhook").on("webhook_deliveries").column("webhook_id")
            .column("created_at").run()
        try await sql.create(index: "webhook_attempts_by_delivery").on("webhook_attempts").column("delivery_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_attempts").delete()
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhooks").delete()
    }
}

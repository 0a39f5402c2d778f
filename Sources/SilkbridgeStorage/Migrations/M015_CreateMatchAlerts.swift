import FluentKit
import SQLKit

/// Alerts on new suggested partners, the partners each organisation was told of, and an index that lets
/// matching read only the interests changed since it last looked.
struct M015_CreateMatchAlerts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("match_alerts")
            .field(
                "organization_id", .uuid, .identifier(auto: false),
                .references("organizations", "id", onDelete: .cascade)
            )
            .field("minimum_score", .double, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .int64, .required)
            .create()
        try await database.schema("match_alert_partners")
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("partner_id", .uuid, .required)
            .field("at", .int64, .required)
            .compositeIdentifier(over: "organization_id", "partner_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "interests_by_change").on("interests").column("updated_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "interests_by_change").run()
        try await database.schema("match_alert_partners").delete()
        try await database.schema("match_alerts").delete()
    }
}

import FluentKit
import SQLKit

/// Organisation signing keys, registered and revoked through the trust ledger.
struct M007_CreateOrganizationKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organization_keys")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("verifier_key", .string, .required)
            .field("key_id", .string, .required)
            .field("public_key", .data, .required)
            .field("created_at", .datetime, .required)
            .field("registration_index", .int64, .required)
            .field("revoked_at", .datetime)
            .field("revocation_index", .int64)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organization_keys_by_organization").on("organization_keys")
            .column("organization_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organization_keys").delete()
    }
}

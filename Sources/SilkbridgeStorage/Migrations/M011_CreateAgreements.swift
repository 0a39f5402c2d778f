import FluentKit
import SQLKit

/// Agreements, stored whole as JSON beside the columns they are found by, the parties for "agreements of this
/// organisation", and who may sign for which organisation.
struct M011_CreateAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agreements")
            .id()
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("revision", .int64, .required)
            .field("updated_at", .datetime, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("agreement_parties")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .unique(on: "agreement_id", "organization_id")
            .create()
        try await database.schema("signatories")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .unique(on: "organization_id", "account_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "agreements_by_state").on("agreements").column("state").column("updated_at").run()
        try await sql.create(index: "agreement_parties_by_organization").on("agreement_parties")
            .column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("signatories").delete()
        try await database.schema("agreement_parties").delete()
        try await database.schema("agreements").delete()
    }
}

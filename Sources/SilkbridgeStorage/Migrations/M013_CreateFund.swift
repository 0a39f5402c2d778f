import FluentKit
import SQLKit

/// The joint investment fund: funds, contributors, projects, commitments and cash flows, each stored whole as
/// JSON (amounts as decimal strings) beside the columns it is found by, with its amounts also as integer minor
/// units, exact on SQLite and PostgreSQL alike; and the ECB reference rates, one row per publication day.
///
/// Contributors and funds name organisations without a foreign key, like the audit trail: the books of a fund
/// outlive an organisation leaving the directory, and keep its name as it was.
struct M013_CreateFund: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("funds")
            .id()
            .field("manager_organization_id", .uuid, .required)
            .field("reporting_currency", .string, .required)
            .field("revision", .int64, .required)
            .field("updated_at", .datetime, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("fund_contributors")
            .id()
            .field("fund_id", .uuid, .required, .references("funds", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required)
            .field("pledge_minor", .int64, .required)
            .field("pledge_currency", .string, .required)
            .field("document", .string, .required)
            .unique(on: "fund_id", "organization_id")
            .create()
        try await database.schema("fund_projects")
            .id()
            .field("fund_id", .uuid, .required, .references("funds", "id", onDelete: .cascade))
            .field("stage", .string, .required)
            .field("requested_minor", .int64, .required)
            .field("requested_currency", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("fund_commitments")
            .id()
            .field("fund_id", .uuid, .required, .references("funds", "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references("fund_projects", "id", onDelete: .cascade))
            .field("contributor_id", .uuid, .required, .references("fund_contributors", "id", onDelete: .cascade))
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("day", .string, .required)
            .field("fund_amount_minor", .int64, .required)
            .field("ledger_index", .int64)
            .field("document", .string, .required)
            .create()
        try await database.schema("fund_cash_flows")
            .id()
            .field("fund_id", .uuid, .required, .references("funds", "id", onDelete: .cascade))
            .field("commitment_id", .uuid, .required, .references("fund_commitments", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("day", .string, .required)
            .field("fund_amount_minor", .int64, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("exchange_rates")
            .field("day", .string, .identifier(auto: false))
            .field("rates", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        for table in ["fund_contributors", "fund_projects", "fund_commitments", "fund_cash_flows"] {
            try await sql.create(index: "\(table)_by_fund").on(table).column("fund_id").run()
        }
        try await sql.create(index: "fund_contributors_by_organization").on("fund_contributors")
            .column("organization_id").run()
        try await sql.create(index: "funds_by_manager").on("funds").column("manager_organization_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in [
            "exchange_rates", "fund_cash_flows", "fund_commitments", "fund_projects", "fund_contributors", "funds",
        ] {
            try await database.schema(table).delete()
        }
    }
}

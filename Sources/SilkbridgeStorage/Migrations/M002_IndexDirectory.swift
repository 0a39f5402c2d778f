import FluentKit
import SQLKit

/// The indexes the directory's lists and look-ups walk.
struct M002_IndexDirectory: AsyncMigration {
    private static let indexes: [(name: String, table: String, columns: [String])] = [
        ("organizations_by_name", "organizations", ["sort_name", "id"]),
        ("memberships_by_account", "memberships", ["account_id"]),
        ("tokens_by_account", "tokens", ["account_id"]),
        ("audit_by_organization", "audit_events", ["organization_id", "at"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}

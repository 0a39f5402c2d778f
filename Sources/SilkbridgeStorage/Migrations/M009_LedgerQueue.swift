import FluentKit
import SQLKit

/// Entries handed in by processes that do not sequence the ledger, waiting for the sequencer to give them an
/// index; `idx` is set in the same transaction that stores the entry. Key registrations are likewise recorded
/// with their ledger entry before it is appended, so they gain the column holding it until the index is known.
struct M009_LedgerQueue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(table: "ledger_queue")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("entry", type: .blob, .notNull)
            .column("idx", type: .bigint)
            .column("queued_at", type: .bigint, .notNull)
            .run()
        try await database.schema("organization_keys").field("registration_entry", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organization_keys").deleteField("registration_entry").update()
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "ledger_queue").run()
    }
}

import FluentKit
import SQLKit

/// The trust ledger: its entries, its tiles and entry bundles (one row per tile position, holding the widest
/// version written), and every checkpoint it published.
struct M006_CreateLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(table: "ledger_entries")
            .column("idx", type: .bigint, .primaryKey(autoIncrement: false))
            .column("entry", type: .blob, .notNull)
            .run()
        // Level -1 holds entry bundles; levels 0… hold hash tiles.
        try await sql.create(table: "ledger_tiles")
            .column("tile_level", type: .int, .notNull)
            .column("tile_index", type: .bigint, .notNull)
            .column("width", type: .int, .notNull)
            .column("data", type: .blob, .notNull)
            .primaryKey("tile_level", "tile_index")
            .run()
        try await sql.create(table: "ledger_checkpoints")
            .column("size", type: .bigint, .primaryKey(autoIncrement: false))
            .column("note", type: .blob, .notNull)
            .column("published_at", type: .bigint, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["ledger_checkpoints", "ledger_tiles", "ledger_entries"] {
            try await sql.drop(table: table).run()
        }
    }
}

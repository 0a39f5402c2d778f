import FluentKit
import Foundation
import SQLKit
import TrustLedger

/// The trust ledger in the SQL database: each batch of entries, its tiles and its checkpoint are written in one
/// transaction, so an acknowledged append survives a crash and a half-written batch never becomes visible.
public struct SQLLedgerStorage: LedgerStorage {
    let database: any Database
    /// On PostgreSQL, the advisory lock that serialises appends across processes sharing the schema, whatever
    /// the sequencer lease says; nil on SQLite, whose writes are serial anyway.
    let appendLockKey: Int64?

    public func isTransient(_ error: any Error) -> Bool {
        TransientFailure.matches(error)
    }

    public func append(_ batch: LedgerBatch) async throws {
        if let key = appendLockKey {
            try await database.transaction { database in
                let sql = database as! any SQLDatabase
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: key))").run()
                try await Self.write(batch, sql)
            }
            return
        }
        // SQLite: BEGIN IMMEDIATE takes the write lock before the size is read, so no commit on another connection
        // can come between the check and the writes (a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT).
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                try await Self.write(batch, sql)
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    private static func write(_ batch: LedgerBatch, _ sql: any SQLDatabase) async throws {
        let stored = try await entryCount(sql)
        guard stored == batch.oldSize else {
            throw LedgerStorageError.sizeConflict(expected: batch.oldSize, actual: stored)
        }
        try await insertEntries(batch.entries, from: batch.oldSize, sql)
        // Queued submissions get their indices in this same transaction: a sequencer that crashes after the
        // commit leaves them assigned, one that crashes before leaves them waiting, so none is appended twice.
        let submissions = batch.submissionIDs.enumerated().compactMap { offset, id in
            id.map { (id: $0, index: Int64(batch.oldSize) + Int64(offset)) }
        }
        if !submissions.isEmpty { try await SQLLedgerQueue.assign(submissions, sql) }
        try await upsertTiles(batch.tiles, sql)
        try await sql.insert(into: "ledger_checkpoints")
            .columns("size", "note", "published_at")
            .values(Int64(batch.newSize), batch.checkpoint, Int64(Date().timeIntervalSince1970))
            .run()
    }

    public func readEntries(_ range: Range<UInt64>) async throws -> [Data] {
        guard !range.isEmpty else { return [] }
        let sql = database as! any SQLDatabase
        let rows = try await sql.select().columns("idx", "entry").from("ledger_entries")
            .where("idx", .greaterThanOrEqual, Int64(range.lowerBound))
            .where("idx", .lessThan, Int64(clamping: range.upperBound))
            .orderBy("idx")
            .all()
        var entries: [Data] = []
        for row in rows {
            // A gap is the end of what can be read in order.
            guard try row.decode(column: "idx", as: Int64.self) == Int64(range.lowerBound) + Int64(entries.count)
            else { break }
            entries.append(try row.decode(column: "entry", as: Data.self))
        }
        return entries
    }

    /// Returns the tile at the requested width: the stored row holds the widest version written, and every
    /// narrower version of a tile is a prefix of it.
    public func readTile(_ id: TileID) async throws -> Data? {
        let sql = database as! any SQLDatabase
        guard
            let row = try await sql.select().columns("width", "data").from("ledger_tiles")
                .where("tile_level", .equal, Self.level(of: id))
                .where("tile_index", .equal, Int64(clamping: id.index))
                .first()
        else { return nil }
        let width = try row.decode(column: "width", as: Int.self)
        let data = try row.decode(column: "data", as: Data.self)
        if width == id.width { return data }
        guard width > id.width else { return nil }
        return Self.prefix(of: data, kind: id.kind, width: id.width)
    }

    public func latestCheckpoint() async throws -> Data? {
        let sql = database as! any SQLDatabase
        return try await sql.select().column("note").from("ledger_checkpoints")
            .orderBy("size", .descending).limit(1)
            .first()?.decode(column: "note", as: Data.self)
    }

    /// The checkpoint published at exactly this size, if any.
    public func checkpoint(size: UInt64) async throws -> Data? {
        let sql = database as! any SQLDatabase
        return try await sql.select().column("note").from("ledger_checkpoints")
            .where("size", .equal, Int64(clamping: size))
            .first()?.decode(column: "note", as: Data.self)
    }

    /// The index of the first stored entry with exactly these bytes; scans the log, for recovery only.
    public func index(of entry: Data) async throws -> UInt64? {
        let sql = database as! any SQLDatabase
        let row = try await sql.select().column("idx").from("ledger_entries").where("entry", .equal, entry)
            .orderBy("idx").limit(1).first()
        return try row.map { UInt64(try $0.decode(column: "idx", as: Int64.self)) }
    }

    /// The number of stored entries.
    public func entryCount() async throws -> UInt64 {
        try await Self.entryCount(database as! any SQLDatabase)
    }

    private static func entryCount(_ sql: any SQLDatabase) async throws -> UInt64 {
        let row = try await sql.raw("SELECT MAX(idx) AS last FROM ledger_entries").first()
        guard let last = try row?.decode(column: "last", as: Int64?.self) else { return 0 }
        return UInt64(last) + 1
    }

    // Bounded so one statement stays below every database's limit on bound parameters.
    private static let rowsPerStatement = 400

    private static func insertEntries(_ entries: [Data], from start: UInt64, _ sql: any SQLDatabase) async throws {
        for chunkStart in stride(from: 0, to: entries.count, by: rowsPerStatement) {
            let chunk = entries[chunkStart..<min(chunkStart + rowsPerStatement, entries.count)]
            var insert = sql.insert(into: "ledger_entries").columns("idx", "entry")
            for (offset, entry) in zip(chunk.indices, chunk) {
                insert = insert.values(Int64(start) + Int64(offset), entry)
            }
            try await insert.run()
        }
    }

    private static func upsertTiles(_ tiles: [TileID: Data], _ sql: any SQLDatabase) async throws {
        let rows = tiles.sorted { ($0.key.index, level(of: $0.key)) < ($1.key.index, level(of: $1.key)) }
        for chunkStart in stride(from: 0, to: rows.count, by: rowsPerStatement / 2) {
            var insert = sql.insert(into: "ledger_tiles").columns("tile_level", "tile_index", "width", "data")
            for (id, data) in rows[chunkStart..<min(chunkStart + rowsPerStatement / 2, rows.count)] {
                insert = insert.values(level(of: id), Int64(clamping: id.index), id.width, data)
            }
            try await insert.onConflict(with: ["tile_level", "tile_index"]) {
                $0.set(excludedValueOf: "width").set(excludedValueOf: "data")
            }.run()
        }
    }

    static func level(of id: TileID) -> Int {
        switch id.kind {
        case .hashes(let level): level
        case .entries: -1
        }
    }

    /// The first `width` hashes or entries; bytes that do not parse are returned whole, for the integrity check
    /// to report.
    static func prefix(of data: Data, kind: TileID.Kind, width: Int) -> Data {
        switch kind {
        case .hashes:
            return data.prefix(width * MerkleHash.size)
        case .entries:
            guard let bundle = try? EntryBundle(data: data), bundle.entries.count >= width,
                let prefix = try? EntryBundle(entries: Array(bundle.entries.prefix(width)))
            else { return data }
            return prefix.data
        }
    }
}

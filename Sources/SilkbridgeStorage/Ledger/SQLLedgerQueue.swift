import FluentKit
import Foundation
import SQLKit

/// The queue through which processes that do not hold the sequencer lease hand entries to the one that does.
/// A submission gets its index in the transaction that stores its entry (see `SQLLedgerStorage`), so the index
/// a submitter reads is durable, and a sequencer that takes over after a crash sees exactly the submissions
/// still waiting.
public struct SQLLedgerQueue: Sendable {
    let database: any Database

    /// One waiting submission.
    public struct Submission: Sendable {
        public let id: Int64
        public let entry: Data
    }

    /// Queues an entry and returns its submission identifier.
    public func submit(_ entry: Data) async throws -> Int64 {
        let sql = database as! any SQLDatabase
        let row = try await sql.insert(into: "ledger_queue")
            .columns("entry", "queued_at")
            .values(entry, Int64(Date().timeIntervalSince1970))
            .returning("id")
            .first()
        return try row!.decode(column: "id", as: Int64.self)
    }

    /// Where a submission stands.
    public enum State: Sendable, Hashable {
        case waiting
        case stored(index: UInt64)
        /// Acknowledged and forgotten.
        case removed
    }

    public func state(of id: Int64) async throws -> State {
        let sql = database as! any SQLDatabase
        guard let row = try await sql.select().column("idx").from("ledger_queue").where("id", .equal, id).first()
        else { return .removed }
        return try row.decode(column: "idx", as: Int64?.self).map { .stored(index: UInt64($0)) } ?? .waiting
    }

    /// The oldest submission of exactly this entry still in the queue, if any.
    public func submission(of entry: Data) async throws -> Int64? {
        let sql = database as! any SQLDatabase
        return try await sql.select().column("id").from("ledger_queue").where("entry", .equal, entry)
            .orderBy("id").limit(1).first()?.decode(column: "id", as: Int64.self)
    }

    /// Forgets an acknowledged submission.
    public func remove(_ id: Int64) async throws {
        let sql = database as! any SQLDatabase
        try await sql.delete(from: "ledger_queue").where("id", .equal, id).run()
    }

    /// The oldest submissions still waiting for an index.
    public func waiting(limit: Int) async throws -> [Submission] {
        let sql = database as! any SQLDatabase
        return try await sql.select().columns("id", "entry").from("ledger_queue")
            .where(SQLColumn("idx"), .is, SQLLiteral.null)
            .orderBy("id").limit(limit)
            .all()
            .map {
                Submission(
                    id: try $0.decode(column: "id", as: Int64.self),
                    entry: try $0.decode(column: "entry", as: Data.self))
            }
    }

    /// Gives the submissions of a batch their indices; part of the batch's transaction. Throws unless every one of
    /// them was still waiting, so a submission already integrated by an earlier sequencer rolls the batch back.
    static func assign(_ batch: [(id: Int64, index: Int64)], _ sql: any SQLDatabase) async throws {
        for chunkStart in stride(from: 0, to: batch.count, by: rowsPerStatement) {
            let chunk = batch[chunkStart..<min(chunkStart + rowsPerStatement, batch.count)]
            let cases = chunk.map { "WHEN \(bind: $0.id) THEN \(bind: $0.index)" as SQLQueryString }.joined(
                separator: " ")
            let ids = chunk.map { $0.id as any Encodable & Sendable }
            let updated = try await sql.raw(
                "UPDATE ledger_queue SET idx = CASE id \(cases) END WHERE idx IS NULL AND id IN (\(binds: ids)) RETURNING id"
            ).all()
            guard updated.count == chunk.count else {
                throw LedgerQueueError.submissionNotWaiting(chunk.map(\.id))
            }
        }
    }

    // Three bound parameters per submission, within every database's limit.
    private static let rowsPerStatement = 200
}

/// Why the queue refuses to assign indices.
public enum LedgerQueueError: Error, Hashable, Sendable {
    /// One of these submissions was already given an index, or withdrawn.
    case submissionNotWaiting([Int64])
}

extension SilkbridgeDatabase {
    /// The ledger's submission queue; nil on SQLite, where the one process always sequences.
    public var ledgerQueue: SQLLedgerQueue? {
        guard case .postgres = location else { return nil }
        return SQLLedgerQueue(database: database)
    }
}

import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix

/// The right to sequence the ledger. On PostgreSQL it is a session advisory lock held on a connection of its
/// own, so that of several server processes sharing one database exactly one appends, and another takes over
/// when it dies; on SQLite, one file for one process, it is always granted.
public final class SequencerLease: Sendable {
    private let connection: PostgresConnection?
    private let key: Int64
    private let logger: Logger

    init(connection: PostgresConnection?, key: Int64, logger: Logger) {
        self.connection = connection
        self.key = key
        self.logger = logger
    }

    /// Gives the lease back, so another process may sequence.
    public func release() async {
        guard let connection else { return }
        do {
            _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
            try await connection.close()
        } catch {
            logger.warning("closing the sequencer lease failed", metadata: ["error": "\(error)"])
        }
    }

    /// A 64-bit lock key for a name, stable across processes and releases (FNV-1a).
    static func lockKey(_ name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}

extension SilkbridgeDatabase {
    /// The ledger's storage in this database.
    public var ledger: SQLLedgerStorage {
        SQLLedgerStorage(database: database, appendLockKey: postgresLockKey("append"))
    }

    /// Takes the sequencer lease if no other process holds it, without waiting; nil if one does.
    public func tryAcquireSequencerLease() async throws -> SequencerLease? {
        guard case .postgres(let url, _) = location, let key = postgresLockKey("sequencer") else {
            return SequencerLease(connection: nil, key: 0, logger: logger)
        }
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger
        ).get()
        do {
            var locked = false
            for try await value in try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
                .decode(Bool.self)
            {
                locked = value
            }
            guard locked else {
                try await connection.close()
                return nil
            }
            return SequencerLease(connection: connection, key: key, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Advisory locks are per database, so the key names the schema: installations sharing a database in
    /// separate schemas keep separate ledgers.
    private func postgresLockKey(_ purpose: String) -> Int64? {
        guard case .postgres(_, let schema) = location else { return nil }
        return SequencerLease.lockKey("silkbridge.ledger.\(purpose).\(schema ?? "public")")
    }
}

import FluentKit
import Foundation
import Logging
import SQLKit
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing
import TrustLedger

@testable import SilkbridgeStorage

/// The ledger on a real database whose connections run out: a wait that times out is retried, never fatal.
@Suite(.timeLimit(.minutes(10))) struct LedgerUnderLoadTests {
    let signer = try! Ed25519NoteSigner.generate(name: "silkbridge.test/load")

    /// SQLite has one writer connection; while the test holds it, the sequencer's wait for it times out (after
    /// 50 ms here), the sequencer says it is retrying, and once the connection is free the same batch is stored.
    @Test func aTimedOutPoolWaitLeavesTheLedgerRunningAndTheNextAppendSucceeds() async throws {
        try await TestDatabase.sqlite.withDatabase(pool: DatabasePool(timeout: .milliseconds(50))) { database in
            let failures = AsyncStream.makeStream(of: String.self)
            var configuration = SequencerConfiguration(origin: signer.name, maxBatchSize: 1)
            configuration.retryDelay = (.milliseconds(1), .milliseconds(20))
            configuration.onTransientFailure = { failures.continuation.yield(String(reflecting: $0)) }
            let sequencer = Sequencer(configuration: configuration, signer: signer, storage: database.ledger)
            try await sequencer.start()
            #expect(try await sequencer.append(Data("before".utf8)) == 0)

            let (holder, release) = await holdTheWriter(of: database) { database, work in
                try await database.withConnection { _ in await work() }
            }
            let during = Task { try await sequencer.append(Data("during".utf8)) }
            var failureSignal = failures.stream.makeAsyncIterator()
            let failure = try #require(await failureSignal.next())
            #expect(failure.contains("connectionRequestTimeout"), "\(failure)")
            guard case .retrying = await sequencer.health else {
                Issue.record("expected the sequencer to retry, found \(await sequencer.health)")
                return
            }
            release()
            try await holder.value

            #expect(try await during.value == 1)
            #expect(await sequencer.health == .running)
            #expect(try await sequencer.append(Data("after".utf8)) == 2)
            let report = try await LedgerIntegrityChecker(
                storage: database.ledger, logVerifier: signer.verifier, origin: signer.name
            ).check()
            #expect(report.isHealthy)
            #expect(try await database.ledger.readEntries(0..<5).count == 3)
        }
    }

    /// Plain reads go to read-only connections beside the writer, so they answer while a write transaction is
    /// open.
    @Test func readsAnswerWhileTheWriterIsBusy() async throws {
        try await TestDatabase.sqlite.withDatabase(pool: DatabasePool(timeout: .seconds(5))) { database in
            _ = try await database.accounts.create(Fixtures.account(), passwordHash: "x")
            let (holder, release) = await holdTheWriter(of: database) { database, work in
                try await database.transaction { _ in await work() }
            }
            #expect(try await database.directory.count() == 0)
            #expect(try await database.ledger.latestCheckpoint() == nil)
            release()
            try await holder.value
        }
    }

    /// Every PostgreSQL connection bounds its lock waits and ends a session left idle inside a transaction.
    @Test(.enabled(if: TestDatabase.available.contains(.postgres)))
    func postgresConnectionsBoundTheirWaits() async throws {
        try await TestDatabase.postgres.withDatabase { database in
            let sql = database.database as! any SQLDatabase
            for (setting, value) in [("lock_timeout", "20s"), ("idle_in_transaction_session_timeout", "1min")] {
                let row = try #require(try await sql.raw("SHOW \(unsafeRaw: setting)").first())
                #expect(try row.decode(column: setting, as: String.self) == value)
            }
        }
    }

    /// Holds SQLite's one writer connection (through `hold`) until the returned release is called; returns once
    /// it is held.
    private func holdTheWriter(
        of database: SilkbridgeDatabase,
        _ hold: @escaping @Sendable (any Database, @escaping @Sendable () async -> Void) async throws -> Void
    ) async -> (holder: Task<Void, any Error>, release: @Sendable () -> Void) {
        let held = AsyncStream.makeStream(of: Void.self)
        let release = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await hold(database.database) {
                held.continuation.yield()
                for await _ in release.stream {}
            }
        }
        var heldSignal = held.stream.makeAsyncIterator()
        _ = await heldSignal.next()
        return (holder, { release.continuation.finish() })
    }
}

import Foundation
import Logging
import SQLKit
import SilkbridgeTestSupport
import Testing
import TrustLedger

@testable import SilkbridgeStorage

@Suite(.timeLimit(.minutes(10))) struct LedgerStorageTests {
    let signer = try! Ed25519NoteSigner.generate(name: "silkbridge.test/ledger")

    func sequencer(_ storage: any LedgerStorage, batch: Int = 64) -> Sequencer {
        Sequencer(
            configuration: SequencerConfiguration(
                origin: signer.name, maxBatchSize: batch, maxBatchDelay: .milliseconds(5)),
            signer: signer, storage: storage)
    }

    /// Appends entries one batch at a time, so batch boundaries fall where the test wants them.
    func append(_ count: Int, startingAt first: Int, to sequencer: Sequencer) async throws {
        try await withThrowingTaskGroup(of: UInt64.self) { group in
            for value in first..<(first + count) {
                group.addTask { try await sequencer.append(Data("entry \(value)".utf8)) }
            }
            try await group.waitForAll()
        }
    }

    @Test(arguments: TestDatabase.available)
    func entriesTilesAndCheckpointsRoundTrip(database: TestDatabase) async throws {
        try await database.withDatabase { database in
            let storage = database.ledger
            let log = sequencer(storage)
            try await log.start()
            for (first, count) in [(0, 5), (5, 250), (255, 300), (555, 1)] {
                try await append(count, startingAt: first, to: log)
            }
            #expect(await log.size == 556)
            #expect(try await storage.entryCount() == 556)
            // Concurrent appenders get indices in whatever order they reach the sequencer.
            let entries = try await storage.readEntries(0..<600)
            #expect(entries.count == 556)
            #expect(Set(entries) == Set((0..<556).map { Data("entry \($0)".utf8) }))

            var tree = InMemoryMerkleTree()
            entries.forEach { tree.append(entry: $0) }
            let (checkpoint, _) = try Checkpoint.open(
                try #require(try await storage.latestCheckpoint()), verifiers: [signer.verifier])
            #expect(checkpoint.size == 556)
            #expect(checkpoint.rootHash == tree.rootHash)

            // The integrity check rebuilds every tile and bundle from the entries and compares bytes.
            let report = try await LedgerIntegrityChecker(
                storage: storage, logVerifier: signer.verifier, origin: signer.name
            ).check()
            #expect(report.isHealthy, "\(report.problems)")

            // Narrower versions of a tile, published at earlier sizes, are still served.
            let early = try #require(try await storage.readTile(TileID(level: 0, index: 0, width: 5)))
            #expect(early == Tile(hashes: entries.prefix(5).map(MerkleHash.leafHash)).data)
            let bundle = try #require(try await storage.readTile(TileID(kind: .entries, index: 2, width: 1)))
            #expect(try EntryBundle(data: bundle).entries == [entries[512]])
            #expect(try await storage.readTile(TileID(level: 0, index: 2, width: 200)) == nil)
            #expect(try await storage.readTile(TileID(level: 1, index: 0, width: 2)) != nil)
            #expect(try await storage.checkpoint(size: 5) != nil)
            #expect(try await storage.checkpoint(size: 6) == nil)

            // Proofs read from the stored tiles agree with a tree kept in memory.
            let hashes = TileHashReader(treeSize: 556, tiles: storage)
            #expect(
                try await InclusionProof.generate(index: 300, size: 556, reader: hashes)
                    == (try await InclusionProof.generate(index: 300, size: 556, reader: tree)))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBatchFromAStaleSizeIsRefusedWhole(database: TestDatabase) async throws {
        try await database.withDatabase { database in
            let storage = database.ledger
            try await sequencer(storage).start()
            let stale = LedgerBatch(
                oldSize: 3, entries: [Data("x".utf8)], leafHashes: [MerkleHash.leafHash(Data("x".utf8))],
                tiles: [:], checkpoint: Data("note".utf8))
            await #expect(throws: LedgerStorageError.sizeConflict(expected: 3, actual: 0)) {
                try await storage.append(stale)
            }
            #expect(try await storage.readEntries(0..<10).isEmpty)
            #expect(try await storage.entryCount() == 0)
        }
    }

    @Test func theLogSurvivesReopeningAndDamageIsFoundAtStart() async throws {
        let location = TestDatabase.sqlite.freshLocation()
        let first = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        try await first.migrate()
        let log = sequencer(first.ledger)
        try await log.start()
        try await append(40, startingAt: 0, to: log)
        await first.shutdown()

        let second = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        try await second.migrate()
        let reopened = sequencer(second.ledger)
        try await reopened.start()
        #expect(await reopened.size == 40)
        _ = try await reopened.append(Data("after reopening".utf8))

        let sql = second.database as! any SQLDatabase
        try await sql.raw("UPDATE ledger_tiles SET data = \(bind: Data(count: 64)) WHERE tile_level = 0").run()
        let report = try await LedgerIntegrityChecker(
            storage: second.ledger, logVerifier: signer.verifier, origin: signer.name
        ).check()
        #expect(report.problems.contains(.corruptTile(TileID(level: 0, index: 0, width: 41))))
        await #expect(throws: SequencerError.self) { try await sequencer(second.ledger).start() }
        await second.shutdown()
    }

    @Test(arguments: TestDatabase.available)
    func oneProcessAtATimeHoldsTheSequencerLease(database: TestDatabase) async throws {
        try await database.withDatabase { database in
            let lease = try #require(try await database.tryAcquireSequencerLease())
            let second = try await database.tryAcquireSequencerLease()
            if case .postgres = database.location {
                #expect(second == nil)
                await lease.release()
                let third = try #require(try await database.tryAcquireSequencerLease())
                await third.release()
            } else {
                #expect(second != nil)
            }
        }
    }

    /// A sequencer that read a submission from the queue before another stored it must not store it again.
    @Test(.enabled(if: TestDatabase.available.contains(.postgres)))
    func aQueuedSubmissionIsStoredOnceWhicheverSequencerHandsItIn() async throws {
        try await TestDatabase.postgres.withDatabase { database in
            let queue = try #require(database.ledgerQueue)
            let entry = Data("queued".utf8)
            let id = try await queue.submit(entry)
            #expect(try await queue.waiting(limit: 10).map(\.id) == [id])

            let first = sequencer(database.ledger)
            try await first.start()
            let index = try await first.append(entry, submissionID: id)
            #expect(try await queue.state(of: id) == .stored(index: index))
            #expect(try await queue.waiting(limit: 10).isEmpty)

            let second = sequencer(database.ledger)
            try await second.start()
            await #expect(throws: SequencerError.self) { try await second.append(entry, submissionID: id) }
            #expect(try await database.ledger.entryCount() == 1)
            #expect(try await queue.state(of: id) == .stored(index: index))
        }
    }
}

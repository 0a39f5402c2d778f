import Foundation
import Logging
import SilkbridgeLedger
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing
import TrustLedger

@testable import SilkbridgeServer

/// Several server processes on one PostgreSQL database: one sequences, the others queue their entries; when the
/// sequencer goes away another takes over. (On SQLite one process owns the file, so there is nothing to share.)
@Suite(.enabled(if: TestDatabase.available.contains(.postgres)), .timeLimit(.minutes(5)))
struct LedgerQueueTests {
    /// Two ledger hosts, each with its own connections as separate processes would have; the first sequences.
    func withTwoHosts(
        _ log: LedgerTestLog,
        _ body: (_ sequencing: LedgerHost, _ queueing: LedgerHost, _ queue: SQLLedgerQueue) async throws -> Void
    ) async throws {
        let databases = try (0..<2).map { _ in
            try SilkbridgeDatabase(location: log.location, logger: Logger(label: "test"))
        }
        var hosts: [LedgerHost] = []
        do {
            for (database, name) in zip(databases, ["a", "b"]) {
                hosts.append(try await log.startedHost(on: database, name: name))
            }
            #expect(await hosts[0].appender.isSequencing)
            #expect(await !hosts[1].appender.isSequencing)
            try await body(hosts[0], hosts[1], try #require(databases[1].ledgerQueue))
        } catch {
            // Stopped on failure too: a lease dropped without closing its connection would crash the test process
            // instead of reporting the failure.
            for host in hosts { await host.appender.stop() }
            for database in databases { await database.shutdown() }
            throw error
        }
        for host in hosts { await host.appender.stop() }
        for database in databases { await database.shutdown() }
    }

    func entry(_ name: String, _ number: Int) -> Data {
        Data(#"{"type":"test.queued","from":"\#(name)","n":\#(number)}"#.utf8)
    }

    /// Appends concurrently and returns each entry's index.
    func append(_ entries: [Data], to host: LedgerHost) async throws -> [Data: UInt64] {
        try await withThrowingTaskGroup(of: (Data, UInt64).self) { group in
            for entry in entries { group.addTask { (entry, try await host.append(entry)) } }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }

    /// Reads each entry back from `host` and checks its inclusion proof against the signed checkpoint.
    func expectStoredWithProofs(_ indices: [Data: UInt64], in host: LedgerHost, log: LedgerTestLog) async throws {
        for (entry, index) in indices {
            let stored = try await host.entry(at: index)
            #expect(stored.entry == entry)
            _ = try Checkpoint.open(stored.note, verifiers: [log.signer.verifier])
            try InclusionProof.verify(
                index: index, size: stored.checkpoint.size, leafHash: MerkleHash.leafHash(entry),
                proof: stored.proof, root: stored.checkpoint.rootHash)
        }
    }

    @Test func everyProcessAppendsAndEachEntryGetsOneIndex() async throws {
        let log = try await LedgerTestLog(.postgres, entries: 10)
        try await withTwoHosts(log) { sequencing, queueing, _ in
            async let direct = append((0..<40).map { entry("sequencer", $0) }, to: sequencing)
            async let queued = append((0..<40).map { entry("queue", $0) }, to: queueing)
            let (fromSequencer, fromQueue) = try await (direct, queued)

            let indices = Array(fromSequencer.values) + Array(fromQueue.values)
            #expect(Set(indices) == Set(10..<90))
            try await expectStoredWithProofs(fromQueue, in: queueing, log: log)
            #expect(try await queueing.storage.entryCount() == 90)
            #expect(try await queueing.latest().checkpoint.size == 90)
        }
    }

    @Test func whenTheSequencerStopsAnotherProcessTakesOverAndDrainsTheQueue() async throws {
        let log = try await LedgerTestLog(.postgres, entries: 10)
        try await withTwoHosts(log) { sequencing, queueing, queue in
            _ = try await append([entry("before", 0)], to: queueing)
            await sequencing.appender.stop()
            // Left in the queue by a process that died while waiting: nobody waits for them, yet they are stored.
            var orphans: [Int64: Data] = [:]
            for number in 0..<5 {
                orphans[try await queue.submit(entry("orphan", number))] = entry("orphan", number)
            }

            let waiting = try await append((0..<20).map { entry("after", $0) }, to: queueing)

            #expect(await queueing.appender.isSequencing)
            #expect(Set(waiting.values).isSubset(of: Set(11..<36)))
            try await expectStoredWithProofs(waiting, in: queueing, log: log)
            var orphanIndices: [Data: UInt64] = [:]
            for (id, entry) in orphans {
                orphanIndices[entry] = try await waitForIndex(of: id, in: queue)
            }
            try await expectStoredWithProofs(orphanIndices, in: queueing, log: log)
            let stored = try await queueing.storage.readEntries(0..<100)
            #expect(stored.count == 36)
            #expect(Set(stored).count == 36, "no entry is stored twice")
        }
    }

    func waitForIndex(of id: Int64, in queue: SQLLedgerQueue) async throws -> UInt64 {
        while true {
            if case .stored(let index) = try await queue.state(of: id) { return index }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

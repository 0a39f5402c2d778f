import Crypto
import Foundation
import Testing
import TrustLedger

@Suite struct SequencerTests {
    let signer = try! Ed25519NoteSigner.generate(name: "log.example/seq")

    func configuration(batch: Int, delay: Duration = .milliseconds(20)) -> SequencerConfiguration {
        SequencerConfiguration(
            origin: signer.name, maxBatchSize: batch, maxBatchDelay: delay, witnessTimeout: .milliseconds(300))
    }

    @Test func concurrentAppendersGetDistinctPersistedIndices() async throws {
        let storage = ObservedStorage()
        let sequencer = Sequencer(configuration: configuration(batch: 16), signer: signer, storage: storage)
        try await sequencer.start()
        let count = 300
        let results = try await withThrowingTaskGroup(of: (UInt64, Data, Bool).self) { group in
            for value in 0..<count {
                group.addTask {
                    let entry = Data("concurrent \(value)".utf8)
                    let index = try await sequencer.append(entry)
                    // Checked the moment the index comes back: the entry must already be stored.
                    let stored = try await storage.readEntries(index..<(index + 1))
                    let note = try await storage.latestCheckpoint()!
                    let checkpoint = try Checkpoint(text: try SignedNote(parsing: note).text)
                    return (index, entry, stored == [entry] && checkpoint.size > index)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.2 })
        #expect(results.map(\.0).sorted() == (0..<UInt64(count)).map { $0 })
        let batches = await storage.committedBatchSizes
        #expect(batches.first == 0)
        #expect(batches.dropFirst().allSatisfy { (1...16).contains($0) })
        #expect(batches.reduce(0, +) == count)
        #expect(await sequencer.size == UInt64(count))

        var tree = InMemoryMerkleTree()
        for (_, entry, _) in results.sorted(by: { $0.0 < $1.0 }) { tree.append(entry: entry) }
        let (checkpoint, _) = try Checkpoint.open(
            try await storage.latestCheckpoint()!, verifiers: [signer.verifier])
        #expect(checkpoint.size == UInt64(count))
        #expect(checkpoint.rootHash == tree.rootHash)
        let report = try await LedgerIntegrityChecker(
            storage: storage, logVerifier: signer.verifier, origin: signer.name
        )
        .check()
        #expect(report.isHealthy)
    }

    @Test func appendReturnsOnlyAfterStorageCommits() async throws {
        let storage = ObservedStorage()
        let sequencer = Sequencer(configuration: configuration(batch: 1), signer: signer, storage: storage)
        try await sequencer.start()
        await storage.holdCommits()
        let finished = Flag()
        let append = Task {
            let index = try await sequencer.append(Data("held".utf8))
            await finished.set()
            return index
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(await !finished.value)
        #expect(try await storage.readEntries(0..<1).isEmpty)
        await storage.releaseCommits()
        #expect(try await append.value == 0)
        #expect(try await storage.readEntries(0..<1) == [Data("held".utf8)])
    }

    @Test func batchesFlushBySizeThenByDelay() async throws {
        let storage = ObservedStorage()
        let sequencer = Sequencer(
            configuration: configuration(batch: 4, delay: .milliseconds(200)), signer: signer, storage: storage)
        try await sequencer.start()
        let indices = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for value in 0..<10 {
                group.addTask { try await sequencer.append(Data("batched \(value)".utf8)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(indices.sorted() == Array(0..<10))
        // Two full batches by size; the last two can only have been committed by the delay.
        #expect(await storage.committedBatchSizes == [0, 4, 4, 2])
        #expect(try await sequencer.append(Data("alone".utf8)) == 10)
        #expect(await storage.committedBatchSizes == [0, 4, 4, 2, 1])
    }

    /// With no delay, a lone entry is stored at once, and the entries that arrive while a batch is being stored
    /// make up the next batches, up to the size limit.
    @Test func withoutADelayEntriesGoAtOnceAndBatchWhileTheSequencerIsBusy() async throws {
        let storage = ObservedStorage()
        let sequencer = Sequencer(
            configuration: configuration(batch: 4, delay: .zero), signer: signer, storage: storage)
        try await sequencer.start()
        #expect(try await sequencer.append(Data("alone".utf8)) == 0)
        #expect(await storage.committedBatchSizes == [0, 1])

        await storage.holdCommits()
        let first = Task { try await sequencer.append(Data("first".utf8)) }
        await storage.waitForHeldCommit()
        let others = Task {
            try await withThrowingTaskGroup(of: UInt64.self) { group in
                for value in 0..<6 { group.addTask { try await sequencer.append(Data("meanwhile \(value)".utf8)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        while await sequencer.queuedCount < 6 { await Task.yield() }
        await storage.releaseCommits()
        #expect(try await first.value == 1)
        #expect(try await others.value.sorted() == Array(2..<8))
        #expect(await storage.committedBatchSizes == [0, 1, 1, 4, 2])
    }

    /// The stuck witness never answers: only the witness timeout lets this test finish within its limit.
    @Test(.timeLimit(.minutes(1))) func witnessesCosignAndFailingOnesDoNotBlock() async throws {
        let storage = ObservedStorage()
        let goodSigner = try CosignatureSigner(name: "witness.example/good", privateKey: .init())
        let witnessState = InMemoryWitnessState()
        let good = Witness(cosigner: goodSigner, logs: [signer.name: [signer.verifier]], state: witnessState)
        let liar = try CosignatureSigner(name: "witness.example/liar", privateKey: .init())
        let endpoints = [
            WitnessEndpoint(client: LocalWitnessClient(witness: good), verifier: goodSigner.verifier),
            WitnessEndpoint(
                client: FailingWitnessClient(),
                verifier: try CosignatureSigner(name: "w.example/down", privateKey: .init()).verifier),
            WitnessEndpoint(
                client: HangingWitnessClient(),
                verifier: try CosignatureSigner(name: "w.example/stuck", privateKey: .init()).verifier),
            WitnessEndpoint(client: LyingWitnessClient(name: liar.name, keyID: liar.keyID), verifier: liar.verifier),
        ]
        let sequencer = Sequencer(
            configuration: configuration(batch: 5), signer: signer, storage: storage, witnesses: endpoints)
        try await sequencer.start()
        let policy = try WitnessPolicy(groups: [
            WitnessGroup(name: "main", threshold: 1, witnesses: [goodSigner.verifier])
        ])
        let verifier = LedgerVerifier(logVerifier: signer.verifier, policy: policy)

        for round in 0..<2 {
            let indices = try await withThrowingTaskGroup(of: UInt64.self) { group in
                for value in 0..<5 {
                    group.addTask { try await sequencer.append(Data("witnessed \(round) \(value)".utf8)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(indices.sorted() == (UInt64(round * 5)..<UInt64(round * 5 + 5)).map { $0 })
            let note = try await storage.latestCheckpoint()!
            let parsed = try SignedNote(parsing: note)
            #expect(parsed.signatures.map(\.name) == [signer.name, goodSigner.name])
            let report = verifier.verifyCheckpoint(note)
            #expect(report.isValid, "\(report.reasons)")
            #expect(await witnessState.latest(origin: signer.name)?.size == UInt64(round * 5 + 5))
        }

        // A witness that never saw the log is reached with a wrong old size first and learns it from the 409.
        let freshSigner = try CosignatureSigner(name: "witness.example/fresh", privateKey: .init())
        let fresh = Witness(
            cosigner: freshSigner, logs: [signer.name: [signer.verifier]], state: InMemoryWitnessState())
        let restarted = Sequencer(
            configuration: configuration(batch: 1), signer: signer, storage: storage,
            witnesses: [WitnessEndpoint(client: LocalWitnessClient(witness: fresh), verifier: freshSigner.verifier)])
        let report = try await restarted.start()
        #expect(report.checkpoint?.size == 10)
        #expect(try await restarted.append(Data("after restart".utf8)) == 10)
        let note = try await storage.latestCheckpoint()!
        #expect(try SignedNote(parsing: note).signatures.map(\.name) == [signer.name, freshSigner.name])
    }

    @Test func aPermanentStorageFailureHaltsTheSequencer() async throws {
        let storage = ObservedStorage()
        let sequencer = Sequencer(configuration: configuration(batch: 1), signer: signer, storage: storage)
        try await sequencer.start()
        #expect(try await sequencer.append(Data("ok".utf8)) == 0)
        await storage.failCommits(after: 2)
        await #expect(throws: SequencerError.self) { try await sequencer.append(Data("lost".utf8)) }
        await #expect(throws: SequencerError.self) { try await sequencer.append(Data("later".utf8)) }
        #expect(await sequencer.size == 1)
        guard case .halted(let reason) = await sequencer.health else {
            Issue.record("the sequencer did not halt")
            return
        }
        #expect(reason.contains("InjectedFailure"))
    }

    /// A started sequencer of one-entry batches that retries transient failures after a millisecond or a few.
    func retryingSequencer(on storage: ObservedStorage) async throws -> Sequencer {
        var configuration = configuration(batch: 1)
        configuration.retryDelay = (.milliseconds(1), .milliseconds(4))
        let sequencer = Sequencer(configuration: configuration, signer: signer, storage: storage)
        try await sequencer.start()
        return sequencer
    }

    @Test func transientStorageFailuresAreRetriedAndTheSequencerGoesOn() async throws {
        let storage = ObservedStorage()
        let sequencer = try await retryingSequencer(on: storage)
        #expect(try await sequencer.append(Data("first".utf8)) == 0)
        await storage.failTransiently(3)
        #expect(try await sequencer.append(Data("retried".utf8)) == 1)
        #expect(await sequencer.health == .running)
        #expect(try await sequencer.append(Data("after".utf8)) == 2)
        #expect(await storage.committedBatchSizes == [0, 1, 1, 1])
        let report = try await LedgerIntegrityChecker(
            storage: storage, logVerifier: signer.verifier, origin: signer.name
        ).check()
        #expect(report.isHealthy)
        #expect(report.checkpoint?.size == 3)
    }

    /// A commit that went through but whose answer was lost reads as a size conflict with the batch's own
    /// checkpoint on top: stored once, acknowledged, not halted.
    @Test func aStoredBatchWhoseAnswerWasLostIsAcknowledgedOnce() async throws {
        let storage = ObservedStorage()
        let sequencer = try await retryingSequencer(on: storage)
        await storage.failTransiently(1, afterStoring: true)
        #expect(try await sequencer.append(Data("stored, answer lost".utf8)) == 0)
        #expect(try await sequencer.append(Data("next".utf8)) == 1)
        #expect(await storage.committedBatchSizes == [0, 1, 1])
        #expect(try await storage.readEntries(0..<5) == [Data("stored, answer lost".utf8), Data("next".utf8)])
    }

    /// While a batch cannot be stored, the entries queued behind it are withdrawn at their deadline (not in the
    /// log), the one in the batch is unconfirmed, and once storage answers again the batch lands and appends go on.
    @Test(.timeLimit(.minutes(1))) func entriesPastTheirDeadlineAreWithdrawnOrUnconfirmed() async throws {
        let storage = ObservedStorage()
        var configuration = configuration(batch: 1)
        configuration.appendTimeout = .milliseconds(100)
        let sequencer = Sequencer(configuration: configuration, signer: signer, storage: storage)
        try await sequencer.start()
        await storage.holdCommits()
        let inBatch = Task { try await sequencer.append(Data("in the held batch".utf8)) }
        await storage.waitForHeldCommit()
        await #expect(throws: SequencerError.timedOut) { try await sequencer.append(Data("queued behind it".utf8)) }
        await #expect(throws: SequencerError.unconfirmed) { try await inBatch.value }
        await storage.releaseCommits()
        #expect(try await sequencer.append(Data("after".utf8)) == 1)
        #expect(try await storage.readEntries(0..<5) == [Data("in the held batch".utf8), Data("after".utf8)])
        #expect(await sequencer.health == .running)
    }

    @Test func appendsAreRefusedBeforeStartAndWhenTooLarge() async throws {
        let storage = InMemoryLedgerStorage()
        let sequencer = Sequencer(configuration: configuration(batch: 1), signer: signer, storage: storage)
        await #expect(throws: SequencerError.notStarted) { try await sequencer.append(Data()) }
        try await sequencer.start()
        await #expect(throws: SequencerError.alreadyStarted) { try await sequencer.start() }
        await #expect(throws: SequencerError.entryTooLarge(65_536)) { try await sequencer.append(Data(count: 65_536)) }
        #expect(try await sequencer.append(Data(count: 65_535)) == 0)
        let (checkpoint, _) = try Checkpoint.open(await storage.latestCheckpoint()!, verifiers: [signer.verifier])
        #expect(checkpoint.size == 1)
    }
}

@Suite struct InMemoryLedgerStorageTests {
    @Test func batchMustStartAtStoredSize() async throws {
        let storage = InMemoryLedgerStorage()
        let batch = LedgerBatch(
            oldSize: 0, entries: [Data("a".utf8)], leafHashes: [], tiles: [:], checkpoint: Data("c".utf8))
        try await storage.append(batch)
        await #expect(throws: LedgerStorageError.sizeConflict(expected: 0, actual: 1)) {
            try await storage.append(batch)
        }
        #expect(await storage.readEntries(0..<5) == [Data("a".utf8)])
        #expect(await storage.readEntries(3..<5).isEmpty)
        #expect(await storage.latestCheckpoint() == Data("c".utf8))
    }
}

actor Flag {
    private(set) var value = false

    func set() {
        value = true
    }
}

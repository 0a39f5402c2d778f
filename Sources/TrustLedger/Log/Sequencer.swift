import Foundation

/// Assigns indices to log entries in batches, extends the tiles, signs and witnesses a checkpoint per batch,
/// and acknowledges each entry only once its batch is durably stored.
public actor Sequencer {
    private struct PendingEntry {
        let entry: Data
        let submissionID: Int64?
        let continuation: CheckedContinuation<UInt64, any Error>
        let arrival: ContinuousClock.Instant
    }

    private enum State {
        case notStarted
        case starting
        case running
        case halted(String)
    }

    private let configuration: SequencerConfiguration
    private let signer: Ed25519NoteSigner
    private let storage: any LedgerStorage
    private let witnesses: [WitnessEndpoint]
    private var state = State.notStarted
    private var treeSize: UInt64 = 0
    // The size each witness last cosigned, when known, so requests carry the right old size.
    private var witnessSizes: [UInt64?]
    private var pending: [PendingEntry] = []
    private var isCommitting = false
    private var timerArmed = false

    /// Creates a sequencer; call `start()` before appending.
    public init(
        configuration: SequencerConfiguration, signer: Ed25519NoteSigner, storage: any LedgerStorage,
        witnesses: [WitnessEndpoint] = []
    ) {
        self.configuration = configuration
        self.signer = signer
        self.storage = storage
        self.witnesses = witnesses
        witnessSizes = Array(repeating: nil, count: witnesses.count)
    }

    /// The size of the last committed checkpoint.
    public var size: UInt64 {
        treeSize
    }

    /// Checks stored entries, tiles and checkpoint (as `configuration.startupCheck` says), then accepts appends; an empty log gets a size-0
    /// checkpoint. Throws `SequencerError.integrityCheckFailed` when storage is damaged.
    @discardableResult
    public func start() async throws -> IntegrityReport {
        guard case .notStarted = state else { throw SequencerError.alreadyStarted }
        // Marks the start as under way so a second call made while this one awaits storage is refused.
        state = .starting
        do {
            let checker = LedgerIntegrityChecker(
                storage: storage, logVerifier: signer.verifier, origin: configuration.origin)
            let report: IntegrityReport
            switch configuration.startupCheck {
            case .full: report = try await checker.check()
            case .rightEdge: report = try await checker.checkRightEdge()
            }
            guard report.isHealthy else { throw SequencerError.integrityCheckFailed(report) }
            if let checkpoint = report.checkpoint {
                treeSize = checkpoint.size
            } else {
                let checkpoint = try Checkpoint(origin: configuration.origin, size: 0, rootHash: MerkleHash.emptyRoot)
                let note = try SignedNote.sign(text: checkpoint.text, signers: [signer])
                try await storage.append(
                    LedgerBatch(oldSize: 0, entries: [], leafHashes: [], tiles: [:], checkpoint: note.serialized))
            }
            state = .running
            return report
        } catch {
            state = .notStarted
            throw error
        }
    }

    /// Queues an entry and returns its index once the batch holding it is durably stored; a `submissionID` is
    /// stored with the entry in the same transaction (see `LedgerBatch.submissionIDs`).
    public func append(_ entry: Data, submissionID: Int64? = nil) async throws -> UInt64 {
        guard entry.count <= EntryBundle.maxEntrySize else { throw SequencerError.entryTooLarge(entry.count) }
        try checkRunning()
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(
                PendingEntry(entry: entry, submissionID: submissionID, continuation: continuation, arrival: .now))
            if pending.count >= configuration.maxBatchSize {
                commitDueBatches()
            } else {
                armTimer()
            }
        }
    }

    private func checkRunning() throws {
        switch state {
        case .notStarted, .starting: throw SequencerError.notStarted
        case .halted(let reason): throw SequencerError.halted(reason)
        case .running: return
        }
    }

    private func armTimer() {
        guard !timerArmed, let first = pending.first else { return }
        timerArmed = true
        let deadline = first.arrival + configuration.maxBatchDelay
        Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            self.timerFired()
        }
    }

    private func timerFired() {
        timerArmed = false
        commitDueBatches()
        armTimer()
    }

    private func commitDueBatches() {
        guard !isCommitting else { return }
        isCommitting = true
        Task {
            while let batch = self.takeDueBatch() {
                await self.commit(batch)
            }
            self.finishCommitting()
        }
    }

    private func finishCommitting() {
        isCommitting = false
        armTimer()
    }

    private func takeDueBatch() -> [PendingEntry]? {
        guard let first = pending.first else { return nil }
        let isDue =
            pending.count >= configuration.maxBatchSize
            || ContinuousClock.now >= first.arrival + configuration.maxBatchDelay
        guard isDue else { return nil }
        let batch = Array(pending.prefix(configuration.maxBatchSize))
        pending.removeFirst(batch.count)
        return batch
    }

    private func commit(_ batch: [PendingEntry]) async {
        if case .halted(let reason) = state {
            batch.forEach { $0.continuation.resume(throwing: SequencerError.halted(reason)) }
            return
        }
        let oldSize = treeSize
        let prepared: LedgerBatch
        do {
            prepared = try await prepare(batch.map(\.entry), submissionIDs: batch.map(\.submissionID), oldSize: oldSize)
        } catch {
            batch.forEach { $0.continuation.resume(throwing: error) }
            return
        }
        do {
            try await storage.append(prepared)
        } catch {
            let reason = "storage failed to persist size \(prepared.newSize): \(error)"
            state = .halted(reason)
            (batch + pending).forEach { $0.continuation.resume(throwing: SequencerError.halted(reason)) }
            pending = []
            return
        }
        treeSize = prepared.newSize
        for (offset, item) in batch.enumerated() {
            item.continuation.resume(returning: oldSize + UInt64(offset))
        }
    }

    private func prepare(_ entries: [Data], submissionIDs: [Int64?], oldSize: UInt64) async throws -> LedgerBatch {
        let growth = try await TileGrowth.grow(from: oldSize, appending: entries, reader: storage)
        let hashes = TileHashReader(
            treeSize: growth.newSize, tiles: OverlayTileReader(tiles: growth.tiles, base: storage))
        let root = try await hashes.rootHash(size: growth.newSize)
        let checkpoint = try Checkpoint(origin: configuration.origin, size: growth.newSize, rootHash: root)
        var note = try SignedNote.sign(text: checkpoint.text, signers: [signer])
        note.signatures += await cosignatures(for: note, size: growth.newSize, oldSize: oldSize, hashes: hashes)
        return LedgerBatch(
            oldSize: oldSize, entries: entries, leafHashes: growth.leafHashes, tiles: growth.tiles,
            checkpoint: note.serialized, submissionIDs: submissionIDs)
    }

    private func cosignatures(
        for note: SignedNote, size: UInt64, oldSize: UInt64, hashes: TileHashReader
    ) async -> [NoteSignature] {
        let timeout = configuration.witnessTimeout
        let requests = witnesses.enumerated().map { position, endpoint in
            (
                position, witnessSizes[position] ?? oldSize,
                CosignatureRequest(endpoint: endpoint, note: note, checkpointSize: size, hashes: hashes)
            )
        }
        let outcomes = await withTaskGroup(of: (Int, CosignatureRequest.Outcome?).self) { group in
            for (position, assumed, request) in requests {
                group.addTask {
                    let outcome = try? await Deadline.run(within: timeout) {
                        try await request.run(assumingOldSize: assumed)
                    }
                    return (position, outcome)
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        var signatures: [NoteSignature] = []
        for position in witnesses.indices {
            guard let outcome = outcomes[position] ?? nil else { continue }
            if let witnessSize = outcome.witnessSize { witnessSizes[position] = witnessSize }
            signatures += outcome.signatures
        }
        return signatures
    }
}

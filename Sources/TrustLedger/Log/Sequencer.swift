import Foundation

/// Assigns indices to log entries in batches, extends the tiles, signs and witnesses a checkpoint per batch,
/// and acknowledges each entry only once its batch is durably stored.
public actor Sequencer {
    private struct PendingEntry {
        let id: UInt64
        let entry: Data
        let submissionID: Int64?
        let arrival: ContinuousClock.Instant
    }

    /// A caller waiting for its entry's index, and the timer that ends the wait at its deadline.
    private struct Waiter {
        let continuation: CheckedContinuation<UInt64, any Error>
        let deadline: Task<Void, Never>?
    }

    private enum State {
        case notStarted
        case starting
        case running
        case halted(String)
        case stopped
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
    private var waiters: [UInt64: Waiter] = [:]
    private var nextEntryID: UInt64 = 0
    private var isCommitting = false
    private var timerArmed = false
    // Transient storage failures since the last batch that was stored, and the last one's description.
    private var failuresInARow = 0
    private var lastFailure = ""

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

    /// How many entries wait for a batch.
    public var queuedCount: Int {
        pending.count
    }

    /// Running, retrying a batch after transient storage failures, or halted with the reason.
    public var health: SequencerHealth {
        switch state {
        case .notStarted, .starting: .notStarted
        case .halted(let reason): .halted(reason: reason)
        case .stopped: .stopped
        case .running: failuresInARow > 0 ? .retrying(reason: lastFailure, attempts: failuresInARow) : .running
        }
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

    /// Refuses new entries and fails those not yet stored with `SequencerError.stopped`; a batch being retried
    /// stops at its next attempt.
    public func stop() {
        guard case .running = state else { return }
        state = .stopped
        let waiting = pending
        pending = []
        waiting.forEach { resolve($0.id, .failure(SequencerError.stopped)) }
    }

    /// Queues an entry and returns its index once the batch holding it is durably stored; a `submissionID` is
    /// stored with the entry in the same transaction (see `LedgerBatch.submissionIDs`). Waits at most
    /// `configuration.appendTimeout`, if set: an entry still queued then is withdrawn (`SequencerError.timedOut`), one
    /// whose batch is still being stored may yet be appended (`SequencerError.unconfirmed`).
    public func append(_ entry: Data, submissionID: Int64? = nil) async throws -> UInt64 {
        guard entry.count <= EntryBundle.maxEntrySize else { throw SequencerError.entryTooLarge(entry.count) }
        try checkRunning()
        let id = nextEntryID
        nextEntryID += 1
        let timeout = configuration.appendTimeout
        return try await withCheckedThrowingContinuation { continuation in
            let deadline = timeout.map { timeout in
                Task {
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    self.expire(id)
                }
            }
            waiters[id] = Waiter(continuation: continuation, deadline: deadline)
            pending.append(PendingEntry(id: id, entry: entry, submissionID: submissionID, arrival: .now))
            if pending.count >= configuration.maxBatchSize || configuration.maxBatchDelay == .zero {
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
        case .stopped: throw SequencerError.stopped
        case .running: return
        }
    }

    private func resolve(_ id: UInt64, _ result: Result<UInt64, any Error>) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        waiter.deadline?.cancel()
        waiter.continuation.resume(with: result)
    }

    private func expire(_ id: UInt64) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        if let position = pending.firstIndex(where: { $0.id == id }) {
            pending.remove(at: position)
            waiter.continuation.resume(throwing: SequencerError.timedOut)
        } else {
            waiter.continuation.resume(throwing: SequencerError.unconfirmed)
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
        if let refusal = refusal {
            batch.forEach { resolve($0.id, .failure(refusal)) }
            return
        }
        let oldSize = treeSize
        guard let prepared = await prepareRetrying(batch, oldSize: oldSize),
            await storeRetrying(prepared, of: batch)
        else { return }
        failuresInARow = 0
        treeSize = prepared.newSize
        for (offset, item) in batch.enumerated() {
            resolve(item.id, .success(oldSize + UInt64(offset)))
        }
    }

    /// Why a batch may not be committed now, if it may not.
    private var refusal: SequencerError? {
        switch state {
        case .halted(let reason): .halted(reason)
        case .stopped: .stopped
        case .notStarted, .starting, .running: nil
        }
    }

    /// Prepares the batch, again after a transient failure to read the tiles: nothing has been signed for
    /// witnesses before the reads succeed, so preparing anew is safe. Fails the batch on any other error.
    private func prepareRetrying(_ batch: [PendingEntry], oldSize: UInt64) async -> LedgerBatch? {
        var pause: Duration?
        while true {
            do {
                return try await prepare(
                    batch.map(\.entry), submissionIDs: batch.map(\.submissionID), oldSize: oldSize)
            } catch {
                if storage.isTransient(error), await wait(after: error, pause: &pause) { continue }
                let failure = refusal ?? error
                batch.forEach { resolve($0.id, .failure(failure)) }
                return nil
            }
        }
    }

    /// Stores the prepared batch, the very same one again after a transient failure, so that witnesses that
    /// cosigned its checkpoint never see another tree of its size. An attempt that was stored but whose answer
    /// was lost shows as a size conflict with this batch's own checkpoint on top. Halts on any other failure.
    private func storeRetrying(_ prepared: LedgerBatch, of batch: [PendingEntry]) async -> Bool {
        var pause: Duration?
        while true {
            do {
                try await storage.append(prepared)
                return true
            } catch LedgerStorageError.sizeConflict(let expected, let actual) {
                if actual == prepared.newSize {
                    do {
                        if try await storage.latestCheckpoint() == prepared.checkpoint { return true }
                    } catch {
                        if storage.isTransient(error), await wait(after: error, pause: &pause) { continue }
                    }
                }
                halt(
                    "storage holds \(actual) entries where this sequencer expected \(expected): another writer "
                        + "appended to the log", failing: batch)
                return false
            } catch {
                if storage.isTransient(error), await wait(after: error, pause: &pause) { continue }
                halt("storage failed to persist size \(prepared.newSize): \(error)", failing: batch)
                return false
            }
        }
    }

    /// Counts a transient failure and pauses, each time longer up to `configuration.retryDelay.last`; false
    /// once the sequencer is stopped, when there is no point in trying again.
    private func wait(after error: any Error, pause: inout Duration?) async -> Bool {
        failuresInARow += 1
        lastFailure = "\(error)"
        configuration.onTransientFailure(error)
        let delay = pause.map { min($0 * 2, configuration.retryDelay.last) } ?? configuration.retryDelay.first
        pause = delay
        try? await Task.sleep(for: delay)
        return refusal == nil
    }

    private func halt(_ reason: String, failing batch: [PendingEntry]) {
        if case .stopped = state {
            (batch + pending).forEach { resolve($0.id, .failure(SequencerError.stopped)) }
        } else {
            state = .halted(reason)
            (batch + pending).forEach { resolve($0.id, .failure(SequencerError.halted(reason))) }
        }
        pending = []
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

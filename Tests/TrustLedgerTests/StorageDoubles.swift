import Dispatch
import Foundation
import TrustLedger

/// Storage that forwards to memory while recording batches, and can hold commits until released or fail them,
/// for good or transiently (a failure that passes when the same batch is stored again).
actor ObservedStorage: LedgerStorage {
    let base = InMemoryLedgerStorage()
    private(set) var committedBatchSizes: [Int] = []
    private var gate: CheckedContinuation<Void, Never>?
    private var isGated = false
    private var heldObserver: CheckedContinuation<Void, Never>?
    private var commitsBeforeFailure = Int.max
    private var transientFailures = 0
    private var loseAcknowledgements = false

    struct InjectedFailure: Error {}
    struct TransientInjectedFailure: Error {}

    nonisolated func isTransient(_ error: any Error) -> Bool {
        error is TransientInjectedFailure
    }

    /// The next `count` commits fail transiently; with `afterStoring`, each is stored before its answer is lost.
    func failTransiently(_ count: Int, afterStoring: Bool = false) {
        transientFailures = count
        loseAcknowledgements = afterStoring
    }

    func holdCommits() {
        isGated = true
    }

    /// Returns once a commit is held at the gate.
    func waitForHeldCommit() async {
        if gate != nil { return }
        await withCheckedContinuation { heldObserver = $0 }
    }

    func releaseCommits() {
        isGated = false
        gate?.resume()
        gate = nil
    }

    func failCommits(after successes: Int) {
        commitsBeforeFailure = successes
    }

    func append(_ batch: LedgerBatch) async throws {
        if isGated {
            await withCheckedContinuation {
                gate = $0
                heldObserver?.resume()
                heldObserver = nil
            }
        }
        if committedBatchSizes.count >= commitsBeforeFailure { throw InjectedFailure() }
        if transientFailures > 0 {
            transientFailures -= 1
            if loseAcknowledgements {
                try await base.append(batch)
                committedBatchSizes.append(batch.entries.count)
            }
            throw TransientInjectedFailure()
        }
        try await base.append(batch)
        committedBatchSizes.append(batch.entries.count)
    }

    func readEntries(_ range: Range<UInt64>) async throws -> [Data] {
        await base.readEntries(range)
    }

    func readTile(_ id: TileID) async throws -> Data? {
        await base.readTile(id)
    }

    func latestCheckpoint() async throws -> Data? {
        await base.latestCheckpoint()
    }
}

/// Storage whose reads are altered, to simulate damage on disk.
struct DamagedStorage: LedgerStorage {
    let base: InMemoryLedgerStorage
    var tiles: @Sendable (TileID, Data?) -> Data? = { $1 }
    var entryLimit = UInt64.max

    func append(_ batch: LedgerBatch) async throws {
        try await base.append(batch)
    }

    func readEntries(_ range: Range<UInt64>) async throws -> [Data] {
        let end = min(range.upperBound, entryLimit)
        guard range.lowerBound < end else { return [] }
        return await base.readEntries(range.lowerBound..<end)
    }

    func readTile(_ id: TileID) async throws -> Data? {
        tiles(id, await base.readTile(id))
    }

    func latestCheckpoint() async throws -> Data? {
        await base.latestCheckpoint()
    }
}

/// Witness transports that misbehave.
struct FailingWitnessClient: WitnessClient {
    struct Unreachable: Error {}

    func addCheckpoint(_ body: Data) async throws -> WitnessResponse {
        throw Unreachable()
    }
}

struct HangingWitnessClient: WitnessClient {
    func addCheckpoint(_ body: Data) async throws -> WitnessResponse {
        // Ignores cancellation on purpose, like a stuck connection; an hour is longer than any test may take.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(deadline: .now() + 3600) { continuation.resume() }
        }
        return WitnessResponse(status: 503, body: Data())
    }
}

struct LyingWitnessClient: WitnessClient {
    let name: String
    let keyID: UInt32

    func addCheckpoint(_ body: Data) async throws -> WitnessResponse {
        let line = NoteSignature(name: name, keyID: keyID, signature: Data(count: 72)).line
        return WitnessResponse(status: 200, body: Data(line.utf8))
    }
}

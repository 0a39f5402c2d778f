import Foundation

/// Recomputes every tile, entry bundle and the root from the stored entries and compares them with what is
/// stored and with the latest checkpoint.
public struct LedgerIntegrityChecker: Sendable {
    let storage: any LedgerStorage
    private let logVerifier: any NoteVerifier
    private let origin: String

    /// Creates a checker for the log with this key and origin.
    public init(storage: any LedgerStorage, logVerifier: any NoteVerifier, origin: String) {
        self.storage = storage
        self.logVerifier = logVerifier
        self.origin = origin
    }

    /// Runs the check, reading the whole log once; throws only when storage cannot be read.
    public func check() async throws -> IntegrityReport {
        let checkpoint: Checkpoint
        switch try await openCheckpoint() {
        case .verified(let opened): checkpoint = opened
        case .finished(let report): return report
        }
        var problems: [IntegrityProblem] = []
        var rebuilder = TileRebuilder()
        var root = RootAccumulator()
        var index: UInt64 = 0
        while index < checkpoint.size {
            let count = min(UInt64(TileID.fullWidth), checkpoint.size - index)
            let entries = try await storage.readEntries(index..<(index + count))
            guard entries.count == Int(count) else {
                problems.append(.missingEntries(from: index + UInt64(entries.count), checkpointSize: checkpoint.size))
                return IntegrityReport(checkpoint: checkpoint, problems: problems)
            }
            let bundleID = TileID(kind: .entries, index: index / UInt64(TileID.fullWidth), width: Int(count))
            if let oversized = entries.firstIndex(where: { $0.count > EntryBundle.maxEntrySize }) {
                problems.append(.oversizedEntry(index: index + UInt64(oversized)))
            } else {
                let bundle = try EntryBundle(entries: entries).data
                try await compare(bundleID, expected: bundle, problems: &problems)
            }
            for entry in entries {
                let leafHash = MerkleHash.leafHash(entry)
                root.append(leafHash)
                rebuilder.append(leafHash: leafHash)
            }
            for (id, data) in rebuilder.takeCompleted() {
                try await compare(id, expected: data, problems: &problems)
            }
            index += count
        }
        for (id, data) in rebuilder.partialTiles() {
            try await compare(id, expected: data, problems: &problems)
        }
        if root.root != checkpoint.rootHash { problems.append(.rootMismatch(computed: root.root)) }
        if try await !storage.readEntries(checkpoint.size..<(checkpoint.size + 1)).isEmpty {
            problems.append(.entriesBeyondCheckpoint(checkpointSize: checkpoint.size))
        }
        return IntegrityReport(checkpoint: checkpoint, problems: problems)
    }

    /// The latest checkpoint once verified, or the report that ends the check when there is none or it is invalid.
    enum OpenedCheckpoint {
        case verified(Checkpoint)
        case finished(IntegrityReport)
    }

    func openCheckpoint() async throws -> OpenedCheckpoint {
        guard let note = try await storage.latestCheckpoint() else {
            let stray = try await storage.readEntries(0..<1)
            return .finished(
                IntegrityReport(
                    checkpoint: nil, problems: stray.isEmpty ? [] : [.entriesBeyondCheckpoint(checkpointSize: 0)]))
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.open(note, verifiers: [logVerifier]).checkpoint
        } catch {
            return .finished(IntegrityReport(checkpoint: nil, problems: [.invalidCheckpoint("\(error)")]))
        }
        guard checkpoint.origin == origin else {
            return .finished(
                IntegrityReport(
                    checkpoint: checkpoint,
                    problems: [.invalidCheckpoint("origin \(checkpoint.origin) is not \(origin)")]))
        }
        return .verified(checkpoint)
    }

    func compare(_ id: TileID, expected: Data, problems: inout [IntegrityProblem]) async throws {
        guard let stored = try await storage.readTile(id) else {
            problems.append(.missingTile(id))
            return
        }
        if stored.count < expected.count, expected.starts(with: stored) {
            problems.append(.truncatedTile(id, storedBytes: stored.count))
        } else if stored != expected {
            problems.append(.corruptTile(id))
        }
    }
}

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

    /// Runs the check, reading the whole log once; throws only when storage cannot be read. `pause` is waited
    /// after every 256 entries, so that a check in the background of a serving process takes a bounded share of
    /// the CPU.
    public func check(pause: Duration = .zero) async throws -> IntegrityReport {
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
            let rows = try await storage.readEntries(index..<(index + count))
            guard rows.count == Int(count) else {
                problems.append(.missingEntries(from: index + UInt64(rows.count), checkpointSize: checkpoint.size))
                return IntegrityReport(checkpoint: checkpoint, problems: problems)
            }
            let bundleID = TileID(kind: .entries, index: index / UInt64(TileID.fullWidth), width: Int(count))
            let entries = try await agreedEntries(rows, from: index, bundle: bundleID, problems: &problems)
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
            if pause > .zero { try await Task.sleep(for: pause) }
        }
        for (id, data) in rebuilder.partialTiles() {
            try await compare(id, expected: data, problems: &problems)
        }
        if root.root != checkpoint.rootHash { problems.append(.rootMismatch(computed: root.root)) }
        if try await !storage.readEntries(checkpoint.size..<(checkpoint.size + 1)).isEmpty {
            // A log that grew during the check stores entries past the size read at its start, in the same
            // transaction as the checkpoint that covers them, so a read after the entries' shows that checkpoint.
            var grown = false
            if case .verified(let latest) = try await openCheckpoint() { grown = latest.size > checkpoint.size }
            if !grown { problems.append(.entriesBeyondCheckpoint(checkpointSize: checkpoint.size)) }
        }
        return IntegrityReport(checkpoint: checkpoint, problems: problems)
    }

    /// Each entry is kept three times: its row, its place in the entry bundle, and its leaf hash in the level-0
    /// tile. Where the row alone disagrees with the other two, the row is what was damaged: it is reported, and the
    /// bundle's entry is what the tree is checked with, so that the tiles it matches are not blamed. Where the
    /// bundle or the tile alone disagrees, the comparisons after this report it.
    private func agreedEntries(
        _ rows: [Data], from start: UInt64, bundle id: TileID, problems: inout [IntegrityProblem]
    ) async throws -> [Data] {
        guard let stored = try await storage.readTile(id), let bundle = try? EntryBundle(data: stored).entries,
            bundle.count == rows.count,
            let tile = try await storage.readTile(TileID(level: 0, index: id.index, width: id.width)),
            tile.count == rows.count * MerkleHash.size
        else { return rows }
        var entries = rows
        for (offset, row) in rows.enumerated() where row != bundle[offset] {
            let hash = tile.subdata(in: (offset * MerkleHash.size)..<((offset + 1) * MerkleHash.size))
            if MerkleHash.leafHash(row) != hash && MerkleHash.leafHash(bundle[offset]) == hash {
                problems.append(.corruptEntry(index: start + UInt64(offset)))
                entries[offset] = bundle[offset]
            }
        }
        return entries
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

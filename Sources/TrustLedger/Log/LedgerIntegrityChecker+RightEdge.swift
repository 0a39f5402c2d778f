import Foundation

extension LedgerIntegrityChecker {
    /// Checks, in a few reads whatever the log's size, what a damaged or truncated store breaks first: the
    /// checkpoint's signature, that exactly its size of entries is stored, the last entry bundle and level-0 tile
    /// against the last entries, the last hash of each higher right-edge tile against the tile below, and the root
    /// the stored tiles give against the checkpoint's. Damage further left is found only by `check()`.
    public func checkRightEdge() async throws -> IntegrityReport {
        let checkpoint: Checkpoint
        switch try await openCheckpoint() {
        case .verified(let opened): checkpoint = opened
        case .finished(let report): return report
        }
        let size = checkpoint.size
        var problems: [IntegrityProblem] = []
        if try await !storage.readEntries(size..<(size + 1)).isEmpty {
            problems.append(.entriesBeyondCheckpoint(checkpointSize: size))
        }
        guard size > 0 else { return IntegrityReport(checkpoint: checkpoint, problems: problems) }
        let width = UInt64(TileID.fullWidth)
        let start = (size - 1) / width * width
        let entries = try await storage.readEntries(start..<size)
        guard entries.count == Int(size - start) else {
            problems.append(.missingEntries(from: start + UInt64(entries.count), checkpointSize: size))
            return IntegrityReport(checkpoint: checkpoint, problems: problems)
        }
        if let oversized = entries.firstIndex(where: { $0.count > EntryBundle.maxEntrySize }) {
            problems.append(.oversizedEntry(index: start + UInt64(oversized)))
        } else {
            let bundle = TileID(kind: .entries, index: start / width, width: entries.count)
            try await compare(bundle, expected: try EntryBundle(entries: entries).data, problems: &problems)
        }
        let leaves = Tile(hashes: entries.map(MerkleHash.leafHash))
        try await compare(
            TileID(level: 0, index: start / width, width: entries.count), expected: leaves.data, problems: &problems)
        var level = 1
        var nodes = size / width
        while nodes > 0 {
            if let problem = try await upperEdgeProblem(level: level, nodes: nodes) { problems.append(problem) }
            level += 1
            nodes /= width
        }
        do {
            let root = try await TileHashReader(treeSize: size, tiles: storage).rootHash(size: size)
            if root != checkpoint.rootHash { problems.append(.rootMismatch(computed: root)) }
        } catch {
            // A missing or malformed tile already reported stops the root from being read; report only a new cause.
            if problems.isEmpty { problems.append(.unreadableTree("\(error)")) }
        }
        return IntegrityReport(checkpoint: checkpoint, problems: problems)
    }

    /// The right-edge tile at `level` holds `nodes` hashes in all; its last must be the root of the full tile
    /// below, at index `nodes - 1`.
    private func upperEdgeProblem(level: Int, nodes: UInt64) async throws -> IntegrityProblem? {
        let width = UInt64(TileID.fullWidth)
        let below = TileID(level: level - 1, index: nodes - 1, width: TileID.fullWidth)
        guard let belowData = try await storage.readTile(below) else { return .missingTile(below) }
        guard let belowTile = try? Tile(data: belowData, id: below) else { return .corruptTile(below) }
        let index = (nodes - 1) / width
        let edge = TileID(level: level, index: index, width: Int(nodes - index * width))
        guard let data = try await storage.readTile(edge) else { return .missingTile(edge) }
        let expectedBytes = edge.width * MerkleHash.size
        if data.count < expectedBytes { return .truncatedTile(edge, storedBytes: data.count) }
        let last = data[(data.startIndex + expectedBytes - MerkleHash.size)..<(data.startIndex + expectedBytes)]
        return Data(last) == MerkleHash.root(ofLeafHashes: belowTile.hashes) ? nil : .corruptTile(edge)
    }
}

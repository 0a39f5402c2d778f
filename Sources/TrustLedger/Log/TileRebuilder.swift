import Foundation

/// Rebuilds every tile of a log from its leaf hashes streamed in order, holding one partial tile per level.
struct TileRebuilder {
    private var rows: [[Data]] = []
    private var fullTiles: [UInt64] = []
    /// Tiles completed since the last `takeCompleted()`.
    private var completed: [(TileID, Data)] = []

    mutating func append(leafHash: Data) {
        push(leafHash, level: 0)
    }

    mutating func takeCompleted() -> [(TileID, Data)] {
        defer { completed = [] }
        return completed
    }

    /// The partial tiles left at the right edge.
    func partialTiles() -> [(TileID, Data)] {
        rows.indices.compactMap { level in
            guard !rows[level].isEmpty else { return nil }
            let id = TileID(level: level, index: fullTiles[level], width: rows[level].count)
            return (id, Tile(hashes: rows[level]).data)
        }
    }

    private mutating func push(_ hash: Data, level: Int) {
        if rows.count == level {
            rows.append([])
            fullTiles.append(0)
        }
        rows[level].append(hash)
        guard rows[level].count == TileID.fullWidth else { return }
        let hashes = rows[level]
        completed.append(
            (TileID(level: level, index: fullTiles[level], width: TileID.fullWidth), Tile(hashes: hashes).data))
        rows[level] = []
        fullTiles[level] += 1
        push(MerkleHash.root(ofLeafHashes: hashes), level: level + 1)
    }
}

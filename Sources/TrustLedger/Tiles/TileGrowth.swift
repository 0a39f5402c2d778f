import Foundation

/// The tiles and entry bundles written when a log grows by a batch of entries.
public struct TileGrowth: Sendable {
    /// The tree size before the batch.
    public let oldSize: UInt64
    /// The tree size after the batch.
    public let newSize: UInt64
    /// The leaf hashes of the new entries.
    public let leafHashes: [Data]
    /// Every tile and entry bundle whose contents changed, at its width for `newSize`.
    public let tiles: [TileID: Data]

    /// Computes the changed tiles, reading the old right-edge partial tiles from `reader`.
    public static func grow(from oldSize: UInt64, appending entries: [Data], reader: some TileReader) async throws
        -> TileGrowth
    {
        let leafHashes = entries.map(MerkleHash.leafHash)
        var tiles: [TileID: Data] = [:]
        try await appendEntryBundles(from: oldSize, entries: entries, reader: reader, into: &tiles)
        var level = 0
        var start = oldSize
        var added = leafHashes
        // Each tile that becomes full contributes its root as a new hash one tile level up.
        while !added.isEmpty {
            let firstTile = start / UInt64(TileID.fullWidth)
            let offset = Int(start % UInt64(TileID.fullWidth))
            var row: [Data] = []
            if offset > 0 {
                let id = TileID(level: level, index: firstTile, width: offset)
                guard let data = try await reader.readTile(id) else { throw TileError.missingTile(id) }
                row = try Tile(data: data, id: id).hashes
            }
            row += added
            added = []
            for (position, chunkStart) in stride(from: 0, to: row.count, by: TileID.fullWidth).enumerated() {
                let chunk = Array(row[chunkStart..<min(chunkStart + TileID.fullWidth, row.count)])
                tiles[TileID(level: level, index: firstTile + UInt64(position), width: chunk.count)] =
                    Tile(hashes: chunk).data
                if chunk.count == TileID.fullWidth { added.append(MerkleHash.root(ofLeafHashes: chunk)) }
            }
            start /= UInt64(TileID.fullWidth)
            level += 1
        }
        return TileGrowth(
            oldSize: oldSize, newSize: oldSize + UInt64(entries.count), leafHashes: leafHashes, tiles: tiles)
    }

    private static func appendEntryBundles(
        from oldSize: UInt64, entries: [Data], reader: some TileReader, into tiles: inout [TileID: Data]
    ) async throws {
        guard !entries.isEmpty else { return }
        let firstBundle = oldSize / UInt64(TileID.fullWidth)
        let offset = Int(oldSize % UInt64(TileID.fullWidth))
        var row: [Data] = []
        if offset > 0 {
            let id = TileID(kind: .entries, index: firstBundle, width: offset)
            guard let data = try await reader.readTile(id) else { throw TileError.missingTile(id) }
            row = try EntryBundle(data: data).entries
            guard row.count == offset else { throw TileError.corruptTile(id) }
        }
        row += entries
        for (position, chunkStart) in stride(from: 0, to: row.count, by: TileID.fullWidth).enumerated() {
            let chunk = Array(row[chunkStart..<min(chunkStart + TileID.fullWidth, row.count)])
            let id = TileID(kind: .entries, index: firstBundle + UInt64(position), width: chunk.count)
            tiles[id] = try EntryBundle(entries: chunk).data
        }
    }
}

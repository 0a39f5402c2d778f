import Foundation

/// Reads hashes of perfect subtrees out of the tiles published for one tree size.
public struct TileHashReader: HashReader {
    /// The tree size whose tiles are read; partial tiles are fetched at their width for this size.
    public let treeSize: UInt64
    private let tiles: any TileReader

    /// Creates a reader over the tiles of a tree of `treeSize` leaves.
    public init(treeSize: UInt64, tiles: any TileReader) {
        self.treeSize = treeSize
        self.tiles = tiles
    }

    /// Returns node hashes, each recomputed from the tile holding its subtree; tiles are read once per call.
    public func readHashes(_ nodes: [NodeID]) async throws -> [Data] {
        var cache: [TileID: Tile] = [:]
        var hashes: [Data] = []
        hashes.reserveCapacity(nodes.count)
        for node in nodes {
            guard node.leaves.upperBound <= treeSize, node.leaves.upperBound > node.leaves.lowerBound else {
                throw TileError.nodeOutsideTree(node, treeSize: treeSize)
            }
            let level = node.level / TileLayout.height
            let depth = node.level % TileLayout.height
            // The node is the root of 2^depth consecutive hashes inside one tile at `level`.
            let first = node.index << UInt64(depth)
            let tileIndex = first / UInt64(TileID.fullWidth)
            guard let width = TileLayout.width(level: level, index: tileIndex, treeSize: treeSize) else {
                throw TileError.nodeOutsideTree(node, treeSize: treeSize)
            }
            let id = TileID(level: level, index: tileIndex, width: width)
            let tile: Tile
            if let cached = cache[id] {
                tile = cached
            } else {
                guard let data = try await tiles.readTile(id) else { throw TileError.missingTile(id) }
                tile = try Tile(data: data, id: id)
                cache[id] = tile
            }
            let offset = Int(first % UInt64(TileID.fullWidth))
            hashes.append(MerkleHash.root(ofLeafHashes: Array(tile.hashes[offset..<(offset + (1 << depth))])))
        }
        return hashes
    }
}

import Foundation

/// The contents of a Merkle tile: 1 to 256 consecutive 32-byte hashes at one tile level.
public struct Tile: Hashable, Sendable {
    /// The hashes, left to right.
    public let hashes: [Data]

    /// Creates a tile from its hashes.
    public init(hashes: [Data]) {
        self.hashes = hashes
    }

    /// Decodes tile bytes, checking they hold exactly `id.width` hashes.
    public init(data: Data, id: TileID) throws(TileError) {
        guard data.count == id.width * MerkleHash.size else { throw .corruptTile(id) }
        hashes = stride(from: data.startIndex, to: data.endIndex, by: MerkleHash.size).map {
            Data(data[$0..<($0 + MerkleHash.size)])
        }
    }

    /// The tile bytes: the hashes concatenated.
    public var data: Data {
        hashes.reduce(into: Data(capacity: hashes.count * MerkleHash.size)) { $0.append($1) }
    }
}

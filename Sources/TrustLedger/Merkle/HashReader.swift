import Foundation

/// A source of stored hashes of perfect subtrees, such as an in-memory tree or a tiled store.
public protocol HashReader: Sendable {
    /// Returns the hashes of the given nodes, in the same order.
    func readHashes(_ nodes: [NodeID]) async throws -> [Data]
}

extension HashReader {
    /// The Merkle tree hashes of leaf ranges of the shape RFC 9162 proofs use, read in one batch.
    public func rangeHashes(_ ranges: [Range<UInt64>]) async throws -> [Data] {
        let covers = ranges.map(NodeID.covering)
        let nodes = covers.flatMap { $0 }
        let hashes = try await readHashes(nodes)
        guard hashes.count == nodes.count else {
            throw MerkleError.readerCountMismatch(expected: nodes.count, actual: hashes.count)
        }
        var offset = 0
        return covers.map { cover in
            defer { offset += cover.count }
            return MerkleHash.fold(hashes[offset..<(offset + cover.count)])
        }
    }

    /// The root hash of the tree made of the first `size` leaves.
    public func rootHash(size: UInt64) async throws -> Data {
        guard size > 0 else { return MerkleHash.emptyRoot }
        return try await rangeHashes([0..<size])[0]
    }
}

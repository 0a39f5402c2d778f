import Foundation

/// An append-only Merkle tree held in memory that keeps the hash of every complete perfect subtree.
public struct InMemoryMerkleTree: HashReader {
    // levels[l][i] is the hash of NodeID(level: l, index: i).
    private var levels: [[Data]] = [[]]

    /// Creates an empty tree.
    public init() {}

    /// The number of leaves.
    public var size: UInt64 {
        UInt64(levels[0].count)
    }

    /// The root hash of the whole tree.
    public var rootHash: Data {
        MerkleHash.fold(NodeID.covering(0..<size).map { levels[$0.level][Int($0.index)] })
    }

    /// Appends a leaf hash.
    public mutating func append(leafHash: Data) {
        levels[0].append(leafHash)
        var level = 0
        while levels[level].count % 2 == 0 {
            let count = levels[level].count
            let parent = MerkleHash.nodeHash(levels[level][count - 2], levels[level][count - 1])
            if levels.count == level + 1 { levels.append([]) }
            levels[level + 1].append(parent)
            level += 1
        }
    }

    /// Appends an entry and returns its index.
    @discardableResult
    public mutating func append(entry: Data) -> UInt64 {
        append(leafHash: MerkleHash.leafHash(entry))
        return size - 1
    }

    /// The hash of a perfect subtree, or nil if it is not complete in this tree.
    public func hash(of node: NodeID) -> Data? {
        guard node.level >= 0, node.level < levels.count, node.index < levels[node.level].count else { return nil }
        return levels[node.level][Int(node.index)]
    }

    /// Returns the hashes of complete perfect subtrees.
    public func readHashes(_ nodes: [NodeID]) async throws -> [Data] {
        try nodes.map { node in
            guard let hash = hash(of: node) else { throw MerkleError.missingNode(node) }
            return hash
        }
    }
}

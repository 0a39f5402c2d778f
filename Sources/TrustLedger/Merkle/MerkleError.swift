/// Reasons a Merkle proof is rejected or cannot be produced.
public enum MerkleError: Error, Hashable, Sendable {
    /// The leaf index is not below the tree size.
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// A hash or root is not 32 bytes long.
    case invalidHashLength(Int)
    /// The proof has more hashes than the tree shape allows.
    case proofTooLong
    /// The proof has fewer hashes than the tree shape needs.
    case proofTooShort
    /// The proof is empty where the tree shape needs hashes.
    case emptyProof
    /// The proof is not empty although the sizes are equal.
    case unexpectedProof
    /// The second size is smaller than the first.
    case sizeDecreased(from: UInt64, to: UInt64)
    /// A consistency proof from the empty tree was requested; every tree is consistent with it.
    case emptyOldTree
    /// The proof does not lead to the expected root.
    case rootMismatch
    /// A hash reader cannot provide a node, or the node is not complete in the tree.
    case missingNode(NodeID)
    /// A hash reader returned a different number of hashes than requested.
    case readerCountMismatch(expected: Int, actual: Int)
}

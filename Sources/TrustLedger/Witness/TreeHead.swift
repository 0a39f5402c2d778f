import Foundation

/// A tree size and its root hash.
public struct TreeHead: Hashable, Sendable {
    /// The number of leaves.
    public let size: UInt64
    /// The root hash at that size.
    public let rootHash: Data

    /// Creates a tree head.
    public init(size: UInt64, rootHash: Data) {
        self.size = size
        self.rootHash = rootHash
    }
}

/// Reasons tile data cannot be read or built.
public enum TileError: Error, Hashable, Sendable {
    /// A tile needed to read hashes or extend the log is not stored.
    case missingTile(TileID)
    /// A stored tile does not have the length its width requires or cannot be decoded.
    case corruptTile(TileID)
    /// An entry is longer than the 65,535 bytes a uint16 length prefix allows.
    case entryTooLarge(Int)
    /// Entry bundle bytes are not a sequence of length-prefixed entries.
    case malformedEntryBundle
    /// A hash of a node that is not complete at the tree size was requested.
    case nodeOutsideTree(NodeID, treeSize: UInt64)
}

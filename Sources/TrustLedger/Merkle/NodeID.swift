/// Identifies a perfect subtree: its height `level` and its position `index`, so it covers the
/// leaves `index·2^level ..< (index+1)·2^level`.
public struct NodeID: Hashable, Sendable, CustomStringConvertible {
    /// Height above the leaves; leaf hashes are at level 0.
    public let level: Int
    /// Position of the subtree among those of the same level, from the left.
    public let index: UInt64

    /// Creates a node identifier.
    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// The leaves this subtree covers.
    public var leaves: Range<UInt64> {
        (index << level)..<((index + 1) << level)
    }

    /// A short form such as `(3, 17)`.
    public var description: String {
        "(\(level), \(index))"
    }

    /// Splits a range of leaves into the fewest aligned perfect subtrees covering it, left to right.
    public static func covering(_ range: Range<UInt64>) -> [NodeID] {
        var nodes: [NodeID] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let remaining = range.upperBound - start
            let alignment = start == 0 ? 63 : start.trailingZeroBitCount
            let level = min(alignment, 63 - remaining.leadingZeroBitCount)
            nodes.append(NodeID(level: level, index: start >> level))
            start += 1 << level
        }
        return nodes
    }
}

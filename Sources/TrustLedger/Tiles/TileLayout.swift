/// How a tree of a given size is cut into tiles, and which tiles change as it grows.
public enum TileLayout {
    /// Tree levels spanned by one tile.
    public static let height = 8

    /// The number of hashes at tile level `level` in a tree of `size` leaves, counting only those in full
    /// tiles of the level below.
    public static func hashCount(level: Int, treeSize size: UInt64) -> UInt64 {
        size >> UInt64(height * level)
    }

    /// The width of tile `index` at `level` in a tree of `size` leaves, or nil if that tile is empty.
    public static func width(level: Int, index: UInt64, treeSize size: UInt64) -> Int? {
        let count = hashCount(level: level, treeSize: size)
        let start = index * UInt64(TileID.fullWidth)
        guard count > start else { return nil }
        return Int(min(count - start, UInt64(TileID.fullWidth)))
    }

    /// The tiles and entry bundles, at their widths for `newSize`, that a log growing from `oldSize` to
    /// `newSize` leaves writes: every tile whose contents differ between the two sizes.
    public static func changedTiles(from oldSize: UInt64, to newSize: UInt64) -> [TileID] {
        var tiles: [TileID] = []
        var level = 0
        while hashCount(level: level, treeSize: newSize) > hashCount(level: level, treeSize: oldSize) {
            let first = hashCount(level: level, treeSize: oldSize) / UInt64(TileID.fullWidth)
            let last = (hashCount(level: level, treeSize: newSize) - 1) / UInt64(TileID.fullWidth)
            for index in first...last {
                if let width = width(level: level, index: index, treeSize: newSize) {
                    tiles.append(TileID(level: level, index: index, width: width))
                    if level == 0 { tiles.append(TileID(kind: .entries, index: index, width: width)) }
                }
            }
            level += 1
        }
        return tiles
    }
}

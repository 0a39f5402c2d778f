import Foundation

/// Serves tiles about to be written ahead of those already stored.
struct OverlayTileReader: TileReader {
    let tiles: [TileID: Data]
    let base: any TileReader

    func readTile(_ id: TileID) async throws -> Data? {
        if let tile = tiles[id] { return tile }
        return try await base.readTile(id)
    }
}

import Foundation

/// A source of stored tiles and entry bundles.
public protocol TileReader: Sendable {
    /// Returns the bytes stored for exactly this tile and width, or nil if there are none.
    func readTile(_ id: TileID) async throws -> Data?
}

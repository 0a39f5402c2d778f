import Foundation

/// One inconsistency found between stored entries, tiles and the latest checkpoint.
public enum IntegrityProblem: Hashable, Sendable, CustomStringConvertible {
    /// The checkpoint does not parse, verify or name the expected origin.
    case invalidCheckpoint(String)
    /// Entries from `from` up to the checkpoint size are missing.
    case missingEntries(from: UInt64, checkpointSize: UInt64)
    /// Entries are stored past the checkpoint size.
    case entriesBeyondCheckpoint(checkpointSize: UInt64)
    /// A stored entry's row differs from the entry that its bundle and its leaf hash agree on.
    case corruptEntry(index: UInt64)
    /// A stored entry is longer than an entry bundle allows.
    case oversizedEntry(index: UInt64)
    /// A tile or entry bundle required at the checkpoint size is absent.
    case missingTile(TileID)
    /// A tile or entry bundle is a strict prefix of what it should be.
    case truncatedTile(TileID, storedBytes: Int)
    /// A tile or entry bundle differs from what the entries produce.
    case corruptTile(TileID)
    /// The root recomputed from the entries differs from the checkpoint's.
    case rootMismatch(computed: Data)
    /// The stored tiles at the checkpoint size do not yield a root.
    case unreadableTree(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidCheckpoint(let reason): "invalid checkpoint: \(reason)"
        case .missingEntries(let from, let size): "entries \(from)..<\(size) are missing"
        case .entriesBeyondCheckpoint(let size): "entries are stored beyond checkpoint size \(size)"
        case .corruptEntry(let index): "the row of entry \(index) differs from its entry bundle and leaf hash"
        case .oversizedEntry(let index): "entry \(index) is longer than 65535 bytes"
        case .missingTile(let id): "\(id) is missing"
        case .truncatedTile(let id, let bytes): "\(id) is truncated to \(bytes) bytes"
        case .corruptTile(let id): "\(id) does not match the entries"
        case .rootMismatch(let root): "entries hash to root \(root.base64EncodedString()), not the checkpoint's"
        case .unreadableTree(let reason): "the tiles do not yield a root: \(reason)"
        }
    }
}

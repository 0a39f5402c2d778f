import Foundation

/// A tlog-cosignature/v1 `timestamped_signature`: an 8-byte big-endian POSIX time and a 64-byte Ed25519
/// signature.
public struct Cosignature: Hashable, Sendable {
    /// When the cosignature was made, in seconds since the Epoch.
    public let timestamp: UInt64
    /// The Ed25519 signature over `signedMessage(checkpointText:timestamp:)`.
    public let signature: Data

    /// Creates a cosignature from its parts.
    public init(timestamp: UInt64, signature: Data) {
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Parses the 72 signature bytes that follow the key ID in a note signature.
    public init(bytes: Data) throws(NoteError) {
        guard bytes.count == 72 else { throw .malformedKey("cosignature must be 72 bytes") }
        let timestamp = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard timestamp <= UInt64(Int64.max) else { throw .malformedKey("cosignature timestamp exceeds 2^63-1") }
        self.timestamp = timestamp
        signature = Data(bytes.dropFirst(8))
    }

    /// The 72-byte encoding.
    public var bytes: Data {
        withUnsafeBytes(of: timestamp.bigEndian) { Data($0) } + signature
    }

    /// The message a cosigner signs: `cosignature/v1`, `time <t>`, then the checkpoint note text.
    public static func signedMessage(checkpointText: Data, timestamp: UInt64) -> Data {
        Data("cosignature/v1\ntime \(timestamp)\n".utf8) + checkpointText
    }
}

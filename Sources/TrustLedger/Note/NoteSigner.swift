import Foundation

/// A key that signs note text under a key name and key ID.
public protocol NoteSigner: Sendable {
    /// The key name written in signature lines.
    var name: String { get }
    /// The key ID written before the signature bytes.
    var keyID: UInt32 { get }
    /// Signs the note text (including its final newline) and returns the signature bytes after the key ID.
    func sign(_ message: Data) throws -> Data
}

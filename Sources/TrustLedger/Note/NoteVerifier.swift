import Foundation

/// A known public key that checks note signatures carrying its key name and key ID.
public protocol NoteVerifier: Sendable {
    /// The key name that signature lines must carry.
    var name: String { get }
    /// The key ID that signature lines must carry.
    var keyID: UInt32 { get }
    /// Whether `signature` (the bytes after the key ID) is valid for the note text `message`.
    func verify(_ message: Data, signature: Data) -> Bool
}

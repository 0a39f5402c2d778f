import Crypto
import Foundation

/// RFC 6962 / RFC 9162 SHA-256 hashing with domain-separated leaf and node prefixes.
public enum MerkleHash {
    /// The length in bytes of every hash in the tree.
    public static let size = 32

    /// The root hash of the empty tree: SHA-256 of the empty string.
    public static let emptyRoot = Data(SHA256.hash(data: Data()))

    /// Hashes a log entry into its leaf hash, SHA-256(0x00 || entry).
    public static func leafHash(_ entry: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: entry)
        return Data(hasher.finalize())
    }

    /// Hashes two child hashes into their parent, SHA-256(0x01 || left || right).
    public static func nodeHash(_ left: Data, _ right: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Data(hasher.finalize())
    }

    /// The Merkle tree hash of a sequence of leaf hashes.
    public static func root(ofLeafHashes hashes: [Data]) -> Data {
        var accumulator = RootAccumulator()
        for hash in hashes {
            accumulator.append(hash)
        }
        return accumulator.root
    }

    /// Folds the hashes of consecutive perfect subtrees of decreasing size into the hash of their union.
    static func fold(_ hashes: some BidirectionalCollection<Data>) -> Data {
        guard var result = hashes.last else { return emptyRoot }
        for hash in hashes.dropLast().reversed() {
            result = nodeHash(hash, result)
        }
        return result
    }
}

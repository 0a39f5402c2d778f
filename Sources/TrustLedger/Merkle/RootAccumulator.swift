import Foundation

/// Computes a Merkle tree hash from leaf hashes streamed in order, keeping only one hash per tree level.
struct RootAccumulator {
    // Roots of the perfect subtrees seen so far, largest first; the sizes are the set bits of `count`.
    private var peaks: [Data] = []
    private(set) var count: UInt64 = 0

    mutating func append(_ leafHash: Data) {
        var hash = leafHash
        var merged = count
        while merged & 1 == 1 {
            hash = MerkleHash.nodeHash(peaks.removeLast(), hash)
            merged >>= 1
        }
        peaks.append(hash)
        count += 1
    }

    var root: Data {
        MerkleHash.fold(peaks)
    }
}

import Foundation

/// Generation and verification of RFC 9162 Merkle inclusion proofs.
public enum InclusionProof {
    /// Builds the inclusion proof of leaf `index` in the tree of the first `size` leaves, leaf side first.
    public static func generate(index: UInt64, size: UInt64, reader: some HashReader) async throws -> [Data] {
        guard index < size else { throw MerkleError.indexOutOfRange(index: index, size: size) }
        var ranges: [Range<UInt64>] = []
        var low: UInt64 = 0
        var high = size
        // Descending from the root, each step keeps the half holding the leaf and records the other half.
        while high - low > 1 {
            let split = low + TreeMath.largestPowerOfTwo(below: high - low)
            if index < split {
                ranges.append(split..<high)
                high = split
            } else {
                ranges.append(low..<split)
                low = split
            }
        }
        return try await reader.rangeHashes(ranges.reversed())
    }

    /// Checks that `proof` links `leafHash` at `index` to `root` in a tree of `size` leaves.
    public static func verify(
        index: UInt64, size: UInt64, leafHash: Data, proof: [Data], root: Data
    ) throws(MerkleError) {
        try TreeMath.checkHashLength(root)
        let computed = try rootHash(index: index, size: size, leafHash: leafHash, proof: proof)
        guard computed == root else { throw .rootMismatch }
    }

    /// The root implied by an inclusion proof (RFC 9162 section 2.1.3.2).
    public static func rootHash(
        index: UInt64, size: UInt64, leafHash: Data, proof: [Data]
    ) throws(MerkleError) -> Data {
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        try TreeMath.checkHashLength(leafHash)
        var node = index
        var last = size - 1
        var hash = leafHash
        for sibling in proof {
            try TreeMath.checkHashLength(sibling)
            guard last != 0 else { throw .proofTooLong }
            if node & 1 == 1 || node == last {
                hash = MerkleHash.nodeHash(sibling, hash)
                // A right-border node has no sibling at the levels where it is a lone left child.
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                hash = MerkleHash.nodeHash(hash, sibling)
            }
            node >>= 1
            last >>= 1
        }
        guard last == 0 else { throw .proofTooShort }
        return hash
    }
}

import Foundation

/// Generation and verification of RFC 9162 Merkle consistency proofs.
public enum ConsistencyProof {
    /// Builds the proof that the tree of `oldSize` leaves is a prefix of the tree of `newSize` leaves.
    ///
    /// A proof from size 0 is refused: every tree extends the empty tree, so there is nothing to prove.
    public static func generate(from oldSize: UInt64, to newSize: UInt64, reader: some HashReader) async throws
        -> [Data]
    {
        guard oldSize <= newSize else { throw MerkleError.sizeDecreased(from: oldSize, to: newSize) }
        guard oldSize > 0 else { throw MerkleError.emptyOldTree }
        var ranges: [Range<UInt64>] = []
        var low: UInt64 = 0
        var high = newSize
        var remaining = oldSize
        // True while the old tree's subtree is a left edge of the whole old tree, whose root the verifier knows.
        var knownToVerifier = true
        while true {
            let count = high - low
            if remaining == count {
                if !knownToVerifier { ranges.append(low..<high) }
                break
            }
            let split = low + TreeMath.largestPowerOfTwo(below: count)
            if remaining <= split - low {
                ranges.append(split..<high)
                high = split
            } else {
                ranges.append(low..<split)
                remaining -= split - low
                low = split
                knownToVerifier = false
            }
        }
        return try await reader.rangeHashes(ranges.reversed())
    }

    /// Checks that `proof` shows the tree with `oldRoot` at `oldSize` is a prefix of the one with `newRoot`.
    ///
    /// Size 0 is rejected as the old size, as in transparency-dev/merkle; callers such as a witness handle it
    /// before asking for a proof. All hashes must be 32 bytes long.
    public static func verify(
        oldSize: UInt64, newSize: UInt64, oldRoot: Data, newRoot: Data, proof: [Data]
    ) throws(MerkleError) {
        guard oldSize <= newSize else { throw .sizeDecreased(from: oldSize, to: newSize) }
        guard oldSize > 0 else { throw .emptyOldTree }
        try TreeMath.checkHashLength(oldRoot)
        try TreeMath.checkHashLength(newRoot)
        for hash in proof {
            try TreeMath.checkHashLength(hash)
        }
        if oldSize == newSize {
            guard proof.isEmpty else { throw .unexpectedProof }
            guard oldRoot == newRoot else { throw .rootMismatch }
            return
        }
        guard !proof.isEmpty else { throw .emptyProof }
        // RFC 9162 section 2.1.4.2; a power-of-two old tree is its own subtree root and is omitted from proofs.
        let path = oldSize & (oldSize - 1) == 0 ? [oldRoot] + proof : proof
        var node = oldSize - 1
        var last = newSize - 1
        while node & 1 == 1 {
            node >>= 1
            last >>= 1
        }
        var oldHash = path[0]
        var newHash = oldHash
        for hash in path.dropFirst() {
            guard last != 0 else { throw .proofTooLong }
            if node & 1 == 1 || node == last {
                oldHash = MerkleHash.nodeHash(hash, oldHash)
                newHash = MerkleHash.nodeHash(hash, newHash)
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                newHash = MerkleHash.nodeHash(newHash, hash)
            }
            node >>= 1
            last >>= 1
        }
        guard last == 0 else { throw .proofTooShort }
        guard oldHash == oldRoot, newHash == newRoot else { throw .rootMismatch }
    }
}

import Foundation

/// Integer helpers for the RFC 9162 tree shape.
enum TreeMath {
    /// The largest power of two strictly smaller than `n`, for `n >= 2`: the size of the left subtree.
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        1 << (63 - (n - 1).leadingZeroBitCount)
    }

    static func checkHashLength(_ hash: Data) throws(MerkleError) {
        guard hash.count == MerkleHash.size else { throw .invalidHashLength(hash.count) }
    }
}

import Foundation
import SilkbridgeCore
import Testing
import TrustLedger

/// The tree as RFC 6962 section 2.1 defines it, recursively, as an independent reference.
enum NaiveMerkle {
    static func split(_ count: Int) -> Int {
        var power = 1
        while power * 2 < count { power *= 2 }
        return power
    }

    static func root(_ leaves: ArraySlice<Data>) -> Data {
        switch leaves.count {
        case 0: return MerkleHash.emptyRoot
        case 1: return leaves.first!
        default:
            let middle = leaves.startIndex + split(leaves.count)
            return MerkleHash.nodeHash(root(leaves[..<middle]), root(leaves[middle...]))
        }
    }

    static func path(_ index: Int, _ leaves: ArraySlice<Data>) -> [Data] {
        guard leaves.count > 1 else { return [] }
        let middle = leaves.startIndex + split(leaves.count)
        if leaves.startIndex + index < middle {
            return path(index, leaves[..<middle]) + [root(leaves[middle...])]
        }
        return path(index - (middle - leaves.startIndex), leaves[middle...]) + [root(leaves[..<middle])]
    }

    static func consistency(_ oldSize: Int, _ leaves: ArraySlice<Data>, complete: Bool = true) -> [Data] {
        if oldSize == leaves.count { return complete ? [] : [root(leaves)] }
        let middle = leaves.startIndex + split(leaves.count)
        let leftCount = middle - leaves.startIndex
        if oldSize <= leftCount {
            return consistency(oldSize, leaves[..<middle], complete: complete) + [root(leaves[middle...])]
        }
        return consistency(oldSize - leftCount, leaves[middle...], complete: false) + [root(leaves[..<middle])]
    }
}

@Suite struct MerkleRoundTripTests {
    // About 100,000 leaves in all, spread over edge sizes around powers of two and a few large trees.
    static let sizes = [1, 2, 3, 4, 5, 7, 8, 9, 31, 255, 256, 257, 1000, 4095, 4097, 10_000, 32_768, 45_003]

    @Test(arguments: sizes)
    func proofsMatchNaiveReference(size: Int) async throws {
        var random = SeededRandom(seed: UInt64(size))
        var tree = InMemoryMerkleTree()
        var leafHashes: [Data] = []
        for index in 0..<size {
            let entry = Data("entry \(index) of \(size) \(random.next())".utf8)
            leafHashes.append(MerkleHash.leafHash(entry))
            #expect(tree.append(entry: entry) == UInt64(index))
            // Lets timing-sensitive tests running alongside have the shared cooperative threads.
            if index % 512 == 0 { await Task.yield() }
        }
        let root = NaiveMerkle.root(leafHashes[...])
        #expect(tree.rootHash == root)

        let indices = Set([0, size - 1] + (0..<3).map { _ in Int.random(in: 0..<size, using: &random) })
        for index in indices {
            await Task.yield()
            let proof = try await InclusionProof.generate(index: UInt64(index), size: UInt64(size), reader: tree)
            #expect(proof == NaiveMerkle.path(index, leafHashes[...]))
            try InclusionProof.verify(
                index: UInt64(index), size: UInt64(size), leafHash: leafHashes[index], proof: proof, root: root)
            if size > 1 {
                let other = index == 0 ? 1 : index - 1
                #expect(throws: MerkleError.self) {
                    try InclusionProof.verify(
                        index: UInt64(index), size: UInt64(size), leafHash: leafHashes[other], proof: proof,
                        root: root)
                }
            }
        }

        let oldSizes = Set([1, size] + (0..<3).map { _ in Int.random(in: 1...size, using: &random) })
        for oldSize in oldSizes {
            await Task.yield()
            let oldRoot = NaiveMerkle.root(leafHashes[..<oldSize])
            #expect(try await tree.rootHash(size: UInt64(oldSize)) == oldRoot)
            let proof = try await ConsistencyProof.generate(from: UInt64(oldSize), to: UInt64(size), reader: tree)
            #expect(proof == NaiveMerkle.consistency(oldSize, leafHashes[...]))
            try ConsistencyProof.verify(
                oldSize: UInt64(oldSize), newSize: UInt64(size), oldRoot: oldRoot, newRoot: root, proof: proof)
            if oldSize < size {
                #expect(throws: MerkleError.self) {
                    try ConsistencyProof.verify(
                        oldSize: UInt64(oldSize), newSize: UInt64(size), oldRoot: root, newRoot: root, proof: proof)
                }
            }
        }
    }
}

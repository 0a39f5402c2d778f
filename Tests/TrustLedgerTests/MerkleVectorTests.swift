import Foundation
import Testing
import TrustLedger

@Suite struct MerkleVectorTests {
    @Test(arguments: InclusionCase.all)
    func inclusionVector(_ vector: InclusionCase) {
        var failure: MerkleError?
        do {
            try InclusionProof.verify(
                index: vector.leafIdx, size: vector.treeSize, leafHash: Data(base64: vector.leafHash),
                proof: (vector.proof ?? []).base64Decoded, root: Data(base64: vector.root))
        } catch {
            failure = error
        }
        #expect((failure != nil) == vector.wantErr, "\(vector.desc): \(String(describing: failure))")
    }

    @Test(arguments: ConsistencyCase.all)
    func consistencyVector(_ vector: ConsistencyCase) {
        var failure: MerkleError?
        do {
            try ConsistencyProof.verify(
                oldSize: vector.size1, newSize: vector.size2, oldRoot: Data(base64: vector.root1),
                newRoot: Data(base64: vector.root2), proof: (vector.proof ?? []).base64Decoded)
        } catch {
            failure = error
        }
        if vector.file == "additional/sizes-are-equal-one-and-proof-is-empty.json" {
            // Our choice: every root must be a 32-byte SHA-256 hash, so these 12-byte "roots" are rejected even
            // though they are equal; the vector expects success from an implementation that compares bytes only.
            #expect(failure == .invalidHashLength(12))
        } else {
            // Size 0 as the old size is always rejected, as in transparency-dev/merkle; a witness handles
            // `old 0` itself before asking for a proof.
            #expect((failure != nil) == vector.wantErr, "\(vector.desc): \(String(describing: failure))")
        }
        if vector.size1 == 0 && vector.root1.count == 44 && vector.root2.count == 44 {
            #expect(failure == .emptyOldTree)
        }
    }

    @Test func referenceTreeHashes() async throws {
        let reference = ReferenceTree.vectors.referenceTree
        var tree = InMemoryMerkleTree()
        #expect(tree.rootHash == Data(hex: reference.rootHashBySizeHex[0]))
        for (size, leaf) in reference.leafInputsHex.enumerated() {
            tree.append(entry: Data(hex: leaf))
            #expect(tree.rootHash == Data(hex: reference.rootHashBySizeHex[size + 1]))
            #expect(try await tree.rootHash(size: UInt64(size + 1)) == Data(hex: reference.rootHashBySizeHex[size + 1]))
        }
        for (level, hashes) in reference.nodeHashesByLevelHex.enumerated() {
            for (index, hash) in hashes.enumerated() {
                #expect(tree.hash(of: NodeID(level: level, index: UInt64(index))) == Data(hex: hash))
            }
        }
        for size in 0...reference.leafInputsHex.count {
            let leafHashes = reference.leafInputsHex.prefix(size).map { MerkleHash.leafHash(Data(hex: $0)) }
            #expect(MerkleHash.root(ofLeafHashes: leafHashes) == Data(hex: reference.rootHashBySizeHex[size]))
        }
    }

    @Test func hasherVectors() {
        let vectors = ReferenceTree.vectors.hasher
        #expect(MerkleHash.emptyRoot == Data(hex: vectors["empty_tree"]!))
        #expect(MerkleHash.leafHash(Data()) == Data(hex: vectors["leaf(\"\")"]!))
        #expect(MerkleHash.leafHash(Data("L123456".utf8)) == Data(hex: vectors["leaf(\"L123456\")"]!))
        #expect(
            MerkleHash.nodeHash(Data("N123".utf8), Data("N456".utf8)) == Data(hex: vectors["node(\"N123\",\"N456\")"]!))
    }

    @Test(arguments: InclusionCase.all.filter { !$0.wantErr && $0.treeSize > 1 })
    func generatedInclusionMatchesVector(_ vector: InclusionCase) async throws {
        let tree = referenceTree()
        #expect(tree.hash(of: NodeID(level: 0, index: vector.leafIdx)) == Data(base64: vector.leafHash))
        let proof = try await InclusionProof.generate(index: vector.leafIdx, size: vector.treeSize, reader: tree)
        #expect(proof == (vector.proof ?? []).base64Decoded)
    }

    @Test(arguments: ConsistencyCase.all.filter { !$0.wantErr && $0.size1 > 0 && $0.root1.count == 44 })
    func generatedConsistencyMatchesVector(_ vector: ConsistencyCase) async throws {
        let tree = referenceTree()
        #expect(try await tree.rootHash(size: vector.size1) == Data(base64: vector.root1))
        let proof = try await ConsistencyProof.generate(from: vector.size1, to: vector.size2, reader: tree)
        #expect(proof == (vector.proof ?? []).base64Decoded)
    }

    @Test func generationRejectsInvalidSizes() async {
        let tree = referenceTree()
        await #expect(throws: MerkleError.indexOutOfRange(index: 8, size: 8)) {
            try await InclusionProof.generate(index: 8, size: 8, reader: tree)
        }
        await #expect(throws: MerkleError.emptyOldTree) {
            try await ConsistencyProof.generate(from: 0, to: 8, reader: tree)
        }
        await #expect(throws: MerkleError.sizeDecreased(from: 5, to: 4)) {
            try await ConsistencyProof.generate(from: 5, to: 4, reader: tree)
        }
        await #expect(throws: MerkleError.missingNode(NodeID(level: 0, index: 8))) {
            try await ConsistencyProof.generate(from: 8, to: 9, reader: tree)
        }
    }

    private func referenceTree() -> InMemoryMerkleTree {
        var tree = InMemoryMerkleTree()
        for leaf in ReferenceTree.vectors.referenceTree.leafInputsHex {
            tree.append(entry: Data(hex: leaf))
        }
        return tree
    }
}

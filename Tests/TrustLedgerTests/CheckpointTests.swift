import Crypto
import Foundation
import Testing
import TrustLedger

@Suite struct CheckpointTests {
    let derived = DerivedVectors.vectors

    var logSigner: Ed25519NoteSigner {
        get throws {
            try Ed25519NoteSigner(
                name: "ledger.example/test-log",
                privateKey: Curve25519.Signing.PrivateKey(rawRepresentation: Data(hex: derived.logEd25519SeedHex)))
        }
    }

    var witnessSigner: CosignatureSigner {
        get throws {
            try CosignatureSigner(
                name: "witness.eu.example/w1",
                privateKey: Curve25519.Signing.PrivateKey(rawRepresentation: Data(hex: derived.witnessEd25519SeedHex)))
        }
    }

    @Test func sumGolangOrgCheckpoint() throws {
        let vector = SignedNoteVectors.named("sum_golang_org_checkpoint")
        let verifier = try VerifierKey.parse(vector.vkey!)
        let (checkpoint, note) = try Checkpoint.open(Data(vector.note!.utf8), verifiers: [verifier])
        #expect(checkpoint.origin == "go.sum database tree")
        #expect(checkpoint.size == 6_476_701)
        #expect(checkpoint.rootHash.base64EncodedString() == "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=")
        #expect(checkpoint.extensions.isEmpty)
        #expect(checkpoint.text == note.text)
    }

    @Test func derivedCheckpointsReproduceByteForByte() throws {
        let signer = try logSigner
        #expect(signer.verifier.verifierKey == derived.logVkey)
        var tree = InMemoryMerkleTree()
        for leaf in derived.leaves { tree.append(entry: leaf) }
        for (size, expected) in [(8, derived.checkpointSize8), (300, derived.checkpointSize300)] {
            let (parsed, _) = try Checkpoint.open(Data(expected.utf8), verifiers: [signer.verifier])
            #expect(parsed.origin == "ledger.example/test-log")
            #expect(parsed.size == UInt64(size))
            var prefix = InMemoryMerkleTree()
            for leaf in derived.leaves.prefix(size) { prefix.append(entry: leaf) }
            #expect(parsed.rootHash == prefix.rootHash)
            let checkpoint = try Checkpoint(
                origin: "ledger.example/test-log", size: UInt64(size), rootHash: prefix.rootHash)
            let note = try SignedNote.sign(text: checkpoint.text, signers: [signer])
            #expect(String(decoding: note.serialized, as: UTF8.self) == expected)
        }
    }

    @Test func derivedCosignatureReproducesByteForByte() throws {
        let witness = try witnessSigner
        #expect(witness.verifier.verifierKey == derived.witnessVkeyType04)
        let text = try SignedNote(parsing: Data(derived.checkpointSize300.utf8)).text
        let message = Cosignature.signedMessage(
            checkpointText: Data(text.utf8), timestamp: derived.cosignatureTimestamp)
        #expect(String(decoding: message, as: UTF8.self) == derived.cosignatureSignedMessage)
        let cosignature = try witness.cosign(Data(text.utf8), timestamp: derived.cosignatureTimestamp)
        let line = NoteSignature(name: witness.name, keyID: witness.keyID, signature: cosignature.bytes).line
        #expect(derived.checkpointSize300 + line == derived.checkpointSize300Cosigned)

        let log = try Ed25519NoteVerifier(verifierKey: derived.logVkey)
        let opened = try SignedNote.open(
            Data(derived.checkpointSize300Cosigned.utf8), verifiers: [log, witness.verifier])
        #expect(opened.verifiedSignatures.map(\.name) == ["ledger.example/test-log", "witness.eu.example/w1"])
        let parsed = try Cosignature(bytes: opened.verifiedSignatures[1].signature)
        #expect(parsed.timestamp == derived.cosignatureTimestamp)
        #expect(parsed == cosignature)
    }

    @Test func cosignatureOverAnotherTimeDoesNotVerify() throws {
        let witness = try witnessSigner
        let text = Data("origin\n1\n\(MerkleHash.leafHash(Data()).base64EncodedString())\n".utf8)
        let cosignature = try witness.cosign(text, timestamp: 100)
        #expect(witness.verifier.verify(text, signature: cosignature.bytes))
        let shifted = Cosignature(timestamp: 101, signature: cosignature.signature)
        #expect(!witness.verifier.verify(text, signature: shifted.bytes))
        #expect(!witness.verifier.verify(text, signature: cosignature.signature))
        let tooLate = Data(repeating: 0xFF, count: 8) + cosignature.signature
        #expect(throws: NoteError.self) { try Cosignature(bytes: tooLate) }
    }

    @Test func cosignerUsesItsClock() throws {
        let witness = try CosignatureSigner(
            name: "w.example", privateKey: Curve25519.Signing.PrivateKey(), clock: { 1_700_000_000 })
        let signature = try witness.sign(Data("x\n".utf8))
        #expect(try Cosignature(bytes: signature).timestamp == 1_700_000_000)
    }

    @Test func specCosignatureExampleParses() throws {
        let vector = SignedNoteVectors.named("cosignature_v1_example")
        let note = try SignedNote(parsing: Data(vector.note!.utf8))
        let witness = note.signatures[1]
        #expect(witness.name == "witness.example.com/w1")
        #expect(witness.keyID == 0x8d66_cf3f)
        let cosignature = try Cosignature(bytes: witness.signature)
        #expect(cosignature.timestamp == 1_679_315_147)
        #expect(cosignature.signature.count == 64)
        let message = Cosignature.signedMessage(checkpointText: Data(note.text.utf8), timestamp: cosignature.timestamp)
        #expect(String(decoding: message, as: UTF8.self) == "cosignature/v1\ntime 1679315147\n" + note.text)
    }

    @Test func cosignerPrivateKeyRoundTrips() throws {
        let witness = try witnessSigner
        let restored = try CosignatureSigner(privateKeyString: witness.privateKeyString)
        #expect(restored.keyID == witness.keyID)
        #expect(throws: NoteError.unsupportedSignatureType(0x04)) {
            try Ed25519NoteSigner(privateKeyString: witness.privateKeyString)
        }
    }

    @Test func extensionLinesRoundTrip() throws {
        let root = MerkleHash.leafHash(Data("x".utf8))
        let checkpoint = try Checkpoint(
            origin: "example.com/log", size: 0, rootHash: root, extensions: ["ext one", "2"])
        #expect(checkpoint.text == "example.com/log\n0\n\(root.base64EncodedString())\next one\n2\n")
        #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
    }

    static let root = "6h6Tv1rREuXiImxSG8F2BWpEVHKCztefqS9sRweEgaU="

    @Test(arguments: [
        "origin\n300\n\(root)",
        "origin\n300\n",
        "\n300\n\(root)\n",
        "origin\n0300\n\(root)\n",
        "origin\n-3\n\(root)\n",
        "origin\n+3\n\(root)\n",
        "origin\n 3\n\(root)\n",
        "origin\n18446744073709551616\n\(root)\n",
        "origin\n300\nZG9uJ3QgY2FyZSAx\n",
        "origin\n300\n\(root.dropLast())\n",
        "origin\n300\n\(root)\n\n",
        "origin\n300\n\(root)\next\n\nmore\n",
    ])
    func malformedCheckpointsAreRejected(_ text: String) {
        #expect(throws: CheckpointError.self) { try Checkpoint(text: text) }
    }

    @Test func largestSizeParses() throws {
        let checkpoint = try Checkpoint(text: "o\n18446744073709551615\n\(Self.root)\n")
        #expect(checkpoint.size == UInt64.max)
    }
}

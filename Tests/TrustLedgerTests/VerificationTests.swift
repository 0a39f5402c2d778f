import Crypto
import Foundation
import Testing
import TrustLedger

@Suite struct VerificationTests {
    let derived = DerivedVectors.vectors
    let cnWitness = try! CosignatureSigner(name: "witness.cn.example/w1", privateKey: Curve25519.Signing.PrivateKey())

    var logVerifier: Ed25519NoteVerifier { try! Ed25519NoteVerifier(verifierKey: derived.logVkey) }

    func policy(_ text: String) throws -> WitnessPolicy {
        try WitnessPolicy(
            parsing: text,
            keyList: """
                # group key
                eu \(derived.witnessVkeyType04)

                cn \(cnWitness.verifier.verifierKey)
                """)
    }

    @Test func policyParses() throws {
        let parsed = try policy("eu:1, cn:1")
        #expect(parsed.groups.map(\.name) == ["eu", "cn"])
        #expect(parsed.groups.map(\.threshold) == [1, 1])
        #expect(parsed.witnesses.map(\.name) == ["witness.eu.example/w1", "witness.cn.example/w1"])
    }

    @Test(arguments: [
        ("eu", WitnessPolicyError.malformedPolicy("eu")),
        ("eu:x", .malformedPolicy("eu:x")),
        ("eu:2,cn:1", .unreachableThreshold(group: "eu", threshold: 2, witnesses: 1)),
        ("eu:0,cn:1", .unreachableThreshold(group: "eu", threshold: 0, witnesses: 1)),
        ("eu:1", .unknownGroup("cn")),
        ("eu:1,cn:1,us:1", .unreachableThreshold(group: "us", threshold: 1, witnesses: 0)),
        ("eu:1,eu:1,cn:1", .duplicateGroup("eu")),
    ])
    func invalidPoliciesAreRejected(_ text: String, _ error: WitnessPolicyError) {
        #expect(throws: error) { try policy(text) }
    }

    @Test func logKeyIsNotAWitnessKey() {
        #expect(throws: WitnessPolicyError.malformedKeyLine("eu \(derived.logVkey)")) {
            try WitnessPolicy(parsing: "eu:1", keyList: "eu \(derived.logVkey)")
        }
    }

    @Test func cosignedEntryVerifies() throws {
        let verifier = LedgerVerifier(
            logVerifier: logVerifier,
            policy: try WitnessPolicy(
                parsing: "eu:1", keyList: "eu \(derived.witnessVkeyType04)"))
        let report = verifier.verifyEntry(
            derived.leaves[5], index: 5, proof: derived.inclusion5In300.proof.base64Decoded,
            checkpoint: Data(derived.checkpointSize300Cosigned.utf8))
        #expect(report.isValid, "\(report.reasons)")
        #expect(report.checkpoint?.size == 300)
        #expect(
            report.reasons.contains(
                "ok: witness signature by witness.eu.example/w1 (0aecd900) verifies (time 1679315147)"))
        #expect(report.reasons.contains("ok: group eu: 1 of 1 witnesses cosigned, 1 required"))
        #expect(report.reasons.last == "ok: inclusion proof of 9 hash(es) places the entry at index 5 of 300")
    }

    @Test func missingGroupFailsPolicy() throws {
        let verifier = LedgerVerifier(logVerifier: logVerifier, policy: try policy("eu:1,cn:1"))
        let report = verifier.verifyCheckpoint(Data(derived.checkpointSize300Cosigned.utf8))
        #expect(!report.isValid)
        #expect(report.steps.filter { !$0.passed }.map(\.detail) == ["group cn: 0 of 1 witnesses cosigned, 1 required"])
    }

    @Test func bothGroupsSatisfied() throws {
        let note = try SignedNote(parsing: Data(derived.checkpointSize300Cosigned.utf8))
        var cosigned = note
        cosigned.signatures.append(
            NoteSignature(
                name: cnWitness.name, keyID: cnWitness.keyID, signature: try cnWitness.sign(Data(note.text.utf8))))
        let unknown = try Ed25519NoteSigner.generate(name: "someone.example")
        cosigned.signatures.append(
            NoteSignature(name: unknown.name, keyID: unknown.keyID, signature: try unknown.sign(Data(note.text.utf8))))
        let report = LedgerVerifier(logVerifier: logVerifier, policy: try policy("eu:1,cn:1"))
            .verifyCheckpoint(cosigned.serialized)
        #expect(report.isValid, "\(report.reasons)")
        #expect(report.reasons.contains { $0.hasPrefix("ok: ignored signature by someone.example") })
    }

    @Test func wrongEntryAndTamperedSignaturesFail() throws {
        let verifier = LedgerVerifier(logVerifier: logVerifier, policy: try policy("eu:1,cn:1"))
        let wrongEntry = verifier.verifyEntry(
            derived.leaves[6], index: 5, proof: derived.inclusion5In300.proof.base64Decoded,
            checkpoint: Data(derived.checkpointSize300Cosigned.utf8))
        #expect(wrongEntry.steps.last?.passed == false)

        let tampered = derived.checkpointSize300Cosigned.replacingOccurrences(
            of: "CuzZAAAAAABkGFDL", with: "CuzZAAAAAABkGFDM")
        let tamperedReport = verifier.verifyCheckpoint(Data(tampered.utf8))
        #expect(!tamperedReport.isValid)
        #expect(
            tamperedReport.reasons.contains(
                "FAILED: witness signature by witness.eu.example/w1 (0aecd900) does not verify"))

        let unsigned =
            derived.checkpointSize300Cosigned.components(separatedBy: "— ledger").first! + "— other AAAAAAA=\n"
        let unsignedReport = verifier.verifyCheckpoint(Data(unsigned.utf8))
        #expect(
            unsignedReport.reasons.contains("FAILED: log signature by ledger.example/test-log (c358be8f) is missing"))

        #expect(!verifier.verifyCheckpoint(Data("garbage".utf8)).isValid)
        let otherOrigin = LedgerVerifier(logVerifier: logVerifier, policy: try policy("eu:1,cn:1"), origin: "x")
            .verifyCheckpoint(Data(derived.checkpointSize300Cosigned.utf8))
        #expect(otherOrigin.reasons.contains("FAILED: origin ledger.example/test-log is not x"))
    }

    @Test func derivedProofsVerify() throws {
        let inclusion = derived.inclusion5In300
        #expect(MerkleHash.leafHash(derived.leaves[5]) == Data(base64: inclusion.leafHash!))
        try InclusionProof.verify(
            index: 5, size: 300, leafHash: Data(base64: inclusion.leafHash!), proof: inclusion.proof.base64Decoded,
            root: Data(base64: inclusion.root!))
        let consistency = derived.consistency8To300
        try ConsistencyProof.verify(
            oldSize: 8, newSize: 300, oldRoot: Data(base64: consistency.root1),
            newRoot: Data(base64: consistency.root2),
            proof: consistency.proof.base64Decoded)
        let at8 = try Checkpoint(text: try SignedNote(parsing: Data(derived.checkpointSize8.utf8)).text)
        try InclusionProof.verify(
            index: 5, size: 8, leafHash: Data(base64: inclusion.leafHash!),
            proof: derived.inclusion5In8.proof.base64Decoded,
            root: at8.rootHash)
    }
}

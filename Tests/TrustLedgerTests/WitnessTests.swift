import Crypto
import Foundation
import Testing
import TrustLedger

/// A log kept in memory that signs checkpoints, for driving a witness.
struct TestLog {
    let signer: Ed25519NoteSigner
    var tree = InMemoryMerkleTree()

    init(signer: Ed25519NoteSigner, entries: [String]) {
        self.signer = signer
        for entry in entries { tree.append(entry: Data(entry.utf8)) }
    }

    func checkpoint(size: UInt64) async throws -> Data {
        let root = try await tree.rootHash(size: size)
        let checkpoint = try Checkpoint(origin: signer.name, size: size, rootHash: root)
        return try SignedNote.sign(text: checkpoint.text, signers: [signer]).serialized
    }

    func request(old: UInt64, new: UInt64) async throws -> Data {
        let proof = old == 0 || old >= new ? [] : try await ConsistencyProof.generate(from: old, to: new, reader: tree)
        return AddCheckpointRequest(oldSize: old, consistencyProof: proof, checkpoint: try await checkpoint(size: new))
            .body
    }
}

@Suite struct WitnessTests {
    let logSigner = try! Ed25519NoteSigner.generate(name: "log.example/main")
    let cosigner = try! CosignatureSigner(
        name: "witness.example/w1", privateKey: Curve25519.Signing.PrivateKey(), clock: { 1_700_000_000 })

    func makeWitness(state: any WitnessState = InMemoryWitnessState()) -> LocalWitnessClient {
        LocalWitnessClient(
            witness: Witness(cosigner: cosigner, logs: [logSigner.name: [logSigner.verifier]], state: state))
    }

    @Test func addCheckpointBodyIsByteExact() throws {
        let derived = DerivedVectors.vectors
        let request = AddCheckpointRequest(
            oldSize: 8, consistencyProof: derived.consistency8To300.proof.base64Decoded,
            checkpoint: Data(derived.checkpointSize300.utf8))
        #expect(String(decoding: request.body, as: UTF8.self) == derived.tlogWitnessAddCheckpointRequestBody)
        let parsed = try AddCheckpointRequest(body: Data(derived.tlogWitnessAddCheckpointRequestBody.utf8))
        #expect(parsed == request)
    }

    static let checkpointText = "log\n1\n\(MerkleHash.emptyRoot.base64EncodedString())\n\n— log AAAAAAA=\n"

    @Test(arguments: [
        "", "old 1\n", "old\n\n" + checkpointText, "old 01\n\n" + checkpointText, "old -1\n\n" + checkpointText,
        "new 1\n\n" + checkpointText, "old 1\nnot base64\n\n" + checkpointText,
        "old 1\n\(Data(count: 31).base64EncodedString())\n\n" + checkpointText, "old 1\n\n",
        "old 1\n" + String(repeating: "\(Data(count: 32).base64EncodedString())\n", count: 64) + "\n" + checkpointText,
    ])
    func malformedRequestsAreRejected(_ body: String) {
        #expect(throws: WitnessError.self) { try AddCheckpointRequest(body: Data(body.utf8)) }
    }

    @Test func sixtyThreeProofLinesAreAccepted() throws {
        let body =
            "old 1\n" + String(repeating: "\(Data(count: 32).base64EncodedString())\n", count: 63) + "\n"
            + Self.checkpointText
        #expect(try AddCheckpointRequest(body: Data(body.utf8)).consistencyProof.count == 63)
    }

    @Test func witnessRefusesForkedLog() async throws {
        let state = InMemoryWitnessState()
        let witness = makeWitness(state: state)
        let honest = TestLog(signer: logSigner, entries: (0..<30).map { "entry \($0)" })
        let fork = TestLog(signer: logSigner, entries: (0..<30).map { $0 < 8 ? "entry \($0)" : "forked \($0)" })

        let first = try await witness.addCheckpoint(try await honest.request(old: 0, new: 8))
        #expect(first.status == 200)
        let line = String(decoding: first.body, as: UTF8.self)
        let cosigned = try await honest.checkpoint(size: 8) + Data(line.utf8)
        let opened = try SignedNote.open(cosigned, verifiers: [logSigner.verifier, cosigner.verifier])
        #expect(opened.verifiedSignatures.count == 2)

        #expect(try await witness.addCheckpoint(try await honest.request(old: 8, new: 20)).status == 200)
        #expect(await state.latest(origin: logSigner.name)?.size == 20)

        // Same size, different root.
        let sameSize = try await witness.addCheckpoint(try await fork.request(old: 20, new: 20))
        #expect(sameSize.status == 422)
        // A valid proof inside the fork does not connect to the recorded root.
        let forkProof = try await witness.addCheckpoint(try await fork.request(old: 20, new: 30))
        #expect(forkProof.status == 422)
        // A stale old size is answered with the recorded size.
        let stale = try await witness.addCheckpoint(try await fork.request(old: 8, new: 30))
        #expect(stale == WitnessResponse(status: 409, body: Data("20\n".utf8)))
        // Going backwards.
        let backwards = try await witness.addCheckpoint(try await honest.request(old: 20, new: 10))
        #expect(backwards.status == 400)
        let restart = try await witness.addCheckpoint(try await honest.request(old: 0, new: 10))
        #expect(restart == WitnessResponse(status: 409, body: Data("20\n".utf8)))

        var tampered = try AddCheckpointRequest(body: try await honest.request(old: 20, new: 30))
        var proof = tampered.consistencyProof
        proof[0][0] ^= 1
        tampered = AddCheckpointRequest(oldSize: 20, consistencyProof: proof, checkpoint: tampered.checkpoint)
        #expect(try await witness.addCheckpoint(tampered.body).status == 422)
        #expect(await state.latest(origin: logSigner.name)?.size == 20)

        #expect(try await witness.addCheckpoint(try await honest.request(old: 20, new: 30)).status == 200)
        #expect(try await witness.addCheckpoint(try await honest.request(old: 30, new: 30)).status == 200)
        #expect(await state.latest(origin: logSigner.name)?.rootHash == honest.tree.rootHash)
    }

    @Test func refusalsMapToSpecStatusCodes() async throws {
        let witness = makeWitness()
        let stranger = try Ed25519NoteSigner.generate(name: "other.example/log")
        let unknown = try await TestLog(signer: stranger, entries: ["a"]).request(old: 0, new: 1)
        #expect(try await witness.addCheckpoint(unknown).status == 404)

        let impostor = try Ed25519NoteSigner.generate(name: logSigner.name)
        let forged = try await TestLog(signer: impostor, entries: ["a"]).request(old: 0, new: 1)
        #expect(try await witness.addCheckpoint(forged).status == 403)

        let log = TestLog(signer: logSigner, entries: ["a", "b"])
        let checkpoint = try await log.checkpoint(size: 2)
        let proofFromZero = AddCheckpointRequest(
            oldSize: 0, consistencyProof: [MerkleHash.emptyRoot], checkpoint: checkpoint)
        #expect(try await witness.addCheckpoint(proofFromZero.body).status == 422)
        #expect(try await witness.addCheckpoint(Data("old 0\n\nnot a note\n".utf8)).status == 400)
        #expect(try await witness.addCheckpoint(try await log.request(old: 3, new: 2)).status == 400)

        let conflict = WitnessError.conflict(recordedSize: 7)
        #expect(conflict.statusCode == 409)
        #expect(conflict.contentType == "text/x.tlog.size")
        #expect(conflict.responseBody == Data("7\n".utf8))
    }

    @Test func concurrentRequestsFromSameOldSizeCosignOnlyOne() async throws {
        let witness = makeWitness()
        let log = TestLog(signer: logSigner, entries: (0..<40).map { "e\($0)" })
        let bodies = try await (1...12).asyncMap { try await log.request(old: 0, new: UInt64($0 * 3)) }
        let statuses = await withTaskGroup(of: Int.self) { group in
            for body in bodies {
                group.addTask { (try? await witness.addCheckpoint(body).status) ?? 0 }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 11)
    }

    @Test func stateSwapsOnlyFromExpectedValue() async throws {
        let state = InMemoryWitnessState()
        let first = TreeHead(size: 1, rootHash: Data(count: 32))
        let second = TreeHead(size: 2, rootHash: Data(count: 32))
        #expect(await state.compareAndSwap(origin: "o", expected: nil, new: first, checkpoint: Data("1".utf8)))
        #expect(await !state.compareAndSwap(origin: "o", expected: nil, new: second, checkpoint: Data("2".utf8)))
        #expect(await state.latestCheckpoint(origin: "o") == Data("1".utf8))
        #expect(await state.compareAndSwap(origin: "o", expected: first, new: second, checkpoint: Data("2".utf8)))
        #expect(await state.latest(origin: "o") == second)
        #expect(await state.latestCheckpoint(origin: "o") == Data("2".utf8))
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

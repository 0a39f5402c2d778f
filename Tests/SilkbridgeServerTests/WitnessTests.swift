import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOFoundationCompat
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing
import TrustLedger

@Suite(.timeLimit(.minutes(10))) struct WitnessTests {
    static func witnessConfiguration(_ name: String, log: Ed25519NoteSigner, state: String? = nil) throws
        -> (WitnessConfiguration, CosignatureVerifier)
    {
        let cosigner = try CosignatureSigner.generate(name: name)
        let configuration = WitnessConfiguration(
            port: 0, key: cosigner.privateKeyString, logKey: log.verifier.verifierKey, statePath: state)
        return (configuration, cosigner.verifier)
    }

    @Test func twoWitnessesOnLoopbackCosignEveryCheckpoint() async throws {
        let log = try await LedgerTestLog(entries: 3)
        let (euConfiguration, euKey) = try Self.witnessConfiguration("witness.example.eu/w1", log: log.signer)
        let (cnConfiguration, cnKey) = try Self.witnessConfiguration("witness.example.cn/w1", log: log.signer)
        let logger = Logger(label: "witness")
        try await WitnessServer.build(euConfiguration, logger: logger).test(.live) { eu in
            try await WitnessServer.build(cnConfiguration, logger: logger).test(.live) { cn in
                let witnesses = [
                    LedgerWitness(
                        side: .europe, verifier: euKey,
                        client: HTTPWitnessClient(url: "http://127.0.0.1:\(try #require(eu.port))")),
                    LedgerWitness(
                        side: .china, verifier: cnKey,
                        client: HTTPWitnessClient(url: "http://127.0.0.1:\(try #require(cn.port))")),
                ]
                let app = try await buildApplication(
                    configuration: log.configuration(LedgerConfiguration(witnesses: witnesses)))
                try await app.test(.router) { client in
                    let before = try await client.api(.get, "/api/v1/ledger").json()
                    #expect(before["policy"] as? String == "eu:1,cn:1")
                    #expect(before["policyMet"] as? Bool == false)

                    let owner = try await client.signUp()
                    let id = try await client.createOrganization(token: owner)
                    for name in ["a.eu/k1", "a.eu/k2"] {
                        let key = try OrganizationKeyAPITests.newKey(name)
                        let created = try await client.api(
                            .post, "/api/v1/organizations/\(id)/keys", token: owner,
                            json: #"{"publicKey":"\#(key.verifierKey)"}"#)
                        #expect(created.status == .created)
                    }
                    let after = try await client.api(.get, "/api/v1/ledger").json()
                    #expect(after["size"] as? Int == 5)
                    #expect(after["policyMet"] as? Bool == true, "\(after["reasons"] ?? "")")
                    let listed = try #require(after["witnesses"] as? [[String: Any]])
                    #expect(listed.map { $0["side"] as? String } == ["eu", "cn"])
                    #expect(listed.allSatisfy { $0["cosigned"] as? Bool == true })

                    // What an outside client checks: log signature plus one cosignature from each side.
                    let note = try await client.execute(uri: "/ledger/checkpoint", method: .get)
                    let policy = try WitnessPolicy(groups: [
                        WitnessGroup(name: "eu", threshold: 1, witnesses: [euKey]),
                        WitnessGroup(name: "cn", threshold: 1, witnesses: [cnKey]),
                    ])
                    let report = LedgerVerifier(logVerifier: log.signer.verifier, policy: policy)
                        .verifyCheckpoint(Data(buffer: note.body))
                    #expect(report.isValid, "\(report.reasons)")
                    let page = try await client.execute(uri: "/ledger", method: .get)
                    #expect(page.text.contains("witness.example.cn/w1"))
                    #expect(page.text.contains("id=\"policy-met\""))
                }
            }
        }
    }

    @Test func aWitnessRefusesAForkedLogAndRemembersAcrossRestarts() async throws {
        let signer = try Ed25519NoteSigner.generate(name: "log.example/fork")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("witness-\(UUID()).json").path
        let (configuration, witnessKey) = try Self.witnessConfiguration("w.example/1", log: signer, state: state)
        var honestTree = InMemoryMerkleTree()
        var forkedTree = InMemoryMerkleTree()
        for index in 0..<15 {
            if index < 10 { honestTree.append(entry: Data("entry \(index)".utf8)) }
            forkedTree.append(entry: Data((index < 5 ? "entry \(index)" : "forged \(index)").utf8))
        }
        let (honest, forked) = (honestTree, forkedTree)
        @Sendable func request(_ tree: InMemoryMerkleTree, old: UInt64, new: UInt64) async throws -> Data {
            let checkpoint = try Checkpoint(
                origin: signer.name, size: new, rootHash: try await tree.rootHash(size: new))
            let note = try SignedNote.sign(text: checkpoint.text, signers: [signer]).serialized
            let proof = old == 0 ? [] : try await ConsistencyProof.generate(from: old, to: new, reader: tree)
            return AddCheckpointRequest(oldSize: old, consistencyProof: proof, checkpoint: note).body
        }
        /// The checkpoint the witness serves for the log (tlog-witness), checked against the log's key and its own.
        @Sendable func servedSize(_ live: any TestClientProtocol) async throws -> UInt64 {
            let served = try await live.execute(uri: "/\(Witness.hash(of: signer.name))/checkpoint", method: .get)
            #expect(served.status == .ok)
            let opened = try SignedNote.open(Data(buffer: served.body), verifiers: [signer.verifier, witnessKey])
            #expect(opened.verifiedSignatures.map(\.name) == [signer.name, witnessKey.name])
            return try Checkpoint(text: opened.text).size
        }
        let logger = Logger(label: "witness")
        try await WitnessServer.build(configuration, logger: logger).test(.live) { live in
            let witness = HTTPWitnessClient(url: "http://127.0.0.1:\(try #require(live.port))")
            let first = try await witness.addCheckpoint(try await request(honest, old: 0, new: 10))
            #expect(first.status == 200)
            let line = try NoteSignature(line: String(decoding: first.body, as: UTF8.self).dropLast())
            #expect(line.name == witnessKey.name && line.keyID == witnessKey.keyID)
            #expect(try await servedSize(live) == 10)
            let otherLog = "/\(Witness.hash(of: "other.example/log"))/checkpoint"
            #expect(try await live.execute(uri: otherLog, method: .get).status == .notFound)
        }
        // Restarted from its state file, the witness still knows size 10 and its root, and serves that checkpoint.
        try await WitnessServer.build(configuration, logger: logger).test(.live) { live in
            let witness = HTTPWitnessClient(url: "http://127.0.0.1:\(try #require(live.port))")
            #expect(try await servedSize(live) == 10)
            let sameSize = try await witness.addCheckpoint(try await request(forked, old: 10, new: 10))
            #expect(sameSize.status == 422)
            let grown = try await witness.addCheckpoint(try await request(forked, old: 10, new: 15))
            #expect(grown.status == 422)
            let fromScratch = try await witness.addCheckpoint(try await request(forked, old: 0, new: 15))
            #expect(fromScratch.status == 409)
            #expect(String(decoding: fromScratch.body, as: UTF8.self) == "10\n")
            let honestGrowth = try await witness.addCheckpoint(try await request(honest, old: 10, new: 10))
            #expect(honestGrowth.status == 200)
        }
    }

    @Test func aWitnessThatIsDownDoesNotStopTheLog() async throws {
        let log = try await LedgerTestLog(entries: 2)
        let (_, euKey) = try Self.witnessConfiguration("witness.example.eu/down", log: log.signer)
        // Nothing listens on port 9 of loopback (discard), so every request fails.
        let witness = LedgerWitness(
            side: .europe, verifier: euKey, client: HTTPWitnessClient(url: "http://127.0.0.1:9"))
        let app = try await buildApplication(
            configuration: log.configuration(
                LedgerConfiguration(witnesses: [witness], witnessTimeout: .milliseconds(300))))
        try await app.test(.router) { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner)
            let key = try OrganizationKeyAPITests.newKey("down.eu/k")
            let created = try await client.api(
                .post, "/api/v1/organizations/\(id)/keys", token: owner, json: #"{"publicKey":"\#(key.verifierKey)"}"#)
            #expect(created.status == .created)
            let ledger = try await client.api(.get, "/api/v1/ledger").json()
            #expect(ledger["size"] as? Int == 3)
            #expect(ledger["policyMet"] as? Bool == false)
            #expect((ledger["reasons"] as? [String])?.contains { $0.hasPrefix("FAILED: group eu") } == true)
        }
    }

    @Test func demoServersRunOneWitnessPerSide() async throws {
        try await withApp(demo: true) { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner)
            let key = try OrganizationKeyAPITests.newKey("demo.eu/k")
            let created = try await client.api(
                .post, "/api/v1/organizations/\(id)/keys", token: owner, json: #"{"publicKey":"\#(key.verifierKey)"}"#)
            #expect(created.status == .created)
            let ledger = try await client.api(.get, "/api/v1/ledger").json()
            #expect(ledger["policyMet"] as? Bool == true, "\(ledger["reasons"] ?? "")")
            let sides = (ledger["witnesses"] as? [[String: Any]])?.compactMap { $0["side"] as? String }
            #expect(sides == ["eu", "cn"])
        }
    }
}

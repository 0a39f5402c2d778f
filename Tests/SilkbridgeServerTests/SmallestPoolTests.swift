import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SilkbridgeServer
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing
import TrustLedger

/// The pool ran dry when something held a connection while it waited for another (a transaction waiting on the
/// sequencer, which waits for a connection). With one connection per event loop and a short wait, any such hold
/// fails the demo load or a write instead of slowing it, so this shows none is left.
@Suite(.timeLimit(.minutes(10))) struct SmallestPoolTests {
    @Test(arguments: TestDatabase.available)
    func theDemoLoadsAndTakesConcurrentWritesOnTheSmallestPool(database: TestDatabase) async throws {
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key")
        var configuration = testConfiguration(database: database.freshLocation(), demo: true, keyFile: keyFile.path)
        configuration.databasePool = .smallest
        let app = try await buildApplication(configuration: configuration)
        try await app.test(.router) { client in
            let fixture = try await AgreementFixture.make(client)
            let agreement = try await fixture.draft(client)
            let (message, version) = try await fixture.open(client, agreement)
            let party = fixture.europe
            // Ledger writes (keys, a signature) and ordinary writes (organisations) at once.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for number in 0..<6 {
                    group.addTask {
                        let signer = try Ed25519NoteSigner.generate(name: "pool-\(number).example/signing")
                        return try await client.api(
                            .post, "/api/v1/organizations/\(party.organizationId)/keys", token: party.token,
                            json: #"{"publicKey":"\#(signer.verifier.verifierKey)"}"#
                        ).status
                    }
                    group.addTask {
                        try await client.api(
                            .post, "/api/v1/organizations", token: party.token,
                            json:
                                #"{"name":{"en":"Pool \#(number)"},"type":"startup","country":"DE","size":"micro","areas":["cloud-computing"]}"#
                        ).status
                    }
                }
                group.addTask {
                    try await fixture.sign(client, agreement, as: party, message: message, version: version).status
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // A 503 is an answer (the wait was bounded); anything else but success is not.
            #expect(statuses.allSatisfy { $0 == .created || $0 == .serviceUnavailable }, "\(statuses)")
            #expect(statuses.contains(.created))

            let signed = try await fixture.sign(
                client, agreement, as: fixture.china, message: message, version: version)
            #expect(signed.status == .created, "\(signed.text)")
            let ledger = try await client.api(.get, "/api/v1/ledger").json()
            #expect((ledger["sequencing"] as? [String: Any])?["state"] as? String == "running", "\(ledger)")
        }
    }
}

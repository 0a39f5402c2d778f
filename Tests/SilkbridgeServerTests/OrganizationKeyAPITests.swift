import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing
import TrustLedger

@Suite(.timeLimit(.minutes(10))) struct OrganizationKeyAPITests {
    /// A fresh key pair as an organisation would make it; only the public parts are ever sent.
    static func newKey(_ name: String = "isar-energy.eu/signing") throws -> (verifierKey: String, base64: String) {
        let verifier = try Ed25519NoteSigner.generate(name: name).verifier.verifierKey
        let material = Data(base64Encoded: String(verifier.split(separator: "+", maxSplits: 2)[2]))!
        return (verifier, material.dropFirst().base64EncodedString())
    }

    @Test(arguments: TestDatabase.available)
    func membersRegisterAndRevokeKeysThroughTheLedger(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner, name: "Isar Energy")
            let key = try Self.newKey()
            let created = try await client.api(
                .post, "/api/v1/organizations/\(id)/keys", token: owner,
                json: #"{"publicKey":"\#(key.base64)","name":"isar-energy.eu/signing"}"#)
            #expect(created.status == .created, "\(created.text)")
            let registered = try created.json()
            #expect(registered["verifierKey"] as? String == key.verifierKey)
            let index = try #require(registered["ledgerIndex"] as? Int)

            let entry = try await client.api(.get, "/api/v1/ledger/entries/\(index)").json()
            let text = try #require(entry["text"] as? String)
            let logged = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(logged["type"] as? String == "organization.key.registered")
            #expect(logged["v"] as? Int == 1)
            #expect(logged["verifierKey"] as? String == key.verifierKey)
            #expect(logged["organizationId"] as? String == id)
            #expect(text.hasPrefix(#"{"at":"#), "keys are sorted: \(text)")

            // Anyone may read an organisation's public keys, as anyone may read the ledger.
            let listed = try await client.api(.get, "/api/v1/organizations/\(id)/keys").json()
            #expect((listed["items"] as? [[String: Any]])?.count == 1)

            let keyId = try #require(registered["id"] as? String)
            let revoked = try await client.api(.delete, "/api/v1/organizations/\(id)/keys/\(keyId)", token: owner)
            #expect(revoked.status == .ok)
            let revocation = try #require(try revoked.json()["revocationLedgerIndex"] as? Int)
            #expect(revocation > index)
            let revokedEntry = try await client.api(.get, "/api/v1/ledger/entries/\(revocation)").json()
            #expect((revokedEntry["text"] as? String)?.contains("organization.key.revoked") == true)
            let again = try await client.api(.delete, "/api/v1/organizations/\(id)/keys/\(keyId)", token: owner)
            #expect(again.status == .conflict)
            let ledger = try await client.api(.get, "/api/v1/ledger").json()
            #expect(ledger["size"] as? Int == revocation + 1)
        }
    }

    @Test func onlyMembersManageKeys() async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner)
            let outsider = try await client.signUp()
            let key = try Self.newKey()
            let body = #"{"publicKey":"\#(key.verifierKey)"}"#
            let anonymous = try await client.api(.post, "/api/v1/organizations/\(id)/keys", json: body)
            #expect(anonymous.status == .unauthorized)
            let foreign = try await client.api(.post, "/api/v1/organizations/\(id)/keys", token: outsider, json: body)
            #expect(foreign.status == .forbidden)
            let created = try await client.api(.post, "/api/v1/organizations/\(id)/keys", token: owner, json: body)
            #expect(created.status == .created)
            let keyId = try #require(try created.json()["id"] as? String)
            let revoke = try await client.api(.delete, "/api/v1/organizations/\(id)/keys/\(keyId)", token: outsider)
            #expect(revoke.status == .forbidden)
            // An outsider's own organisation gives no rights over this one's keys.
            let other = try await client.createOrganization(token: outsider, name: "Other")
            let crossed = try await client.api(.delete, "/api/v1/organizations/\(other)/keys/\(keyId)", token: outsider)
            #expect(crossed.status == .notFound)
            let ledger = try await client.api(.get, "/api/v1/ledger").json()
            #expect(ledger["size"] as? Int == 1)
        }
    }

    @Test(arguments: [
        (#"{"publicKey":"not a key","name":"a/b"}"#, "publicKey"),
        (#"{"publicKey":"AAAA","name":"a/b"}"#, "publicKey"),
        (#"{"publicKey":"PRIVATE+KEY+a+01234567+AQ=="}"#, "private"),
        (#"{"publicKey":"a+00000000+AQ=="}"#, "publicKey"),
        (#"{"publicKey":"BASE64","name":"has space"}"#, "name"),
        (#"{"publicKey":"BASE64"}"#, "name"),
        (#"{"publicKey":"VERIFIER","name":"another/name"}"#, "name"),
        (#"{"name":"a/b"}"#, "publicKey"),
    ])
    func badKeysAreRefusedWithTheField(body: String, mentions: String) async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner)
            let key = try Self.newKey()
            let json = body.replacingOccurrences(of: "BASE64", with: key.base64)
                .replacingOccurrences(of: "VERIFIER", with: key.verifierKey)
            let response = try await client.api(.post, "/api/v1/organizations/\(id)/keys", token: owner, json: json)
            #expect(response.status == .badRequest)
            #expect(try response.problemDetail().contains(mentions))
        }
    }

    @Test func aKeyIsRegisteredOnceAndTheOrganisationPageListsIt() async throws {
        try await withApp { client in
            var browser = BrowserSession(client)
            _ = try await browser.post(
                "/signup", [("email", "key@example.eu"), ("password", "correct horse battery"), ("displayName", "K")])
            let token =
                try await client.api(
                    .post, "/api/v1/sessions", json: #"{"email":"key@example.eu","password":"correct horse battery"}"#
                ).json()["token"] as! String
            let id = try await client.createOrganization(token: token)
            let key = try Self.newKey("isar.eu/k1")
            let form = try await browser.post("/organizations/\(id)/keys", [("publicKey", key.verifierKey)])
            #expect(form.status == .seeOther)
            let duplicate = try await browser.post("/organizations/\(id)/keys", [("publicKey", key.verifierKey)])
            #expect(duplicate.status == .badRequest)
            #expect(duplicate.text.contains("already registered"))
            let page = try await browser.get("/organizations/\(id)")
            #expect(page.text.contains("id=\"keys\""))
            #expect(page.text.contains(key.verifierKey))
            #expect(page.text.contains("/ledger?entry=0"))
            let anonymous = try await client.execute(uri: "/organizations/\(id)", method: .get)
            #expect(anonymous.text.contains(key.verifierKey))
            #expect(!anonymous.text.contains("name=\"publicKey\""))
        }
    }
}

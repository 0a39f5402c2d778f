import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SilkbridgeLedgerClient
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing
import TrustLedger

@Suite(.timeLimit(.minutes(10))) struct AgreementAPITests {
    /// A term that starts on a day the calendar does not have, or in another century, is refused, not moved.
    @Test(arguments: ["2026-02-30", "99999-01-01", "1899-12-31", "2026-1-5", "2026-12-01T00:00:00Z"])
    func aTermStartMustBeARealDay(start: String) async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let refused = try await client.api(
                .post, "/api/v1/agreements", token: parties.europe.token,
                json:
                    #"{"kind":"letter-of-intent","organizationId":"\#(parties.europe.organizationId)","parties":["\#(parties.china.organizationId)"],"title":{"en":"LoI"},"termStart":"\#(start)","termMonths":12,"text":{"en":"Intent."}}"#
            )
            #expect(refused.status == .badRequest, "\(refused.text)")
            #expect(refused.text.contains("termStart"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoPartiesSignALetterOfIntentThatVerifiesOffline(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            // Either party writes new versions while it is a draft; each has its own digest.
            let revised = try await client.api(
                .post, "/api/v1/agreements/\(id)/versions", token: parties.china.token,
                json: #"{"text":{"en":"The parties intend to cooperate on smart meters.","zh-Hans":"双方有意在智能电表方面合作。"}}"#)
            #expect(revised.status == .created, "\(revised.text)")
            let versions =
                try await client.api(.get, "/api/v1/agreements/\(id)/versions", token: parties.europe.token)
                .json()["items"] as! [[String: Any]]
            #expect(versions.count == 2)
            #expect(versions[0]["sha256"] as? String != versions[1]["sha256"] as? String)

            let (message, version) = try await parties.open(client, id)
            #expect(version == 2)
            #expect(message.hasPrefix("silkbridge agreement signature v1\nagreement \(id)\nversion 2\nsha256 "))
            let first = try await parties.sign(client, id, as: parties.europe, message: message, version: version)
            #expect(first.status == .created, "\(first.text)")
            #expect(try first.json()["status"] as? String == "open-for-signature")
            let second = try await parties.sign(client, id, as: parties.china, message: message, version: version)
            #expect(second.status == .created, "\(second.text)")
            let signed = try second.json()
            #expect(signed["status"] as? String == "in-force")
            let inForce = try #require(signed["inForceLedgerIndex"] as? Int)
            let entry = try await client.api(.get, "/api/v1/ledger/entries/\(inForce)").json()
            #expect((entry["text"] as? String)?.contains(#""type":"agreement.in-force""#) == true)

            // Anyone can read the register and verify the bundle with nothing but the log key.
            let register = try await client.api(.get, "/api/v1/agreements?area=smart-energy").json()
            #expect((register["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let bundle = try await Self.bundle(client, id)
            #expect(bundle.document != nil)
            let steps = try await Self.verify(client, bundle)
            #expect(steps.filter { !$0.passed }.isEmpty, "\(steps)")
            #expect(steps.contains { $0.detail.contains("Ed25519 signature over the digest verifies") })
        }
    }

    @Test func aTamperedBundleFailsAndSaysWhichCheck() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await Self.signedAgreement(client, parties)
            let bundle = try await Self.bundle(client, id)

            var text = bundle
            var document =
                try JSONSerialization.jsonObject(with: Data(base64Encoded: bundle.document!)!) as! [String: Any]
            document["termMonths"] = 600
            text.document = try JSONSerialization.data(withJSONObject: document, options: .sortedKeys)
                .base64EncodedString()
            #expect(try await Self.failures(client, text).contains { $0.contains("document SHA-256") })

            var signature = bundle
            var bytes = Data(base64Encoded: signature.signatures[0].signature)!
            bytes[0] ^= 1
            signature.signatures[0].signature = bytes.base64EncodedString()
            #expect(try await Self.failures(client, signature).contains { $0.contains("Ed25519 signature") })

            var proof = bundle
            proof.entries[0].inclusionProof = proof.entries[0].inclusionProof.reversed()
            proof.entries[0].inclusionProof.append(Data(repeating: 7, count: 32).base64EncodedString())
            #expect(try await Self.failures(client, proof).contains { $0.contains("inclusion proof") })

            var checkpoint = bundle
            checkpoint.checkpoint = checkpoint.checkpoint.replacingOccurrences(
                of: "\n\(Self.size(of: bundle))\n", with: "\n99\n")
            #expect(try await Self.failures(client, checkpoint).contains { $0.contains("log signature") })
        }
    }

    @Test func privateTextsShowOnlyTheirDigestToOthers() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await Self.signedAgreement(client, parties, visibility: "digest-only")
            let public_ = try await client.api(.get, "/api/v1/agreements/\(id)").json()
            #expect(public_["textVisible"] as? Bool == false)
            #expect(public_["text"] == nil)
            let party = try await client.api(.get, "/api/v1/agreements/\(id)", token: parties.china.token).json()
            #expect((party["text"] as? [String: Any])?["en"] != nil)
            // Lists answer the same: the register hides the text, the party's own list shows it.
            let register = try await client.api(.get, "/api/v1/agreements").json()["items"] as? [[String: Any]]
            #expect(register?.map { $0["textVisible"] as? Bool } == [false])
            let mine = try await client.api(.get, "/api/v1/me/agreements", token: parties.china.token).json()
            #expect((mine["items"] as? [[String: Any]])?.map { $0["textVisible"] as? Bool } == [true])
            let bundle = try await Self.bundle(client, id)
            #expect(bundle.document == nil)
            let steps = try await Self.verify(client, bundle)
            #expect(steps.filter { !$0.passed }.isEmpty, "\(steps)")
            #expect(steps.contains { $0.detail.contains("private to the parties") })
        }
    }

    @Test func aLetterOfIntentFromAnInterestMovesItsPipeline() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let opportunity = try await OpportunityAPITests.draft(
                client, token: parties.europe.token, organization: parties.europe.organizationId)
            _ = try await client.api(.post, "/api/v1/opportunities/\(opportunity)/publish", token: parties.europe.token)
            let sent = try await client.api(
                .post, "/api/v1/opportunities/\(opportunity)/interests", token: parties.china.token,
                json: #"{"organizationId":"\#(parties.china.organizationId)","message":"我们希望合作。"}"#)
            let interest = try sent.json()["id"] as! String
            let body =
                #"{"kind":"letter-of-intent","organizationId":"\#(parties.europe.organizationId)","parties":["\#(parties.china.organizationId)"],"interestId":"\#(interest)","title":{"en":"LoI"},"termStart":"2026-12-01","termMonths":12,"text":{"en":"Intent."}}"#
            // Only an accepted interest between the parties can be the origin; a pending one moves nothing.
            let unrelated = try await client.api(
                .post, "/api/v1/agreements", token: parties.europe.token,
                json: body.replacingOccurrences(of: interest, with: UUID().uuidString.lowercased()))
            #expect(unrelated.status == .badRequest)
            _ = try await client.api(.post, "/api/v1/interests/\(interest)/accept", token: parties.europe.token)
            let created = try await client.api(.post, "/api/v1/agreements", token: parties.europe.token, json: body)
            #expect(created.status == .created, "\(created.text)")
            let id = try created.json()["id"] as! String
            let (message, version) = try await parties.open(client, id)
            for party in [parties.europe, parties.china] {
                _ = try await parties.sign(client, id, as: party, message: message, version: version)
            }
            let moved = try await client.api(.get, "/api/v1/interests/\(interest)", token: parties.china.token).json()
            #expect(moved["stage"] as? String == "letter-of-intent")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theOtherPartiesAreToldInTheirInbox(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            func kinds(_ party: AgreementFixture.Party) async throws -> [String] {
                let items = try await client.api(.get, "/api/v1/inbox", token: party.token).json()["items"]
                return (items as? [[String: Any]] ?? []).filter { $0["agreementId"] as? String == id }
                    .compactMap { $0["kind"] as? String }
            }
            let (message, version) = try await parties.open(client, id)
            #expect(try await kinds(parties.china) == ["agreement.awaiting-signature"])
            #expect(try await kinds(parties.europe).isEmpty)
            _ = try await parties.sign(client, id, as: parties.europe, message: message, version: version)
            #expect(try await kinds(parties.china).first == "agreement.signed")
            _ = try await parties.sign(client, id, as: parties.china, message: message, version: version)
            #expect(try await kinds(parties.europe) == ["agreement.in-force"])
            #expect(try await kinds(parties.china).first == "agreement.in-force")
            var browser = BrowserSession(client)
            _ = try await browser.post(
                "/login", [("email", parties.china.email), ("password", "correct horse battery")])
            let inbox = try await browser.get("/inbox")
            #expect(inbox.text.contains("/agreements/\(id)"))
            #expect(inbox.text.contains("Smart grid letter of intent"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func partiesSigningAtOnceBothLand(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            let (message, version) = try await parties.open(client, id)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for party in [parties.europe, parties.china] {
                    group.addTask {
                        try await parties.sign(client, id, as: party, message: message, version: version).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [.created, .created])
            let stored = try await client.api(.get, "/api/v1/agreements/\(id)").json()
            #expect(stored["status"] as? String == "in-force")
            #expect((stored["signatures"] as? [[String: Any]])?.count == 2)
        }
    }

    // MARK: helpers

    /// Drafts, opens and has both parties sign; returns the agreement's id.
    static func signedAgreement(
        _ client: any TestClientProtocol, _ parties: AgreementFixture, visibility: String = "public-text"
    ) async throws -> String {
        let id = try await parties.draft(client, visibility: visibility)
        let (message, version) = try await parties.open(client, id)
        for party in [parties.europe, parties.china] {
            let signed = try await parties.sign(client, id, as: party, message: message, version: version)
            #expect(signed.status == .created, "\(signed.text)")
        }
        return id
    }

    static func bundle(_ client: any TestClientProtocol, _ id: String) async throws -> AgreementBundle {
        let response = try await client.api(.get, "/api/v1/agreements/\(id)/bundle")
        #expect(response.status == .ok, "\(response.text)")
        return try JSONDecoder().decode(AgreementBundle.self, from: Data(buffer: response.body))
    }

    /// Verifies against the log key the server names (a real client would pin it) with no witness policy.
    static func verify(_ client: any TestClientProtocol, _ bundle: AgreementBundle) async throws -> [VerificationStep] {
        let verifier = try TrustAnchors.verifier(
            logKey: bundle.log.verifierKey, policy: "", witnessKeys: [], origin: bundle.log.origin)
        return AgreementBundleVerifier(ledger: verifier).verify(bundle)
    }

    static func failures(_ client: any TestClientProtocol, _ bundle: AgreementBundle) async throws -> [String] {
        try await verify(client, bundle).filter { !$0.passed }.map(\.detail)
    }

    static func size(of bundle: AgreementBundle) -> String {
        String(bundle.checkpoint.split(separator: "\n")[1])
    }
}

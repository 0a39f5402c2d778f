import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SilkbridgeTestSupport
import Testing
import TrustLedger

/// Every way a signature can be wrong is refused with a clear error, and nothing is stored or logged.
@Suite(.timeLimit(.minutes(10))) struct AgreementAttackTests {
    @Test func signaturesThatMustNotCountAreRefusedAndNothingIsStored() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            let v1 = try await client.api(.get, "/api/v1/agreements/\(id)", token: parties.europe.token).json()
            _ = try await client.api(
                .post, "/api/v1/agreements/\(id)/versions", token: parties.europe.token,
                json: #"{"title":{"en":"Smart grid letter of intent, revised"}}"#)
            let (message, version) = try await parties.open(client, id)
            let oldMessage = message.replacingOccurrences(of: "version 2", with: "version 1")
                .replacingOccurrences(of: message.split(separator: "\n")[3], with: "sha256 \(v1["sha256"] as! String)")
            let ledgerSize = try await Self.ledgerSize(client)

            // A signature over a different version.
            var refused = try await parties.sign(client, id, as: parties.europe, message: oldMessage, version: 1)
            #expect(refused.status == .conflict)
            #expect(try refused.problemDetail().contains("version 1"))
            refused = try await parties.sign(client, id, as: parties.europe, message: oldMessage, version: version)
            #expect(refused.status == .badRequest)
            #expect(try refused.problemDetail().contains("does not verify"))

            // A key of another organisation, named as if it were this one's.
            refused = try await parties.sign(
                client, id, as: parties.europe, message: message, version: version, signer: parties.china.signer,
                keyId: parties.china.keyId)
            #expect(refused.status == .badRequest)
            #expect(try refused.problemDetail().contains("keyId"))

            // A revoked key.
            let spare = try Ed25519NoteSigner.generate(name: "isar-energy.eu/old")
            let spareId = try await AgreementFixture.registerKey(
                client, spare, organizationId: parties.europe.organizationId, token: parties.europe.token)
            _ = try await client.api(
                .delete, "/api/v1/organizations/\(parties.europe.organizationId)/keys/\(spareId)",
                token: parties.europe.token)
            let afterKeys = try await Self.ledgerSize(client)
            refused = try await parties.sign(
                client, id, as: parties.europe, message: message, version: version, signer: spare, keyId: spareId)
            #expect(refused.status == .badRequest)
            #expect(try refused.problemDetail().contains("revoked"))

            // A member without the signatory role, with a valid key and signature.
            let member = try await client.signUpVerified()
            let me = try await client.api(.get, "/api/v1/me", token: member).json()["account"] as! [String: Any]
            _ = try await client.api(
                .post, "/api/v1/organizations/\(parties.europe.organizationId)/members", token: parties.europe.token,
                json: #"{"email":"\#(me["email"] as! String)","role":"admin"}"#)
            let unauthorised = AgreementFixture.Party(
                token: member, organizationId: parties.europe.organizationId, signer: parties.europe.signer,
                keyId: parties.europe.keyId)
            refused = try await parties.sign(client, id, as: unauthorised, message: message, version: version)
            #expect(refused.status == .forbidden)
            #expect(try refused.problemDetail().contains("signatory"))

            // Malformed signatures.
            for bad in ["", "not base64!", Data(repeating: 1, count: 32).base64EncodedString()] {
                let response = try await client.api(
                    .post, "/api/v1/agreements/\(id)/signatures", token: parties.europe.token,
                    json: """
                        {"organizationId":"\(parties.europe.organizationId)","keyId":"\(parties.europe.keyId)",\
                        "version":\(version),"signature":"\(bad)"}
                        """)
                #expect(response.status == .badRequest, "\(bad): \(response.text)")
            }

            // A valid signature replayed on another agreement between the same parties.
            let signed = try await parties.sign(client, id, as: parties.europe, message: message, version: version)
            #expect(signed.status == .created)
            let other = try await parties.draft(client)
            let (_, otherVersion) = try await parties.open(client, other)
            refused = try await parties.sign(client, other, as: parties.europe, message: message, version: otherVersion)
            #expect(refused.status == .badRequest)

            // Nothing refused reached the agreements or the ledger: one signature, one more entry.
            let stored = try await client.api(.get, "/api/v1/agreements/\(id)", token: parties.europe.token).json()
            #expect((stored["signatures"] as? [[String: Any]])?.count == 1)
            let untouched = try await client.api(.get, "/api/v1/agreements/\(other)", token: parties.europe.token)
                .json()
            #expect((untouched["signatures"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await Self.ledgerSize(client) == afterKeys + 1)
            #expect(afterKeys == ledgerSize + 2)
        }
    }

    @Test func aFrozenTextCannotBeEditedAndFinishedAgreementsDoNotMove() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            _ = try await parties.open(client, id)
            let edit = try await client.api(
                .post, "/api/v1/agreements/\(id)/versions", token: parties.china.token, json: #"{"termMonths":12}"#)
            #expect(edit.status == .conflict)
            #expect(try edit.problemDetail().contains("frozen"))
            let reopen = try await client.api(.post, "/api/v1/agreements/\(id)/open", token: parties.europe.token)
            #expect(reopen.status == .conflict)

            // The other party declines rather than withdraws; the reason is kept.
            let withdraw = try await client.api(.post, "/api/v1/agreements/\(id)/withdraw", token: parties.china.token)
            #expect(withdraw.status == .forbidden)
            let declined = try await client.api(
                .post, "/api/v1/agreements/\(id)/decline", token: parties.china.token,
                json: #"{"organizationId":"\#(parties.china.organizationId)","reason":"The term is too long."}"#)
            #expect(declined.status == .ok, "\(declined.text)")
            let parties_ = try declined.json()["parties"] as! [[String: Any]]
            #expect(parties_.contains { $0["declineReason"] as? String == "The term is too long." })
            let late = try await client.api(.post, "/api/v1/agreements/\(id)/withdraw", token: parties.europe.token)
            #expect(late.status == .conflict)
        }
    }

    @Test func draftsStayWithTheParties() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            let outsider = try await client.signUp()
            for token in [outsider, nil] {
                let read = try await client.api(.get, "/api/v1/agreements/\(id)", token: token)
                #expect(read.status == .notFound)
                let bundle = try await client.api(.get, "/api/v1/agreements/\(id)/bundle", token: token)
                #expect(bundle.status == .notFound)
            }
            let versions = try await client.api(.get, "/api/v1/agreements/\(id)/versions", token: outsider)
            #expect(versions.status == .notFound)
            let edit = try await client.api(
                .post, "/api/v1/agreements/\(id)/versions", token: outsider, json: #"{"termMonths":12}"#)
            #expect(edit.status == .notFound)
            let register = try await client.api(.get, "/api/v1/agreements").json()
            #expect((register["items"] as? [[String: Any]])?.isEmpty == true)
            let mine = try await client.api(.get, "/api/v1/me/agreements", token: parties.china.token).json()
            #expect((mine["items"] as? [[String: Any]])?.count == 1)
            // Only owners make signatories; an outsider cannot even list them.
            let list = try await client.api(
                .get, "/api/v1/organizations/\(parties.europe.organizationId)/signatories", token: outsider)
            #expect(list.status == .forbidden)
        }
    }

    @Test func terminationIsLoggedAndEndsTheAgreement() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await AgreementAPITests.signedAgreement(client, parties)
            let outsider = try await client.signUp()
            let foreign = try await client.api(
                .post, "/api/v1/agreements/\(id)/terminate", token: outsider,
                json: #"{"organizationId":"\#(parties.china.organizationId)","reason":"No."}"#)
            #expect(foreign.status == .forbidden)
            let ended = try await client.api(
                .post, "/api/v1/agreements/\(id)/terminate", token: parties.china.token,
                json: #"{"organizationId":"\#(parties.china.organizationId)","reason":"The project ended."}"#)
            #expect(ended.status == .ok, "\(ended.text)")
            let json = try ended.json()
            #expect(json["status"] as? String == "terminated")
            let index = try #require(json["terminationLedgerIndex"] as? Int)
            let entry = try await client.api(.get, "/api/v1/ledger/entries/\(index)").json()
            #expect((entry["text"] as? String)?.contains("agreement.terminated") == true)
            let bundle = try await AgreementAPITests.bundle(client, id)
            let steps = try await AgreementAPITests.verify(client, bundle)
            #expect(steps.filter { !$0.passed }.isEmpty, "\(steps)")
            #expect(steps.contains { $0.detail.contains("termination is logged") })
        }
    }

    static func ledgerSize(_ client: any TestClientProtocol) async throws -> Int {
        try await client.api(.get, "/api/v1/ledger").json()["size"] as! Int
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SilkbridgeServer
import Testing
import TrustLedger

/// Two organisations, one European and one Chinese, each with an owner who is a signatory and a registered key,
/// ready to sign agreements with each other.
struct AgreementFixture {
    struct Party {
        var email = ""
        let token: String
        let organizationId: String
        let signer: Ed25519NoteSigner
        let keyId: String
    }

    let europe: Party
    let china: Party

    static func make(_ client: any TestClientProtocol) async throws -> AgreementFixture {
        let europe = try await party(client, name: "Isar Energy", country: "DE", key: "isar-energy.eu/signing")
        let china = try await party(
            client, name: "Shenzhen Grid", country: "CN", extra: #","province":"CN-GD""#, key: "sz-grid.cn/signing")
        return AgreementFixture(europe: europe, china: china)
    }

    static func party(
        _ client: any TestClientProtocol, name: String, country: String, extra: String = "", key keyName: String
    ) async throws -> Party {
        let email = "\(keyName.prefix(while: { $0 != "." }))-\(UUID().uuidString.prefix(6))@example.org"
        let token = try await client.signUp(email)
        let id = try await client.createOrganization(token: token, name: name, country: country, extra: extra)
        let signer = try Ed25519NoteSigner.generate(name: keyName)
        let key = try await registerKey(client, signer, organizationId: id, token: token)
        try await grantSignatory(client, organizationId: id, token: token)
        return Party(email: email, token: token, organizationId: id, signer: signer, keyId: key)
    }

    static func registerKey(
        _ client: any TestClientProtocol, _ signer: Ed25519NoteSigner, organizationId: String, token: String
    ) async throws -> String {
        let created = try await client.api(
            .post, "/api/v1/organizations/\(organizationId)/keys", token: token,
            json: #"{"publicKey":"\#(signer.verifier.verifierKey)"}"#)
        #expect(created.status == .created, "\(created.text)")
        return try created.json()["id"] as! String
    }

    /// Makes the token's own membership a signatory, as the organisation's owner.
    static func grantSignatory(_ client: any TestClientProtocol, organizationId: String, token: String) async throws {
        let me = try await client.api(.get, "/api/v1/me", token: token).json()["account"] as? [String: Any]
        let members =
            try await client.api(.get, "/api/v1/organizations/\(organizationId)/members", token: token)
            .json()["items"] as! [[String: Any]]
        let mine = try #require(members.first { $0["accountId"] as? String == me?["id"] as? String })
        let granted = try await client.api(
            .put, "/api/v1/organizations/\(organizationId)/members/\(mine["id"] as! String)/signatory", token: token)
        #expect(granted.status == .ok, "\(granted.text)")
    }

    /// Drafts a letter of intent from the European party to the Chinese one.
    func draft(_ client: any TestClientProtocol, visibility: String = "public-text") async throws -> String {
        let created = try await client.api(
            .post, "/api/v1/agreements", token: europe.token,
            json: """
                {"kind":"letter-of-intent","organizationId":"\(europe.organizationId)",\
                "parties":["\(china.organizationId)"],"visibility":"\(visibility)",\
                "title":{"en":"Smart grid letter of intent","zh-Hans":"智能电网合作意向书"},"areas":["smart-energy"],\
                "termStart":"2026-12-01","termMonths":60,"prevailingLanguage":"en",\
                "text":{"en":"# Intent\\nThe parties intend to cooperate.","zh-Hans":"# 意向\\n双方有意合作。"}}
                """)
        #expect(created.status == .created, "\(created.text)")
        return try created.json()["id"] as! String
    }

    /// Opens the agreement and returns its signing message and version.
    func open(_ client: any TestClientProtocol, _ id: String) async throws -> (message: String, version: Int) {
        let opened = try await client.api(.post, "/api/v1/agreements/\(id)/open", token: europe.token)
        #expect(opened.status == .ok, "\(opened.text)")
        let json = try opened.json()
        return (json["signingMessage"] as! String, json["version"] as! Int)
    }

    /// Sends a signature made by `signer` over `message`, as `party`.
    func sign(
        _ client: any TestClientProtocol, _ id: String, as party: Party, message: String, version: Int,
        signer: Ed25519NoteSigner? = nil, keyId: String? = nil, organizationId: String? = nil
    ) async throws -> TestResponse {
        let signature = try (signer ?? party.signer).sign(Data(message.utf8)).base64EncodedString()
        return try await client.api(
            .post, "/api/v1/agreements/\(id)/signatures", token: party.token,
            json: """
                {"organizationId":"\(organizationId ?? party.organizationId)","keyId":"\(keyId ?? party.keyId)",\
                "version":\(version),"signature":"\(signature)"}
                """)
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import TrustLedger

/// Signs an agreement open for signature from the signer's own computer: fetches the agreement, finds which party
/// registered the key, signs the signing message locally and sends only the signature. The private key never
/// leaves this process.
public struct RemoteAgreementSigner: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What was signed, for the signer to read.
    public struct Receipt: Sendable {
        public let organizationId: String
        public let version: Int
        public let sha256: String
        public let ledgerIndex: Int64?
        public let status: String
    }

    private struct Agreement: Decodable {
        struct Party: Decodable {
            let organizationId: String
        }
        struct Signature: Decodable {
            let organizationId: String
            let ledgerIndex: Int64
        }
        let status: String
        let version: Int
        let sha256: String
        let signingMessage: String?
        let parties: [Party]
        let signatures: [Signature]
    }

    private struct Key: Decodable {
        let id: String
        let verifierKey: String
        let revoked: Bool
    }

    private struct KeyList: Decodable {
        let items: [Key]
    }

    public let baseURL: String
    public let token: String

    public init(url: String, token: String) {
        baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.token = token
    }

    public func sign(agreementId: String, with signer: Ed25519NoteSigner) async throws -> Receipt {
        let agreement: Agreement = try await request(.GET, "/api/v1/agreements/\(agreementId)")
        guard agreement.status == "open-for-signature", let message = agreement.signingMessage else {
            throw Failure(description: "the agreement is \(agreement.status), not open for signature")
        }
        var found: (organization: String, key: String)?
        for party in agreement.parties {
            let keys: KeyList = try await request(.GET, "/api/v1/organizations/\(party.organizationId)/keys")
            if let key = keys.items.first(where: { $0.verifierKey == signer.verifier.verifierKey && !$0.revoked }) {
                found = (party.organizationId, key.id)
                break
            }
        }
        guard let found else {
            throw Failure(
                description: "no party to this agreement has registered the key \(signer.verifier.verifierKey)")
        }
        let signature = try signer.sign(Data(message.utf8))
        let body = try JSONSerialization.data(withJSONObject: [
            "organizationId": found.organization, "keyId": found.key, "version": agreement.version,
            "signature": signature.base64EncodedString(),
        ])
        let signed: Agreement = try await request(.POST, "/api/v1/agreements/\(agreementId)/signatures", body: body)
        return Receipt(
            organizationId: found.organization, version: agreement.version, sha256: agreement.sha256,
            ledgerIndex: signed.signatures.first { $0.organizationId == found.organization }?.ledgerIndex,
            status: signed.status)
    }

    private func request<T: Decodable>(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> T {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = Data(buffer: try await response.body.collect(upTo: 1 << 24))
        guard (200..<300).contains(response.status.code) else {
            let problem = try? JSONDecoder().decode([String: AnyCodableText].self, from: data)
            let detail = problem?["detail"]?.text ?? problem?["title"]?.text ?? "HTTP \(response.status.code)"
            throw Failure(description: "\(method) \(path): \(detail)")
        }
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// A JSON value read as text when it is a string, so a problem document's other members don't fail the decoding.
private struct AnyCodableText: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}

import Foundation
import SilkbridgeCore
import TrustLedger

/// Everything needed to verify an agreement with no network: the frozen document when the holder may read it,
/// each signature, every ledger entry they rest on with its inclusion proof, and the cosigned checkpoint the
/// proofs lead to. One JSON document, served by the API and read by `silkbridge agreement verify`.
public struct AgreementBundle: Codable, Sendable, Hashable {
    public static let format = "silkbridge-agreement-bundle/v1"

    public struct Party: Codable, Sendable, Hashable {
        public var organizationId: String
        public var name: LocalizedText
        public var side: Side
    }

    public struct Signature: Codable, Sendable, Hashable {
        public var organizationId: String
        public var keyId: String
        public var verifierKey: String
        /// Base64 of the Ed25519 signature.
        public var signature: String
        public var keyLedgerIndex: UInt64
        public var ledgerIndex: UInt64
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var index: UInt64
        /// Base64 of the entry bytes.
        public var entry: String
        /// Base64 hashes from the leaf up.
        public var inclusionProof: [String]
    }

    public struct Witness: Codable, Sendable, Hashable {
        public var name: String
        public var side: Side
        public var verifierKey: String
    }

    public struct Log: Codable, Sendable, Hashable {
        public var origin: String
        public var verifierKey: String
        public var policy: String
        public var witnesses: [Witness]
    }

    public var format: String
    public var agreementId: String
    public var kind: AgreementKind
    public var status: AgreementStatus
    public var version: Int
    public var sha256: String
    /// Base64 of the canonical document; absent when the parties keep the text from the holder.
    public var document: String?
    public var parties: [Party]
    public var signatures: [Signature]
    public var inForceLedgerIndex: UInt64?
    public var terminationLedgerIndex: UInt64?
    public var entries: [Entry]
    public var log: Log
    /// The cosigned checkpoint note.
    public var checkpoint: String

    public var json: Data {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(self)
        }
    }
}

extension LedgerHost {
    /// The bundle of an agreement against the latest checkpoint: proofs for each key registration, signature,
    /// and the in-force and termination records.
    func bundle(of agreement: Agreement, includingText: Bool, now: Date = Date()) async throws -> AgreementBundle {
        let (note, checkpoint) = try await latest()
        var indexes = agreement.signatures.flatMap { [$0.keyLedgerIndex, $0.ledgerIndex] }
        indexes += [agreement.inForceIndex, agreement.termination?.ledgerIndex].compactMap { $0 }
        var entries: [AgreementBundle.Entry] = []
        for index in Set(indexes).sorted() where index < checkpoint.size {
            let found = try await entry(at: index)
            entries.append(
                AgreementBundle.Entry(
                    index: index, entry: found.entry.base64EncodedString(),
                    inclusionProof: found.proof.map { $0.base64EncodedString() }))
        }
        let version = agreement.current
        return AgreementBundle(
            format: AgreementBundle.format, agreementId: agreement.id.uuidString.lowercased(), kind: agreement.kind,
            status: agreement.status(at: now), version: version.number, sha256: version.digest,
            document: includingText ? version.document.base64EncodedString() : nil,
            parties: agreement.parties.map {
                .init(organizationId: $0.organizationId.uuidString.lowercased(), name: $0.name, side: $0.side)
            },
            signatures: agreement.signatures.map {
                .init(
                    organizationId: $0.organizationId.uuidString.lowercased(), keyId: $0.keyId.uuidString.lowercased(),
                    verifierKey: $0.verifierKey, signature: $0.signature.base64EncodedString(),
                    keyLedgerIndex: $0.keyLedgerIndex, ledgerIndex: $0.ledgerIndex)
            },
            inForceLedgerIndex: agreement.inForceIndex, terminationLedgerIndex: agreement.termination?.ledgerIndex,
            entries: entries,
            log: .init(
                origin: origin, verifierKey: verifier.verifierKey, policy: policyText,
                witnesses: witnesses.map {
                    .init(name: $0.verifier.name, side: $0.side, verifierKey: $0.verifier.verifierKey)
                }),
            checkpoint: String(decoding: note, as: UTF8.self))
    }
}

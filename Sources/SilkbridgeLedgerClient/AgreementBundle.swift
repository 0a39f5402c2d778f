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

        package init(index: UInt64, entry: Data, inclusionProof: [Data]) {
            self.index = index
            self.entry = entry.base64EncodedString()
            self.inclusionProof = inclusionProof.map { $0.base64EncodedString() }
        }
    }

    public struct Witness: Codable, Sendable, Hashable {
        public var name: String
        public var side: Side
        public var verifierKey: String

        package init(name: String, side: Side, verifierKey: String) {
            self.name = name
            self.side = side
            self.verifierKey = verifierKey
        }
    }

    public struct Log: Codable, Sendable, Hashable {
        public var origin: String
        public var verifierKey: String
        public var policy: String
        public var witnesses: [Witness]

        package init(origin: String, verifierKey: String, policy: String, witnesses: [Witness]) {
            self.origin = origin
            self.verifierKey = verifierKey
            self.policy = policy
            self.witnesses = witnesses
        }
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

extension AgreementBundle {
    /// The bundle of an agreement as it stands at `now`, with the ledger entries it rests on, proven against the
    /// cosigned checkpoint note.
    package init(
        agreement: Agreement, includingText: Bool, now: Date, entries: [Entry], log: Log, checkpoint: Data
    ) {
        let version = agreement.current
        self.init(
            format: AgreementBundle.format, agreementId: agreement.id.uuidString.lowercased(), kind: agreement.kind,
            status: agreement.status(at: now), version: version.number, sha256: version.digest,
            document: includingText ? version.document.base64EncodedString() : nil,
            parties: agreement.parties.map {
                Party(organizationId: $0.organizationId.uuidString.lowercased(), name: $0.name, side: $0.side)
            },
            signatures: agreement.signatures.map {
                Signature(
                    organizationId: $0.organizationId.uuidString.lowercased(), keyId: $0.keyId.uuidString.lowercased(),
                    verifierKey: $0.verifierKey, signature: $0.signature.base64EncodedString(),
                    keyLedgerIndex: $0.keyLedgerIndex, ledgerIndex: $0.ledgerIndex)
            },
            inForceLedgerIndex: agreement.inForceIndex, terminationLedgerIndex: agreement.termination?.ledgerIndex,
            entries: entries, log: log, checkpoint: String(decoding: checkpoint, as: UTF8.self))
    }
}

import Foundation

/// The ledger entries of an agreement's life: a party signed, the agreement came into force, it was terminated.
/// Canonical JSON holding digests and references, never the text, which the parties may keep private.
public struct AgreementLedgerEntry: Codable, Sendable, Hashable {
    public static let signedType = "agreement.signed"
    public static let inForceType = "agreement.in-force"
    public static let terminatedType = "agreement.terminated"

    public var v = 1
    public let type: String
    public let agreementId: String
    public let version: Int
    public let sha256: String
    public let at: String
    // A signature's entry:
    public var organizationId: String?
    public var keyId: String?
    public var verifierKey: String?
    public var keyLedgerIndex: UInt64?
    public var signature: String?
    // An in-force entry:
    public var kind: AgreementKind?
    public var parties: [String]?
    public var signatureLedgerIndexes: [UInt64]?
    public var termStart: String?
    public var termMonths: Int?

    init(type: String, agreement: Agreement, at: Date) {
        self.type = type
        agreementId = agreement.id.uuidString.lowercased()
        version = agreement.current.number
        sha256 = agreement.current.digest
        self.at = at.formatted(.iso8601)
    }

    static func signed(_ signature: AgreementSignature, of agreement: Agreement) -> AgreementLedgerEntry {
        var entry = AgreementLedgerEntry(type: signedType, agreement: agreement, at: signature.signedAt)
        entry.organizationId = signature.organizationId.uuidString.lowercased()
        entry.keyId = signature.keyId.uuidString.lowercased()
        entry.verifierKey = signature.verifierKey
        entry.keyLedgerIndex = signature.keyLedgerIndex
        entry.signature = signature.signature.base64EncodedString()
        return entry
    }

    static func inForce(_ agreement: Agreement, at: Date) -> AgreementLedgerEntry {
        var entry = AgreementLedgerEntry(type: inForceType, agreement: agreement, at: at)
        entry.kind = agreement.kind
        entry.parties = agreement.parties.map { $0.organizationId.uuidString.lowercased() }
        entry.signatureLedgerIndexes = agreement.signatures.map(\.ledgerIndex)
        entry.termStart = AgreementDocument.day(agreement.current.content.term.start)
        entry.termMonths = agreement.current.content.term.durationMonths
        return entry
    }

    static func terminated(_ agreement: Agreement, by organizationId: UUID, at: Date) -> AgreementLedgerEntry {
        var entry = AgreementLedgerEntry(type: terminatedType, agreement: agreement, at: at)
        entry.organizationId = organizationId.uuidString.lowercased()
        return entry
    }

    public var data: Data {
        get throws { try CanonicalJSON.encode(self) }
    }
}

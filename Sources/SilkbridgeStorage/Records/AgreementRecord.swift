import FluentKit
import Foundation
import SilkbridgeCore

/// An agreement: the columns it is found by, and the whole agreement as JSON. Versions and signatures are
/// never queried apart from their agreement, and one document keeps a change to them one atomic write.
final class AgreementRecord: Model, @unchecked Sendable {
    static let schema = "agreements"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "state") var state: String
    @Field(key: "revision") var revision: Int64
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ agreement: Agreement) throws {
        id = agreement.id
        kind = agreement.kind.rawValue
        state = agreement.state.rawValue
        revision = Int64(agreement.revision)
        updatedAt = agreement.updatedAt
        document = try Self.encode(agreement)
    }

    var agreement: Agreement {
        get throws { try JSONDecoder().decode(Agreement.self, from: Data(document.utf8)) }
    }

    static func encode(_ agreement: Agreement) throws -> String {
        String(decoding: try JSONEncoder().encode(agreement), as: UTF8.self)
    }
}

final class AgreementPartyRecord: Model, @unchecked Sendable {
    static let schema = "agreement_parties"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementId: UUID
    @Field(key: "organization_id") var organizationId: UUID

    init() {}

    init(agreementId: UUID, organizationId: UUID) {
        id = UUID()
        self.agreementId = agreementId
        self.organizationId = organizationId
    }
}

final class SignatoryRecord: Model, @unchecked Sendable {
    static let schema = "signatories"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "account_id") var accountId: UUID

    init() {}

    init(organizationId: UUID, accountId: UUID) {
        id = UUID()
        self.organizationId = organizationId
        self.accountId = accountId
    }
}

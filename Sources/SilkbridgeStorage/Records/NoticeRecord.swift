import FluentKit
import Foundation
import SilkbridgeCore

final class NoticeRecord: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "interest_id") var interestId: UUID?
    @OptionalField(key: "opportunity_id") var opportunityId: UUID?
    @OptionalField(key: "agreement_id") var agreementId: UUID?
    @Field(key: "actor_name") var actorName: String
    /// Microseconds since 1970, compared exactly with the reading position.
    @Field(key: "at") var at: Int64
    /// When a mailing round took the notice; until then it waits for one.
    @OptionalField(key: "mailed_at") var mailedAt: Int64?

    init() {}

    init(_ notice: Notice) {
        id = notice.id
        organizationId = notice.organizationId
        kind = notice.kind.rawValue
        interestId = notice.interestId
        opportunityId = notice.opportunityId
        agreementId = notice.agreementId
        actorName = notice.actorName
        at = AuditRecord.micros(notice.at)
    }

    var notice: Notice? {
        guard let kind = NoticeKind(rawValue: kind) else { return nil }
        return Notice(
            id: id!, organizationId: organizationId, kind: kind, interestId: interestId, opportunityId: opportunityId,
            agreementId: agreementId, actorName: actorName, at: OpportunityRecord.date(at))
    }
}

/// How far a person has read their inbox.
final class InboxReadRecord: Model, @unchecked Sendable {
    static let schema = "inbox_reads"

    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "read_until") var readUntil: Int64

    init() {}

    init(accountId: UUID, readUntil: Int64) {
        id = accountId
        self.readUntil = readUntil
    }
}

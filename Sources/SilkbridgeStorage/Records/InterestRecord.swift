import FluentKit
import Foundation
import SilkbridgeCore

final class InterestRecord: Model, @unchecked Sendable {
    static let schema = "interests"

    @ID(key: .id) var id: UUID?
    @Field(key: "opportunity_id") var opportunityId: UUID
    @Field(key: "owner_organization_id") var ownerOrganizationId: UUID
    @Field(key: "sender_organization_id") var senderOrganizationId: UUID
    @Field(key: "sender_account_id") var senderAccountId: UUID
    @Field(key: "message") var message: String
    @Field(key: "state") var state: String
    /// Times are integer microseconds since 1970, compared exactly on every database.
    @Field(key: "reply_by") var replyBy: Int64
    @OptionalField(key: "stage") var stage: String?
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "updated_at") var updatedAt: Int64

    init() {}

    init(_ interest: Interest) {
        apply(interest)
    }

    func apply(_ interest: Interest) {
        id = interest.id
        opportunityId = interest.opportunityId
        ownerOrganizationId = interest.ownerOrganizationId
        senderOrganizationId = interest.senderOrganizationId
        senderAccountId = interest.senderAccountId
        message = interest.message
        state = interest.state.rawValue
        replyBy = AuditRecord.micros(interest.replyBy)
        stage = interest.stage?.rawValue
        createdAt = AuditRecord.micros(interest.createdAt)
        updatedAt = AuditRecord.micros(interest.updatedAt)
    }

    var interest: Interest {
        get throws {
            try Interest(
                id: id!, opportunityId: opportunityId, ownerOrganizationId: ownerOrganizationId,
                senderOrganizationId: senderOrganizationId, senderAccountId: senderAccountId, message: message,
                state: InterestStatus(stored: state, column: "interests.state"),
                replyBy: OpportunityRecord.date(replyBy),
                stage: stage.map { try PipelineStage(stored: $0, column: "interests.stage") },
                createdAt: OpportunityRecord.date(createdAt),
                updatedAt: OpportunityRecord.date(updatedAt))
        }
    }
}

final class InterestMessageRecord: Model, @unchecked Sendable {
    static let schema = "interest_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "interest_id") var interestId: UUID
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "author_id") var authorId: UUID
    @Field(key: "author_name") var authorName: String
    @Field(key: "body") var body: String
    @Field(key: "at") var at: Int64

    init() {}

    init(_ message: InterestMessage) {
        id = message.id
        interestId = message.interestId
        organizationId = message.organizationId
        authorId = message.authorId
        authorName = message.authorName
        body = message.body
        at = AuditRecord.micros(message.at)
    }

    var message: InterestMessage {
        InterestMessage(
            id: id!, interestId: interestId, organizationId: organizationId, authorId: authorId,
            authorName: authorName, body: body, at: OpportunityRecord.date(at))
    }
}

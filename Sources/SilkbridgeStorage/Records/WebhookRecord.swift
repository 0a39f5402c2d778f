import FluentKit
import Foundation
import SilkbridgeCore

final class WebhookRecord: Model, @unchecked Sendable {
    static let schema = "webhooks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "url") var url: String
    @Field(key: "secret") var secret: String
    /// The notice kinds, delimited: `,interest.received,stage.changed,`.
    @Field(key: "kinds") var kinds: String
    @Field(key: "created_at") var createdAt: Int64

    init() {}

    init(_ webhook: Webhook) {
        id = webhook.id
        organizationId = webhook.organizationId
        url = webhook.url
        secret = webhook.secret
        kinds = "," + NoticeKind.allCases.filter(webhook.kinds.contains).map(\.rawValue).joined(separator: ",") + ","
        createdAt = AuditRecord.micros(webhook.createdAt)
    }

    var webhook: Webhook {
        get throws {
            try Webhook(
                id: id!, organizationId: organizationId, url: url, secret: secret,
                kinds: Set(
                    kinds.split(separator: ",").map { try NoticeKind(stored: String($0), column: "webhooks.kinds") }),
                createdAt: OpportunityRecord.date(createdAt))
        }
    }

    func wants(_ kind: NoticeKind) -> Bool { kinds.contains(",\(kind.rawValue),") }
}

final class WebhookDeliveryRecord: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "webhook_id") var webhookId: UUID
    @Field(key: "notice_id") var noticeId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "state") var state: String
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Int64?

    init() {}

    init(_ delivery: WebhookDelivery) {
        id = delivery.id
        webhookId = delivery.webhookId
        noticeId = delivery.noticeId
        kind = delivery.kind.rawValue
        body = String(decoding: delivery.body, as: UTF8.self)
        createdAt = AuditRecord.micros(delivery.createdAt)
        apply(delivery)
    }

    func apply(_ delivery: WebhookDelivery) {
        state = delivery.state.rawValue
        nextAttemptAt = delivery.nextAttemptAt.map(AuditRecord.micros)
    }

    func delivery(attempts: [DeliveryAttempt]) -> WebhookDelivery? {
        guard let kind = NoticeKind(rawValue: kind), let state = DeliveryState(rawValue: state) else { return nil }
        return WebhookDelivery(
            id: id!, webhookId: webhookId, noticeId: noticeId, kind: kind, body: Data(body.utf8),
            createdAt: OpportunityRecord.date(createdAt), state: state,
            nextAttemptAt: nextAttemptAt.map(OpportunityRecord.date), attempts: attempts)
    }

    /// Stores notices and, in the same database session (the caller's transaction), a delivery of each to every
    /// webhook of its organisation that asked for its kind.
    static func store(_ notices: [Notice], on database: any Database) async throws {
        guard !notices.isEmpty else { return }
        for notice in notices { try await NoticeRecord(notice).create(on: database) }
        let organizations = Array(Set(notices.map(\.organizationId)))
        let webhooks = try await WebhookRecord.query(on: database).filter(\.$organizationId ~~ organizations).all()
        for notice in notices {
            for webhook in webhooks where webhook.organizationId == notice.organizationId && webhook.wants(notice.kind)
            {
                try await WebhookDeliveryRecord(WebhookDelivery(notice: notice, webhookId: webhook.id!))
                    .create(on: database)
            }
        }
    }
}

final class WebhookAttemptRecord: Model, @unchecked Sendable {
    static let schema = "webhook_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "delivery_id") var deliveryId: UUID
    @Field(key: "at") var at: Int64
    @OptionalField(key: "status_code") var statusCode: Int?
    @OptionalField(key: "error") var error: String?

    init() {}

    init(_ attempt: DeliveryAttempt, deliveryId: UUID) {
        id = UUID()
        self.deliveryId = deliveryId
        at = AuditRecord.micros(attempt.at)
        statusCode = attempt.statusCode
        error = attempt.error.map { String($0.prefix(500)) }
    }

    var attempt: DeliveryAttempt {
        DeliveryAttempt(at: OpportunityRecord.date(at), statusCode: statusCode, error: error)
    }
}

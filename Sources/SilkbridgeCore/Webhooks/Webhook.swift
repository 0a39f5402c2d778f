import Foundation

/// An endpoint an organisation registered to be told of its notices by HTTP.
public struct Webhook: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let organizationId: UUID
    /// An absolute `https` or `http` URL.
    public let url: String
    /// The key of the signatures; shown once, when the webhook is created.
    public let secret: String
    public let kinds: Set<NoticeKind>
    public let createdAt: Date

    public init(id: UUID, organizationId: UUID, url: String, secret: String, kinds: Set<NoticeKind>, createdAt: Date) {
        self.id = id
        self.organizationId = organizationId
        self.url = url
        self.secret = secret
        self.kinds = kinds
        self.createdAt = createdAt
    }
}

/// Where a delivery stands.
public enum DeliveryState: String, Sendable, Codable, CaseIterable {
    /// Not yet sent, or waiting for its next try.
    case pending
    case delivered
    /// Every try failed; no more will be made.
    case failed
}

/// One try to deliver: the HTTP status the endpoint answered, or why there was no answer.
public struct DeliveryAttempt: Sendable, Hashable {
    public let at: Date
    public let statusCode: Int?
    public let error: String?

    public init(at: Date, statusCode: Int?, error: String?) {
        self.at = at
        self.statusCode = statusCode
        self.error = error
    }

    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

/// One notice on its way to one webhook; the body is fixed when the notice is stored, so every try sends the same.
public struct WebhookDelivery: Sendable, Hashable, Identifiable {
    /// Waits after the first, second, … failed try; after the last, the delivery is given up.
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]

    public let id: UUID
    public let webhookId: UUID
    public let noticeId: UUID
    public let kind: NoticeKind
    public let body: Data
    public let createdAt: Date
    public var state: DeliveryState
    public var nextAttemptAt: Date?
    public var attempts: [DeliveryAttempt]

    public init(
        id: UUID, webhookId: UUID, noticeId: UUID, kind: NoticeKind, body: Data, createdAt: Date,
        state: DeliveryState, nextAttemptAt: Date?, attempts: [DeliveryAttempt]
    ) {
        self.id = id
        self.webhookId = webhookId
        self.noticeId = noticeId
        self.kind = kind
        self.body = body
        self.createdAt = createdAt
        self.state = state
        self.nextAttemptAt = nextAttemptAt
        self.attempts = attempts
    }

    /// A new delivery of a notice, due at once.
    public init(notice: Notice, webhookId: UUID) {
        self.init(
            id: UUID(), webhookId: webhookId, noticeId: notice.id, kind: notice.kind,
            body: WebhookPayload.body(of: notice), createdAt: notice.at, state: .pending, nextAttemptAt: notice.at,
            attempts: [])
    }

    /// The delivery after a try: delivered, due again after the next delay, or given up.
    public func recording(_ attempt: DeliveryAttempt) -> WebhookDelivery {
        var next = self
        next.attempts.append(attempt)
        if attempt.succeeded {
            next.state = .delivered
            next.nextAttemptAt = nil
        } else if next.attempts.count <= Self.retryDelays.count {
            next.nextAttemptAt = attempt.at.addingTimeInterval(Self.retryDelays[next.attempts.count - 1])
        } else {
            next.state = .failed
            next.nextAttemptAt = nil
        }
        return next
    }
}

/// The JSON a webhook receives: `{id, kind, organizationId, createdAt, data}`.
public enum WebhookPayload {
    struct Body: Encodable {
        let id: String
        let kind: String
        let organizationId: String
        let createdAt: Date
        let data: [String: String]
    }

    public static func body(of notice: Notice) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = ["actorName": notice.actorName]
        data["opportunityId"] = notice.opportunityId?.uuidString.lowercased()
        data["interestId"] = notice.interestId?.uuidString.lowercased()
        data["agreementId"] = notice.agreementId?.uuidString.lowercased()
        let body = Body(
            id: notice.id.uuidString.lowercased(), kind: notice.kind.rawValue,
            organizationId: notice.organizationId.uuidString.lowercased(), createdAt: notice.at, data: data)
        return (try? encoder.encode(body)) ?? Data()
    }
}

/// Where webhooks and their deliveries live. Deliveries are created by the storage of notices, in its transaction.
public protocol WebhookRepository: Sendable {
    func insert(_ webhook: Webhook, audit: AuditEvent) async throws
    func delete(_ webhookId: UUID, audit: AuditEvent) async throws
    func webhooks(of organizationId: UUID) async throws -> [Webhook]
    func webhook(id: UUID, of organizationId: UUID) async throws -> Webhook?
    /// The newest deliveries of a webhook, with their tries, at most `limit`.
    func deliveries(of webhookId: UUID, limit: Int) async throws -> [WebhookDelivery]
    /// Pending deliveries due at `now`, oldest first, with their webhooks.
    func dueDeliveries(at now: Date, limit: Int) async throws -> [(WebhookDelivery, Webhook)]
    /// Takes a due delivery for one try: moves its next try to `lease` unless another process already did.
    /// A process that dies while sending leaves the delivery due again when the lease ends.
    func claim(_ delivery: WebhookDelivery, until lease: Date) async throws -> Bool
    /// Stores the webhook's new secret.
    func replaceSecret(of webhook: Webhook, audit: AuditEvent) async throws
    func delivery(id: UUID, of webhookId: UUID) async throws -> WebhookDelivery?
    /// Stores a delivery made by hand, with the audit event of whoever made it.
    func insert(_ delivery: WebhookDelivery, audit: AuditEvent) async throws
    /// Stores a try and the delivery's new state.
    func record(_ attempt: DeliveryAttempt, of delivery: WebhookDelivery) async throws
}

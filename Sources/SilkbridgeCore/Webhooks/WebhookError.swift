import Foundation

/// Failures of webhook management.
public enum WebhookError: DomainError, Equatable {
    case webhookNotFound
    case tooManyWebhooks(limit: Int)
    case deliveryNotFound

    public var kind: FailureKind {
        switch self {
        case .webhookNotFound, .deliveryNotFound: .notFound
        case .tooManyWebhooks: .conflict
        }
    }

    public var message: Message {
        switch self {
        case .webhookNotFound:
            Message("No webhook with this id in this organisation.", "该机构中没有此编号的 Webhook。")
        case .deliveryNotFound:
            Message("No delivery with this id in this webhook's log.", "该 Webhook 的投递记录中没有此编号。")
        case .tooManyWebhooks(let limit):
            Message(
                "An organisation has at most \(limit) webhooks; delete one first.",
                "每个机构最多 \(limit) 个 Webhook，请先删除一个。")
        }
    }
}

import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// An organisation's webhooks and their deliveries.
protocol WebhooksAPI: FeatureAPI {
    var webhooks: WebhookService { get }
}

extension WebhooksAPI {
    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let list = try await webhooks.webhooks(
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .ok(.init(body: .json(.init(items: list.map { Components.Schemas.Webhook($0, showingSecret: false) }))))
    }

    func createWebhook(_ input: Operations.CreateWebhook.Input) async throws -> Operations.CreateWebhook.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let webhook = try await webhooks.create(
            url: body.url, kinds: body.kinds.map(\.rawValue), for: try organizationId(input.path.organizationId),
            by: account)
        return .created(.init(body: .json(.init(webhook, showingSecret: true))))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        try await webhooks.delete(
            try id(input.path.webhookId, else: WebhookError.webhookNotFound),
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .noContent(.init())
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws
        -> Operations.ListWebhookDeliveries.Output
    {
        let deliveries = try await webhooks.deliveries(
            of: try id(input.path.webhookId, else: WebhookError.webhookNotFound),
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .ok(.init(body: .json(.init(items: try deliveries.map(Components.Schemas.WebhookDelivery.init)))))
    }

    func rotateWebhookSecret(_ input: Operations.RotateWebhookSecret.Input) async throws
        -> Operations.RotateWebhookSecret.Output
    {
        let webhook = try await webhooks.rotateSecret(
            of: try id(input.path.webhookId, else: WebhookError.webhookNotFound),
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .ok(.init(body: .json(.init(webhook, showingSecret: true))))
    }

    func redeliverWebhookDelivery(_ input: Operations.RedeliverWebhookDelivery.Input) async throws
        -> Operations.RedeliverWebhookDelivery.Output
    {
        let delivery = try await webhooks.redeliver(
            try id(input.path.deliveryId, else: WebhookError.deliveryNotFound),
            of: try id(input.path.webhookId, else: WebhookError.webhookNotFound),
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .accepted(.init(body: .json(try .init(delivery))))
    }
}

extension Components.Schemas.Webhook {
    init(_ webhook: Webhook, showingSecret: Bool) {
        self.init(
            id: webhook.id.uuidString.lowercased(), organizationId: webhook.organizationId.uuidString.lowercased(),
            url: webhook.url, kinds: NoticeKind.allCases.filter(webhook.kinds.contains).map(\.rawValue),
            createdAt: webhook.createdAt, secret: showingSecret ? webhook.secret : nil)
    }
}

extension Components.Schemas.WebhookDelivery {
    init(_ delivery: SilkbridgeCore.WebhookDelivery) throws {
        self.init(
            id: delivery.id.uuidString.lowercased(), webhookId: delivery.webhookId.uuidString.lowercased(),
            noticeId: delivery.noticeId.uuidString.lowercased(), kind: delivery.kind.rawValue,
            createdAt: delivery.createdAt, state: try .init(mapping: delivery.state),
            nextAttemptAt: delivery.nextAttemptAt,
            attempts: delivery.attempts.map { .init(at: $0.at, statusCode: $0.statusCode, error: $0.error) })
    }
}

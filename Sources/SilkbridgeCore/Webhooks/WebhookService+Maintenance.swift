import Foundation

extension WebhookService {
    /// Gives a webhook a new secret, returned this once; every later try, retries included, is signed with it.
    ///
    /// The old secret stops working at once rather than after a grace period: a rotation is most often made
    /// because a secret leaked, and a receiver that has not switched yet loses nothing, since the deliveries it
    /// refuses are tried again on the retry schedule or can be sent again from the log.
    public func rotateSecret(of webhookId: UUID, of organizationId: UUID, by account: Account, now: Date = Date())
        async throws -> Webhook
    {
        try await requireManager(account, organizationId)
        guard let webhook = try await repository.webhook(id: webhookId, of: organizationId) else {
            throw WebhookError.webhookNotFound
        }
        let rotated = Webhook(
            id: webhook.id, organizationId: organizationId, url: webhook.url, secret: makeSecret(),
            kinds: webhook.kinds, createdAt: webhook.createdAt)
        try await repository.replaceSecret(
            of: rotated, audit: directory.audit(organizationId, account, "webhook.secret-rotated", webhook.url, now))
        return rotated
    }

    /// Sends a delivery of the log again: a new delivery of the same body, due at once, with its own tries.
    public func redeliver(
        _ deliveryId: UUID, of webhookId: UUID, of organizationId: UUID, by account: Account, now: Date = Date()
    ) async throws -> WebhookDelivery {
        try await requireManager(account, organizationId)
        guard let webhook = try await repository.webhook(id: webhookId, of: organizationId) else {
            throw WebhookError.webhookNotFound
        }
        guard let original = try await repository.delivery(id: deliveryId, of: webhookId) else {
            throw WebhookError.deliveryNotFound
        }
        let copy = WebhookDelivery(
            id: UUID(), webhookId: webhookId, noticeId: original.noticeId, kind: original.kind, body: original.body,
            createdAt: now, state: .pending, nextAttemptAt: now, attempts: [])
        try await repository.insert(
            copy,
            audit: directory.audit(
                organizationId, account, "webhook.redelivered",
                "\(webhook.url) (\(original.kind.rawValue), \(original.id.uuidString.lowercased()))", now))
        return copy
    }
}

import Foundation

/// Outgoing webhooks: an organisation's owners and admins register endpoints that receive its notices, list and
/// delete them, and read the log of deliveries. Each change is audited in the organisation's trail.
public struct WebhookService: Sendable {
    public static let maximumPerOrganization = 10
    public static let maximumURLLength = 2000

    let repository: any WebhookRepository
    let directory: DirectoryService
    let makeSecret: @Sendable () -> String

    public init(
        repository: any WebhookRepository, directory: DirectoryService,
        makeSecret: @escaping @Sendable () -> String = WebhookService.randomSecret
    ) {
        self.repository = repository
        self.directory = directory
        self.makeSecret = makeSecret
    }

    /// 32 random bytes as hex, prefixed so a leaked secret is recognisable.
    public static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + bytes.hexadecimal
    }

    public func webhooks(of organizationId: UUID, by account: Account) async throws -> [Webhook] {
        try await requireManager(account, organizationId)
        return try await repository.webhooks(of: organizationId)
    }

    /// Registers an endpoint; the returned webhook carries the secret, which is shown this once.
    public func create(
        url: String, kinds: [String], for organizationId: UUID, by account: Account, now: Date = Date()
    ) async throws -> Webhook {
        try await requireManager(account, organizationId)
        var validator = Validator()
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if url.isEmpty {
            validator.add("url", Message("is required.", "为必填项。"))
        } else if url.count > Self.maximumURLLength {
            validator.add(
                "url",
                Message(
                    "must have at most \(Self.maximumURLLength) characters.", "最多 \(Self.maximumURLLength) 个字符。"))
        } else if !Self.isWebURL(url) {
            validator.add(
                "url", Message("must be an absolute https:// or http:// URL.", "必须是完整的 https:// 或 http:// 网址。"))
        }
        var chosen = Set<NoticeKind>()
        for (index, text) in kinds.enumerated() {
            if let kind = NoticeKind(rawValue: text) {
                chosen.insert(kind)
            } else {
                validator.add("kinds[\(index)]", Message("is not a known event kind.", "不是已知的事件类型。"))
            }
        }
        if kinds.isEmpty { validator.add("kinds", Message("must name at least one event kind.", "至少选择一种事件类型。")) }
        guard validator.issues.isEmpty else { throw ValidationError(validator.issues) }
        guard try await repository.webhooks(of: organizationId).count < Self.maximumPerOrganization else {
            throw WebhookError.tooManyWebhooks(limit: Self.maximumPerOrganization)
        }
        let webhook = Webhook(
            id: UUID(), organizationId: organizationId, url: url, secret: makeSecret(), kinds: chosen, createdAt: now)
        let names = NoticeKind.allCases.filter(chosen.contains).map(\.rawValue).joined(separator: ", ")
        try await repository.insert(
            webhook, audit: directory.audit(organizationId, account, "webhook.created", "\(url) (\(names))", now))
        return webhook
    }

    public func delete(_ webhookId: UUID, of organizationId: UUID, by account: Account, now: Date = Date())
        async throws
    {
        try await requireManager(account, organizationId)
        guard let webhook = try await repository.webhook(id: webhookId, of: organizationId) else {
            throw WebhookError.webhookNotFound
        }
        try await repository.delete(
            webhook.id, audit: directory.audit(organizationId, account, "webhook.deleted", webhook.url, now))
    }

    /// The newest deliveries of a webhook, each with every try.
    public func deliveries(of webhookId: UUID, of organizationId: UUID, by account: Account, limit: Int = 50)
        async throws -> [WebhookDelivery]
    {
        try await requireManager(account, organizationId)
        guard try await repository.webhook(id: webhookId, of: organizationId) != nil else {
            throw WebhookError.webhookNotFound
        }
        return try await repository.deliveries(of: webhookId, limit: limit)
    }

    static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil
        else { return false }
        return true
    }

    func requireManager(_ account: Account, _ organizationId: UUID) async throws {
        _ = try await directory.organization(id: organizationId)
        _ = try await directory.requireRole(.admin, of: account, in: organizationId)
    }
}

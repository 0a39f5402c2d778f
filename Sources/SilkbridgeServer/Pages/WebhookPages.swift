import Foundation
import Hummingbird
import SilkbridgeCore

/// An organisation's webhooks page, for its owners and admins: the endpoints, a form to add one (whose secret is
/// shown once, on the page that answers the form) and the log of recent deliveries. Same use case as the API.
struct WebhookPages: Sendable {
    let site: SitePages
    let webhooks: WebhookService

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.webhooks) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await page(request, context)
        }
        router.post(SitePaths.webhooks) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context)
            let form = try await FormData(request: request, context: context)
            do {
                let created = try await webhooks.create(
                    url: form["url"] ?? "", kinds: form.all("kinds"), for: id, by: account)
                return try await page(request, context, secret: created.secret, status: .created)
            } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
                return try await page(
                    request, context, form: form, errors: FormErrors(error, language: context.language))
            }
        }
        router.post(SitePaths.deleteWebhook) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context)
            let webhookId = try site.pathID(context, "webhook", missing: WebhookError.webhookNotFound)
            try await webhooks.delete(webhookId, of: id, by: account)
            return PageRenderer.redirect(to: SitePaths.webhooks(id))
        }
        router.post(SitePaths.webhookSecret) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context)
            let webhookId = try site.pathID(context, "webhook", missing: WebhookError.webhookNotFound)
            let rotated = try await webhooks.rotateSecret(of: webhookId, of: id, by: account)
            return try await page(request, context, secret: rotated.secret)
        }
        router.post(SitePaths.redeliver) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context)
            let webhookId = try site.pathID(context, "webhook", missing: WebhookError.webhookNotFound)
            let deliveryId = try site.pathID(context, "delivery", missing: WebhookError.deliveryNotFound)
            _ = try await webhooks.redeliver(deliveryId, of: webhookId, of: id, by: account)
            return PageRenderer.redirect(to: SitePaths.webhooks(id))
        }
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, form: FormData? = nil, secret: String? = nil,
        status: HTTPResponse.Status = .ok, errors: FormErrors? = nil
    ) async throws -> Response {
        let account = try context.requireAccount()
        let id = try site.pathID(context)
        let language = context.language
        let organization = try await site.directory.organization(id: id)
        let list = try await webhooks.webhooks(of: id, by: account)
        var items: [WebhooksPage.Item] = []
        for webhook in list.reversed() {
            let deliveries = try await webhooks.deliveries(of: webhook.id, of: id, by: account, limit: 10)
            items.append(
                WebhooksPage.Item(
                    url: webhook.url,
                    kinds: NoticeKind.allCases.filter(webhook.kinds.contains).map { $0.label.text(in: language) }
                        .joined(separator: " · "),
                    created: SitePages.dateText(webhook.createdAt),
                    deleteAction: SitePaths.deleteWebhook(id, webhook.id),
                    rotateAction: SitePaths.webhookSecret(id, webhook.id),
                    noDeliveries: deliveries.isEmpty,
                    deliveries: deliveries.map { delivery in
                        WebhooksPage.Delivery(
                            at: delivery.createdAt.formatted(.iso8601), kind: delivery.kind.rawValue,
                            state: site.text("webhook_state_\(delivery.state.rawValue)", context),
                            delivered: delivery.state == .delivered, failed: delivery.state == .failed,
                            attempts: delivery.attempts.map { attempt in
                                WebhooksPage.Attempt(
                                    at: attempt.at.formatted(.iso8601),
                                    result: attempt.statusCode.map { "HTTP \($0)" } ?? attempt.error ?? "")
                            },
                            next: delivery.nextAttemptAt?.formatted(.iso8601) ?? "",
                            redeliverAction: SitePaths.redeliver(id, webhook.id, delivery.id)
                        )
                    }))
        }
        let view = WebhooksPage(
            organization: OrganizationView(organization, catalog: site.catalog, language: language),
            items: items, empty: items.isEmpty,
            form: PageForm(
                title: site.text("webhook_add", context), action: SitePaths.webhooks(id),
                submit: site.text("webhook_add", context),
                groups: [
                    FormGroup(fields: [
                        FormField(
                            name: "url", label: site.text("webhook_url", context), kind: .url,
                            value: form?["url"] ?? "", required: true),
                        FormField(
                            name: "kinds", label: site.text("webhook_kinds", context), kind: .checkboxes,
                            options: NoticeKind.allCases.map { kind in
                                // A new webhook hears every kind until its owners choose.
                                Option(
                                    value: kind.rawValue, label: kind.label.text(in: language),
                                    selected: form?.all("kinds").contains(kind.rawValue) ?? true)
                            }),
                    ])
                ]
            ).view(errors: errors),
            secret: secret)
        return site.renderer.render(
            "webhooks", title: site.text("webhooks_title", context), view: Merged(view, errors),
            request: request, context: context,
            status: errors == nil ? status : .badRequest)
    }
}

struct WebhooksPage {
    struct Item {
        let url: String
        let kinds: String
        let created: String
        let deleteAction: String
        let rotateAction: String
        let noDeliveries: Bool
        let deliveries: [Delivery]
    }

    struct Delivery {
        let at: String
        let kind: String
        let state: String
        let delivered: Bool
        let failed: Bool
        let attempts: [Attempt]
        let next: String
        let redeliverAction: String
    }

    struct Attempt {
        let at: String
        let result: String
    }

    let organization: OrganizationView
    let items: [Item]
    let empty: Bool
    let form: PageForm.View
    /// A new or rotated secret, shown once on the page that answers the form.
    let secret: String?
}

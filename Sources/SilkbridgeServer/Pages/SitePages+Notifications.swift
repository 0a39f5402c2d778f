import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    /// The mail settings on the account page, and the page of a mail's unsubscribe link. That page asks before
    /// it acts, as the other mailed links do (a mail filter's GET changes nothing), and needs no log-in: the key
    /// in the link is the person's.
    func addNotificationRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post(SitePaths.accountNotifications) { request, context in
            let account = try context.requireAccount()
            let form = try await FormData(request: request, context: context)
            var choices: [NoticeKind: NoticeMailing] = [:]
            for kind in NoticeKind.allCases {
                choices[kind] = form[kind.rawValue].flatMap(NoticeMailing.init(rawValue:)) ?? kind.defaultMailing
            }
            return try await accountAction(request, context, done: text("notifications_saved", context)) {
                _ = try await notifications.update(account, choices: choices, timeZone: form["timeZone"] ?? "")
            }
        }
        router.get(SitePaths.unsubscribe) { request, context in
            let key = request.uri.queryParameters.get("key") ?? ""
            let scope = try UnsubscribeScope(parsing: request.uri.queryParameters.get("scope") ?? "")
            try await notifications.checkUnsubscribeKey(key)
            let form = PageForm(
                title: text("unsubscribe_title", context), action: SitePaths.unsubscribe(),
                submit: text("unsubscribe_submit", context),
                intro: String(
                    format: text("unsubscribe_intro", context), scope.label.text(in: context.language)),
                groups: [
                    FormGroup(fields: [
                        FormField(name: "key", label: "", kind: .hidden, value: key),
                        FormField(name: "scope", label: "", kind: .hidden, value: scope.rawValue),
                    ])
                ])
            return render(form, errors: nil, request: request, context: context)
        }
        router.post(SitePaths.unsubscribe) { request, context in
            let form = try await FormData(request: request, context: context)
            let scope = try UnsubscribeScope(parsing: form["scope"] ?? "")
            try await notifications.unsubscribe(key: form["key"] ?? "", from: scope)
            let view = MessagePage(
                title: text("unsubscribe_done_title", context),
                text: String(format: text("unsubscribe_done_text", context), scope.label.text(in: context.language)),
                links: [
                    MessagePage.Link(
                        label: text("unsubscribe_settings", context), href: SitePaths.account() + "#notifications")
                ])
            return renderer.render("message", title: view.title, view: view, request: request, context: context)
        }
    }

    /// The account page's mail settings: a choice for each kind of notice, and the time zone.
    func notificationsForm(_ settings: NotificationSettings, verified: Bool, _ context: AppRequestContext)
        -> PageForm
    {
        let language = context.language
        let kinds = NoticeKind.allCases.map { kind in
            FormField(
                name: kind.rawValue, label: kind.label.text(in: language), kind: .select,
                options: NoticeMailing.allCases.map { mailing in
                    Option(
                        value: mailing.rawValue, label: mailing.label.text(in: language),
                        selected: settings.mailing(for: kind) == mailing)
                }, blank: false)
        }
        let zone = settings.timeZone.identifier
        let zones =
            TimeZone.knownTimeZoneIdentifiers.contains(zone)
            ? TimeZone.knownTimeZoneIdentifiers : [zone] + TimeZone.knownTimeZoneIdentifiers
        return PageForm(
            title: text("notifications_title", context), action: SitePaths.accountNotifications(),
            submit: text("notifications_save", context),
            intro: verified
                ? text("notifications_intro", context)
                : text("notifications_intro", context) + " " + text("notifications_unverified", context),
            groups: [
                FormGroup(sideBySide: true, fields: kinds),
                FormGroup(fields: [
                    FormField(
                        name: "timeZone", label: text("notifications_time_zone", context), kind: .select,
                        options: zones.sorted().map { Option(value: $0, label: $0, selected: $0 == zone) },
                        blank: false)
                ]),
            ])
    }
}

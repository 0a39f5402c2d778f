import Foundation

/// The mails that tell a person of their organisations' notices, in the person's language and time zone. Each
/// ends with where to change the settings and a link that switches this kind of mail off; the same link goes in
/// `List-Unsubscribe` for mail programs' own button (RFC 8058).
enum NotificationMails {
    static func notice(
        _ notice: Notice, for organization: Organization, to account: Account, settings: NotificationSettings,
        links: MailLinks, now: Date
    ) -> OutgoingMail {
        let language = account.preferredLanguage
        let label = notice.kind.label
        let name = organization.name.best(for: language)
        let scope = UnsubscribeScope.kind(notice.kind)
        let body = Message(
            """
            Hello \(account.displayName),

            \(name): \(label.english), from \(notice.actorName), \(settings.local(notice.at)).

            Open it on Silkbridge:
            \(links.notice(notice))
            """,
            """
            \(account.displayName)，您好：

            \(name)：\(label.chinese)，来自 \(notice.actorName)，\(settings.local(notice.at))。

            在丝桥上查看：
            \(links.notice(notice))
            """)
        let footer = Message(
            "You get these mails at once because of your mail settings.",
            "根据您的邮件设置，此类邮件会立即发送给您。")
        return OutgoingMail(
            kind: .notice, recipient: account.email, recipientName: account.displayName, language: language,
            subject: "\(label.text(in: language)) · \(name)",
            text: body.text(in: language) + "\n\n" + Self.footer(footer, scope, settings, links, language),
            createdAt: now, unsubscribeURL: links.oneClickUnsubscribe(key: settings.unsubscribeKey, scope: scope))
    }

    static func digest(
        _ notices: [Notice], names: [UUID: LocalizedText], to account: Account, settings: NotificationSettings,
        links: MailLinks, now: Date
    ) -> OutgoingMail {
        let language = account.preferredLanguage
        let lines = notices.sorted { $0.at < $1.at }.map { notice in
            let name = names[notice.organizationId]?.best(for: language) ?? ""
            let from = Message("from \(notice.actorName)", "来自 \(notice.actorName)").text(in: language)
            return "- \(settings.local(notice.at)) · \(name) · \(notice.kind.label.text(in: language)), \(from)\n"
                + "  \(links.notice(notice))"
        }
        let count = notices.count
        let subject = Message(
            count == 1 ? "Your Silkbridge day: 1 notice" : "Your Silkbridge day: \(count) notices",
            "您在丝桥的每日摘要：\(count) 条通知")
        let greeting = Message(
            "Hello \(account.displayName),\n\nWhat your organisations received since the last digest:",
            "\(account.displayName)，您好：\n\n自上次摘要以来，您的组织收到了以下通知：")
        let footer = Message(
            "You get this digest once a day, from \(NotificationSettings.digestHour):00 your time, because of your mail settings.",
            "根据您的邮件设置，您每天当地时间 \(NotificationSettings.digestHour):00 起收到一次此摘要。")
        return OutgoingMail(
            kind: .digest, recipient: account.email, recipientName: account.displayName, language: language,
            subject: subject.text(in: language),
            text: greeting.text(in: language) + "\n\n" + lines.joined(separator: "\n") + "\n\n"
                + Self.footer(footer, .digest, settings, links, language),
            createdAt: now, unsubscribeURL: links.oneClickUnsubscribe(key: settings.unsubscribeKey, scope: .digest))
    }

    private static func footer(
        _ why: Message, _ scope: UnsubscribeScope, _ settings: NotificationSettings, _ links: MailLinks,
        _ language: Language
    ) -> String {
        Message(
            """
            \(why.english)
            Choose what Silkbridge mails you: \(links.notificationSettings)
            Stop these mails: \(links.unsubscribe(key: settings.unsubscribeKey, scope: scope))

            Silkbridge
            """,
            """
            \(why.chinese)
            选择丝桥给您发送哪些邮件：\(links.notificationSettings)
            停止接收此类邮件：\(links.unsubscribe(key: settings.unsubscribeKey, scope: scope))

            丝桥
            """
        ).text(in: language)
    }
}

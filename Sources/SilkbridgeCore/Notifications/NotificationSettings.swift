import Foundation

/// How a person hears of one kind of notice by mail.
public enum NoticeMailing: String, Sendable, CaseIterable, Codable {
    /// A mail of its own, as soon as the notice is stored.
    case atOnce = "at-once"
    /// One mail a day listing every such notice since the last one.
    case daily
    /// Only the inbox.
    case off

    public var label: Message {
        switch self {
        case .atOnce: Message("At once", "立即")
        case .daily: Message("Daily digest", "每日摘要")
        case .off: Message("Not by mail", "不发邮件")
        }
    }
}

extension NoticeKind {
    /// What a person gets without choosing: at once what waits for their answer or ends something, the rest in
    /// the day's digest, so that mail stays worth opening.
    public var defaultMailing: NoticeMailing {
        switch self {
        case .interestReceived, .replyReminder, .interestAccepted, .interestDeclined, .messageReceived,
            .opportunityExpiring,
            .agreementAwaitingSignature, .signatureReminder, .agreementDeclined, .agreementTerminated:
            .atOnce
        case .stageChanged, .agreementSigned, .agreementInForce, .matchFound: .daily
        }
    }
}

/// What one person wants by mail: a choice per notice kind, the time zone mails and digests keep, and the key
/// of the unsubscribe links in their mails.
public struct NotificationSettings: Sendable, Hashable {
    /// The local hour from which a day's digest goes out.
    public static let digestHour = 8

    public let accountId: UUID
    /// Only the kinds the person chose; the others follow `NoticeKind.defaultMailing`.
    public var choices: [NoticeKind: NoticeMailing]
    public var timeZone: TimeZone
    /// Every mail carries this in its unsubscribe link, and it can do nothing but switch mails off; so it is kept
    /// as it is (a digest, as for tokens, could not be put in the next mail), and it never expires, as RFC 8058
    /// expects of a link in an old mail.
    public let unsubscribeKey: String
    /// The day, in `timeZone` (`yyyy-MM-dd`), of the last digest sent.
    public var lastDigestDay: String?

    public init(
        accountId: UUID, choices: [NoticeKind: NoticeMailing] = [:], timeZone: TimeZone, unsubscribeKey: String,
        lastDigestDay: String? = nil
    ) {
        self.accountId = accountId
        self.choices = choices
        self.timeZone = timeZone
        self.unsubscribeKey = unsubscribeKey
        self.lastDigestDay = lastDigestDay
    }

    /// A new person's settings: every default, and the time zone of the side their language suggests.
    public static func defaults(for account: Account) -> NotificationSettings {
        NotificationSettings(
            accountId: account.id,
            timeZone: TimeZone(
                identifier: account.preferredLanguage == .simplifiedChinese ? "Asia/Shanghai" : "Europe/Brussels")!,
            unsubscribeKey: (0..<32).map { _ in UInt8.random(in: .min ... .max) }.hexadecimal)
    }

    public func mailing(for kind: NoticeKind) -> NoticeMailing { choices[kind] ?? kind.defaultMailing }

    /// The day of `date` in the person's time zone, as `lastDigestDay` records it.
    public func day(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Whether the day's digest is due at `now`: past the digest hour, and none sent yet that day.
    public func digestDue(at now: Date) -> Bool {
        calendar.component(.hour, from: now) >= Self.digestHour && lastDigestDay.map { $0 < day(of: now) } ?? true
    }

    /// A time as a mail shows it: in the person's zone, which it names, the same in both languages.
    public func local(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
            + " (\(timeZone.identifier))"
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

/// What an unsubscribe link switches off: one kind's mails, or the daily digest.
public enum UnsubscribeScope: Sendable, Hashable {
    case kind(NoticeKind)
    case digest

    /// The scope an unsubscribe link names: a notice kind's code, or `digest`.
    public init(parsing text: String) throws(NotificationError) {
        if text == "digest" {
            self = .digest
        } else if let kind = NoticeKind(rawValue: text) {
            self = .kind(kind)
        } else {
            throw .unknownScope(String(text.prefix(60)))
        }
    }

    public var rawValue: String {
        switch self {
        case .kind(let kind): kind.rawValue
        case .digest: "digest"
        }
    }

    public var label: Message {
        switch self {
        case .kind(let kind): kind.label
        case .digest: Message("Daily digest", "每日摘要")
        }
    }
}

import Foundation

/// Failures of mail settings and unsubscribe links.
public enum NotificationError: DomainError, Equatable {
    /// The key of an unsubscribe link belongs to nobody.
    case unknownUnsubscribeKey
    /// An unsubscribe link names neither a kind of notice nor the digest.
    case unknownScope(String)

    public var kind: FailureKind {
        switch self {
        case .unknownUnsubscribeKey: .notFound
        case .unknownScope: .invalid
        }
    }

    public var message: Message {
        switch self {
        case .unknownUnsubscribeKey:
            Message(
                "This unsubscribe link is not known: copy the whole link from the mail, or change your mail settings on your account page.",
                "无法识别此退订链接：请从邮件中复制完整链接，或在账户页面更改邮件设置。")
        case .unknownScope(let scope):
            Message(
                "An unsubscribe link names a kind of notice or \"digest\", not \"\(scope)\": copy the whole link from the mail.",
                "退订链接应指明一类通知或 “digest”，而不是 “\(scope)”：请从邮件中复制完整链接。")
        }
    }
}

import Foundation

/// Failures of signing up, logging in and managing tokens.
public enum AccountError: DomainError, Equatable {
    case emailTaken
    case wrongCredentials
    case notAuthenticated
    case tokenNotFound
    case notASession
    /// Too many wrong passwords for this account or from this address; the seconds until a try is taken again.
    case tooManyAttempts(retryAfter: TimeInterval)
    /// More passwords are waiting to be checked than the server checks at once.
    case busyCheckingPasswords
    /// A mailed link that is unknown, used, expired or for an address the account no longer has.
    case linkNotValid
    case alreadyVerified
    /// The password given to confirm a change is not the account's.
    case wrongPassword
    /// Too many mails of this kind asked for; the seconds until the next may be.
    case tooManyMails(retryAfter: TimeInterval)

    public var kind: FailureKind {
        switch self {
        case .emailTaken: .conflict
        case .wrongCredentials, .notAuthenticated: .unauthenticated
        case .tokenNotFound: .notFound
        case .notASession: .invalid
        case .tooManyAttempts, .tooManyMails: .tooManyRequests
        case .busyCheckingPasswords: .unavailable
        case .linkNotValid: .notFound
        case .wrongPassword: .forbidden
        case .alreadyVerified: .conflict
        }
    }

    public var retryAfter: TimeInterval? {
        switch self {
        case .tooManyAttempts(let seconds), .tooManyMails(let seconds): seconds
        case .busyCheckingPasswords: 1
        default: nil
        }
    }

    public var message: Message {
        switch self {
        case .emailTaken:
            Message("An account with this email already exists.", "该电子邮箱已注册账户。")
        case .wrongCredentials:
            Message("The email or password is not correct.", "电子邮箱或密码不正确。")
        case .notAuthenticated:
            Message("Log in first: this needs a valid bearer token or session.", "请先登录：此操作需要有效的令牌或会话。")
        case .tokenNotFound:
            Message("No such token on your account.", "您的账户中没有此令牌。")
        case .notASession:
            Message(
                "This request used a personal API token, not a session: revoke it with DELETE /api/v1/me/tokens/{id}.",
                "此请求使用的是个人接口令牌而非会话：请用 DELETE /api/v1/me/tokens/{id} 撤销。")
        case .tooManyAttempts(let seconds):
            Message(
                "Too many wrong passwords for this account or from this address: try again in \(Self.minutes(seconds)).",
                "此账户或此地址的密码错误次数过多：请在 \(Self.wholeMinutes(seconds)) 分钟后重试。")
        case .busyCheckingPasswords:
            Message(
                "Many log-ins are being checked right now: try again in a second.", "当前正在验证的登录过多：请稍后重试。")
        case .linkNotValid:
            Message(
                "This link does not work (any more): it was used, it expired, or the address changed since. Ask for a new one from your account page.",
                "此链接无效：它已被使用、已过期，或地址已更改。请在账户页面重新获取。")
        case .alreadyVerified:
            Message("Your email address is already confirmed.", "您的电子邮箱地址已确认。")
        case .wrongPassword:
            Message("The password is not correct.", "密码不正确。")
        case .tooManyMails(let seconds):
            Message(
                "A confirmation mail was sent a short while ago: check your inbox and spam folder, or ask again in \(Self.minutes(seconds)).",
                "不久前已发送确认邮件：请查看收件箱和垃圾邮件，或在 \(Self.wholeMinutes(seconds)) 分钟后重试。")
        }
    }

    /// Rounded up, so that a wait of a few seconds never reads as "now".
    private static func wholeMinutes(_ seconds: TimeInterval) -> Int { max(1, Int((seconds / 60).rounded(.up))) }

    private static func minutes(_ seconds: TimeInterval) -> String {
        let minutes = wholeMinutes(seconds)
        return minutes == 1 ? "a minute" : "\(minutes) minutes"
    }
}

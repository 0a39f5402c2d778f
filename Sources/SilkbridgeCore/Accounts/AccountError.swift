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

    public var kind: FailureKind {
        switch self {
        case .emailTaken: .conflict
        case .wrongCredentials, .notAuthenticated: .unauthenticated
        case .tokenNotFound: .notFound
        case .notASession: .invalid
        case .tooManyAttempts: .tooManyRequests
        case .busyCheckingPasswords: .unavailable
        }
    }

    public var retryAfter: TimeInterval? {
        switch self {
        case .tooManyAttempts(let seconds): seconds
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
        }
    }

    /// Rounded up, so that a wait of a few seconds never reads as "now".
    private static func wholeMinutes(_ seconds: TimeInterval) -> Int { max(1, Int((seconds / 60).rounded(.up))) }

    private static func minutes(_ seconds: TimeInterval) -> String {
        let minutes = wholeMinutes(seconds)
        return minutes == 1 ? "a minute" : "\(minutes) minutes"
    }
}

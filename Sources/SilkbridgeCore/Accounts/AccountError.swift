import Foundation

/// Failures of signing up, logging in and managing tokens.
public enum AccountError: DomainError, Equatable {
    case emailTaken
    case wrongCredentials
    case notAuthenticated
    case tokenNotFound
    case notASession

    public var kind: FailureKind {
        switch self {
        case .emailTaken: .conflict
        case .wrongCredentials, .notAuthenticated: .unauthenticated
        case .tokenNotFound: .notFound
        case .notASession: .invalid
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
        }
    }
}

import Foundation

/// What a link sent by mail lets its holder do.
public enum LinkPurpose: String, Sendable, Codable {
    /// Proves the account's holder reads mail at its address.
    case verifyEmail = "verify-email"
    /// Sets a new password for someone who forgot theirs.
    case resetPassword = "reset-password"
    /// Moves the account to a new address, mailed there to show the new address is the person's too.
    case changeEmail = "change-email"

    /// How long a link works: long enough to find the mail after a weekend for a verification, short for a
    /// password, where the link is as good as the password.
    public var lifetime: TimeInterval {
        switch self {
        case .verifyEmail: 48 * 3600
        case .resetPassword: 3600
        case .changeEmail: 24 * 3600
        }
    }
}

/// A single-use link to be made and mailed: the repository makes the secret, keeps only its digest, and stores
/// the mail that `mail` composes around the secret in the same transaction.
public struct LinkRequest: Sendable {
    public let accountId: UUID
    public let purpose: LinkPurpose
    /// The address the link proves; a later change of the account's address makes the link worthless.
    public let email: String
    /// For a change of address: the address the account moves to, where the link is mailed.
    public let newEmail: String?
    public let createdAt: Date
    public let expiresAt: Date
    public let mail: @Sendable (_ secret: String) -> OutgoingMail
    /// Mails sent with the link that carry no secret, such as the notice to the old address of a change.
    public let notices: [OutgoingMail]

    public init(
        accountId: UUID, purpose: LinkPurpose, email: String, newEmail: String? = nil, createdAt: Date,
        expiresAt: Date, notices: [OutgoingMail] = [], mail: @escaping @Sendable (_ secret: String) -> OutgoingMail
    ) {
        self.accountId = accountId
        self.purpose = purpose
        self.email = email
        self.newEmail = newEmail
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.notices = notices
        self.mail = mail
    }
}

/// Where the links in mails lead: the deployment's public address, which only the configuration knows.
public struct MailLinks: Sendable {
    public let publicURL: String
    /// The page of what a notice is about, as the inbox links it; the pages' routes know it, not the domain.
    let noticePath: @Sendable (Notice) -> String

    public init(publicURL: String, noticePath: @escaping @Sendable (Notice) -> String = { _ in "/inbox" }) {
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
        self.noticePath = noticePath
    }

    public func notice(_ notice: Notice) -> String { publicURL + noticePath(notice) }

    /// The mail settings on the account page.
    public var notificationSettings: String { "\(publicURL)/account#notifications" }

    /// The page, for a person who clicks, that asks before switching mails off (a link scanner's GET changes
    /// nothing).
    public func unsubscribe(key: String, scope: UnsubscribeScope) -> String {
        "\(publicURL)/unsubscribe?key=\(key)&scope=\(scope.rawValue)"
    }

    /// Where a mail program posts `List-Unsubscribe=One-Click` (RFC 8058): no page, no session, no cookie.
    public func oneClickUnsubscribe(key: String, scope: UnsubscribeScope) -> String {
        "\(publicURL)/unsubscribe/one-click?key=\(key)&scope=\(scope.rawValue)"
    }

    /// Sign-up with the address filled in, where an invitation mail sends its reader.
    public func signUp(email: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        return "\(publicURL)/signup?email=\(email.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }

    /// The page of the link: its path is the purpose's name.
    public func url(_ purpose: LinkPurpose, secret: String) -> String {
        "\(publicURL)/\(purpose.rawValue)?token=\(secret)"
    }
}

import Foundation

/// Why a token exists: a log-in from the API, a browser session, or a token the user made for a script.
public enum TokenKind: String, Sendable, Codable {
    case session
    case browser
    case personal
}

/// A credential as stored: never the secret itself, only facts about it.
public struct AccessToken: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let accountId: UUID
    public let kind: TokenKind
    public let name: String
    public let createdAt: Date
    public let expiresAt: Date?

    public init(id: UUID, accountId: UUID, kind: TokenKind, name: String, createdAt: Date, expiresAt: Date?) {
        self.id = id
        self.accountId = accountId
        self.kind = kind
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A token just made: the only moment its secret is known.
public struct IssuedToken: Sendable {
    public let token: AccessToken
    public let secret: String

    public init(token: AccessToken, secret: String) {
        self.token = token
        self.secret = secret
    }
}

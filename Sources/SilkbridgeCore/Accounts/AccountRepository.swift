import Foundation

/// Where accounts and their credentials live.
public protocol AccountRepository: Sendable {
    /// Stores a new account and turns pending invitations for its email into memberships.
    func create(_ account: Account, passwordHash: String) async throws -> Account
    func find(email: String) async throws -> (account: Account, passwordHash: String)?
    func find(id: UUID) async throws -> Account?
    func update(_ account: Account) async throws
}

/// Where access tokens live; secrets are kept only as digests.
public protocol TokenRepository: Sendable {
    func issue(kind: TokenKind, accountId: UUID, name: String, expiresAt: Date?) async throws -> IssuedToken
    /// The account behind a secret, if the token exists and has not expired.
    func authenticate(secret: String, now: Date) async throws -> (token: AccessToken, account: Account)?
    func list(accountId: UUID, kind: TokenKind) async throws -> [AccessToken]
    /// Returns whether a token of this account was removed.
    func revoke(id: UUID, accountId: UUID) async throws -> Bool
}

/// Turns passwords into slow, salted hashes and checks them.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}

import Foundation

/// Where accounts and their credentials live.
public protocol AccountRepository: Sendable {
    /// Stores a new account and, in the same transaction, the link that verifies its address and the mail
    /// carrying it. Invitations to the address wait until it is verified.
    func create(_ account: Account, passwordHash: String, verification: LinkRequest?) async throws -> Account
    func find(email: String) async throws -> (account: Account, passwordHash: String)?
    func find(id: UUID) async throws -> Account?
    func update(_ account: Account) async throws
    /// Makes a link and queues the mail carrying it, in one transaction.
    func issue(_ link: LinkRequest) async throws
    /// When links of this purpose were issued to the account since `since`, oldest first.
    func linksIssued(to accountId: UUID, purpose: LinkPurpose, since: Date) async throws -> [Date]
    /// Uses a verification link: marks the address verified and turns the invitations to it into memberships,
    /// in one transaction. Nil when the link is unknown, used, expired, or for an address the account no
    /// longer has.
    func verifyEmail(secret: String, now: Date) async throws -> Account?
    /// Uses a change-of-address link: moves the account (and its memberships) to the new address, verified, and
    /// takes up the invitations to it, in one transaction. Nil as for `verifyEmail`; `AccountError.emailTaken`
    /// when another account took the address meanwhile.
    func changeEmail(secret: String, now: Date) async throws -> Account?
    /// The account a link would act on, without using the link; nil as for `verifyEmail`.
    func holder(of secret: String, purpose: LinkPurpose, now: Date) async throws -> Account?
    /// Uses a password-reset link: stores the new hash, ends the account's sessions, and verifies the address
    /// (the link came through it), in one transaction. Nil as for `verifyEmail`.
    func resetPassword(secret: String, passwordHash: String, now: Date) async throws -> Account?
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

extension AccountRepository {
    /// Stores an account without mailing anything: for accounts made verified, or by the tests of storage.
    public func create(_ account: Account, passwordHash: String) async throws -> Account {
        try await create(account, passwordHash: passwordHash, verification: nil)
    }
}

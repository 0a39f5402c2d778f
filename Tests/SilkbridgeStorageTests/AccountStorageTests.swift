import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(10))) struct AccountStorageTests {
    @Test(arguments: TestDatabase.available)
    func storesAndFindsAccountsByEmailAndId(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let account = Fixtures.account()
            _ = try await db.accounts.create(account, passwordHash: "hash")
            let found = try #require(try await db.accounts.find(email: account.email))
            #expect(found.account == account.withStoredPrecision(found.account.createdAt))
            #expect(found.passwordHash == "hash")
            #expect(try await db.accounts.find(id: account.id)?.email == account.email)
            #expect(try await db.accounts.find(email: "nobody@example.eu") == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusesASecondAccountWithTheSameEmail(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let first = Fixtures.account("same@example.eu")
            _ = try await db.accounts.create(first, passwordHash: "x")
            await #expect(throws: AccountError.emailTaken) {
                _ = try await db.accounts.create(Fixtures.account("same@example.eu"), passwordHash: "y")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func tokensAuthenticateUntilRevokedOrExpired(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let account = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let now = Date()
            let session = try await db.tokens.issue(
                kind: .session, accountId: account.id, name: "s", expiresAt: now + 60)
            let personal = try await db.tokens.issue(kind: .personal, accountId: account.id, name: "ci", expiresAt: nil)
            #expect(session.secret.hasPrefix("sb_"))
            #expect(session.secret != personal.secret)
            #expect(try await db.tokens.authenticate(secret: session.secret, now: now)?.account.id == account.id)
            #expect(try await db.tokens.authenticate(secret: session.secret, now: now + 61) == nil)
            #expect(try await db.tokens.authenticate(secret: "sb_guess", now: now) == nil)
            #expect(try await db.tokens.list(accountId: account.id, kind: .personal).map(\.name) == ["ci"])

            let stranger = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            #expect(try await db.tokens.revoke(id: personal.token.id, accountId: stranger.id) == false)
            #expect(try await db.tokens.authenticate(secret: personal.secret, now: now) != nil)
            #expect(try await db.tokens.revoke(id: personal.token.id, accountId: account.id))
            #expect(try await db.tokens.authenticate(secret: personal.secret, now: now) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func verifyingTheAddressTurnsInvitationsIntoMemberships(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let owner = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let organization = Fixtures.organization("Isar Energy")
            try await db.directory.create(
                organization, owner: Fixtures.owner(of: organization, owner),
                audit: Fixtures.audit(organization, owner, "organization.created"))
            let invitation = Membership(
                id: UUID(), organizationId: organization.id, accountId: nil, email: "li@example.cn", displayName: nil,
                role: .member, createdAt: Date())
            try await db.directory.save(invitation, audit: Fixtures.audit(organization, owner, "member.invited"))

            let newcomer = Fixtures.account("li@example.cn")
            let mailed = Mutex<String?>(nil)
            let link = LinkRequest(
                accountId: newcomer.id, purpose: .verifyEmail, email: newcomer.email, createdAt: Date(),
                expiresAt: Date() + 3600
            ) { secret in
                mailed.withLock { $0 = secret }
                return OutgoingMail(
                    kind: .emailVerification, recipient: newcomer.email, recipientName: nil, language: .english,
                    subject: "Confirm", text: "token=\(secret)", createdAt: Date())
            }
            _ = try await db.accounts.create(newcomer, passwordHash: "x", verification: link)
            #expect(try await db.directory.membership(of: newcomer.id, in: organization.id) == nil)
            #expect(try await db.mailOutbox.recent(state: .queued, limit: 10).map(\.recipient) == ["li@example.cn"])

            let secret = try #require(mailed.withLock { $0 })
            #expect(try await db.accounts.verifyEmail(secret: "sb_wrong", now: Date()) == nil)
            #expect(try await db.accounts.verifyEmail(secret: secret, now: Date() + 7200) == nil, "expired")
            let verified = try #require(try await db.accounts.verifyEmail(secret: secret, now: Date()))
            #expect(verified.emailVerified)
            #expect(try await db.accounts.verifyEmail(secret: secret, now: Date()) == nil, "used once only")
            let membership = try #require(try await db.directory.membership(of: newcomer.id, in: organization.id))
            #expect(membership.role == .member)
            #expect(!membership.isPending)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anExpiredInvitationIsNotTakenUp(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let owner = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let organization = Fixtures.organization("Isar Energy")
            try await db.directory.create(
                organization, owner: Fixtures.owner(of: organization, owner),
                audit: Fixtures.audit(organization, owner, "organization.created"))
            let now = Date()
            let old = Membership(
                id: UUID(), organizationId: organization.id, accountId: nil, email: "li@example.cn", displayName: nil,
                role: .member, createdAt: now - Membership.invitationLifetime - 60)
            try await db.directory.save(old, audit: Fixtures.audit(organization, owner, "member.invited"))
            // Made verified, the account takes up its invitations at once, as a verification would: not this one.
            var newcomer = Fixtures.account("li@example.cn")
            newcomer.emailVerifiedAt = now
            _ = try await db.accounts.create(newcomer, passwordHash: "x")
            #expect(try await db.directory.membership(of: newcomer.id, in: organization.id) == nil)
        }
    }
}

extension Account {
    /// The same account with the creation time as the database returned it (PostgreSQL keeps microseconds).
    func withStoredPrecision(_ stored: Date) -> Account {
        Account(id: id, email: email, displayName: displayName, preferredLanguage: preferredLanguage, createdAt: stored)
    }

}

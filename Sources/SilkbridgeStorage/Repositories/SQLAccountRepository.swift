import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Accounts in the SQL database, with the links mailed to them.
struct SQLAccountRepository: AccountRepository {
    let database: any Database

    func create(_ account: Account, passwordHash: String, verification: LinkRequest?) async throws -> Account {
        try await database.transaction { database in
            do {
                try await AccountRecord(account, passwordHash: passwordHash).create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw AccountError.emailTaken
            }
            if let verification { try await Self.issue(verification, on: database) }
            // An account made verified (the demo's) takes up its invitations at once, as a verification would.
            if account.emailVerified {
                try await Self.takeUpInvitations(of: account, now: account.createdAt, on: database)
            }
            return account
        }
    }

    func find(email: String) async throws -> (account: Account, passwordHash: String)? {
        guard let record = try await AccountRecord.query(on: database).filter(\.$email == email).first() else {
            return nil
        }
        return (try record.account, record.passwordHash)
    }

    func find(id: UUID) async throws -> Account? {
        try await AccountRecord.find(id, on: database)?.account
    }

    func update(_ account: Account) async throws {
        try await AccountRecord.query(on: database)
            .filter(\.$id == account.id)
            .set(\.$displayName, to: account.displayName)
            .set(\.$preferredLanguage, to: account.preferredLanguage.rawValue)
            .update()
    }

    func issue(_ link: LinkRequest) async throws {
        try await database.transaction { database in try await Self.issue(link, on: database) }
    }

    func linksIssued(to accountId: UUID, purpose: LinkPurpose, since: Date) async throws -> [Date] {
        try await EmailLinkRecord.query(on: database)
            .filter(\.$accountId == accountId)
            .filter(\.$purpose == purpose.rawValue)
            .filter(\.$createdAt >= AuditRecord.micros(since))
            .sort(\.$createdAt).all()
            .map { OpportunityRecord.date($0.createdAt) }
    }

    func verifyEmail(secret: String, now: Date) async throws -> Account? {
        try await database.transaction { database in
            guard let record = try await Self.use(secret, for: .verifyEmail, now: now, on: database) else { return nil }
            return try await Self.verify(record, now: now, on: database)
        }
    }

    func changeEmail(secret: String, now: Date) async throws -> Account? {
        try await database.transaction { database in
            guard let record = try await Self.use(secret, for: .changeEmail, now: now, on: database),
                let newEmail = try await EmailLinkRecord.query(on: database)
                    .filter(\.$digest == SQLTokenRepository.digest(secret)).first()?.newEmail
            else { return nil }
            record.email = newEmail
            // The link came through the new address: it is verified, whatever the old one was.
            record.emailVerifiedAt = nil
            do {
                try await record.update(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw AccountError.emailTaken
            }
            try await MembershipRecord.query(on: database)
                .filter(\.$accountId == record.id!)
                .set(\.$email, to: newEmail)
                .update()
            return try await Self.verify(record, now: now, on: database)
        }
    }

    func holder(of secret: String, purpose: LinkPurpose, now: Date) async throws -> Account? {
        guard
            let link = try await EmailLinkRecord.query(on: database)
                .filter(\.$digest == SQLTokenRepository.digest(secret))
                .filter(\.$purpose == purpose.rawValue)
                .filter(\.$usedAt == nil)
                .filter(\.$expiresAt > AuditRecord.micros(now)).first(),
            let record = try await AccountRecord.find(link.accountId, on: database), record.email == link.email
        else { return nil }
        return try record.account
    }

    func resetPassword(secret: String, passwordHash: String, now: Date) async throws -> Account? {
        try await database.transaction { database in
            guard let record = try await Self.use(secret, for: .resetPassword, now: now, on: database) else {
                return nil
            }
            record.passwordHash = passwordHash
            // Whoever knew the old password may hold a session made with it.
            try await TokenRecord.query(on: database)
                .filter(\.$accountId == record.id!)
                .filter(\.$kind ~~ [TokenKind.session.rawValue, TokenKind.browser.rawValue])
                .delete()
            // The link came through the address, which shows the address is the person's.
            return try await Self.verify(record, now: now, on: database)
        }
    }

    /// Marks a link used and returns its account, if the link is known, unused, unexpired and for the address
    /// the account still has. Marking is the condition: of two uses at once, only one changes the row.
    static func use(_ secret: String, for purpose: LinkPurpose, now: Date, on database: any Database) async throws
        -> AccountRecord?
    {
        let used = AuditRecord.micros(now)
        let sql = database as! any SQLDatabase
        let rows = try await sql.update(EmailLinkRecord.schema)
            .set("used_at", to: used)
            .where("digest", .equal, SQLTokenRepository.digest(secret))
            .where("purpose", .equal, purpose.rawValue)
            .where("used_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, used)
            .returning("account_id", "email").all()
        guard let row = rows.first else { return nil }
        let accountId = try row.decode(column: "account_id", as: UUID.self)
        let email = try row.decode(column: "email", as: String.self)
        guard let record = try await AccountRecord.find(accountId, on: database), record.email == email else {
            return nil
        }
        return record
    }

    /// Stores the account (verified from now, if it was not) and takes up the invitations to its address.
    static func verify(_ record: AccountRecord, now: Date, on database: any Database) async throws -> Account {
        if record.emailVerifiedAt == nil { record.emailVerifiedAt = AuditRecord.micros(now) }
        try await record.update(on: database)
        let account = try record.account
        try await takeUpInvitations(of: account, now: now, on: database)
        return account
    }

    /// Stores the link's digest and the mail carrying its secret.
    static func issue(_ link: LinkRequest, on database: any Database) async throws {
        let secret = SQLTokenRepository.newSecret()
        try await EmailLinkRecord(link, digest: SQLTokenRepository.digest(secret)).create(on: database)
        try await MailRecord(link.mail(secret)).create(on: database)
        for notice in link.notices { try await MailRecord(notice).create(on: database) }
    }

    /// Invitations sent to the address, and not expired, become the account's memberships.
    static func takeUpInvitations(of account: Account, now: Date, on database: any Database) async throws {
        // An invitation to an organisation the account already belongs to (under its former address) is moot.
        let memberOf = try await MembershipRecord.query(on: database).filter(\.$accountId == account.id).all()
            .map(\.organizationId)
        if !memberOf.isEmpty {
            try await MembershipRecord.query(on: database)
                .filter(\.$email == account.email).filter(\.$accountId == nil)
                .filter(\.$organizationId ~~ memberOf).delete()
        }
        try await MembershipRecord.query(on: database)
            .filter(\.$email == account.email)
            .filter(\.$accountId == nil)
            .filter(\.$createdAt >= now - Membership.invitationLifetime)
            .set(\.$accountId, to: account.id)
            .update()
    }
}

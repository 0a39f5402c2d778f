import FluentKit
import Foundation
import SilkbridgeCore

/// Accounts in the SQL database.
struct SQLAccountRepository: AccountRepository {
    let database: any Database

    func create(_ account: Account, passwordHash: String) async throws -> Account {
        try await database.transaction { database in
            do {
                try await AccountRecord(account, passwordHash: passwordHash).create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw AccountError.emailTaken
            }
            // Invitations sent before the person signed up become real memberships now.
            try await MembershipRecord.query(on: database)
                .filter(\.$email == account.email)
                .filter(\.$accountId == nil)
                .set(\.$accountId, to: account.id)
                .update()
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
}

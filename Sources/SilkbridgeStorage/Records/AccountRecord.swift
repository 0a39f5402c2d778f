import FluentKit
import Foundation
import SilkbridgeCore

final class AccountRecord: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "preferred_language") var preferredLanguage: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "email_verified_at") var emailVerifiedAt: Int64?

    init() {}

    init(_ account: Account, passwordHash: String) {
        id = account.id
        email = account.email
        displayName = account.displayName
        self.passwordHash = passwordHash
        preferredLanguage = account.preferredLanguage.rawValue
        createdAt = account.createdAt
        emailVerifiedAt = account.emailVerifiedAt.map(AuditRecord.micros)
    }

    var account: Account {
        get throws {
            try Account(
                id: id!, email: email, displayName: displayName,
                preferredLanguage: Language(stored: preferredLanguage, column: "accounts.preferred_language"),
                createdAt: createdAt, emailVerifiedAt: emailVerifiedAt.map(OpportunityRecord.date))
        }
    }
}

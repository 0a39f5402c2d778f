import FluentKit
import Foundation
import SilkbridgeCore

final class TokenRecord: Model, @unchecked Sendable {
    static let schema = "tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    /// SHA-256 of the secret: a stolen database yields no usable token.
    @Field(key: "digest") var digest: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(_ token: AccessToken, digest: String) {
        id = token.id
        accountId = token.accountId
        kind = token.kind.rawValue
        name = token.name
        self.digest = digest
        createdAt = token.createdAt
        expiresAt = token.expiresAt
    }

    var token: AccessToken {
        get throws {
            try AccessToken(
                id: id!, accountId: accountId, kind: TokenKind(stored: kind, column: "access_tokens.kind"), name: name,
                createdAt: createdAt, expiresAt: expiresAt)
        }
    }
}

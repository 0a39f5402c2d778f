import Crypto
import FluentKit
import Foundation
import SilkbridgeCore

/// Access tokens in the SQL database, kept as SHA-256 digests of their secrets.
struct SQLTokenRepository: TokenRepository {
    let database: any Database

    func issue(kind: TokenKind, accountId: UUID, name: String, expiresAt: Date?) async throws -> IssuedToken {
        let secret = Self.newSecret()
        let token = AccessToken(
            id: UUID(), accountId: accountId, kind: kind, name: name, createdAt: Date(), expiresAt: expiresAt)
        try await TokenRecord(token, digest: Self.digest(secret)).create(on: database)
        return IssuedToken(token: token, secret: secret)
    }

    func authenticate(secret: String, now: Date) async throws -> (token: AccessToken, account: Account)? {
        guard let record = try await TokenRecord.query(on: database).filter(\.$digest == Self.digest(secret)).first()
        else { return nil }
        if let expiry = record.expiresAt, expiry <= now { return nil }
        guard let account = try await AccountRecord.find(record.accountId, on: database) else { return nil }
        return (try record.token, try account.account)
    }

    func list(accountId: UUID, kind: TokenKind) async throws -> [AccessToken] {
        try await TokenRecord.query(on: database)
            .filter(\.$accountId == accountId)
            .filter(\.$kind == kind.rawValue)
            .sort(\.$createdAt, .descending)
            .all()
            .map { try $0.token }
    }

    func revoke(id: UUID, accountId: UUID) async throws -> Bool {
        guard
            let record = try await TokenRecord.query(on: database)
                .filter(\.$id == id).filter(\.$accountId == accountId).first()
        else { return false }
        try await record.delete(on: database)
        return true
    }

    /// 32 random bytes, base64url: 256 bits no one can guess, prefixed so leaked tokens are recognisable.
    static func newSecret() -> String {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "sb_" + encoded
    }

    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hexadecimal
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import Testing

/// The mails a test server queued, read from its database's outbox: what the mail worker would send.
enum TestMailbox {
    /// The database of the server `withApp` runs; tests that build their own server pass theirs.
    @TaskLocal static var location: DatabaseLocation?

    /// Runs `work` on the test server's database, as one of the server's jobs would, and closes it after.
    static func withDatabase<Result: Sendable>(
        _ location: DatabaseLocation? = nil, _ work: (SilkbridgeDatabase) async throws -> Result
    ) async throws -> Result {
        let location = try #require(location ?? Self.location, "no test server's database")
        let database = try SilkbridgeDatabase(location: location, logger: Logger(label: "test-database"))
        do {
            let result = try await work(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// The mails to an address, newest first.
    static func mails(to email: String, in location: DatabaseLocation? = nil) async throws -> [OutgoingMail] {
        try await withDatabase(location) { database in
            try await database.mailOutbox.recent(state: nil, limit: 1000).filter { $0.recipient == email.lowercased() }
        }
    }

    /// The token of the link in the newest mail to the address.
    static func linkToken(to email: String, in location: DatabaseLocation? = nil) async throws -> String {
        let mail = try #require(try await mails(to: email, in: location).first, "no mail to \(email)")
        let match = try #require(mail.text.firstMatch(of: /token=(sb_[A-Za-z0-9_-]+)/), "no link in \(mail.text)")
        return String(match.1)
    }
}

extension TestClientProtocol {
    /// Uses the verification link mailed to the address, as its holder would.
    func verifyEmail(_ email: String, in location: DatabaseLocation? = nil) async throws {
        let token = try await TestMailbox.linkToken(to: email, in: location)
        let verified = try await api(.post, "/api/v1/email-verifications", json: #"{"token":"\#(token)"}"#)
        #expect(verified.status == .ok, "\(verified.text)")
    }

    /// Signs up, verifies the address from the mail and logs in; returns the bearer token.
    func signUpVerified(_ email: String = "user-\(UUID().uuidString.prefix(8))@example.eu", name: String = "Anna")
        async throws -> String
    {
        let token = try await signUp(email, name: name)
        try await verifyEmail(email)
        return token
    }
}

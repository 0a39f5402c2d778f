import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeServer

@Suite(.timeLimit(.minutes(10))) struct AccountAPITests {
    @Test(arguments: TestDatabase.available)
    func signUpLogInAndReadTheAccount(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let token = try await client.signUp("Anna@Example.eu", name: "Anna Schmidt")
            let me = try await client.api(.get, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            let account = try #require(try me.json()["account"] as? [String: Any])
            #expect(account["email"] as? String == "anna@example.eu")
            #expect(account["displayName"] as? String == "Anna Schmidt")
        }
    }

    @Test func aSecondSignUpWithTheSameEmailIsAConflict() async throws {
        try await withApp { client in
            _ = try await client.signUp("same@example.eu")
            let again = try await client.api(
                .post, "/api/v1/accounts",
                json: #"{"email":"SAME@example.eu","password":"another good password","displayName":"B"}"#)
            #expect(again.status == .conflict)
            #expect(try again.problemDetail().contains("already exists"))
        }
    }

    @Test func wrongPasswordsAndUnknownEmailsGetTheSameAnswer() async throws {
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            let wrong = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"anna@example.eu","password":"not the password"}"#)
            let unknown = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"nobody@example.eu","password":"not the password"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(try wrong.problemDetail() == unknown.problemDetail())
        }
    }

    /// Passwords that guessing finds first are refused at sign-up, each with the reason under `password`.
    @Test(arguments: [
        "aaaaaaaaaa", "          ", String(repeating: "\u{0}", count: 10), "password12", "Password123!",
        "1234567890", "qwertyuiop", "weak.anna@example.eu", "weak.anna-2026", String(repeating: "b", count: 73),
    ])
    func weakPasswordsAreRefused(password: String) async throws {
        try await withApp { client in
            let body = try JSONSerialization.data(withJSONObject: [
                "email": "weak.anna@example.eu", "password": password, "displayName": "Anna",
            ])
            let refused = try await client.api(.post, "/api/v1/accounts", json: String(decoding: body, as: UTF8.self))
            #expect(refused.status == .badRequest)
            let errors = try #require(try refused.json()["errors"] as? [[String: Any]])
            #expect(errors.contains { $0["field"] as? String == "password" })
            // The same address with a good password is taken: the refusal was about the password alone.
            #expect(try await client.signUp("weak.anna@example.eu").isEmpty == false)
        }
    }

    /// bcrypt reads 72 bytes; a longer password must not log in as the 72 bytes it starts with.
    @Test func aPasswordLongerThanBcryptReadsDoesNotLogIn() async throws {
        try await withApp { client in
            let password = "Kx7!" + String(repeating: "b", count: 68)
            let body = try JSONSerialization.data(withJSONObject: [
                "email": "long@example.eu", "password": password, "displayName": "Long",
            ])
            #expect(
                try await client.api(.post, "/api/v1/accounts", json: String(decoding: body, as: UTF8.self)).status
                    == .created)
            func logIn(_ password: String) async throws -> HTTPResponse.Status {
                let body = try JSONSerialization.data(withJSONObject: [
                    "email": "long@example.eu", "password": password,
                ])
                return try await client.api(.post, "/api/v1/sessions", json: String(decoding: body, as: UTF8.self))
                    .status
            }
            #expect(try await logIn(password) == .created)
            #expect(try await logIn(password + "EXTRA") == .unauthorized)
        }
    }

    @Test func loggingOutRevokesTheToken() async throws {
        try await withApp { client in
            let token = try await client.signUp()
            #expect(try await client.api(.delete, "/api/v1/sessions/current", token: token).status == .noContent)
            let after = try await client.api(.get, "/api/v1/me", token: token)
            #expect(after.status == .unauthorized)
        }
    }

    @Test func personalTokensAreShownOnceListedAndRevocable() async throws {
        try await withApp { client in
            let session = try await client.signUp()
            let created = try await client.api(.post, "/api/v1/me/tokens", token: session, json: #"{"name":"CI"}"#)
            #expect(created.status == .created)
            let secret = try #require(try created.json()["token"] as? String)
            let id = try #require(try created.json()["id"] as? String)
            #expect(try await client.api(.get, "/api/v1/me", token: secret).status == .ok)
            let logOut = try await client.api(.delete, "/api/v1/sessions/current", token: secret)
            #expect(logOut.status == .badRequest, "a personal token is not a session to log out of")

            let list = try await client.api(.get, "/api/v1/me/tokens", token: session)
            let items = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["name"] as? String } == ["CI"])
            #expect(!list.text.contains(secret))

            let other = try await client.signUp()
            #expect(try await client.api(.delete, "/api/v1/me/tokens/\(id)", token: other).status == .notFound)
            #expect(try await client.api(.delete, "/api/v1/me/tokens/\(id)", token: session).status == .noContent)
            #expect(try await client.api(.get, "/api/v1/me", token: secret).status == .unauthorized)
        }
    }

    @Test(arguments: [
        ("/api/v1/me", "GET"), ("/api/v1/me/tokens", "GET"), ("/api/v1/organizations", "POST"),
    ])
    func protectedEndpointsNeedCredentials(path: String, method: String) async throws {
        try await withApp { client in
            let organization = #"{"name":{"en":"X"},"type":"startup","country":"DE","size":"micro","areas":["5g"]}"#
            let response = try await client.api(
                .init(rawValue: method)!, path, json: method == "POST" ? organization : nil)
            #expect(response.status == .unauthorized)
            #expect(try response.problemDetail().contains("Log in"))
        }
    }

    @Test func aBadTokenIsRefusedEvenOnPublicEndpoints() async throws {
        try await withApp { client in
            let response = try await client.api(.get, "/api/v1/organizations", token: "sb_forged")
            #expect(response.status == .unauthorized)
        }
    }

    @Test func problemDetailsFollowAcceptLanguage() async throws {
        try await withApp { client in
            let response = try await client.api(
                .post, "/api/v1/accounts", json: #"{"email":"x","password":"short","displayName":"A"}"#,
                headers: [.acceptLanguage: "zh-CN,zh;q=0.9"])
            #expect(response.status == .badRequest)
            let problem = try response.json()
            #expect((problem["detail"] as? String)?.contains("电子邮箱") == true)
            let errors = try #require(problem["errors"] as? [[String: Any]])
            #expect(Set(errors.compactMap { $0["field"] as? String }) == ["email", "password"])
        }
    }
}

/// Counts the password checks of the real hasher.
actor CountingHasher: PasswordHasher {
    let base = BcryptPasswordHasher(cost: 4)
    private(set) var checks = 0

    func hash(_ password: String) async throws -> String { try await base.hash(password) }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        checks += 1
        return try await base.verify(password, against: hash)
    }
}

@Suite struct LogInTimingTests {
    /// An unknown address costs a password check like a wrong password does, so the time of the answer does not
    /// tell which addresses have accounts.
    @Test(arguments: TestDatabase.available)
    func anUnknownAddressIsCheckedAgainstADecoy(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let hasher = CountingHasher()
            let accounts = AccountService(
                accounts: db.accounts, tokens: db.tokens, passwords: hasher,
                links: MailLinks(publicURL: "http://127.0.0.1"))
            _ = try await accounts.signUp(
                SignUp(email: "anna@example.eu", password: "correct horse battery", displayName: "Anna"))
            for email in ["anna@example.eu", "nobody@example.eu"] {
                let before = await hasher.checks
                await #expect(throws: AccountError.wrongCredentials) {
                    try await accounts.logIn(email: email, password: "not the password", kind: .session)
                }
                #expect(await hasher.checks == before + 1, "\(email)")
            }
        }
    }
}

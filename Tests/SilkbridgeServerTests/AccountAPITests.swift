import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

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

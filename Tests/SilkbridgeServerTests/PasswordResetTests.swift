import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct PasswordResetTests {
    func logIn(_ client: any TestClientProtocol, _ email: String, _ password: String) async throws
        -> HTTPResponse.Status
    {
        try await client.api(.post, "/api/v1/sessions", json: #"{"email":"\#(email)","password":"\#(password)"}"#)
            .status
    }

    @Test(arguments: TestDatabase.available)
    func aMailedLinkSetsANewPasswordOnceAndEndsEverySession(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let session = try await client.signUp("anna@example.eu")
            // The same answer for an address with an account and one without, and a mail only for the first.
            for email in ["Anna@Example.eu", "nobody@example.eu"] {
                let asked = try await client.api(.post, "/api/v1/password-resets", json: #"{"email":"\#(email)"}"#)
                #expect(asked.status == .accepted)
                #expect(asked.body.readableBytes == 0)
            }
            #expect(try await TestMailbox.mails(to: "nobody@example.eu").isEmpty)
            let mail = try #require(try await TestMailbox.mails(to: "anna@example.eu").first)
            #expect(mail.kind == .passwordReset)
            #expect(mail.text.contains("/reset-password?token=sb_"))
            let token = try await TestMailbox.linkToken(to: "anna@example.eu")

            // A refused password leaves the link usable.
            let weak = try await client.api(
                .post, "/api/v1/password-resets/confirm", json: #"{"token":"\#(token)","password":"anna@example.eu1"}"#)
            #expect(weak.status == .badRequest)
            let done = try await client.api(
                .post, "/api/v1/password-resets/confirm",
                json: #"{"token":"\#(token)","password":"a new horse battery"}"#)
            #expect(done.status == .noContent)
            let again = try await client.api(
                .post, "/api/v1/password-resets/confirm",
                json: #"{"token":"\#(token)","password":"a third horse battery"}"#)
            #expect(again.status == .notFound)

            #expect(try await client.api(.get, "/api/v1/me", token: session).status == .unauthorized)
            #expect(try await logIn(client, "anna@example.eu", "correct horse battery") == .unauthorized)
            #expect(try await logIn(client, "anna@example.eu", "a new horse battery") == .created)
            // The link came through the address, so the address is verified too.
            let fresh = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"anna@example.eu","password":"a new horse battery"}"#)
            let me = try await client.api(.get, "/api/v1/me", token: try fresh.json()["token"] as? String)
            #expect((try me.json()["account"] as? [String: Any])?["emailVerified"] as? Bool == true)
        }
    }

    @Test func aFloodOfRequestsMailsThreeLinksAnHourAndAnswersAlike() async throws {
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            for _ in 0..<8 {
                let asked = try await client.api(
                    .post, "/api/v1/password-resets", json: #"{"email":"anna@example.eu"}"#)
                #expect(asked.status == .accepted)
            }
            let resets = try await TestMailbox.mails(to: "anna@example.eu").filter { $0.kind == .passwordReset }
            #expect(resets.count == 3)
            let malformed = try await client.api(.post, "/api/v1/password-resets", json: #"{"email":"not an address"}"#)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.problemDetail().contains("email"))
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theFormsLeadFromTheLogInPageToANewPassword(language: String) async throws {
        try await withApp { client in
            _ = try await client.signUp("li@example.cn")
            var browser = BrowserSession(client, language: language)
            let login = try await browser.get("/login")
            #expect(login.text.contains(#"href="/password-reset""#))
            let asked = try await browser.post("/password-reset", [("email", "li@example.cn")])
            #expect(asked.status == .ok)
            #expect(asked.text.contains(language == "en" ? "Check your inbox" : "请查看收件箱"))
            let token = try await TestMailbox.linkToken(to: "li@example.cn")

            let page = try await browser.get("/reset-password?token=\(token)")
            #expect(page.text.contains(token))
            let short = try await browser.post("/reset-password", [("token", token), ("password", "short")])
            #expect(short.status == .badRequest)
            #expect(short.text.contains(language == "en" ? "at least 10 characters" : "至少需要 10 个字符"))
            let done = try await browser.post(
                "/reset-password", [("token", token), ("password", "a new horse battery")])
            #expect(done.status == .ok)
            #expect(done.text.contains(language == "en" ? "Your password is changed" : "密码已更改"))
            let reused = try await browser.post(
                "/reset-password", [("token", token), ("password", "a third horse battery")])
            #expect(reused.status == .notFound)
            let loggedIn = try await browser.post(
                "/login", [("email", "li@example.cn"), ("password", "a new horse battery")])
            #expect(loggedIn.status == .seeOther)
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct EmailChangeTests {
    func change(_ client: any TestClientProtocol, _ token: String, to email: String, password: String) async throws
        -> TestResponse
    {
        try await client.api(
            .post, "/api/v1/me/email-change", token: token,
            json: #"{"email":"\#(email)","password":"\#(password)"}"#)
    }

    @Test(arguments: TestDatabase.available)
    func theNewAddressConfirmsTheChangeAndTheOldOneIsTold(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let anna = try await client.signUpVerified("anna@example.eu")
            let id = try await client.createOrganization(token: anna)
            #expect(
                try await change(client, anna, to: "anna@isar.example", password: "wrong password").status == .forbidden
            )
            #expect(try await change(client, anna, to: "not an address", password: "x").status == .badRequest)
            _ = try await client.signUp("taken@example.eu")
            #expect(
                try await change(client, anna, to: "taken@example.eu", password: "correct horse battery").status
                    == .conflict)
            #expect(
                try await change(client, anna, to: "Anna@Isar.example", password: "correct horse battery").status
                    == .accepted)

            let notice = try #require(
                try await TestMailbox.mails(to: "anna@example.eu").first { $0.kind == .emailChangeNotice })
            #expect(notice.text.contains("anna@isar.example"))
            #expect(!notice.text.contains("token="), "the old address gets no link")
            // Nothing changes before the link is used.
            var me = try await client.api(.get, "/api/v1/me", token: anna).json()["account"] as? [String: Any]
            #expect(me?["email"] as? String == "anna@example.eu")

            let token = try await TestMailbox.linkToken(to: "anna@isar.example")
            let moved = try await client.api(.post, "/api/v1/email-changes", json: #"{"token":"\#(token)"}"#)
            #expect(moved.status == .ok)
            me = try await client.api(.get, "/api/v1/me", token: anna).json()["account"] as? [String: Any]
            #expect(me?["email"] as? String == "anna@isar.example")
            #expect(me?["emailVerified"] as? Bool == true)
            let members = try await client.api(.get, "/api/v1/organizations/\(id)/members", token: anna)
            let items = try #require(try members.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["email"] as? String } == ["anna@isar.example"])
            let again = try await client.api(.post, "/api/v1/email-changes", json: #"{"token":"\#(token)"}"#)
            #expect(again.status == .notFound)
            let logIn = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"anna@isar.example","password":"correct horse battery"}"#)
            #expect(logIn.status == .created)
        }
    }

    @Test func theAccountPageChangesTheAddressThroughTheMailedLink() async throws {
        try await withApp { client in
            _ = try await client.signUp("li@example.cn")
            var browser = BrowserSession(client, language: "zh-Hans")
            _ = try await browser.post("/login", [("email", "li@example.cn"), ("password", "correct horse battery")])
            let page = try await browser.get("/account")
            #expect(page.text.contains("更改地址"))
            let wrong = try await browser.post(
                "/account/email", [("email", "li@sz.example"), ("password", "not my password")])
            #expect(wrong.status == .forbidden)
            #expect(wrong.text.contains("密码不正确"))
            let asked = try await browser.post(
                "/account/email", [("email", "li@sz.example"), ("password", "correct horse battery")])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("链接已发往 li@sz.example"))
            let token = try await TestMailbox.linkToken(to: "li@sz.example")
            let open = try await browser.get("/change-email?token=\(token)")
            #expect(open.text.contains("改用此地址"))
            let done = try await browser.post("/change-email", [("token", token)])
            #expect(done.status == .ok)
            #expect(done.text.contains("li@sz.example"))
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A signed-in visitor's forms carry a token of their session, which changes at every log-in and log-out.
@Suite(.timeLimit(.minutes(10))) struct SessionCSRFTests {
    @Test func aSessionsFormsNeedItsOwnTokenAndEachLogInMakesANewOne() async throws {
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            var browser = BrowserSession(client)
            _ = try await browser.get("/login")
            let anonymous = try #require(browser.formToken)
            #expect(anonymous == browser.cookies["sb_csrf"])

            func logIn() async throws -> String {
                let login = try await browser.post(
                    "/login", [("email", "anna@example.eu"), ("password", "correct horse battery")])
                #expect(login.status == .seeOther)
                _ = try await browser.get("/account")
                return try #require(browser.formToken)
            }
            let first = try await logIn()
            #expect(first != anonymous)
            #expect(browser.cookies["sb_csrf"] != anonymous, "the anonymous token is renewed at log-in")

            // A cookie and a field that match each other, as a sibling site could plant them, are not enough.
            let planted = try #require(browser.cookies["sb_csrf"])
            let refused = try await browser.post("/account/tokens", [("name", "planted")], csrf: planted)
            #expect(refused.status == .forbidden)
            let accepted = try await browser.post("/account/tokens", [("name", "mine")])
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("mine"))

            let beforeLogOut = try #require(browser.cookies["sb_csrf"])
            let logOut = try await browser.post("/logout", [])
            #expect(logOut.status == .seeOther)
            #expect(browser.cookies["sb_csrf"] != beforeLogOut, "the anonymous token is renewed at log-out")
            // The old session's token opens nothing once the session has ended.
            _ = try await browser.get("/login")
            let stale = try await browser.post(
                "/login", [("email", "anna@example.eu"), ("password", "correct horse battery")], csrf: first)
            #expect(stale.status == .forbidden)

            let second = try await logIn()
            #expect(second != first)
        }
    }
}

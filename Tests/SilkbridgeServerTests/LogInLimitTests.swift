import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeServer

/// Guessing is slowed down at the API and at the form alike, and the answer says when to try again.
@Suite(.timeLimit(.minutes(10))) struct LogInLimitTests {
    @Test func afterFiveWrongPasswordsEvenTheRightOneWaits() async throws {
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            for _ in 0..<5 {
                let wrong = try await client.api(
                    .post, "/api/v1/sessions", json: #"{"email":"anna@example.eu","password":"a wrong guess"}"#)
                #expect(wrong.status == .unauthorized)
            }
            let held = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"ANNA@example.eu","password":"correct horse battery"}"#)
            #expect(held.status == .tooManyRequests)
            let seconds = try #require(held.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...300).contains(seconds))
            #expect(try held.problemDetail().contains("try again in 5 minutes"))
        }
    }

    /// An address nobody has is held back like one somebody has, so the refusal reveals no account.
    @Test func anUnknownAddressIsHeldBackAlike() async throws {
        try await withApp { client in
            for _ in 0..<5 {
                _ = try await client.api(
                    .post, "/api/v1/sessions", json: #"{"email":"nobody@example.eu","password":"a wrong guess"}"#)
            }
            let held = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"nobody@example.eu","password":"a wrong guess"}"#)
            #expect(held.status == .tooManyRequests)
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theLogInFormSaysHowLongToWait(language: String) async throws {
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            var browser = BrowserSession(client, language: language)
            for _ in 0..<5 {
                let wrong = try await browser.post(
                    "/login", [("email", "anna@example.eu"), ("password", "a wrong guess")])
                #expect(wrong.status == .unauthorized)
            }
            let held = try await browser.post(
                "/login", [("email", "anna@example.eu"), ("password", "correct horse battery")])
            #expect(held.status == .tooManyRequests)
            #expect(held.headers[.retryAfter] != nil)
            #expect(
                held.headers[values: .setCookie].allSatisfy { !$0.hasPrefix(AuthenticationMiddleware.sessionCookie) })
            #expect(held.text.contains(language == "en" ? "try again in 5 minutes" : "请在 5 分钟后重试"))
            // The form was refused as a whole: no field is pointed at.
            #expect(!held.text.contains(language == "en" ? "Please correct the fields" : "请更正下方标出的字段"))
        }
    }

    /// Behind a trusted proxy each client is counted by the address the proxy forwarded for; without one, a
    /// client's own `X-Forwarded-For` changes nothing.
    @Test(arguments: [true, false])
    func aTrustedProxyNamesTheClient(trusted: Bool) async throws {
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key")
        var configuration = testConfiguration(
            database: TestDatabase.sqlite.freshLocation(), demo: false, keyFile: keyFile.path)
        if trusted { configuration.trustedProxies = ["127.0.0.1", "::1"] }
        let app = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            _ = try await client.signUp("anna@example.eu")
            func logIn(from address: String, password: String) async throws -> HTTPResponse.Status {
                try await client.api(
                    .post, "/api/v1/sessions", json: #"{"email":"anna@example.eu","password":"\#(password)"}"#,
                    headers: [ClientAddressMiddleware.forwardedFor: "\(address), 127.0.0.1"]
                ).status
            }
            for _ in 0..<5 { #expect(try await logIn(from: "203.0.113.5", password: "a wrong guess") == .unauthorized) }
            #expect(try await logIn(from: "203.0.113.5", password: "correct horse battery") == .tooManyRequests)
            let elsewhere = try await logIn(from: "198.51.100.7", password: "correct horse battery")
            #expect(elsewhere == (trusted ? .created : .tooManyRequests))
        }
    }

    @Test func aBusyPasswordCheckAnswers503WithWhenToTryAgain() {
        let failure = Failure(AccountError.busyCheckingPasswords)
        #expect(failure.status == .serviceUnavailable)
        #expect(failure.retryAfter == 1)
    }
}

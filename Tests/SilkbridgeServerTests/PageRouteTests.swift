import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

/// The page routes, read from the router itself so that a route added later is covered without touching this.
@Suite(.timeLimit(.minutes(10))) struct PageRouteTests {
    /// Paths that are not pages: the API, the operations routes (with mail programs' one-click unsubscribe), the
    /// ledger's C2SP routes, the demo witnesses and the static files, each in a route group of its own.
    static let notPages = [
        "/api/", "/ledger/", "/healthz", "/metrics", "/unsubscribe/one-click", "/demo-witnesses/", "/static/",
    ]
    static let csrfRefusal = "This form has expired or came from another site"

    /// A signed-in owner posts to every unsafe page route with a forged token and is refused before the handler
    /// runs; the same request with the right token gets past that check, so the refusal is the token's.
    @Test func everyUnsafePageRouteRefusesAFormWithoutTheVisitorsToken() async throws {
        let router = Router(context: AppRequestContext.self)
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key")
        let app = try await buildApplication(
            configuration: testConfiguration(
                database: TestDatabase.sqlite.freshLocation(), demo: false, keyFile: keyFile.path),
            router: router)
        let unsafe = router.routes.filter { route in
            ![.get, .head, .options].contains(route.method)
                && !Self.notPages.contains { route.path.description.hasPrefix($0) }
        }
        #expect(unsafe.allSatisfy { $0.method == .post }, "pages post forms: \(unsafe)")
        #expect(unsafe.count > 40, "\(unsafe.count) unsafe page routes")
        let routes = unsafe.map { (route: $0.description, uri: Self.uri($0.path)) }
        try await app.test(.router) { client in
            let token = try await client.signUp("owner@example.eu")
            _ = try await client.createOrganization(token: token)
            var owner = try await OpportunityFormTests.logIn(client, language: "en")
            for (route, uri) in routes {
                let forged = try await owner.post(uri, [("note", "x")], csrf: "forged")
                #expect(forged.status == .forbidden, "\(route) \(uri)")
                #expect(forged.text.contains(Self.csrfRefusal), "\(route): \(forged.text.prefix(200))")
                let missing = try await client.execute(
                    uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "note=x"))
                #expect(missing.status == .forbidden, "\(route) without any token")
                let genuine = try await owner.post(uri, [("note", "x")])
                #expect(!genuine.text.contains(Self.csrfRefusal), "\(route) refused its own visitor's token")
                // The log-out route ends the session; sign in again for the routes after it.
                if uri == "/logout" { owner = try await OpportunityFormTests.logIn(client, language: "en") }
            }
        }
    }

    /// The API's group sets no cookies, even when a language is chosen, and answers problem documents; where no
    /// route matches, browsers get a page and other clients a problem document.
    @Test func theAPISetsNoCookiesAndUnknownAddressesAnswerInTheFormAsked() async throws {
        try await withApp { client in
            let listed = try await client.execute(uri: "/api/v1/organizations?lang=zh-Hans", method: .get)
            #expect(listed.status == .ok)
            #expect(listed.headers[values: .setCookie].isEmpty, "\(listed.headers)")
            let page = try await client.execute(uri: "/organizations?lang=zh-Hans", method: .get)
            #expect(page.headers[values: .setCookie].count == 2, "language and CSRF cookies")

            let missingOperation = try await client.execute(uri: "/api/v1/organizations/x/y/z", method: .get)
            #expect(missingOperation.status == .notFound)
            #expect(missingOperation.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let missingPage = try await client.execute(
                uri: "/organizations/x/y/z?lang=zh-Hans", method: .get, headers: [.accept: "text/html,*/*;q=0.8"])
            #expect(missingPage.status == .notFound)
            #expect(missingPage.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(missingPage.text.contains("此地址没有内容"))
        }
    }

    /// A concrete address for a route: a fresh id for each captured parameter, a word for a wildcard.
    static func uri(_ path: RouterPath) -> String {
        "/"
            + path.map { component in
                let text = component.description
                if text.hasPrefix("{") { return UUID().uuidString.lowercased() }
                return text.contains("*") ? "x" : text
            }.joined(separator: "/")
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite(.timeLimit(.minutes(10))) struct SecurityHeadersTests {
    /// Pages, the API, the ledger's files, static files and answers where no route is all carry the headers that
    /// keep them from being framed, sniffed or given foreign scripts.
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await withApp { client in
            for uri in [
                "/", "/login", "/api/v1/organizations?limit=1", "/ledger/checkpoint", "/static/style.css",
                "/static/site.js", "/no-such-page", "/api/v1/no-such-thing",
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.accept: "text/html"])
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(policy.contains("script-src 'self'"), "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
            }
        }
    }
}

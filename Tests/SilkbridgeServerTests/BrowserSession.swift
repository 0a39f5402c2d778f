import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A minimal browser over the test client: keeps cookies, submits forms with the CSRF token.
struct BrowserSession {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// The CSRF token of the last page's forms, as a browser would submit it; a new session makes it stale.
    var formToken: String?

    init(_ client: any TestClientProtocol, language: String? = nil) {
        self.client = client
        if let language { cookies["sb_lang"] = language }
    }

    mutating func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: cookieHeader(), body: nil)
        remember(response)
        return response
    }

    /// Posts a form the way a browser does, with the CSRF token of the page it came from unless told otherwise.
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        if formToken == nil { _ = try await get("/") }
        // A page without forms shows no token; an anonymous visitor's is then the one in their cookie.
        let all = [("_csrf", csrf ?? formToken ?? cookies["sb_csrf"] ?? "")] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = cookieHeader()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    private func cookieHeader() -> HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    private mutating func remember(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";").first?.split(separator: "=", maxSplits: 1)
            guard let pair, pair.count >= 1 else { continue }
            let (name, value) = (String(pair[0]), pair.count == 2 ? String(pair[1]) : "")
            if name == "sb_session" { formToken = nil }
            cookies[name] = value.isEmpty ? nil : value
        }
        let marker = #"name="_csrf" value=""#
        let text = String(buffer: response.body)
        if let start = text.range(of: marker)?.upperBound, let end = text[start...].firstIndex(of: "\"") {
            formToken = String(text[start..<end])
        }
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

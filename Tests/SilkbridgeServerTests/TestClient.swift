import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

/// Runs `body` against a real application (real database, real routing) with a fresh database.
func withApp(
    _ database: TestDatabase = .sqlite, demo: Bool = false,
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    // Each test gets its own ledger key, also on PostgreSQL where there is no data folder.
    let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key").path
    let configuration = ServerConfiguration(
        database: database.freshLocation(), demo: demo, passwordCost: 4, ledger: LedgerConfiguration(keyFile: keyFile))
    let app = try await buildApplication(configuration: configuration)
    try await app.test(.router, body)
}

extension TestClientProtocol {
    /// Sends JSON (or raw bytes) to the API, with a bearer token when given.
    @discardableResult
    func api(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Signs up a new account and logs it in; returns its bearer token.
    func signUp(_ email: String = "user-\(UUID().uuidString.prefix(8))@example.eu", name: String = "Anna") async throws
        -> String
    {
        let created = try await api(
            .post, "/api/v1/accounts",
            json: #"{"email":"\#(email)","password":"correct horse battery","displayName":"\#(name)"}"#)
        #expect(created.status == .created)
        let session = try await api(
            .post, "/api/v1/sessions", json: #"{"email":"\#(email)","password":"correct horse battery"}"#)
        #expect(session.status == .created)
        return try session.json()["token"] as! String
    }

    /// Registers an organisation as the token's account; returns its id.
    func createOrganization(token: String, name: String = "Isar Energy", country: String = "DE", extra: String = "")
        async throws -> String
    {
        let response = try await api(
            .post, "/api/v1/organizations", token: token,
            json:
                #"{"name":{"en":"\#(name)"},"type":"startup","country":"\#(country)","size":"micro","areas":["smart-energy"]\#(extra)}"#
        )
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return try response.json()["id"] as! String
    }
}

extension TestResponse {
    func json() throws -> [String: Any] {
        try #require(
            JSONSerialization.jsonObject(with: Data(buffer: body, byteTransferStrategy: .copy)) as? [String: Any])
    }

    var text: String { String(buffer: body) }

    /// The `detail` of a problem document.
    func problemDetail() throws -> String {
        #expect(headers[.contentType]?.hasPrefix("application/problem+json") == true)
        return try json()["detail"] as? String ?? ""
    }
}

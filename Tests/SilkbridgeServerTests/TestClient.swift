import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

/// Runs `body` against a real application (real database, real routing) with a fresh database; with `demo`, a
/// copy of the demo loaded once for the whole test process (SQLite), so that tests reading it share its cost.
func withApp(
    _ database: TestDatabase = .sqlite, demo: Bool = false,
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let configuration: ServerConfiguration
    if demo && database == .sqlite {
        configuration = DemoTemplate.configuration(in: try await DemoTemplate.shared.copy())
    } else {
        // Each test gets its own ledger key, also on PostgreSQL where there is no data folder.
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key")
        configuration = testConfiguration(database: database.freshLocation(), demo: demo, keyFile: keyFile.path)
    }
    let app = try await buildApplication(configuration: configuration)
    try await TestMailbox.$location.withValue(configuration.database) { try await app.test(.router, body) }
}

/// What every test server runs with: a cheap password hash, and a ledger deadline far longer than the
/// server's, since a test process shares two cores with hundreds of others and deadlines are tested on their own.
func testConfiguration(database: DatabaseLocation, demo: Bool, keyFile: String) -> ServerConfiguration {
    var ledger = LedgerConfiguration(keyFile: keyFile)
    ledger.appendTimeout = .seconds(300)
    return ServerConfiguration(database: database, demo: demo, passwordCost: 4, ledger: ledger)
}

/// The demo loaded into a folder once per test process; each demo test gets a copy of the folder (database,
/// ledger key and demo witnesses), and its server finds the demo there instead of loading it again.
actor DemoTemplate {
    static let shared = DemoTemplate()
    private var loading: Task<URL, any Error>?

    static func configuration(in folder: URL) -> ServerConfiguration {
        testConfiguration(
            database: .sqlite(path: folder.appendingPathComponent("silkbridge.sqlite").path), demo: true,
            keyFile: folder.appendingPathComponent("ledger.key").path)
    }

    func copy() async throws -> URL {
        let loading = self.loading ?? Task { try await Self.load() }
        self.loading = loading
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-demo-\(UUID())")
        try FileManager.default.copyItem(at: try await loading.value, to: copy)
        return copy
    }

    /// Starts a server on a new folder, which loads the demo, and stops it, which closes the database.
    private static func load() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-demo-\(UUID())")
        try await buildApplication(configuration: configuration(in: folder)).test(.router) { _ in }
        return folder
    }
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

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(10))) struct RequestValidationTests {
    @Test(arguments: [
        ("{not json", "JSON"),
        (#"{"email":"a@b.eu","password":"correct horse battery","displayName":"A","admin":true}"#, "admin"),
        (#"{"email":"a@b.eu","password":"correct horse battery"}"#, "displayName"),
        (#"{"email":5,"password":"correct horse battery","displayName":"A"}"#, "email"),
        ("[]", "body"),
    ])
    func malformedBodiesAreProblemsThatNameTheCause(body: String, mention: String) async throws {
        try await withApp { client in
            let response = try await client.api(.post, "/api/v1/accounts", json: body)
            #expect(response.status == .badRequest)
            #expect(try response.problemDetail().contains(mention))
        }
    }

    @Test func invalidUTF8IsRefused() async throws {
        try await withApp { client in
            var buffer = ByteBuffer(string: #"{"email":"a@b.eu","password":"correct horse battery","displayName":""#)
            buffer.writeBytes([0xFF, 0xFE])
            buffer.writeString(#""}"#)
            let response = try await client.execute(
                uri: "/api/v1/accounts", method: .post, headers: [.contentType: "application/json"], body: buffer)
            #expect(response.status == .badRequest)
        }
    }

    @Test func oversizedBodiesAreRefusedBeforeParsing() async throws {
        try await withApp { client in
            let huge = #"{"name":""# + String(repeating: "x", count: 2 << 20) + #""}"#
            let response = try await client.api(.post, "/api/v1/accounts", json: huge)
            #expect(response.status == .contentTooLarge)
            #expect(try response.problemDetail().contains("1 MiB"))
        }
    }

    @Test func unknownIdsAndRoutesAreProblemNotFound() async throws {
        try await withApp { client in
            #expect(try await client.api(.get, "/api/v1/organizations/not-a-uuid").status == .notFound)
            #expect(try await client.api(.get, "/api/v1/organizations/\(UUID())").status == .notFound)
            let missing = try await client.api(.get, "/api/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func wrongContentTypeIsRefused() async throws {
        try await withApp { client in
            let response = try await client.execute(
                uri: "/api/v1/accounts", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "hello"))
            #expect(response.status.code >= 400 && response.status.code < 500)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

/// Requests no HTTP client would send, written byte by byte to a live server: the client's mistake gets a 400 that
/// says what was wrong, never a 500.
@Suite(.timeLimit(.minutes(10))) struct MalformedRequestTests {
    static let badChunk = "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"

    @Test func aChunkSizeThatIsNotHexIsTheClientsFault() async throws {
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key")
        let app = try await buildApplication(
            configuration: testConfiguration(
                database: TestDatabase.sqlite.freshLocation(), demo: false, keyFile: keyFile.path))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let api = try await Self.exchange(
                port,
                "POST /api/v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + Self.badChunk)
            #expect(api.hasPrefix("HTTP/1.1 400"), "\(api)")
            #expect(api.contains("application/problem+json"))
            #expect(api.contains("The request body is not valid HTTP"))

            let page = try await Self.exchange(
                port,
                "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Accept: text/html\r\n" + Self.badChunk)
            #expect(page.hasPrefix("HTTP/1.1 400"), "\(page)")
            #expect(page.contains("text/html"))
        }
    }

    /// Writes `request` as it is and reads until the server closes the connection.
    static func exchange(_ port: Int, _ request: String) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var received = ""
            for try await chunk in inbound { received += String(buffer: chunk) }
            return received
        }
    }
}

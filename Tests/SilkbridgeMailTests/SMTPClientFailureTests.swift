import Foundation
import Logging
import SilkbridgeMail
import Testing

/// Failures that need no mail server, only a socket that behaves badly.
@Suite struct SMTPClientFailureTests {
    private func send(to port: Int) async throws -> MailDeliveryError? {
        let configuration = try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)", timeout: .seconds(1))
        let client = SMTPClient(configuration: configuration, logger: Logger(label: "test"))
        return await #expect(throws: MailDeliveryError.self) { try await client.send(try MessageFixtures.message()) }
    }

    @Test func aRefusedConnectionIsTemporary() async throws {
        let error = try await send(to: try await ScriptedServer.closedPort())
        #expect(error?.isPermanent == false)
        #expect(error?.reason.contains("could not connect to 127.0.0.1") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("refused") == true, "\(error?.reason ?? "")")
    }

    @Test func aServerThatNeverGreetsTimesOut() async throws {
        let server = try await ScriptedServer.start(greeting: nil)
        defer { Task { await server.stop() } }
        let error = try await send(to: server.port)
        #expect(error == .temporary(reason: "127.0.0.1:\(server.port) did not answer the greeting within 1 s"))
    }

    @Test func aServerThatSaysMoreThanAskedIsDroppedTemporarily() async throws {
        let server = try await ScriptedServer.start(greeting: "220 hello\r\n250 nobody asked\r\n")
        defer { Task { await server.stop() } }
        let error = try await send(to: server.port)
        #expect(error?.isPermanent == false)
        // One write on loopback arrives as one read, but should it come in two, the second reply is unasked for.
        let reason = error?.reason ?? ""
        #expect(reason.contains("more than the reply") || reason.contains("nobody asked for"), "\(reason)")
    }

    @Test func aServerThatIsNotSMTPIsDroppedTemporarily() async throws {
        let server = try await ScriptedServer.start(greeting: "SSH-2.0-OpenSSH_9.2\r\n")
        defer { Task { await server.stop() } }
        let error = try await send(to: server.port)
        #expect(error?.isPermanent == false)
        #expect(error?.reason.contains("not an SMTP reply") == true, "\(error?.reason ?? "")")
    }

    @Test func aServerThatRefusesAtOnceIsPermanent() async throws {
        let server = try await ScriptedServer.start(greeting: "554 5.7.1 no service for you\r\n")
        defer { Task { await server.stop() } }
        let error = try await send(to: server.port)
        #expect(
            error == .permanent(reason: "127.0.0.1:\(server.port) refused the greeting: 554 5.7.1 no service for you"))
    }

    @Test func anUnreadableCAFileIsPermanent() async throws {
        let configuration = try SMTPConfiguration(
            url: "smtps://127.0.0.1:1", trustRootsPEMFile: "/nonexistent/silkbridge-ca.pem")
        let client = SMTPClient(configuration: configuration, logger: Logger(label: "test"))
        let error = await #expect(throws: MailDeliveryError.self) {
            try await client.send(try MessageFixtures.message())
        }
        #expect(error?.isPermanent == true)
    }
}

extension SMTPClientFailureTests {
    @Test func aCAFileThatIsNotPEMIsPermanent() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-\(UUID().uuidString).pem")
        try Data("not a certificate".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try SMTPConfiguration(url: "smtps://127.0.0.1:1", trustRootsPEMFile: file.path)
        let client = SMTPClient(configuration: configuration, logger: Logger(label: "test"))
        let error = await #expect(throws: MailDeliveryError.self) {
            try await client.send(try MessageFixtures.message())
        }
        #expect(error?.isPermanent == true, "\(String(describing: error))")
    }
}

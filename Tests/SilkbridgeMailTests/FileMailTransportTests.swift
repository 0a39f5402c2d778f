import Foundation
import SilkbridgeMail
import Testing

@Suite struct FileMailTransportTests {
    private func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-mail-\(UUID().uuidString)/outbox")
    }

    @Test func writesEachMessageAsAnEMLFile() async throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let message = try MessageFixtures.message(subject: "合作通知", text: "Hello")
        let transport: any MailTransport = FileMailTransport(directory: directory)
        try await transport.deliver(message)
        try await transport.deliver(message)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files == ["0001@silkbridge.example.eml"])
        let parsed = try ParsedEntity(Data(contentsOf: directory.appendingPathComponent(files[0])))
        #expect(try parsed.decodedHeader("Subject") == "合作通知")
        #expect(try parsed.decodedText == "Hello\r\n")
    }

    @Test func keepsFileNamesInsideTheFolder() async throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let message = try MailMessage(
            from: MailAddress("a@silkbridge.example"), to: [MailAddress("b@example.com")], subject: "x", text: "x",
            messageID: "../../etc/passwd{x}@silkbridge.example")
        try await FileMailTransport(directory: directory).deliver(message)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == [
                "_._.._etc_passwd_x_@silkbridge.example.eml"
            ])
    }

    @Test func failsTemporarilyWhenTheFolderCannotBeMade() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-mail-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = await #expect(throws: MailDeliveryError.self) {
            try await FileMailTransport(directory: file.appendingPathComponent("outbox")).deliver(
                try MessageFixtures.message())
        }
        #expect(error?.isPermanent == false)
    }
}

import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import Testing

/// `silkbridge outbox`, the operators' view of the mail outbox, run as the real executable.
@Suite(.timeLimit(.minutes(10))) struct OutboxCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let child = Process()
        child.executableURL = try #require(CrashTests.executable)
        child.arguments = arguments
        let pipe = Pipe()
        child.standardOutput = pipe
        child.standardError = pipe
        try child.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        return (child.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(.enabled(if: CrashTests.executable != nil, "the silkbridge executable is built beside the tests"))
    func listsTheQueuedMailsAndRefusesAnUnknownState() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-outbox-\(UUID())")
        let database = try SilkbridgeDatabase(
            location: .sqlite(path: folder.appendingPathComponent("silkbridge.sqlite").path),
            logger: Logger(label: "test"))
        do {
            try await database.migrate()
            let account = Account(
                id: UUID(), email: "li@example.cn", displayName: "李伟", preferredLanguage: .simplifiedChinese,
                createdAt: Date())
            _ = try await database.accounts.create(
                account, passwordHash: "x",
                verification: LinkRequest(
                    accountId: account.id, purpose: .verifyEmail, email: account.email, createdAt: Date(),
                    expiresAt: Date() + 3600
                ) { _ in
                    OutgoingMail(
                        kind: .emailVerification, recipient: account.email, recipientName: account.displayName,
                        language: .simplifiedChinese, subject: "确认您的地址", text: "…", createdAt: Date())
                })
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }

        let queued = try run(["outbox", "--data-dir", folder.path, "--state", "queued"])
        #expect(queued.status == 0, "\(queued.output)")
        let lines = queued.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("created\tstate") == true)
        #expect(lines.count == 2)
        #expect(lines.last?.contains("\tqueued\t0\t") == true)
        #expect(lines.last?.contains("li@example.cn\t确认您的地址") == true)
        let sent = try run(["outbox", "--data-dir", folder.path, "--state", "sent"])
        #expect(sent.output.split(separator: "\n").count == 1)
        let wrong = try run(["outbox", "--data-dir", folder.path, "--state", "lost"])
        #expect(wrong.status != 0)
        #expect(wrong.output.contains("--state must be queued, sent or failed"))
    }
}

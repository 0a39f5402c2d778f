import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import Testing

@Suite(.timeLimit(.minutes(10))) struct DurabilityTests {
    @Test func dataSurvivesClosingAndReopeningTheSQLiteFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-reopen-\(UUID())")
        let location = DatabaseLocation.sqlite(path: folder.appendingPathComponent("data.sqlite").path)
        let account = Fixtures.account()

        let first = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        try await first.migrate()
        _ = try await first.accounts.create(account, passwordHash: "x")
        await first.shutdown()

        let second = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        try await second.migrate()
        let found = try await second.accounts.find(email: account.email)
        await second.shutdown()
        #expect(found?.account.id == account.id)
    }
}

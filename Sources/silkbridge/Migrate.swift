import ArgumentParser
import Configuration
import Logging
import SilkbridgeStorage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date, then exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location(ConfigReader.environment)
        let logger = Logger(label: "silkbridge.migrate")
        let opened = try SilkbridgeDatabase(location: location, logger: logger)
        do {
            try await opened.migrate()
        } catch {
            await opened.shutdown()
            throw error
        }
        await opened.shutdown()
        print("Database is up to date: \(location.redacted)")
    }
}

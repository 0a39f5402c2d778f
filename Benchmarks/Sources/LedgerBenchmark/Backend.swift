import Foundation
import Logging
import SilkbridgeStorage

/// A database to measure on; each run gets a new, empty one.
enum Backend {
    case sqlite
    case postgres(String)

    var name: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Opens and migrates a fresh database, runs `body` on it, then removes it.
    func withFreshDatabase<T>(run: Int, _ body: (SilkbridgeDatabase) async throws -> T) async throws -> T {
        var logger = Logger(label: "ledger-benchmark")
        logger.logLevel = .warning
        let tag = "ledger_bench_\(getpid())_\(run)"
        let location: DatabaseLocation
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(tag)
        switch self {
        case .sqlite: location = .sqlite(path: folder.appendingPathComponent("ledger.sqlite").path)
        case .postgres(let url): location = .postgres(url: url, schema: tag)
        }
        let database = try SilkbridgeDatabase(location: location, logger: logger)
        do {
            try await database.migrate()
            let result = try await body(database)
            await database.shutdown()
            cleanUp(folder: folder, schema: tag)
            return result
        } catch {
            await database.shutdown()
            cleanUp(folder: folder, schema: tag)
            throw error
        }
    }

    private func cleanUp(folder: URL, schema: String) {
        switch self {
        case .sqlite:
            try? FileManager.default.removeItem(at: folder)
        case .postgres(let url):
            // The storage library exposes no raw SQL, so the schema is dropped with psql when it is installed.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["psql", url, "-q", "-c", "DROP SCHEMA IF EXISTS \(schema) CASCADE"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            var dropped = false
            if (try? process.run()) != nil {
                process.waitUntilExit()
                dropped = process.terminationStatus == 0
            }
            if !dropped { print("  (schema \(schema) was left behind: drop it by hand)") }
        }
    }
}

import Foundation
import Logging
import SilkbridgeStorage
import Testing

/// The databases tests run against: a fresh SQLite file always, and a fresh PostgreSQL schema when
/// `SILKBRIDGE_TEST_POSTGRES_URL` names a server (CI sets it).
public enum TestDatabase: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SILKBRIDGE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var testDescription: String { rawValue }

    /// A location no other test uses.
    public func freshLocation() -> DatabaseLocation {
        let unique = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-tests-\(unique)")
            return .sqlite(path: folder.appendingPathComponent("test.sqlite").path)
        case .postgres:
            return .postgres(url: Self.postgresURL!, schema: "test_\(unique)")
        }
    }

    /// Opens and migrates a fresh database, runs `body`, and closes it, also when `body` throws: a pool left
    /// open stops the whole test process. With a `pool` of its own, the database is migrated through an ordinary
    /// one first, since a pool made to time out would time out the migrations on a loaded machine too.
    public func withDatabase<T>(pool: DatabasePool? = nil, _ body: (SilkbridgeDatabase) async throws -> T)
        async throws -> T
    {
        let location = freshLocation()
        if pool != nil {
            let setUp = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
            do {
                try await setUp.migrate()
                await setUp.shutdown()
            } catch {
                await setUp.shutdown()
                throw error
            }
        }
        let database = try SilkbridgeDatabase(
            location: location, logger: Logger(label: "test"), pool: pool ?? DatabasePool())
        do {
            if pool == nil { try await database.migrate() }
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

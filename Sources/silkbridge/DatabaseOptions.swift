import ArgumentParser
import Configuration
import Foundation
import SilkbridgeStorage

/// Where the data lives, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Folder of the SQLite file (env SILKBRIDGE_DATA_DIR; default ./silkbridge-data).")
    var dataDir: String?

    @Option(help: "postgres://user:password@host:port/database to use PostgreSQL (env SILKBRIDGE_DATABASE_URL).")
    var databaseURL: String?

    func location(_ config: ConfigReader) throws -> DatabaseLocation {
        if let url = databaseURL ?? config.string(forKey: "silkbridge.database.url", isSecret: true) {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ValidationError("--database-url must start with postgres:// (or leave it out to use SQLite).")
            }
            return .postgres(url: url)
        }
        return .sqlite(path: URL(fileURLWithPath: folder(config)).appendingPathComponent("silkbridge.sqlite").path)
    }

    /// The data folder: the SQLite file's, and on PostgreSQL still the folder of the files the server writes.
    func folder(_ config: ConfigReader) -> String {
        dataDir ?? config.string(forKey: "silkbridge.data.dir") ?? "silkbridge-data"
    }
}

extension ConfigReader {
    /// Environment variables: `silkbridge.data.dir` is read from `SILKBRIDGE_DATA_DIR`.
    static var environment: ConfigReader { ConfigReader(provider: EnvironmentVariablesProvider()) }
}

import Foundation
import SilkbridgeCore
import SilkbridgeStorage

/// Loads a newer ECB reference-rate file into the database, for `silkbridge rates import`.
public enum ExchangeRateImport {
    /// What an import did.
    public struct Outcome: Sendable, Hashable {
        public let daysRead: Int
        public let daysNew: Int
        public let lastDay: CalendarDay?
    }

    /// The rates the fund converts with: those of the database, which is filled from the shipped file the first
    /// time they are needed.
    public static func rates(of database: SilkbridgeDatabase) -> ExchangeRates {
        ExchangeRates(repository: database.exchangeRates, seed: { try ECBRateFile.shipped() })
    }

    /// Reads the whole file before storing anything, so a bad file changes nothing; a database without rates
    /// gets the shipped ones first, so a file of one day does not leave it with only that day.
    public static func run(file path: String, into database: SilkbridgeDatabase) async throws -> Outcome {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ExchangeRateError.malformedFile(
                Message("\(path) cannot be read as UTF-8 text.", "无法以 UTF-8 文本读取 \(path)。"))
        }
        let table = try ECBRateFile.parse(text)
        _ = try await rates(of: database).table()
        let new = try await database.exchangeRates.store(table)
        return Outcome(
            daysRead: table.days.count, daysNew: new, lastDay: try await database.exchangeRates.summary().lastDay)
    }
}

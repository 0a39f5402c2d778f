import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// The ECB reference rates, one row per publication day: the day as `YYYY-MM-DD` (which sorts as it reads) and
/// that day's rates as a JSON object of decimal strings, exactly as the ECB wrote them.
struct SQLExchangeRateRepository: ExchangeRateRepository {
    let database: any Database

    private struct Row: Codable {
        let day: String
        let rates: String
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    func table() async throws -> ExchangeRateTable {
        let rows = try await sql.select().column("day").column("rates").from("exchange_rates").all(decoding: Row.self)
        var rates: [CalendarDay: [CurrencyCode: Decimal]] = [:]
        for row in rows {
            guard let day = CalendarDay(row.day) else { continue }
            let values = try JSONDecoder().decode([String: String].self, from: Data(row.rates.utf8))
            rates[day] = Dictionary(
                uniqueKeysWithValues: values.compactMap { code, text in
                    guard let currency = CurrencyCode(code: code), let rate = ExchangeRateTable.decimal(text) else {
                        return nil
                    }
                    return (currency, rate)
                })
        }
        return ExchangeRateTable(rates: rates)
    }

    func store(_ table: ExchangeRateTable) async throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let rows = try table.days.map { day in
            let rates = Dictionary(uniqueKeysWithValues: (table.rates[day] ?? [:]).map { ($0.code, $1.description) })
            return Row(day: day.description, rates: String(decoding: try encoder.encode(rates), as: UTF8.self))
        }
        return try await database.transaction { database in
            let sql = database as! any SQLDatabase
            var new = 0
            // In slices, to stay far below either database's limit of bound parameters per statement.
            for slice in stride(from: 0, to: rows.count, by: 500).map({ rows[$0..<min($0 + 500, rows.count)] }) {
                let days = slice.map(\.day)
                let existing = try await sql.select().column("day").from("exchange_rates")
                    .where("day", .in, days).all().count
                new += slice.count - existing
                try await sql.delete(from: "exchange_rates").where("day", .in, days).run()
                try await sql.insert(into: "exchange_rates").models(Array(slice)).run()
            }
            return new
        }
    }

    func summary() async throws -> RateSummary {
        struct Summary: Decodable {
            let days: Int
            let last: String?
        }
        let row = try await sql.raw("SELECT COUNT(*) AS days, MAX(day) AS last FROM exchange_rates")
            .first(decoding: Summary.self)
        return RateSummary(days: row?.days ?? 0, lastDay: row?.last.flatMap(CalendarDay.init))
    }
}

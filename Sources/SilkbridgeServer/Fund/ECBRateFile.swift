import Foundation
import SilkbridgeCore
import SwiftCSV

/// Reads the ECB's historical reference-rate file (`eurofxref-hist.csv`): a `Date` column, then one column per
/// currency in units per euro, one row per working day, `N/A` where a currency was not quoted, and a trailing
/// comma on every line. The ECB's file of the latest day (`eurofxref.csv`) has the same shape, with the day
/// written out and spaces after the commas, and is read too.
enum ECBRateFile {
    /// The file shipped with the platform, which seeds an empty database.
    static func shipped() throws -> ExchangeRateTable {
        guard
            let url = Bundle.module.url(
                forResource: "eurofxref-hist.csv", withExtension: nil, subdirectory: "Resources/Reference")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "eurofxref-hist.csv"]) }
        return try parse(String(contentsOf: url, encoding: .utf8))
    }

    /// `2026-10-30` as in the history file, or `30 October 2026` as in the ECB's file of the latest day.
    static func day(_ text: String) -> CalendarDay? {
        if let day = CalendarDay(text) { return day }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.date(from: text).map(CalendarDay.init)
    }

    static func parse(_ text: String) throws(ExchangeRateError) -> ExchangeRateTable {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw .malformedFile(Message("it is not CSV.", "不是 CSV 格式。"))
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.first == "Date" else {
            throw .malformedFile(Message("the first column must be Date.", "第一列必须是 Date。"))
        }
        var columns: [(index: Int, currency: CurrencyCode)] = []
        for (index, name) in header.enumerated().dropFirst() where !name.isEmpty {
            guard let currency = CurrencyCode(code: name), currency.code == name else {
                throw .malformedFile(Message("“\(name)” is not a currency code.", "“\(name)”不是货币代码。"))
            }
            columns.append((index, currency))
        }
        guard !columns.isEmpty else {
            throw .malformedFile(Message("it has no currency columns.", "没有货币列。"))
        }
        var rates: [CalendarDay: [CurrencyCode: Decimal]] = [:]
        for (number, row) in csv.rows.enumerated() {
            let line = number + 2
            guard let first = row.first, let day = Self.day(first.trimmingCharacters(in: .whitespaces)) else {
                throw .malformedFile(
                    Message("line \(line) does not start with a YYYY-MM-DD day.", "第 \(line) 行不是以 YYYY-MM-DD 日期开头。"))
            }
            guard rates[day] == nil else {
                throw .malformedFile(Message("\(day) appears twice (line \(line)).", "\(day) 出现了两次（第 \(line) 行）。"))
            }
            // A decimal comma would split a rate in two and shift every later column.
            guard row.count <= header.count || row[header.count...].allSatisfy({ $0.isEmpty }) else {
                throw .malformedFile(
                    Message(
                        "line \(line) has more values than the header has columns.", "第 \(line) 行的值多于表头的列数。"))
            }
            var dayRates: [CurrencyCode: Decimal] = [:]
            for (index, currency) in columns where index < row.count {
                let value = row[index].trimmingCharacters(in: .whitespaces)
                if value.isEmpty || value == "N/A" { continue }
                guard let rate = ExchangeRateTable.decimal(value), rate > 0 else {
                    throw .malformedFile(
                        Message(
                            "line \(line), \(currency): “\(value)” is not a rate.",
                            "第 \(line) 行 \(currency)：“\(value)”不是汇率。"))
                }
                dayRates[currency] = rate
            }
            rates[day] = dayRates
        }
        guard !rates.isEmpty else { throw .malformedFile(Message("it has no rates.", "没有任何汇率。")) }
        return ExchangeRateTable(rates: rates)
    }
}

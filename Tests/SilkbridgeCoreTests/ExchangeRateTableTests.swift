import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct ExchangeRateTableTests {
    static let usd = CurrencyCode(code: "USD")!
    static let cyp = CurrencyCode(code: "CYP")!

    /// Friday 2026-10-30 and Thursday 2026-10-29, the last two days of the shipped file, and an early day.
    static let table = ExchangeRateTable(rates: [
        CalendarDay("2026-10-30")!: [.cny: Decimal(string: "7.4326")!, usd: Decimal(string: "1.1172")!],
        CalendarDay("2026-10-29")!: [.cny: Decimal(string: "7.4144")!, usd: Decimal(string: "1.113")!],
        CalendarDay("2007-12-31")!: [cyp: Decimal(string: "0.585274")!, usd: Decimal(string: "1.4721")!],
    ])

    @Test func aRateIsThatOfItsDay() throws {
        let rate = try Self.table.rate(of: .cny, on: CalendarDay("2026-10-29")!)
        #expect(rate.rate == Decimal(string: "7.4144"))
        #expect(rate.day == CalendarDay("2026-10-29"))
    }

    @Test func aWeekendTakesTheLastWorkingDayAndSaysSo() throws {
        let conversion = try Self.table.convert(
            Money("1000.00", currency: .eur), to: .cny, on: CalendarDay("2026-11-01")!)
        #expect(conversion.converted.text == "7432.60")
        #expect(conversion.rate == Decimal(string: "7.4326"))
        #expect(conversion.rateDate == CalendarDay("2026-10-30"))
    }

    @Test func convertsBetweenTwoCurrenciesThroughTheEuro() throws {
        let day = CalendarDay("2026-10-30")!
        let toEuro = try Self.table.convert(Money("7432.60", currency: .cny), to: .eur, on: day)
        #expect(toEuro.converted.text == "1000.00")
        #expect(toEuro.converted == Money(rounding: toEuro.original.amount * toEuro.rate, to: .eur))
        let cross = try Self.table.convert(Money("1000.00", currency: Self.usd), to: .cny, on: day)
        // 1000 × 7.4326 / 1.1172 = 6652.8822055…
        #expect(cross.converted.text == "6652.88")
        #expect(cross.rateDate == day)
        // No rate is needed to stay in one currency, even on a day without rates.
        let same = try Self.table.convert(Money("12.34", currency: .cny), to: .cny, on: CalendarDay("1990-01-01")!)
        #expect(same.converted.text == "12.34" && same.rate == 1)
    }

    @Test func refusesWhatTheECBNeverPublished() throws {
        let money = try Money("1", currency: .eur)
        #expect(throws: ExchangeRateError.unknownCurrency(CurrencyCode(code: "XYZ")!)) {
            try Self.table.convert(money, to: CurrencyCode(code: "XYZ")!, on: CalendarDay("2026-10-30")!)
        }
        #expect(
            throws: ExchangeRateError.beforeFirstRate(CalendarDay("1998-12-31")!, first: CalendarDay("2007-12-31")!)
        ) {
            try Self.table.convert(money, to: .cny, on: CalendarDay("1998-12-31")!)
        }
        // The Cypriot pound is not quoted on a day it is missing from.
        #expect(throws: ExchangeRateError.notQuoted(Self.cyp, CalendarDay("2026-10-30")!)) {
            try Self.table.convert(money, to: Self.cyp, on: CalendarDay("2026-10-30")!)
        }
        // Far past the last published day there is no rate yet, rather than a stale one.
        #expect(throws: ExchangeRateError.noRateYet(CalendarDay("2026-11-29")!, latest: CalendarDay("2026-10-30")!)) {
            try Self.table.convert(money, to: .cny, on: CalendarDay("2026-11-29")!)
        }
    }

    @Test func refusesAConversionTooLargeToStore() throws {
        let huge = try Money("999999999999999.99", currency: .eur)
        #expect(throws: ExchangeRateError.tooLarge(.cny)) {
            try Self.table.convert(huge, to: .cny, on: CalendarDay("2026-10-30")!)
        }
        let large = try Money("800000000000000.00", currency: .eur)
        let converted = try Self.table.convert(large, to: Self.usd, on: CalendarDay("2026-10-30")!).converted
        #expect(converted.minorUnits == 89_376_000_000_000_000)
    }

    @Test func aNewerTableReplacesTheDaysItHas() throws {
        let correction = ExchangeRateTable(rates: [CalendarDay("2026-10-30")!: [.cny: Decimal(string: "7.5")!]])
        let merged = Self.table.merging(correction)
        #expect(try merged.rate(of: .cny, on: CalendarDay("2026-10-30")!).rate == Decimal(string: "7.5"))
        #expect(merged.days.count == 3)
    }

    @Test func conversionsKeepTheirRateAsAString() throws {
        let conversion = try Self.table.convert(Money("100", currency: .cny), to: .eur, on: CalendarDay("2026-10-30")!)
        let json = String(decoding: try JSONEncoder().encode(conversion), as: UTF8.self)
        #expect(json.contains("\"rate\":\"0.134542421225\""))
        #expect(try JSONDecoder().decode(Conversion.self, from: Data(json.utf8)) == conversion)
    }
}

import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeServer

@Suite(.timeLimit(.minutes(10))) struct ExchangeRateFileTests {
    static let shipped = Result { try ECBRateFile.shipped() }

    @Test func theShippedFileHoldsKnownRates() throws {
        let table = try Self.shipped.get()
        #expect(table.firstDay == CalendarDay("1999-01-04"))
        #expect(table.lastDay == CalendarDay("2026-10-30"))
        #expect(table.days.count == 7126)
        // The day after the yuan's devaluation of 11 August 2015.
        let rate = try table.rate(of: .cny, on: CalendarDay("2015-08-12")!)
        #expect(rate.rate == Decimal(string: "7.1234"))
        #expect(rate.day == CalendarDay("2015-08-12"))
        let conversion = try table.convert(
            Money("1000000.00", currency: .eur), to: .cny, on: CalendarDay("2015-08-11")!)
        #expect(conversion.converted.text == "6992300.00")
    }

    @Test func aWeekendUsesFridaysRate() throws {
        let table = try Self.shipped.get()
        // Saturday 15 August 2015 takes Friday the 14th's 7.1396.
        let conversion = try table.convert(Money("7139.60", currency: .cny), to: .eur, on: CalendarDay("2015-08-15")!)
        #expect(conversion.rateDate == CalendarDay("2015-08-14"))
        #expect(conversion.converted.text == "1000.00")
    }

    @Test func unknownCurrenciesAndDaysAreRefusedClearly() throws {
        let table = try Self.shipped.get()
        #expect(throws: ExchangeRateError.unknownCurrency(CurrencyCode(code: "XAU")!)) {
            try table.rate(of: CurrencyCode(code: "XAU")!, on: CalendarDay("2015-08-12")!)
        }
        #expect(
            throws: ExchangeRateError.beforeFirstRate(CalendarDay("1998-12-31")!, first: CalendarDay("1999-01-04")!)
        ) {
            try table.rate(of: .cny, on: CalendarDay("1998-12-31")!)
        }
        // The ECB quotes the yuan from 1 April 2005.
        #expect(throws: ExchangeRateError.notQuoted(.cny, CalendarDay("2005-03-31")!)) {
            try table.rate(of: .cny, on: CalendarDay("2005-03-31")!)
        }
        #expect(try table.rate(of: .cny, on: CalendarDay("2005-04-01")!).rate == Decimal(string: "10.7255"))
        let message = ExchangeRateError.beforeFirstRate(CalendarDay("1998-12-31")!, first: CalendarDay("1999-01-04")!)
            .message
        #expect(message.english.contains("1999-01-04") && message.chinese.contains("欧洲央行"))
    }

    @Test func readsTheFileOfTheLatestDay() throws {
        let table = try ECBRateFile.parse(
            "Date, USD, JPY, CNY, \n02 November 2026, 1.1180, 176.01, 7.4410, \n")
        #expect(try table.rate(of: .cny, on: CalendarDay("2026-11-02")!).rate == Decimal(string: "7.4410"))
    }

    @Test(arguments: [
        ("", "Date"),
        ("Day,USD\n2026-10-30,1.1\n", "Date"),
        ("Date,US1\n2026-10-30,1.1\n", "US1"),
        ("Date,USD\n30/10/2026,1.1\n", "line 2"),
        ("Date,USD\n2026-10-30,1,1\n", "more values"),
        ("Date,USD\n2026-10-30,abc\n", "line 2, USD"),
        ("Date,USD\n2026-10-30,-1.1\n", "line 2, USD"),
        ("Date,USD\n2026-10-30,1.1\n2026-10-30,1.2\n", "twice"),
        ("Date,USD\n", "no rates"),
    ])
    func refusesABadFile(text: String, names: String) {
        #expect {
            try ECBRateFile.parse(text)
        } throws: { error in
            guard case .malformedFile(let reason) = error as? ExchangeRateError else { return false }
            return reason.english.contains(names) && !reason.chinese.isEmpty
        }
    }

    @Test(arguments: TestDatabase.available)
    func importingAFileAddsItsDaysAndABadOneChangesNothing(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rates-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let good = folder.appendingPathComponent("eurofxref.csv")
            try "Date, USD, CNY, \n02 November 2026, 1.1180, 7.4410, \n".write(
                to: good, atomically: true, encoding: .utf8)
            // An empty database gets the shipped history first, then the file's day.
            let outcome = try await ExchangeRateImport.run(file: good.path, into: db)
            #expect(outcome == ExchangeRateImport.Outcome(daysRead: 1, daysNew: 1, lastDay: CalendarDay("2026-11-02")))
            let bad = folder.appendingPathComponent("bad.csv")
            try "Date,USD\n2026-11-03,1.1\n2026-11-04,oops\n".write(to: bad, atomically: true, encoding: .utf8)
            await #expect(throws: ExchangeRateError.self) { try await ExchangeRateImport.run(file: bad.path, into: db) }
            await #expect(throws: ExchangeRateError.self) {
                try await ExchangeRateImport.run(file: folder.appendingPathComponent("missing.csv").path, into: db)
            }
            let summary = try await db.exchangeRates.summary()
            #expect(summary == RateSummary(days: 7127, lastDay: CalendarDay("2026-11-02")))
            let table = try await ExchangeRateImport.rates(of: db).table()
            #expect(try table.rate(of: .cny, on: CalendarDay("2026-11-03")!).day == CalendarDay("2026-11-02"))
            #expect(try table.rate(of: .cny, on: CalendarDay("2015-08-12")!).rate == Decimal(string: "7.1234"))
        }
    }
}

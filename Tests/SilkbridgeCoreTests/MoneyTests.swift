import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct MoneyTests {
    @Test func readsAndWritesPlainDecimals() throws {
        let money = try Money("1250000.50", currency: .eur)
        #expect(money.minorUnits == 125_000_050)
        #expect(money.text == "1250000.50")
        #expect(try Money("3", currency: .cny).text == "3.00")
        #expect(try Money("0.5", currency: .eur).text == "0.50")
        #expect(try Money("-12.34", currency: .eur).minorUnits == -1234)
        #expect(try Money("999999999999999.99", currency: .eur).text == "999999999999999.99")
        #expect(try Money("1500", currency: CurrencyCode(code: "JPY")!).text == "1500")
    }

    @Test func refusesAnythingButAPlainDecimal() {
        for text in ["", "1,250.00", "1e5", "+3", ".5", "5.", "1.2.3", " 1", "abc", "١٢"] {
            #expect(throws: MoneyError.malformedAmount(text)) { try Money(text, currency: .eur) }
        }
        #expect(throws: MoneyError.tooManyDecimals(.eur)) { try Money("0.001", currency: .eur) }
        #expect(throws: MoneyError.tooManyDecimals(CurrencyCode(code: "JPY")!)) {
            try Money("1.5", currency: CurrencyCode(code: "JPY")!)
        }
        #expect(throws: MoneyError.tooLarge) { try Money("1000000000000000", currency: .eur) }
    }

    @Test func addsExactlyWhereBinaryFloatingPointWouldNot() throws {
        let sum = try Money("0.10", currency: .eur).adding(Money("0.20", currency: .eur))
        #expect(sum == (try Money("0.30", currency: .eur)))
        // 0.1 added ten times is exactly 1, which it is not in Double.
        let tenth = try Money("0.10", currency: .cny)
        #expect(try Money.sum(Array(repeating: tenth, count: 10), in: .cny).text == "1.00")
        #expect(try Money("5", currency: .eur).subtracting(Money("7.25", currency: .eur)).text == "-2.25")
    }

    @Test func refusesToMixCurrencies() throws {
        let euros = try Money("1", currency: .eur)
        let yuan = try Money("1", currency: .cny)
        #expect(throws: MoneyError.currencyMismatch(.eur, .cny)) { try euros.adding(yuan) }
        #expect(throws: MoneyError.currencyMismatch(.eur, .cny)) { try euros.subtracting(yuan) }
        #expect(throws: MoneyError.currencyMismatch(.eur, .cny)) { try euros.exceeds(yuan) }
        #expect(throws: MoneyError.currencyMismatch(.eur, .cny)) { try Money.sum([euros, yuan], in: .eur) }
    }

    @Test func roundsHalfUpToTheCurrencysMinorUnits() {
        let round = { (text: String, currency: CurrencyCode) in
            Money(rounding: Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!, to: currency).text
        }
        #expect(round("2.345", .eur) == "2.35")
        #expect(round("2.344999", .eur) == "2.34")
        #expect(round("2.355", .cny) == "2.36")  // half up, where banker's rounding would give 2.36 too
        #expect(round("2.365", .cny) == "2.37")  // and here banker's would give 2.36
        #expect(round("-2.345", .eur) == "-2.35")  // half away from zero
        #expect(round("1499.5", CurrencyCode(code: "JPY")!) == "1500")
    }

    @Test func travelsAsDecimalStrings() throws {
        let money = try Money("1250000.50", currency: .cny)
        let json = String(decoding: try JSONEncoder().encode(money), as: UTF8.self)
        #expect(json.contains("\"amount\":\"1250000.50\""))
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == money)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount":"1.234","currency":"EUR"}"#.utf8))
        }
    }

    @Test func currencyCodesAreThreeLetters() {
        #expect(CurrencyCode(code: "eur") == .eur)
        #expect(CurrencyCode(code: "EURO") == nil)
        #expect(CurrencyCode(code: "E1R") == nil)
        #expect(CurrencyCode.eur.minorUnits == 2)
        #expect(CurrencyCode(code: "KRW")!.minorUnits == 0)
    }

    @Test func calendarDaysAreReadStrictly() {
        #expect(CalendarDay("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDay("2026-02-29") == nil)
        #expect(CalendarDay("2026-2-01") == nil)
        #expect(CalendarDay("2026-13-01") == nil)
        #expect(CalendarDay("2026-10-31")!.adding(days: 2).description == "2026-11-02")
        #expect(CalendarDay("2026-10-30")!.days(to: CalendarDay("2026-11-02")!) == 3)
    }
}

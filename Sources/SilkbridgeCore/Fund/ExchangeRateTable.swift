import Foundation

/// The ECB's euro reference rates: on each working day, how many units of each currency one euro buys.
///
/// The rate of a currency on a day is the one published on that day or, on a weekend or TARGET holiday, on the
/// latest earlier working day, at most `maximumGap` days before; the conversion records which day that was.
/// A currency the ECB did not quote that day (`N/A` in its file: CNY before April 2005, a currency after the
/// country joined the euro) has no rate, rather than an old one.
public struct ExchangeRateTable: Sendable, Hashable {
    /// The longest run of days without a publication that still falls back: Easter (Friday to Monday) and
    /// Christmas with a weekend are four days; a week covers any TARGET calendar.
    public static let maximumGap = 7
    /// Cross rates keep this many decimals; twelve keep a billion exact to well under a cent.
    public static let crossRateScale = 12

    /// Rates per day, units per euro.
    public private(set) var rates: [CalendarDay: [CurrencyCode: Decimal]]
    /// The publication days, oldest first.
    public private(set) var days: [CalendarDay]

    public init(rates: [CalendarDay: [CurrencyCode: Decimal]]) {
        self.rates = rates
        days = rates.keys.sorted()
    }

    public var isEmpty: Bool { days.isEmpty }
    public var firstDay: CalendarDay? { days.first }
    public var lastDay: CalendarDay? { days.last }

    /// Every currency quoted on some day, and the euro.
    public var currencies: Set<CurrencyCode> {
        rates.values.reduce(into: [.eur]) { $0.formUnion($1.keys) }
    }

    /// This table with the other's days added; a day in both takes the other's rates, so a newer file can
    /// correct an older one.
    public func merging(_ other: ExchangeRateTable) -> ExchangeRateTable {
        ExchangeRateTable(rates: rates.merging(other.rates) { _, new in new })
    }

    /// The publication day a rate on `day` comes from.
    public func publicationDay(for day: CalendarDay, of currency: CurrencyCode = .eur) throws(ExchangeRateError)
        -> CalendarDay
    {
        guard let first = days.first, let last = days.last else { throw .noRateYet(day, latest: day) }
        guard day >= first else { throw .beforeFirstRate(day, first: first) }
        // The last publication day not after `day`, by binary search.
        var low = 0
        var high = days.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if days[middle] <= day { low = middle } else { high = middle - 1 }
        }
        let published = days[low]
        guard published.days(to: day) <= Self.maximumGap else {
            throw published == last ? .noRateYet(day, latest: last) : .notQuoted(currency, day)
        }
        return published
    }

    /// Units of `currency` per euro on `day`; the euro is 1 on any day.
    public func rate(of currency: CurrencyCode, on day: CalendarDay) throws(ExchangeRateError) -> DatedRate {
        if currency == .eur { return DatedRate(rate: 1, day: day) }
        guard currencies.contains(currency) else { throw .unknownCurrency(currency) }
        let published = try publicationDay(for: day, of: currency)
        guard let rate = rates[published]?[currency] else { throw .notQuoted(currency, published) }
        return DatedRate(rate: rate, day: published)
    }

    /// Converts through the euro at the rates of `day`: amount × (target per euro ÷ source per euro). An amount
    /// already in the target currency needs no rate, on any day.
    public func convert(_ money: Money, to target: CurrencyCode, on day: CalendarDay) throws(ExchangeRateError)
        -> Conversion
    {
        if money.currency == target { return Conversion(original: money, converted: money, rate: 1, rateDate: day) }
        let source = try rate(of: money.currency, on: day)
        let destination = try rate(of: target, on: day)
        let rate: Decimal
        if money.currency == .eur {
            rate = destination.rate
        } else {
            rate = Money.round(destination.rate / source.rate, scale: Self.crossRateScale)
        }
        let rateDate = money.currency == .eur ? destination.day : source.day
        let converted = Money(rounding: money.amount * rate, to: target)
        // 10^15 units of a weak currency can be more than 64-bit minor units hold; the stores need them to.
        guard converted.amount.magnitude < Decimal(sign: .plus, exponent: Money.maximumIntegerDigits, significand: 1)
        else { throw .tooLarge(target) }
        return Conversion(original: money, converted: converted, rate: rate, rateDate: rateDate)
    }

    /// Reads a rate as the ECB writes it, `7.4326`: digits with one optional point. Locale-free, so a comma is
    /// never taken for a decimal point.
    public static func decimal(_ text: String) -> Decimal? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }), text.count <= 30 else {
            return nil
        }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

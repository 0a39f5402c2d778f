import Foundation

/// An exact amount of one currency, always at that currency's minor units (cents, fen). Amounts are Foundation
/// `Decimal`s, never binary floating point, so 0.10 + 0.20 is 0.30 and a sum of rows equals its total.
///
/// Rounding is half up (half away from zero): Council Regulation (EC) No 1103/97, art. 5, prescribes it for
/// conversions into and out of the euro, and it is the 四舍五入 Chinese accounting uses, so both sides get the
/// result they would compute by hand. Banker's rounding would be unbiased over many sums, but amounts here are
/// rounded once, at conversion, and then only added.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// At most this many digits before the point, so every amount fits in 64-bit minor units.
    public static let maximumIntegerDigits = 15

    public let amount: Decimal
    public let currency: CurrencyCode

    /// Rounds the value half up to the currency's minor units.
    public init(rounding value: Decimal, to currency: CurrencyCode) {
        amount = Self.round(value, scale: currency.minorUnits)
        self.currency = currency
    }

    public init(minorUnits: Int64, currency: CurrencyCode) {
        amount = Decimal(
            sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorUnits,
            significand: Decimal(minorUnits.magnitude))
        self.currency = currency
    }

    /// Reads a plain decimal like `1250000.50` or `-3`: digits, an optional point with at most the currency's
    /// decimals. No thousands separators, exponents or signs other than a leading minus, so that an amount
    /// means the same whoever typed it.
    public init(_ text: String, currency: CurrencyCode) throws(MoneyError) {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
            parts.count == 1 || !fraction.isEmpty
        else { throw .malformedAmount(text) }
        guard fraction.count <= currency.minorUnits else { throw .tooManyDecimals(currency) }
        let significant = whole.drop { $0 == "0" }
        guard significant.count <= Self.maximumIntegerDigits else { throw .tooLarge }
        let padded = fraction + String(repeating: "0", count: currency.minorUnits - fraction.count)
        let minor = Int64(significant + padded) ?? 0
        self.init(minorUnits: negative ? -minor : minor, currency: currency)
    }

    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount in minor units: 1250000.50 EUR is 125000050.
    public var minorUnits: Int64 {
        var scaled = amount
        if currency.minorUnits > 0 {
            scaled *= Decimal(sign: .plus, exponent: currency.minorUnits, significand: 1)
        }
        return Int64(Self.round(scaled, scale: 0).description) ?? 0
    }

    /// The plain decimal with exactly the currency's decimals, `1250000.50`; what `init(_:currency:)` reads.
    public var text: String {
        let minor = minorUnits
        let sign = minor < 0 ? "-" : ""
        guard currency.minorUnits > 0 else { return "\(sign)\(minor.magnitude)" }
        var unit: UInt64 = 1
        for _ in 0..<currency.minorUnits { unit *= 10 }
        let (whole, fraction) = minor.magnitude.quotientAndRemainder(dividingBy: unit)
        let digits = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: currency.minorUnits - digits.count))\(digits)"
    }

    public var description: String { "\(text) \(currency)" }

    public var isZero: Bool { amount.isZero }
    public var isPositive: Bool { amount > 0 }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try sameCurrency(other)
        return Money(rounding: amount + other.amount, to: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try sameCurrency(other)
        return Money(rounding: amount - other.amount, to: currency)
    }

    /// Whether this amount is greater than the other, of the same currency.
    public func exceeds(_ other: Money) throws(MoneyError) -> Bool {
        try sameCurrency(other)
        return amount > other.amount
    }

    /// The sum of amounts of this currency; refuses any other currency among them.
    public static func sum(_ amounts: some Sequence<Money>, in currency: CurrencyCode) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    private func sameCurrency(_ other: Money) throws(MoneyError) {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    }

    /// Half away from zero at `scale` decimals: `.plain` in Foundation's terms.
    static func round(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    enum CodingKeys: String, CodingKey {
        case amount
        case currency
    }

    /// Amounts travel and are stored as decimal strings, which every JSON reader keeps exact.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(CurrencyCode.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        do {
            try self.init(text, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: error.message.english)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}

import Foundation

/// A reference rate and the day the ECB published it, which may be earlier than the day asked for.
public struct DatedRate: Sendable, Hashable {
    /// Units of the currency per euro.
    public let rate: Decimal
    public let day: CalendarDay
}

/// An amount converted into another currency, with the rate used and the day that rate was published, so the
/// result can be checked later and does not move when newer rates arrive: converted = original × rate, rounded
/// half up to the target's minor units.
public struct Conversion: Sendable, Hashable, Codable {
    public let original: Money
    public let converted: Money
    /// Units of the target currency per unit of the original one.
    public let rate: Decimal
    /// The ECB working day the rate is from.
    public let rateDate: CalendarDay

    public init(original: Money, converted: Money, rate: Decimal, rateDate: CalendarDay) {
        self.original = original
        self.converted = converted
        self.rate = rate
        self.rateDate = rateDate
    }

    enum CodingKeys: String, CodingKey {
        case original
        case converted
        case rate
        case rateDate
    }

    /// The rate is kept as a decimal string, like amounts, so no reader turns it into a binary float.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        original = try container.decode(Money.self, forKey: .original)
        converted = try container.decode(Money.self, forKey: .converted)
        rateDate = try container.decode(CalendarDay.self, forKey: .rateDate)
        let text = try container.decode(String.self, forKey: .rate)
        guard let rate = ExchangeRateTable.decimal(text) else {
            throw DecodingError.dataCorruptedError(forKey: .rate, in: container, debugDescription: "not a rate")
        }
        self.rate = rate
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(original, forKey: .original)
        try container.encode(converted, forKey: .converted)
        try container.encode(rate.description, forKey: .rate)
        try container.encode(rateDate, forKey: .rateDate)
    }
}

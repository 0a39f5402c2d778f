import Foundation

/// An ISO 4217 currency, by its three-letter code. The fund reports in EUR or CNY; contributions may come in any
/// currency the ECB publishes a reference rate for.
public struct CurrencyCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public static let eur = CurrencyCode(checked: "EUR")
    public static let cny = CurrencyCode(checked: "CNY")

    /// The currencies reports are given in: the two sides' own.
    public static let reporting: [CurrencyCode] = [.eur, .cny]

    public let code: String

    /// Accepts three ASCII letters, in either case; nil for anything else.
    public init?(code: String) {
        let upper = code.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else { return nil }
        self.code = upper
    }

    private init(checked code: String) { self.code = code }

    /// Digits after the decimal point (ISO 4217). Only the ECB's currencies without minor units are listed; the
    /// others, EUR and CNY among them, have two.
    public var minorUnits: Int {
        switch code {
        case "JPY", "KRW", "ISK", "TRL": 0
        default: 2
        }
    }

    public var description: String { code }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let currency = CurrencyCode(code: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a currency code"))
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

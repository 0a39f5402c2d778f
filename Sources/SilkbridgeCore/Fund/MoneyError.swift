import Foundation

/// Failures of reading amounts and of arithmetic on them.
public enum MoneyError: DomainError, Equatable {
    case malformedAmount(String)
    case tooManyDecimals(CurrencyCode)
    case tooLarge
    case currencyMismatch(CurrencyCode, CurrencyCode)
    case unknownCurrency(String)

    public var kind: FailureKind { .invalid }

    public var message: Message {
        switch self {
        case .malformedAmount(let text):
            Message(
                "“\(text)” is not an amount; write digits with an optional point, like 1250000.50.",
                "“\(text)”不是金额；请只写数字和可选的小数点，例如 1250000.50。")
        case .tooManyDecimals(let currency):
            Message(
                "\(currency) amounts have at most \(currency.minorUnits) decimals.",
                "\(currency) 金额最多 \(currency.minorUnits) 位小数。")
        case .tooLarge:
            Message(
                "The amount is too large; at most 15 digits before the point.", "金额过大；小数点前最多 15 位数字。")
        case .currencyMismatch(let left, let right):
            Message(
                "Amounts in \(left) and \(right) cannot be added or compared without a conversion.",
                "\(left) 与 \(right) 金额未经换算不能相加或比较。")
        case .unknownCurrency(let code):
            Message("“\(code)” is not a currency code such as EUR or CNY.", "“\(code)”不是货币代码（例如 EUR 或 CNY）。")
        }
    }
}

import Foundation

/// Failures of finding a reference rate or of reading a file of them.
public enum ExchangeRateError: DomainError, Equatable {
    case unknownCurrency(CurrencyCode)
    case beforeFirstRate(CalendarDay, first: CalendarDay)
    case noRateYet(CalendarDay, latest: CalendarDay)
    case notQuoted(CurrencyCode, CalendarDay)
    case malformedFile(Message)
    case tooLarge(CurrencyCode)

    public var kind: FailureKind { .invalid }

    public var message: Message {
        switch self {
        case .unknownCurrency(let currency):
            Message(
                "The ECB publishes no reference rate for \(currency).", "欧洲央行不公布 \(currency) 的参考汇率。")
        case .beforeFirstRate(let day, let first):
            Message(
                "No reference rate for \(day): the ECB's rates start on \(first).",
                "\(day) 没有参考汇率：欧洲央行的汇率从 \(first) 开始。")
        case .noRateYet(let day, let latest):
            Message(
                "No reference rate for \(day) yet: the rates known end on \(latest); import newer ones with "
                    + "`silkbridge rates import`.",
                "尚无 \(day) 的参考汇率：已知汇率截至 \(latest)；请用 `silkbridge rates import` 导入更新的汇率。")
        case .notQuoted(let currency, let day):
            Message(
                "The ECB published no \(currency) rate for \(day).", "欧洲央行未公布 \(day) 的 \(currency) 汇率。")
        case .tooLarge(let currency):
            Message(
                "The amount converted into \(currency) would have more than 15 digits before the point.",
                "换算为 \(currency) 后的金额小数点前将超过 15 位。")
        case .malformedFile(let reason):
            Message("Not an ECB reference-rate file: \(reason.english)", "不是欧洲央行参考汇率文件：\(reason.chinese)")
        }
    }
}

import Foundation

/// Which way money moved under a commitment.
public enum CashFlowKind: String, Sendable, CaseIterable, Codable {
    /// Paid out from the contributor to the project.
    case disbursement
    /// Paid back from the project to the contributor: repaid principal or a return on the investment.
    case repayment

    public var label: Message {
        switch self {
        case .disbursement: Message("Disbursement", "拨款")
        case .repayment: Message("Repayment", "还款")
        }
    }
}

/// Money paid out against a commitment, or paid back under it, in the commitment's currency, with its
/// conversion into the fund's currency at the ECB rate of its day.
public struct CashFlow: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let fundId: UUID
    public let commitmentId: UUID
    public let kind: CashFlowKind
    public let amount: Money
    public let day: CalendarDay
    public let note: String
    public let inFundCurrency: Conversion
    public let recordedBy: String
    public let recordedAt: Date

    public init(
        id: UUID, fundId: UUID, commitmentId: UUID, kind: CashFlowKind, amount: Money, day: CalendarDay, note: String,
        inFundCurrency: Conversion, recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.fundId = fundId
        self.commitmentId = commitmentId
        self.kind = kind
        self.amount = amount
        self.day = day
        self.note = note
        self.inFundCurrency = inFundCurrency
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

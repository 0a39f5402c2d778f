import Foundation

/// A contributor's promise of money to a project, recorded by a fund manager and appended to the trust ledger.
///
/// The amount is kept in the currency it was promised in, and converted twice at the ECB rate of its day: into
/// the fund's currency, for the books, and into the contributor's pledge currency, which is what it takes off
/// the pledge. Both conversions are stored, so a later rate file never changes what was promised or what is left.
public struct Commitment: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let fundId: UUID
    public let projectId: UUID
    public let contributorId: UUID
    public let amount: Money
    public let day: CalendarDay
    public let conditions: String
    public let inFundCurrency: Conversion
    public let inPledgeCurrency: Conversion
    /// Where the commitment sits in the trust ledger.
    public var ledgerIndex: UInt64?
    public let recordedBy: String
    public let recordedAt: Date

    public init(
        id: UUID, fundId: UUID, projectId: UUID, contributorId: UUID, amount: Money, day: CalendarDay,
        conditions: String, inFundCurrency: Conversion, inPledgeCurrency: Conversion, ledgerIndex: UInt64?,
        recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.fundId = fundId
        self.projectId = projectId
        self.contributorId = contributorId
        self.amount = amount
        self.day = day
        self.conditions = conditions
        self.inFundCurrency = inFundCurrency
        self.inPledgeCurrency = inPledgeCurrency
        self.ledgerIndex = ledgerIndex
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

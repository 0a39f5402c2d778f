import Foundation

/// The ledger entry of a commitment: canonical JSON naming the fund, project and contributor, the amount promised
/// and its conversion, and the digest of the conditions, which stay private to the fund.
public struct FundLedgerEntry: Codable, Sendable, Hashable {
    public static let commitmentType = "fund.commitment"

    public var v = 1
    public let type: String
    public let fundId: String
    public let commitmentId: String
    public let projectId: String
    public let contributorOrganizationId: String
    public let amount: String
    public let currency: String
    public let day: String
    public let fundAmount: String
    public let fundCurrency: String
    public let rate: String
    public let rateDate: String
    public let conditionsSha256: String
    public let at: String

    public static func commitment(_ commitment: Commitment, by contributor: Contributor, conditionsDigest: String)
        -> FundLedgerEntry
    {
        FundLedgerEntry(
            type: commitmentType, fundId: commitment.fundId.uuidString.lowercased(),
            commitmentId: commitment.id.uuidString.lowercased(),
            projectId: commitment.projectId.uuidString.lowercased(),
            contributorOrganizationId: contributor.organizationId.uuidString.lowercased(),
            amount: commitment.amount.text, currency: commitment.amount.currency.code, day: commitment.day.description,
            fundAmount: commitment.inFundCurrency.converted.text,
            fundCurrency: commitment.inFundCurrency.converted.currency.code,
            rate: commitment.inFundCurrency.rate.description, rateDate: commitment.inFundCurrency.rateDate.description,
            conditionsSha256: conditionsDigest, at: commitment.recordedAt.formatted(.iso8601))
    }

    public var data: Data {
        get throws { try CanonicalJSON.encode(self) }
    }
}

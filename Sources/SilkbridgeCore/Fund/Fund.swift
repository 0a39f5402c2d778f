import Foundation

/// A joint investment fund: Chinese and European contributors pledge capital and co-finance projects.
///
/// A fund is run by an organisation of the directory (a fund manager, an association): the owners and admins of
/// that organisation are the fund's managers. Who manages a fund is therefore decided the way everything else
/// about an organisation is, by its owners, and leaving the organisation ends the right at once.
public struct Fund: Sendable, Hashable, Codable, Identifiable {
    /// The least role in the managing organisation that manages the fund.
    public static let managerRole = Role.admin

    public let id: UUID
    public var name: LocalizedText
    /// The currency the fund keeps its books in: every commitment, disbursement and repayment is also stored
    /// converted into it, at the rate of its day.
    public let reportingCurrency: CurrencyCode
    public let managerOrganizationId: UUID
    public let createdAt: Date
    public var updatedAt: Date
    /// Bumped by every stored change to the fund or anything in it, so that two changes checked against the same
    /// state cannot both land (two commitments that each fit the remaining pledge, but not together).
    public var revision: Int

    public init(
        id: UUID, name: LocalizedText, reportingCurrency: CurrencyCode, managerOrganizationId: UUID, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.reportingCurrency = reportingCurrency
        self.managerOrganizationId = managerOrganizationId
        self.createdAt = createdAt
        updatedAt = createdAt
        revision = 0
    }
}

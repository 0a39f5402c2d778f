import Foundation

/// An institution that puts capital into a fund: an organisation of the directory, on its side of the
/// cooperation, with the capital it pledged in its own currency.
public struct Contributor: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let fundId: UUID
    public let organizationId: UUID
    /// The organisation's name when it joined, so the fund's books read the same if the directory changes.
    public var name: LocalizedText
    public let side: Side
    public let country: String
    public var pledge: Money
    /// The day of the pledge; reports in another currency convert it at that day's rate.
    public var pledgedOn: CalendarDay
    public let createdAt: Date

    public init(
        id: UUID, fundId: UUID, organizationId: UUID, name: LocalizedText, side: Side, country: String, pledge: Money,
        pledgedOn: CalendarDay, createdAt: Date
    ) {
        self.id = id
        self.fundId = fundId
        self.organizationId = organizationId
        self.name = name
        self.side = side
        self.country = country
        self.pledge = pledge
        self.pledgedOn = pledgedOn
        self.createdAt = createdAt
    }
}

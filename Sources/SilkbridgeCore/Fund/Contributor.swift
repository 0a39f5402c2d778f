import Foundation

/// Whether the named organisation agreed to be a contributor. A fund's manager names it, but until it confirms,
/// it is shown as a contributor nowhere (not in reports, figures or its own list of funds) and nothing is
/// committed on its behalf.
public enum ContributorStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case invited
    case confirmed
    case declined

    public var label: Message {
        switch self {
        case .invited: Message("invited, not yet confirmed", "已邀请，尚未确认")
        case .confirmed: Message("confirmed", "已确认")
        case .declined: Message("declined", "已拒绝")
        }
    }
}

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
    public var status: ContributorStatus
    /// When the organisation confirmed or declined.
    public var answeredAt: Date?

    public var isConfirmed: Bool { status == .confirmed }

    public init(
        id: UUID, fundId: UUID, organizationId: UUID, name: LocalizedText, side: Side, country: String, pledge: Money,
        pledgedOn: CalendarDay, createdAt: Date, status: ContributorStatus, answeredAt: Date? = nil
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
        self.status = status
        self.answeredAt = answeredAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, fundId, organizationId, name, side, country, pledge, pledgedOn, createdAt, status, answeredAt
    }

    /// Contributors stored before organisations were asked have no status: they stand as they were, confirmed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(UUID.self, forKey: .id), fundId: try container.decode(UUID.self, forKey: .fundId),
            organizationId: try container.decode(UUID.self, forKey: .organizationId),
            name: try container.decode(LocalizedText.self, forKey: .name),
            side: try container.decode(Side.self, forKey: .side),
            country: try container.decode(String.self, forKey: .country),
            pledge: try container.decode(Money.self, forKey: .pledge),
            pledgedOn: try container.decode(CalendarDay.self, forKey: .pledgedOn),
            createdAt: try container.decode(Date.self, forKey: .createdAt),
            status: try container.decodeIfPresent(ContributorStatus.self, forKey: .status) ?? .confirmed,
            answeredAt: try container.decodeIfPresent(Date.self, forKey: .answeredAt))
    }
}

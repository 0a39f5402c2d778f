import Foundation

/// An amount range with its currency, for the investment types.
public struct AmountRange: Sendable, Hashable {
    public var minimum: Int?
    public var maximum: Int?
    public var currency: Currency

    public init(minimum: Int?, maximum: Int?, currency: Currency) {
        self.minimum = minimum
        self.maximum = maximum
        self.currency = currency
    }
}

/// What an organisation offers or seeks, published for the other side to find.
public struct Opportunity: Sendable, Hashable, Identifiable {
    /// How long a publication lasts before it must be renewed.
    public static let lifetimeMonths = 12
    /// How long before expiry the owners are reminded.
    public static let expiryNotice: TimeInterval = 14 * 24 * 3600

    public let id: UUID
    public let organizationId: UUID
    /// Copied from the owning organisation at each write, so lists filter without a join.
    public var side: Side
    public var country: String
    public var type: OpportunityType
    public var title: LocalizedText
    public var summary: LocalizedText
    public var description: LocalizedText
    public var areas: [String]
    public var subtopics: [String]
    public var targetSides: [Side]
    public var targetCountries: [String]
    public var partnershipTypes: [PartnershipType]
    public var stage: DevelopmentStage?
    public var ipStatus: IPStatus?
    public var amount: AmountRange?
    public var deadline: Date?
    /// The stored state: `draft`, `published` or `closed`; see `status(at:)` for expiry.
    public var state: OpportunityStatus
    public var publishedAt: Date?
    public var expiresAt: Date?
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, organizationId: UUID, side: Side, country: String, type: OpportunityType, title: LocalizedText,
        summary: LocalizedText, description: LocalizedText, areas: [String], subtopics: [String],
        targetSides: [Side], targetCountries: [String], partnershipTypes: [PartnershipType],
        stage: DevelopmentStage?, ipStatus: IPStatus?, amount: AmountRange?, deadline: Date?,
        state: OpportunityStatus, publishedAt: Date?, expiresAt: Date?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.organizationId = organizationId
        self.side = side
        self.country = country
        self.type = type
        self.title = title
        self.summary = summary
        self.description = description
        self.areas = areas
        self.subtopics = subtopics
        self.targetSides = targetSides
        self.targetCountries = targetCountries
        self.partnershipTypes = partnershipTypes
        self.stage = stage
        self.ipStatus = ipStatus
        self.amount = amount
        self.deadline = deadline
        self.state = state
        self.publishedAt = publishedAt
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The status as of `now`: a publication past its expiry reads as expired.
    public func status(at now: Date) -> OpportunityStatus {
        if state == .published, let expiresAt, expiresAt <= now { return .expired }
        return state
    }

    /// Whether the owners should be told it expires soon.
    public func expiresSoon(at now: Date) -> Bool {
        guard status(at: now) == .published, let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= Self.expiryNotice
    }

    /// Twelve calendar months after `date`, in UTC.
    public static func expiry(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: lifetimeMonths, to: date)!
    }
}

import Foundation

/// The fields of an opportunity as a form or an API request gives them; `nil` means "not given".
public struct OpportunityInput: Sendable, Hashable {
    public var type: OpportunityType?
    public var title: LocalizedText?
    public var summary: LocalizedText?
    public var description: LocalizedText?
    public var areas: [String]?
    public var subtopics: [String]?
    public var targetSides: [Side]?
    public var targetCountries: [String]?
    public var partnershipTypes: [PartnershipType]?
    public var stage: DevelopmentStage??
    public var ipStatus: IPStatus??
    public var amount: AmountRange??
    public var deadline: Date??

    public init(
        type: OpportunityType? = nil, title: LocalizedText? = nil, summary: LocalizedText? = nil,
        description: LocalizedText? = nil, areas: [String]? = nil, subtopics: [String]? = nil,
        targetSides: [Side]? = nil, targetCountries: [String]? = nil, partnershipTypes: [PartnershipType]? = nil,
        stage: DevelopmentStage?? = nil, ipStatus: IPStatus?? = nil, amount: AmountRange?? = nil,
        deadline: Date?? = nil
    ) {
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
    }
}

/// What a list of opportunities is narrowed to; every field is optional.
public struct OpportunityFilter: Sendable, Hashable {
    public var organizationId: UUID?
    public var type: OpportunityType?
    public var area: String?
    /// The side of the owning organisation.
    public var side: Side?
    /// The country of the owning organisation.
    public var country: String?
    /// `nil` means published (and not expired).
    public var status: OpportunityStatus?

    public init(
        organizationId: UUID? = nil, type: OpportunityType? = nil, area: String? = nil, side: Side? = nil,
        country: String? = nil, status: OpportunityStatus? = nil
    ) {
        self.organizationId = organizationId
        self.type = type
        self.area = area
        self.side = side
        self.country = country?.uppercased()
        self.status = status
    }
}

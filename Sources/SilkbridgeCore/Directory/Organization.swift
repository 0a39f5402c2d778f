import Foundation

/// The legal form an organisation takes part as.
public enum OrganizationType: String, Sendable, CaseIterable, Codable {
    case company
    case startup
    case association
    case investmentFund = "investment-fund"
    case publicBody = "public-body"
    case research

    public var label: Message {
        switch self {
        case .company: Message("Company", "企业")
        case .startup: Message("Startup", "初创企业")
        case .association: Message("Association", "协会")
        case .investmentFund: Message("Investment fund", "投资基金")
        case .publicBody: Message("Public body", "公共机构")
        case .research: Message("Research", "研究机构")
        }
    }
}

/// Head-count bands after the EU's SME definition.
public enum SizeBand: String, Sendable, CaseIterable, Codable {
    case micro
    case small
    case medium
    case large

    public var label: Message {
        switch self {
        case .micro: Message("Micro (under 10 people)", "微型（10人以下）")
        case .small: Message("Small (10–49)", "小型（10–49人）")
        case .medium: Message("Medium (50–249)", "中型（50–249人）")
        case .large: Message("Large (250 and more)", "大型（250人及以上）")
        }
    }
}

/// A member of the directory: a company, startup, association, fund, public body or research institute.
public struct Organization: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var name: LocalizedText
    public var type: OrganizationType
    public var country: String
    public var province: String?
    public var city: LocalizedText
    public var website: String?
    public var size: SizeBand
    public var areas: [String]
    public var description: LocalizedText
    public let createdAt: Date
    public var updatedAt: Date

    /// Never stored: it follows from the country, so the two cannot disagree.
    public var side: Side { ReferenceCatalog.side(ofCountry: country) ?? .europe }

    public init(
        id: UUID, name: LocalizedText, type: OrganizationType, country: String, province: String?,
        city: LocalizedText, website: String?, size: SizeBand, areas: [String], description: LocalizedText,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.province = province
        self.city = city
        self.website = website
        self.size = size
        self.areas = areas
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

import Foundation

/// What an opportunity offers or seeks.
public enum OpportunityType: String, Sendable, CaseIterable, Codable {
    case businessOffer = "business-offer"
    case businessRequest = "business-request"
    case technologyOffer = "technology-offer"
    case technologyRequest = "technology-request"
    case investmentSought = "investment-sought"
    case investmentOffered = "investment-offered"
    case researchPartnerSought = "rd-partner-sought"

    /// Technology types describe a stage of development and an IP status.
    public var isTechnology: Bool { self == .technologyOffer || self == .technologyRequest }
    /// Investment types describe an amount range and its currency.
    public var isInvestment: Bool { self == .investmentSought || self == .investmentOffered }

    public var label: Message {
        switch self {
        case .businessOffer: Message("Business offer", "商业合作提供")
        case .businessRequest: Message("Business request", "商业合作需求")
        case .technologyOffer: Message("Technology offer", "技术提供")
        case .technologyRequest: Message("Technology request", "技术需求")
        case .investmentSought: Message("Investment sought", "寻求投资")
        case .investmentOffered: Message("Investment offered", "提供投资")
        case .researchPartnerSought: Message("R&D partner sought", "寻求研发伙伴")
        }
    }
}

/// A form of partnership an opportunity seeks.
public enum PartnershipType: String, Sendable, CaseIterable, Codable {
    case distribution
    case jointVenture = "joint-venture"
    case licensing
    case technicalCooperation = "technical-cooperation"
    case investment
    case supplier
    case researchAndDevelopment = "rd"

    public var label: Message {
        switch self {
        case .distribution: Message("Distribution", "分销")
        case .jointVenture: Message("Joint venture", "合资")
        case .licensing: Message("Licensing", "许可")
        case .technicalCooperation: Message("Technical cooperation", "技术合作")
        case .investment: Message("Investment", "投资")
        case .supplier: Message("Supplier", "供应商")
        case .researchAndDevelopment: Message("Research and development", "研发合作")
        }
    }
}

/// How far a technology has come.
public enum DevelopmentStage: String, Sendable, CaseIterable, Codable {
    case concept
    case prototype
    case pilot
    case marketReady = "market-ready"

    public var label: Message {
        switch self {
        case .concept: Message("Concept", "概念")
        case .prototype: Message("Prototype", "原型")
        case .pilot: Message("Pilot", "试点")
        case .marketReady: Message("On the market", "已上市")
        }
    }
}

/// How a technology is protected.
public enum IPStatus: String, Sendable, CaseIterable, Codable {
    case patented
    case patentPending = "patent-pending"
    case proprietary
    case openSource = "open-source"

    public var label: Message {
        switch self {
        case .patented: Message("Patented", "已获专利")
        case .patentPending: Message("Patent pending", "专利申请中")
        case .proprietary: Message("Proprietary know-how", "专有技术")
        case .openSource: Message("Open source", "开源")
        }
    }
}

/// The currencies amounts are stated in.
public enum Currency: String, Sendable, CaseIterable, Codable {
    case euro = "EUR"
    case yuan = "CNY"
    case dollar = "USD"
}

/// Where an opportunity is in its life. `expired` is never stored: a published opportunity whose
/// `expiresAt` has passed reads as expired, so no periodic task is needed for it to be right.
public enum OpportunityStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case published
    case closed
    case expired

    public var label: Message {
        switch self {
        case .draft: Message("Draft", "草稿")
        case .published: Message("Published", "已发布")
        case .closed: Message("Closed", "已关闭")
        case .expired: Message("Expired", "已过期")
        }
    }
}

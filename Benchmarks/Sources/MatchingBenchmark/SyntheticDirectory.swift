import Foundation
import SilkbridgeCore

/// A generated directory of organisations on both sides with planted complementary pairs, and the noise that
/// makes finding them hard: one-sided rivals (they answer what you seek and want nothing you have), near misses
/// (mutual, but agreeing on one sub-topic and partnership type where the planted partner agrees on two, and in
/// other words), popular hubs (offering everything everywhere) and a background.
///
/// Half of the planted pairs write in one language and share their product words; the other half write each in
/// their own language, so only structure and the areas' labels connect them.
struct SyntheticDirectory {
    let organizations: [Organization]
    let opportunities: [Opportunity]
    /// Each planted organisation and the one partner it should find.
    let planted: [UUID: UUID]
    /// The popular organisations that offer everything everywhere.
    let hubs: Set<UUID>
    /// What each organisation offers and seeks, as (type, area), to tell one-sided fits.
    let offers: [UUID: Set<Need>]
    let requests: [UUID: Set<Need>]

    struct Need: Hashable {
        let type: OpportunityType
        let area: String
    }

    static let requestTypes: [OpportunityType] = [
        .businessRequest, .technologyRequest, .investmentSought, .researchPartnerSought,
    ]
    static let answer: [OpportunityType: OpportunityType] = [
        .businessRequest: .businessOffer, .technologyRequest: .technologyOffer,
        .investmentSought: .investmentOffered, .researchPartnerSought: .researchPartnerSought,
    ]
    static let europeanCountries = ["DE", "FR", "IT", "NL", "ES", "PL", "BE", "AT", "SE", "FI", "HU", "CZ"]
    static let englishWords = [
        "platform", "solution", "partner", "market", "deployment", "pilot", "devices", "software", "services",
        "network", "data", "analytics", "integration", "manufacturing", "export", "distribution", "research",
        "customers", "operators", "infrastructure", "security", "cloud", "sensors", "logistics", "payments",
    ]
    static let chineseWords = [
        "平台", "解决方案", "合作伙伴", "市场", "部署", "试点", "设备", "软件", "服务", "网络", "数据", "分析", "集成",
        "制造", "出口", "分销", "研究", "客户", "运营商", "基础设施", "安全", "传感器", "物流", "支付", "技术",
    ]

    /// Generates `count` organisations: a tenth in planted pairs, a twentieth one-sided rivals, a twentieth near
    /// misses, one in two hundred hubs, the rest background.
    init(count: Int, areas: [Area], seed: UInt64, now: Date) {
        var builder = Builder(areas: areas, random: SeededRandom(seed: seed), now: now)
        let pairs = count / 20
        for pair in 0..<pairs { builder.plantPair(pair) }
        for _ in 0..<(count / 200) { builder.hub() }
        while builder.organizations.count < count { builder.background() }
        organizations = builder.organizations
        opportunities = builder.opportunities
        planted = builder.planted
        hubs = builder.hubs
        offers = builder.offers
        requests = builder.requests
    }

    /// Whether `partner` seeks nothing that `seeker` offers: a fit only the seeker wants.
    func isOneSided(_ partner: UUID, for seeker: UUID) -> Bool {
        let theirs = requests[partner] ?? []
        let mine = offers[seeker] ?? []
        return !theirs.contains { need in
            mine.contains(Need(type: Self.answer[need.type]!, area: need.area))
        }
    }
}

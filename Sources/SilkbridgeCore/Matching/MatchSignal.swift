import Foundation

/// What one published opportunity says for matching: what kind it is, where, with whom, in which words.
/// A class, since ranking passes signals around by the thousand and a reference costs one count to copy.
final class MatchSignal: Sendable {
    let opportunityId: UUID
    let type: OpportunityType
    let title: LocalizedText
    let areas: Set<String>
    let subtopics: Set<String>
    let targetSides: Set<Side>
    let targetCountries: Set<String>
    let partnerships: Set<PartnershipType>
    /// The areas, sub-topics and partnership types as bits (see `CodeBits`), for scoring without hashing.
    let areaBits: UInt64
    let subtopicBits: UInt64
    let partnershipBits: UInt64
    let stage: DevelopmentStage?
    let amount: AmountRange?
    /// The words of title, summary and the areas' labels in both languages.
    let terms: TermSet
    let publishedAt: Date
    /// The change this signal was read from.
    let updatedAt: Date
    let isRequest: Bool
    /// Its own keys (see `keys`), and for a request those of the offers that would answer it.
    let ownKeys: [Int]
    let answerKeys: [Int]

    init(
        opportunityId: UUID, type: OpportunityType, title: LocalizedText, areas: Set<String>, subtopics: Set<String>,
        targetSides: Set<Side>, targetCountries: Set<String>, partnerships: Set<PartnershipType>, areaBits: UInt64,
        subtopicBits: UInt64, partnershipBits: UInt64, stage: DevelopmentStage?, amount: AmountRange?,
        terms: TermSet, publishedAt: Date, updatedAt: Date
    ) {
        self.opportunityId = opportunityId
        self.type = type
        self.title = title
        self.areas = areas
        self.subtopics = subtopics
        self.targetSides = targetSides
        self.targetCountries = targetCountries
        self.partnerships = partnerships
        self.areaBits = areaBits
        self.subtopicBits = subtopicBits
        self.partnershipBits = partnershipBits
        self.stage = stage
        self.amount = amount
        self.terms = terms
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        isRequest = OpportunityType.requests.contains(type)
        ownKeys = Self.keys(type, areaBits: areaBits)
        answerKeys = type.answeredBy.map { Self.keys($0, areaBits: areaBits) } ?? []
    }

    /// One number per (type, area) of an opportunity: the type's position times 64 plus the area's bit.
    static func keys(_ type: OpportunityType, areaBits: UInt64) -> [Int] {
        let base = OpportunityType.allCases.firstIndex(of: type)! * 64
        var keys: [Int] = []
        var bits = areaBits
        while bits != 0 {
            keys.append(base + bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        return keys
    }
}

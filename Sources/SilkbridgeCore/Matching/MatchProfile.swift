import Foundation

/// Words of a text as the search index reads them (normalised, segmented, stemmed), so that similarity works
/// across scripts and spellings. Implemented where the multilingual tokenizer is at hand.
public protocol TermExtractor: Sendable {
    func terms(_ text: String) -> Set<String>
}

/// What one published opportunity says for matching: what kind it is, where, with whom, in which words.
struct MatchSignal: Sendable {
    let opportunityId: UUID
    let type: OpportunityType
    let title: LocalizedText
    let areas: Set<String>
    let subtopics: Set<String>
    let targetSides: Set<Side>
    let targetCountries: Set<String>
    let partnerships: Set<PartnershipType>
    let stage: DevelopmentStage?
    let amount: AmountRange?
    /// The words of title, summary and the areas' labels in both languages.
    let terms: TermSet
    let publishedAt: Date
    /// The change this signal was read from.
    let updatedAt: Date

    var isRequest: Bool { OpportunityType.requests.contains(type) }
}

/// An organisation as matching sees it: its side and country, and what it offers and seeks.
struct MatchProfile: Sendable {
    let organizationId: UUID
    var name: LocalizedText
    var side: Side
    var country: String
    /// The areas the organisation declares it works in: all there is to go on before it publishes.
    var areas: Set<String> = []
    var signals: [UUID: MatchSignal] = [:]

    var offers: [MatchSignal] { signals.values.filter { !$0.isRequest || $0.type.answeredBy == $0.type } }
    var requests: [MatchSignal] { signals.values.filter(\.isRequest) }
}

extension OpportunityType {
    /// The kinds that ask for something; R&D partners are sought by both sides of a match, so they count as both.
    static let requests: Set<OpportunityType> = [
        .businessRequest, .technologyRequest, .investmentSought, .researchPartnerSought,
    ]

    /// The kind of offer that answers a request of this kind.
    public var answeredBy: OpportunityType? {
        switch self {
        case .businessRequest: .businessOffer
        case .technologyRequest: .technologyOffer
        case .investmentSought: .investmentOffered
        case .researchPartnerSought: .researchPartnerSought
        case .businessOffer, .technologyOffer, .investmentOffered: nil
        }
    }

    /// The kinds of request an opportunity of this kind answers.
    var answers: [OpportunityType] { OpportunityType.requests.filter { $0.answeredBy == self } }
}

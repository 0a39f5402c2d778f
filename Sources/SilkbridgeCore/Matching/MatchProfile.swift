import Foundation

/// Words of a text as the search index reads them (normalised, segmented, stemmed), so that similarity works
/// across scripts and spellings. Implemented where the multilingual tokenizer is at hand.
public protocol TermExtractor: Sendable {
    func terms(_ text: String) -> Set<String>
}

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

/// An organisation as matching sees it: its side and country, and what it offers and seeks. Immutable and
/// shared: a change makes a new profile, so ranking reads thousands of them without copying their contents.
final class MatchProfile: Sendable {
    let organizationId: UUID
    let name: LocalizedText
    let side: Side
    let country: String
    /// The areas the organisation declares it works in: all there is to go on before it publishes.
    let areas: Set<String>
    let signals: [UUID: MatchSignal]
    /// Kept with the signals, since scoring reads them for every candidate.
    let requests: [MatchSignal]
    /// The signals as a list, for walking a partner's few.
    let list: [MatchSignal]
    /// The requests by the keys of the offers that answer them: scoring walks the partner's few signals and looks
    /// up this profile's, so a profile with many opportunities costs no more per candidate than one with two.
    let requestsByAnswerKey: [Int: [MatchSignal]]

    init(
        organizationId: UUID, name: LocalizedText, side: Side, country: String, areas: Set<String> = [],
        signals: [UUID: MatchSignal] = [:]
    ) {
        self.organizationId = organizationId
        self.name = name
        self.side = side
        self.country = country
        self.areas = areas
        self.signals = signals
        list = Array(signals.values)
        requests = list.filter(\.isRequest)
        var requestsByAnswerKey: [Int: [MatchSignal]] = [:]
        for request in requests {
            for key in request.answerKeys { requestsByAnswerKey[key, default: []].append(request) }
        }
        self.requestsByAnswerKey = requestsByAnswerKey
    }

    /// The same organisation with other signals.
    func with(signals: [UUID: MatchSignal]) -> MatchProfile {
        MatchProfile(
            organizationId: organizationId, name: name, side: side, country: country, areas: areas, signals: signals)
    }

    /// The same signals, with the organisation as it now is.
    func with(_ organization: Organization) -> MatchProfile {
        MatchProfile(
            organizationId: organizationId, name: organization.name, side: organization.side,
            country: organization.country, areas: Set(organization.areas), signals: signals)
    }
}

/// Numbers the codes it meets (areas, or sub-topics) as bits of a 64-bit set, so that two opportunities'
/// overlap is a couple of bit operations. The catalog has fewer than 64 of each; any beyond share the last bit.
struct CodeBits: Sendable {
    private var numbers: [String: Int] = [:]

    mutating func bits<S: Sequence>(_ codes: S) -> UInt64 where S.Element == String {
        codes.reduce(0) { bits, code in
            let number = numbers[code] ?? min(numbers.count, 63)
            if numbers[code] == nil, numbers.count < 63 { numbers[code] = number }
            return bits | (1 << UInt64(number))
        }
    }

    static func bits(_ partnerships: Set<PartnershipType>) -> UInt64 {
        partnerships.reduce(0) { $0 | (1 << UInt64(PartnershipType.allCases.firstIndex(of: $1)!)) }
    }

    /// Shared bits over all bits, 0 when both are empty.
    static func jaccard(_ first: UInt64, _ second: UInt64) -> Double {
        let union = (first | second).nonzeroBitCount
        return union == 0 ? 0 : Double((first & second).nonzeroBitCount) / Double(union)
    }
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

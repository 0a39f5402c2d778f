import Foundation

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

import Foundation

/// How well one organisation answers another's requests, with the reasons, and the reciprocal score of a pair:
/// the harmonic mean of both directions, so a fit that only one side wants ranks low.
struct MatchScorer: Sendable {
    /// Weights of the signals of one request–offer pair; they sum to 1.
    static let areaWeight = 0.3
    static let subtopicWeight = 0.1
    static let partnershipWeight = 0.2
    static let targetWeight = 0.15
    static let textWeight = 0.25

    /// How well `partner` answers what `seeker` seeks: the best of its offers against each request, or nothing.
    func fit(of partner: MatchProfile, for seeker: MatchProfile) -> DirectionalFit? {
        var best: DirectionalFit?
        for request in seeker.requests {
            // An offer in none of the request's areas answers something else, however well the rest fits.
            for offer in partner.signals.values
            where offer.type == request.type.answeredBy && !offer.areas.isDisjoint(with: request.areas) {
                let score = pairScore(
                    request: request, offer: offer, offerSide: partner.side, offerCountry: partner.country)
                if score.value > (best?.score ?? 0) {
                    best = DirectionalFit(
                        score: score.value, request: request, offer: offer, sharedAreas: score.sharedAreas,
                        sharedPartnerships: score.sharedPartnerships, targeted: score.targeted)
                }
            }
        }
        return best
    }

    /// The reciprocal score of a pair: zero unless each answers something the other seeks.
    func match(_ first: MatchProfile, _ second: MatchProfile) -> (
        score: Double, forFirst: DirectionalFit, forSecond: DirectionalFit
    )? {
        guard let forFirst = fit(of: second, for: first), let forSecond = fit(of: first, for: second) else {
            return nil
        }
        let score = 2 * forFirst.score * forSecond.score / (forFirst.score + forSecond.score)
        return (score, forFirst, forSecond)
    }

    private func pairScore(request: MatchSignal, offer: MatchSignal, offerSide: Side, offerCountry: String) -> (
        value: Double, sharedAreas: Set<String>, sharedPartnerships: Set<PartnershipType>, targeted: Bool
    ) {
        let sharedAreas = request.areas.intersection(offer.areas)
        let sharedPartnerships = request.partnerships.intersection(offer.partnerships)
        let targeted =
            request.targetCountries.isEmpty
            ? (request.targetSides.isEmpty || request.targetSides.contains(offerSide))
            : request.targetCountries.contains(offerCountry)
        let value =
            Self.areaWeight * Self.jaccard(request.areas, offer.areas)
            + Self.subtopicWeight * Self.jaccard(request.subtopics, offer.subtopics)
            + Self.partnershipWeight * Self.jaccard(request.partnerships, offer.partnerships)
            + Self.targetWeight * (targeted ? 1 : 0)
            + Self.textWeight * Self.jaccard(request.terms, offer.terms)
        return (value, sharedAreas, sharedPartnerships, targeted)
    }

    static func jaccard<T: Hashable>(_ first: Set<T>, _ second: Set<T>) -> Double {
        guard !first.isEmpty || !second.isEmpty else { return 0 }
        return Double(first.intersection(second).count) / Double(first.union(second).count)
    }
}

/// The best answer one organisation gives to another's requests, and why.
struct DirectionalFit: Sendable {
    let score: Double
    let request: MatchSignal
    let offer: MatchSignal
    let sharedAreas: Set<String>
    let sharedPartnerships: Set<PartnershipType>
    let targeted: Bool
}

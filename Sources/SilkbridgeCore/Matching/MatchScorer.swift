import Foundation

/// How well one organisation answers another's requests, with the reasons, and the reciprocal score of a pair:
/// the harmonic mean of both directions, so a fit that only one side wants ranks low.
struct MatchScorer: Sendable {
    /// Weights of the signals of one request–offer pair; they sum to 1.
    static let areaWeight = 0.25
    static let subtopicWeight = 0.1
    static let partnershipWeight = 0.2
    static let targetWeight = 0.15
    static let textWeight = 0.2
    static let maturityWeight = 0.1

    /// How well `partner` answers what `seeker` seeks: the best of its offers against each request, or nothing.
    func fit(of partner: MatchProfile, for seeker: MatchProfile) -> DirectionalFit? {
        guard let best = best(of: partner, for: seeker) else { return nil }
        return DirectionalFit(
            score: best.score, request: best.request, offer: best.offer,
            sharedAreas: best.request.areas.intersection(best.offer.areas),
            sharedPartnerships: best.request.partnerships.intersection(best.offer.partnerships),
            targeted: Self.targeted(best.request, offerSide: partner.side, offerCountry: partner.country),
            maturity: Self.maturity(of: best.offer, for: best.request))
    }

    /// The best request–offer pair and its score, without the reasons: what ranking many candidates needs.
    func best(of partner: MatchProfile, for seeker: MatchProfile) -> (
        score: Double, request: MatchSignal, offer: MatchSignal
    )? {
        var best: (score: Double, request: MatchSignal, offer: MatchSignal)?
        // Only an offer of the answering type in one of the request's areas answers it, however well the rest fits:
        // each of the partner's signals looks up the seeker's requests it could answer by exactly that.
        for offer in partner.list {
            for key in offer.ownKeys {
                for request in seeker.requestsByAnswerKey[key] ?? [] {
                    let score = Self.score(
                        of: offer, for: request, offerSide: partner.side, offerCountry: partner.country)
                    if score > (best?.score ?? 0) { best = (score, request, offer) }
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
        return (Self.harmonicMean(forFirst.score, forSecond.score), forFirst, forSecond)
    }

    static func harmonicMean(_ first: Double, _ second: Double) -> Double {
        first + second > 0 ? 2 * first * second / (first + second) : 0
    }

    /// The weighted signals of one request–offer pair, in 0…1.
    static func score(of offer: MatchSignal, for request: MatchSignal, offerSide: Side, offerCountry: String)
        -> Double
    {
        areaWeight * CodeBits.jaccard(request.areaBits, offer.areaBits)
            + subtopicWeight * CodeBits.jaccard(request.subtopicBits, offer.subtopicBits)
            + partnershipWeight * CodeBits.jaccard(request.partnershipBits, offer.partnershipBits)
            + targetWeight * (targeted(request, offerSide: offerSide, offerCountry: offerCountry) ? 1 : 0)
            + textWeight * request.terms.jaccard(offer.terms)
            + maturityWeight * (maturity(of: offer, for: request) ?? 0.5)
    }

    /// Whether the offer is where the request looks for partners (anywhere, when it says nothing).
    static func targeted(_ request: MatchSignal, offerSide: Side, offerCountry: String) -> Bool {
        request.targetCountries.isEmpty
            ? (request.targetSides.isEmpty || request.targetSides.contains(offerSide))
            : request.targetCountries.contains(offerCountry)
    }

    /// Whether the offer is as far along as the request asks (a technology's stage) or of the size it asks (an
    /// investment's amount range, compared only in one currency); nil when either says nothing of it.
    static func maturity(of offer: MatchSignal, for request: MatchSignal) -> Double? {
        if let wanted = request.stage, let offered = offer.stage {
            let gap =
                DevelopmentStage.allCases.firstIndex(of: wanted)! - DevelopmentStage.allCases.firstIndex(of: offered)!
            return gap <= 0 ? 1 : gap == 1 ? 0.5 : 0
        }
        if let wanted = request.amount, let offered = offer.amount, wanted.currency == offered.currency {
            let overlaps =
                (wanted.minimum ?? 0) <= (offered.maximum ?? .max) && (offered.minimum ?? 0) <= (wanted.maximum ?? .max)
            return overlaps ? 1 : 0
        }
        return nil
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
    /// 1 when the stage or amount is what the request asks, 0 when not, nil when unknown.
    let maturity: Double?
}

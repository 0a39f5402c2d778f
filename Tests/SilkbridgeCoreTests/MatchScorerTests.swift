import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct MatchScorerTests {
    static let areas = ["smart-energy", "cloud-computing", "iot", "5g"]
    static let partnerships = PartnershipType.allCases

    static func signal(
        _ type: OpportunityType, areas: Set<String>, partnerships: Set<PartnershipType> = [], terms: [Int32] = [],
        stage: DevelopmentStage? = nil, countries: Set<String> = []
    ) -> MatchSignal {
        // Bits numbered by the list of areas above, as the service numbers codes in the order it meets them.
        MatchSignal(
            opportunityId: UUID(), type: type, title: LocalizedText(english: "\(type.rawValue)"), areas: areas,
            subtopics: [], targetSides: [], targetCountries: countries, partnerships: partnerships,
            areaBits: areas.reduce(0) { $0 | (1 << UInt64(Self.areas.firstIndex(of: $1) ?? 63)) },
            subtopicBits: 0, partnershipBits: CodeBits.bits(partnerships), stage: stage,
            amount: nil, terms: TermSet(terms), publishedAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0))
    }

    static func profile(_ side: Side, _ signals: [MatchSignal], country: String? = nil) -> MatchProfile {
        MatchProfile(
            organizationId: UUID(), name: LocalizedText(english: "Org"), side: side,
            country: country ?? (side == .china ? "CN" : "DE"),
            signals: Dictionary(uniqueKeysWithValues: signals.map { ($0.opportunityId, $0) }))
    }

    static func random(_ type: OpportunityType, using generator: inout some RandomNumberGenerator) -> MatchSignal {
        signal(
            type, areas: Set(areas.shuffled(using: &generator).prefix(Int.random(in: 1...2, using: &generator))),
            partnerships: Set(
                partnerships.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator))),
            terms: (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int32.random(in: 0..<12, using: &generator)
            },
            stage: Bool.random(using: &generator) ? DevelopmentStage.allCases.randomElement(using: &generator) : nil)
    }

    /// Over random profiles: a partner with the same offers as a mutual one, but wanting nothing the seeker has,
    /// never ranks above it; and the reciprocal score never exceeds twice the weaker direction.
    @Test func aOneSidedFitNeverOutranksAMutualOneWithTheSameEvidence() {
        var generator = SeededRandom(seed: 20_261_129)
        let scorer = MatchScorer()
        var compared = 0
        for _ in 0..<500 {
            let types = OpportunityType.allCases
            let seeker = Self.profile(
                .europe, (0..<3).map { _ in Self.random(types.randomElement(using: &generator)!, using: &generator) })
            let offers = (0..<2).map { _ in Self.random(types.randomElement(using: &generator)!, using: &generator) }
            let requests = (0..<2).map { _ in
                Self.random(OpportunityType.requests.randomElement(using: &generator)!, using: &generator)
            }
            let mutual = Self.profile(.china, offers + requests)
            // The same offers, and requests in an area no one has: they answer the seeker just as well.
            let oneSided = Self.profile(
                .china, offers.filter { !$0.isRequest } + [Self.signal(.businessRequest, areas: ["nowhere"])])
            guard let pair = scorer.match(seeker, mutual) else { continue }
            compared += 1
            #expect(scorer.match(seeker, oneSided) == nil)
            #expect(pair.score <= 2 * min(pair.forFirst.score, pair.forSecond.score) + 1e-9)
            #expect(pair.score >= min(pair.forFirst.score, pair.forSecond.score) - 1e-9)
        }
        #expect(compared > 50)
    }

    @Test func anOfferAtTheStageSoughtFitsBetterAndSaysSo() {
        let request = Self.signal(.technologyRequest, areas: ["iot"], stage: .pilot)
        let ready = Self.signal(.technologyOffer, areas: ["iot"], stage: .marketReady)
        let early = Self.signal(.technologyOffer, areas: ["iot"], stage: .concept)
        #expect(MatchScorer.maturity(of: ready, for: request) == 1)
        #expect(MatchScorer.maturity(of: early, for: request) == 0)
        #expect(MatchScorer.maturity(of: Self.signal(.technologyOffer, areas: ["iot"]), for: request) == nil)
        let seeker = Self.profile(.europe, [request])
        let fitReady = MatchScorer().fit(of: Self.profile(.china, [ready]), for: seeker)!
        let fitEarly = MatchScorer().fit(of: Self.profile(.china, [early]), for: seeker)!
        #expect(fitReady.score > fitEarly.score)
        let reasons = MatchExplanation(catalog: ReferenceCatalog(areas: [], countries: [], provinces: [])).reasons(
            forYou: fitReady, forThem: fitEarly, acceptance: (0.5, 0, 0))
        #expect(reasons[0].english.contains("at the stage sought"))
        #expect(reasons[0].chinese.contains("达到所需的发展阶段"))
        #expect(!reasons[1].english.contains("at the stage sought"))
    }

    @Test func anOfferInNoAreaOfTheRequestAnswersNothing() {
        let seeker = Self.profile(
            .europe, [Self.signal(.businessRequest, areas: ["iot"], partnerships: [.distribution])])
        let elsewhere = Self.profile(
            .china, [Self.signal(.businessOffer, areas: ["5g"], partnerships: [.distribution], terms: [1, 2])])
        #expect(MatchScorer().fit(of: elsewhere, for: seeker) == nil)
    }

    @Test func termSetsCompareLikeSets() {
        var generator = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let first = Set(
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in Int32.random(in: 0..<10, using: &generator) })
            let second = Set(
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in Int32.random(in: 0..<10, using: &generator) })
            let expected =
                first.union(second).isEmpty
                ? 0 : Double(first.intersection(second).count) / Double(first.union(second).count)
            #expect(abs(TermSet(first).jaccard(TermSet(second)) - expected) < 1e-12)
        }
    }
}

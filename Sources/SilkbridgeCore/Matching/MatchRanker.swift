import Foundation

/// Ranks candidates for one profile over a snapshot of the matching service's state. Scoring keeps only ids and
/// scores, since most candidates are scored and few are shown; the shown ones are explained afterwards.
struct MatchRanker {
    /// Half-life of the small bonus for recently published opportunities.
    static let recencyHalfLife: TimeInterval = 90 * 24 * 3600

    /// The lists, in the order they fill a suggestion list.
    enum Tier: CaseIterable {
        /// Each answers something the other seeks.
        case mutual
        /// Only one answers the other: after every mutual fit, at half its one direction.
        case oneSided
        /// For a profile that has published nothing: those publishing in its declared areas.
        case activeInAreas
    }

    struct Scored {
        let id: UUID
        let score: Double
    }

    let profiles: [UUID: MatchProfile]
    let candidates: CandidateIndex
    let history: InterestHistory
    let now: Date
    let scorer = MatchScorer()

    /// Every candidate of the tier (or of a baseline ranking) with a score above zero, unordered.
    func scored(_ profile: MatchProfile, tier: Tier, sameSide: Bool) -> [Scored] {
        let pool: Set<UUID>
        switch tier {
        case .mutual: pool = candidates.mutual(profile)
        case .oneSided: pool = candidates.answering(profile).symmetricDifference(candidates.seeking(profile))
        case .activeInAreas: pool = profile.signals.isEmpty ? candidates.publishing(in: profile.areas) : []
        }
        return partners(in: pool, of: profile, sameSide: sameSide).compactMap { partner in
            score(partner, for: profile, tier: tier).map { Scored(id: partner.organizationId, score: $0) }
        }
    }

    /// A baseline ranking's candidates, for the evaluation: one-sided alone, or plain word overlap.
    func scored(_ profile: MatchProfile, baseline: MatchRanking) -> [Scored] {
        switch baseline {
        case .reciprocal: return scored(profile, tier: .mutual, sameSide: false)
        case .oneSided:
            return partners(in: candidates.answering(profile), of: profile, sameSide: false).compactMap { partner in
                scorer.best(of: partner, for: profile).map {
                    Scored(id: partner.organizationId, score: $0.score * learned(partner, theirs: [$0.offer]))
                }
            }
        case .text:
            let words = Self.words(of: profile)
            return partners(in: candidates.sharingAnArea(with: profile), of: profile, sameSide: false).compactMap {
                let score = words.jaccard(Self.words(of: $0))
                return score > 0 ? Scored(id: $0.organizationId, score: score) : nil
            }
        }
    }

    /// The candidates worth scoring: not the profile itself, not already linked by an interest (suggestions are
    /// for partners not yet met, and a declined pair is not proposed again), on the other side unless asked.
    private func partners(in pool: Set<UUID>, of profile: MatchProfile, sameSide: Bool) -> [MatchProfile] {
        let linked = history.linked(to: profile.organizationId, at: now)
        return pool.compactMap { id in
            guard id != profile.organizationId, !linked.contains(id), let partner = profiles[id],
                sameSide || partner.side != profile.side
            else { return nil }
            return partner
        }
    }

    private func score(_ partner: MatchProfile, for profile: MatchProfile, tier: Tier) -> Double? {
        switch tier {
        case .mutual:
            guard let theirs = scorer.best(of: partner, for: profile),
                let yours = scorer.best(of: profile, for: partner)
            else { return nil }
            let score = MatchScorer.harmonicMean(theirs.score, yours.score)
            return min(1, score * learned(partner, theirs: [theirs.offer, yours.request]))
        case .oneSided:
            if let theirs = scorer.best(of: partner, for: profile) {
                return min(1, theirs.score / 2 * learned(partner, theirs: [theirs.offer]))
            }
            return scorer.best(of: profile, for: partner).map {
                min(1, $0.score / 2 * learned(partner, theirs: [$0.request]))
            }
        case .activeInAreas:
            guard let signal = Self.bestInAreas(partner, areas: profile.areas) else { return nil }
            // A tenth of a point at most, so that publishing anything at all ranks above this.
            let shared = Double(signal.areas.intersection(profile.areas).count) / Double(max(profile.areas.count, 1))
            return 0.1 * shared * learned(partner, theirs: [signal])
        }
    }

    /// Explains a shown candidate: the fits in each direction, or the opportunity in the profile's areas.
    func explain(_ partner: MatchProfile, for profile: MatchProfile, tier: Tier) -> (
        forYou: DirectionalFit?, forThem: DirectionalFit?, theirs: MatchSignal?
    ) {
        switch tier {
        case .mutual, .oneSided:
            let forYou = scorer.fit(of: partner, for: profile)
            let forThem = scorer.fit(of: profile, for: partner)
            // A one-sided fit that they answer is shown as such, even if the reverse also scored.
            return tier == .oneSided && forYou != nil ? (forYou, nil, nil) : (forYou, forThem, nil)
        case .activeInAreas: return (nil, nil, Self.bestInAreas(partner, areas: profile.areas))
        }
    }

    /// Their opportunity in one of the areas: requests first (what the profile might answer), then the one
    /// covering most of the areas, then the newest.
    static func bestInAreas(_ partner: MatchProfile, areas: Set<String>) -> MatchSignal? {
        partner.signals.values.filter { !$0.areas.isDisjoint(with: areas) }.max {
            ($0.isRequest ? 1 : 0, $0.areas.intersection(areas).count, $0.publishedAt)
                < ($1.isRequest ? 1 : 0, $1.areas.intersection(areas).count, $1.publishedAt)
        }
    }

    /// What the users did and how fresh the partner's side is, as a factor within ±10 %: enough to order
    /// partners who fit alike, never enough to lift a poor fit over a good one.
    func learned(_ partner: MatchProfile, theirs: [MatchSignal]) -> Double {
        let newest = theirs.map(\.publishedAt).max() ?? now
        let age = max(0, now.timeIntervalSince(newest))
        let recency = 0.95 + 0.05 * pow(0.5, age / Self.recencyHalfLife)
        let responsiveness = 0.95 + 0.1 * history.acceptance(of: partner.organizationId).rate
        return recency * responsiveness
    }

    static func words(of profile: MatchProfile) -> TermSet {
        profile.signals.values.reduce(TermSet([])) { $0.union($1.terms) }
    }

    /// The `count` best, best first; ties go to the smaller id, so lists are the same on every run.
    static func best(_ scored: [Scored], count: Int) -> [Scored] {
        func before(_ first: Scored, _ second: Scored) -> Bool {
            first.score != second.score ? first.score > second.score : first.id.precedes(second.id)
        }
        guard scored.count > count else { return scored.sorted(by: before) }
        // One pass keeping the best few: far cheaper than sorting thousands of candidates to show ten.
        var kept: [Scored] = []
        kept.reserveCapacity(count + 1)
        for candidate in scored where kept.count < count || before(candidate, kept[kept.count - 1]) {
            let index = kept.firstIndex { before(candidate, $0) } ?? kept.count
            kept.insert(candidate, at: index)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}

extension UUID {
    /// Orders ids by their bytes (as their text would order them), without making text.
    func precedes(_ other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { mine in
            withUnsafeBytes(of: other.uuid) { theirs in mine.lexicographicallyPrecedes(theirs) }
        }
    }
}

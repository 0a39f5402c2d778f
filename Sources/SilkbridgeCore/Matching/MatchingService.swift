import Foundation

/// Reciprocal matchmaking over the directory: for an organisation (or one of its opportunities), the partners
/// on the other side who answer what it seeks and seek what it offers, explained.
///
/// Profiles live in this process, built from published opportunities only (drafts never take part), and kept up
/// to date like the search index: each request first reads what changed since the last one, so a write costs
/// the update of one profile, never a recomputation of all. Candidates come from an index by kind and area.
public actor MatchingService {
    /// Half-life of the small bonus for recently published opportunities.
    static let recencyHalfLife: TimeInterval = 90 * 24 * 3600

    let source: any SearchSource
    let interests: any InterestRepository
    let catalog: ReferenceCatalog
    let extractor: any TermExtractor
    private var profiles: [UUID: MatchProfile] = [:]
    private var opportunityOwners: [UUID: UUID] = [:]
    private var candidates = CandidateIndex()
    private var terms = TermDictionary()
    private var history = InterestHistory()
    private var exposure: ExposureLedger
    private var expiries: [UUID: Date] = [:]
    private var nextExpiry: Date?
    private var cursor = ChangeCursor()
    private var interestCursor = ChangeCursor()

    /// `exposureShare` bounds the share of all suggestion lists one organisation may appear in, once more than
    /// `exposureFloor` lists would hold it.
    public init(
        source: any SearchSource, interests: any InterestRepository, catalog: ReferenceCatalog,
        extractor: any TermExtractor, exposureShare: Double = 0.05, exposureFloor: Int = 20
    ) {
        self.source = source
        self.interests = interests
        self.catalog = catalog
        self.extractor = extractor
        self.exposure = ExposureLedger(maxShare: exposureShare, floor: exposureFloor)
    }

    /// The best partners for an organisation, most reciprocal first.
    public func matches(for organizationId: UUID, limit: Int = 10, sameSide: Bool = false, now: Date = Date())
        async throws -> [Match]
    {
        try await refresh(now: now)
        guard let profile = profiles[organizationId] else { throw DirectoryError.organizationNotFound }
        return serve(profile, list: organizationId, limit: limit, sameSide: sameSide, now: now)
    }

    /// The best partners for one published opportunity: they answer it (a request) or want it (an offer), and
    /// want something its organisation offers (or offer something it seeks).
    public func matches(forOpportunity opportunityId: UUID, limit: Int = 10, sameSide: Bool = false, now: Date = Date())
        async throws -> [Match]
    {
        try await refresh(now: now)
        guard let owner = opportunityOwners[opportunityId], let profile = profiles[owner],
            let signal = profile.signals[opportunityId]
        else { throw ExchangeError.opportunityNotFound }
        var focused = profile
        // The opportunity stands alone on its own side of the match (the only request, or the only offer); the rest
        // of the profile answers the other direction.
        focused.signals = profile.signals.filter { $0.value.isRequest != signal.isRequest }
        focused.signals[opportunityId] = signal
        return serve(focused, list: opportunityId, limit: limit, sameSide: sameSide, now: now)
    }

    /// Partner ids and scores under any ranking, with no cap and nothing recorded: what the evaluation compares.
    public func ranked(for organizationId: UUID, limit: Int = 10, ranking: MatchRanking, now: Date = Date())
        async throws -> [(organizationId: UUID, score: Double)]
    {
        try await refresh(now: now)
        guard let profile = profiles[organizationId] else { throw DirectoryError.organizationNotFound }
        return Array(scored(profile, sameSide: false, ranking: ranking, now: now).prefix(limit)).map {
            ($0.id, $0.score)
        }
    }

    /// How evenly the lists served so far spread over the directory.
    public func exposureReport() -> ExposureReport {
        exposure.report(organizations: profiles.values.filter { !$0.signals.isEmpty }.count)
    }

    /// The ranked list for one requester, within the exposure cap, explained; and recorded against the cap.
    /// Mutual fits come first; only when they are fewer than asked do fits that one side wants fill the list, so
    /// an organisation that publishes only offers (or only requests) still sees who wants them.
    private func serve(_ profile: MatchProfile, list: UUID, limit: Int, sameSide: Bool, now: Date) -> [Match] {
        var found: [Match] = []
        let explanation = MatchExplanation(catalog: catalog)
        func take(_ candidates: [Candidate]) {
            for candidate in candidates where found.count < limit && exposure.allows(candidate.id, for: list) {
                guard let partner = profiles[candidate.id] else { continue }
                found.append(
                    Match(
                        organizationId: candidate.id, name: partner.name, side: partner.side,
                        country: partner.country, score: candidate.score,
                        theyAnswerYou: candidate.forYou?.score ?? 0, youAnswerThem: candidate.forThem?.score ?? 0,
                        theirOpportunity: candidate.forYou?.offer.opportunityId ?? candidate.forThem?.request
                            .opportunityId ?? candidate.theirs!.opportunityId,
                        yourOpportunity: candidate.forThem?.offer.opportunityId
                            ?? candidate.forYou?.request.opportunityId,
                        reasons: candidate.theirs.map { explanation.reasons(activeIn: $0, areas: profile.areas) }
                            ?? explanation.reasons(
                                forYou: candidate.forYou, forThem: candidate.forThem,
                                acceptance: history.acceptance(of: candidate.id))))
            }
        }
        take(scored(profile, sameSide: sameSide, ranking: .reciprocal, now: now))
        if found.count < limit { take(oneSided(profile, sameSide: sameSide, now: now)) }
        if profile.signals.isEmpty { take(activeInAreas(of: profile, sameSide: sameSide, now: now)) }
        exposure.record(found.map(\.organizationId), for: list)
        return found
    }

    /// Partners only one side wants: those answering what the profile seeks but seeking nothing it offers, and
    /// the reverse. Each scores half its one direction, so among themselves the better fit comes first.
    private func oneSided(_ profile: MatchProfile, sameSide: Bool, now: Date) -> [Candidate] {
        let scorer = MatchScorer()
        let answering = candidates.answering(profile)
        let seeking = candidates.seeking(profile)
        var pool = answering.symmetricDifference(seeking)
        pool.remove(profile.organizationId)
        pool.subtract(history.linked(to: profile.organizationId, at: now))
        var found: [Candidate] = []
        for id in pool {
            guard let partner = profiles[id], sameSide || partner.side != profile.side else { continue }
            if let fit = scorer.fit(of: partner, for: profile) {
                let score = fit.score / 2 * learned(partner, theirs: [fit.offer], now: now)
                found.append(Candidate(id: id, score: min(1, score), forYou: fit, forThem: nil))
            } else if let fit = scorer.fit(of: profile, for: partner) {
                let score = fit.score / 2 * learned(partner, theirs: [fit.request], now: now)
                found.append(Candidate(id: id, score: min(1, score), forYou: nil, forThem: fit))
            }
        }
        return found.sorted { ($0.score, $1.id.uuidString) > ($1.score, $0.id.uuidString) }
    }

    private struct Candidate {
        let id: UUID
        let score: Double
        let forYou: DirectionalFit?
        let forThem: DirectionalFit?
        /// For an organisation that has published nothing: the partner's opportunity in one of its areas.
        var theirs: MatchSignal? = nil
    }

    /// For an organisation that has published nothing yet: those on the other side publishing in its declared
    /// areas, requests first (what it might answer), a tenth of a point per shared area at most, so that
    /// publishing anything at all ranks above this.
    private func activeInAreas(of profile: MatchProfile, sameSide: Bool, now: Date) -> [Candidate] {
        var pool = candidates.publishing(in: profile.areas)
        pool.remove(profile.organizationId)
        pool.subtract(history.linked(to: profile.organizationId, at: now))
        var found: [Candidate] = []
        for id in pool {
            guard let partner = profiles[id], sameSide || partner.side != profile.side else { continue }
            let inAreas = partner.signals.values.filter { !$0.areas.isDisjoint(with: profile.areas) }
            guard
                let best = inAreas.max(by: {
                    ($0.isRequest ? 1 : 0, $0.areas.intersection(profile.areas).count, $0.publishedAt)
                        < ($1.isRequest ? 1 : 0, $1.areas.intersection(profile.areas).count, $1.publishedAt)
                })
            else { continue }
            let shared = Double(best.areas.intersection(profile.areas).count) / Double(max(profile.areas.count, 1))
            let score = 0.1 * shared * learned(partner, theirs: [best], now: now)
            found.append(Candidate(id: id, score: score, forYou: nil, forThem: nil, theirs: best))
        }
        return found.sorted { ($0.score, $1.id.uuidString) > ($1.score, $0.id.uuidString) }
    }

    /// Every candidate the ranking scores above zero, best first, leaving out partners already linked by an
    /// interest: suggestions are for partners not yet met, and a declined pair is not proposed again.
    private func scored(_ profile: MatchProfile, sameSide: Bool, ranking: MatchRanking, now: Date) -> [Candidate] {
        let scorer = MatchScorer()
        var pool: Set<UUID>
        switch ranking {
        case .reciprocal:
            let answering = candidates.answering(profile)
            let seeking = candidates.seeking(profile)
            pool = answering.count < seeking.count ? answering.intersection(seeking) : seeking.intersection(answering)
        case .oneSided: pool = candidates.answering(profile)
        case .text: pool = candidates.sharingAnArea(with: profile)
        }
        pool.remove(profile.organizationId)
        pool.subtract(history.linked(to: profile.organizationId, at: now))
        let words = ranking == .text ? Self.words(of: profile) : TermSet([])
        var found: [Candidate] = []
        for id in pool {
            guard let partner = profiles[id], sameSide || partner.side != profile.side else { continue }
            switch ranking {
            case .reciprocal:
                guard let pair = scorer.match(profile, partner) else { continue }
                let score =
                    pair.score * learned(partner, theirs: [pair.forFirst.offer, pair.forSecond.request], now: now)
                found.append(Candidate(id: id, score: min(1, score), forYou: pair.forFirst, forThem: pair.forSecond))
            case .oneSided:
                guard let fit = scorer.fit(of: partner, for: profile) else { continue }
                let score = fit.score * learned(partner, theirs: [fit.offer], now: now)
                found.append(Candidate(id: id, score: min(1, score), forYou: fit, forThem: nil))
            case .text:
                let score = words.jaccard(Self.words(of: partner))
                if score > 0 { found.append(Candidate(id: id, score: score, forYou: nil, forThem: nil)) }
            }
        }
        return found.sorted { ($0.score, $1.id.uuidString) > ($1.score, $0.id.uuidString) }
    }

    /// What the users did and how fresh the partner's side is, as a factor within ±10 %: enough to order
    /// partners who fit alike, never enough to lift a poor fit over a good one.
    private func learned(_ partner: MatchProfile, theirs: [MatchSignal], now: Date) -> Double {
        let newest = theirs.map(\.publishedAt).max() ?? now
        let age = max(0, now.timeIntervalSince(newest))
        let recency = 0.95 + 0.05 * pow(0.5, age / Self.recencyHalfLife)
        let responsiveness = 0.95 + 0.1 * history.acceptance(of: partner.organizationId).rate
        return recency * responsiveness
    }

    private static func words(of profile: MatchProfile) -> TermSet {
        profile.signals.values.reduce(TermSet([])) { $0.union($1.terms) }
    }

    /// Reads what changed since the cursors (directory and interests), drops publications that have expired
    /// since, and rebuilds when rows were deleted elsewhere.
    public func refresh(now: Date = Date()) async throws {
        var cursor = self.cursor
        let changes = try await DirectoryChanges.read(from: source, after: &cursor)
        self.cursor = cursor
        take(changes, now: now)
        if try await source.indexableCounts().organizations != profiles.count {
            profiles = [:]
            opportunityOwners = [:]
            candidates = CandidateIndex()
            expiries = [:]
            nextExpiry = nil
            var fresh = ChangeCursor()
            take(try await DirectoryChanges.read(from: source, after: &fresh), now: now)
            self.cursor = fresh
        }
        if let nextExpiry, nextExpiry <= now { dropExpired(now: now) }
        var interestCursor = self.interestCursor
        let start = Date()
        let changed = try await interests.interests(changedSince: interestCursor.since)
        interestCursor.advance(newest: changed.map(\.updatedAt).max(), readStartedAt: start)
        self.interestCursor = interestCursor
        for interest in changed { history.store(interest) }
    }

    private func take(_ changes: DirectoryChanges, now: Date) {
        for organization in changes.organizations {
            var profile =
                profiles[organization.id]
                ?? MatchProfile(
                    organizationId: organization.id, name: organization.name, side: organization.side,
                    country: organization.country)
            profile.name = organization.name
            profile.side = organization.side
            profile.country = organization.country
            profile.areas = Set(organization.areas)
            profiles[organization.id] = profile
        }
        for opportunity in changes.opportunities { store(opportunity, now: now) }
    }

    /// Takes a published opportunity into its organisation's profile, or drops one that is no longer published.
    private func store(_ opportunity: Opportunity, now: Date) {
        // The feed reads recent rows more than once; one already taken in as it is needs no new tokenising.
        if let owner = opportunityOwners[opportunity.id],
            profiles[owner]?.signals[opportunity.id]?.updatedAt == opportunity.updatedAt
        {
            return
        }
        if let owner = opportunityOwners.removeValue(forKey: opportunity.id) {
            update(owner) { $0.signals[opportunity.id] = nil }
            expiries[opportunity.id] = nil
        }
        guard opportunity.status(at: now) == .published, profiles[opportunity.organizationId] != nil else { return }
        let labels = opportunity.areas.compactMap(catalog.area).flatMap { [$0.label.english, $0.label.chinese] }
        let text = ([opportunity.title, opportunity.summary].flatMap { [$0.english, $0.chinese] } + labels)
            .compactMap { $0 }.joined(separator: " ")
        let signal = MatchSignal(
            opportunityId: opportunity.id, type: opportunity.type, title: opportunity.title,
            areas: Set(opportunity.areas), subtopics: Set(opportunity.subtopics),
            targetSides: Set(opportunity.targetSides), targetCountries: Set(opportunity.targetCountries),
            partnerships: Set(opportunity.partnershipTypes), stage: opportunity.stage, amount: opportunity.amount,
            terms: terms.set(of: extractor.terms(text)), publishedAt: opportunity.publishedAt ?? opportunity.createdAt,
            updatedAt: opportunity.updatedAt)
        update(opportunity.organizationId) { $0.signals[opportunity.id] = signal }
        opportunityOwners[opportunity.id] = opportunity.organizationId
        if let expiresAt = opportunity.expiresAt {
            expiries[opportunity.id] = expiresAt
            nextExpiry = min(expiresAt, nextExpiry ?? expiresAt)
        }
    }

    /// Changes one profile and the candidate index with it.
    private func update(_ organizationId: UUID, _ change: (inout MatchProfile) -> Void) {
        guard let old = profiles[organizationId] else { return }
        var new = old
        change(&new)
        profiles[organizationId] = new
        candidates.update(from: old, to: new)
    }

    /// Publications are read when they change, not when they expire, so expiry is noticed here.
    private func dropExpired(now: Date) {
        for (id, expiresAt) in expiries where expiresAt <= now {
            if let owner = opportunityOwners.removeValue(forKey: id) { update(owner) { $0.signals[id] = nil } }
            expiries[id] = nil
        }
        nextExpiry = expiries.values.min()
    }
}

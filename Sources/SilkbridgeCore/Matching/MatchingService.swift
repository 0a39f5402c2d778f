import Foundation

/// Reciprocal matchmaking over the directory: for an organisation (or one of its opportunities), the partners
/// on the other side who answer what it seeks and seek what it offers, explained.
///
/// Profiles live in this process, built from published opportunities only (drafts never take part), and kept up
/// to date like the search index: each request first reads what changed since the last one, so a write costs
/// the update of one profile, never a recomputation of all. Candidates come from an index by kind and area.
public actor MatchingService {
    let source: any SearchSource
    let interests: any InterestRepository
    let catalog: ReferenceCatalog
    let extractor: any TermExtractor
    private var profiles: [UUID: MatchProfile] = [:]
    private var opportunityOwners: [UUID: UUID] = [:]
    private var candidates = CandidateIndex()
    private var terms = TermDictionary()
    private var areaCodes = CodeBits()
    private var subtopicCodes = CodeBits()
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
        // The opportunity stands alone on its own side of the match (the only request, or the only offer); the rest
        // of the profile answers the other direction.
        var signals = profile.signals.filter { $0.value.isRequest != signal.isRequest }
        signals[opportunityId] = signal
        let focused = profile.with(signals: signals)
        return serve(focused, list: opportunityId, limit: limit, sameSide: sameSide, now: now)
    }

    /// Partner ids and scores under any ranking, with no cap and nothing recorded: what the evaluation compares.
    public func ranked(for organizationId: UUID, limit: Int = 10, ranking: MatchRanking, now: Date = Date())
        async throws -> [(organizationId: UUID, score: Double)]
    {
        try await refresh(now: now)
        guard let profile = profiles[organizationId] else { throw DirectoryError.organizationNotFound }
        return MatchRanker.best(ranker(now).scored(profile, baseline: ranking), count: limit).map { ($0.id, $0.score) }
    }

    /// How evenly the lists served so far spread over the directory.
    public func exposureReport() -> ExposureReport {
        exposure.report(organizations: profiles.values.filter { !$0.signals.isEmpty }.count)
    }

    private func ranker(_ now: Date) -> MatchRanker {
        MatchRanker(profiles: profiles, candidates: candidates, history: history, now: now)
    }

    /// The ranked list for one requester, within the exposure cap, explained; and recorded against the cap.
    /// Mutual fits come first; only when they are fewer than asked do fits that one side wants fill the list, so
    /// an organisation that publishes only offers (or only requests) still sees who wants them; and one that has
    /// published nothing sees who publishes in its areas.
    private func serve(_ profile: MatchProfile, list: UUID, limit: Int, sameSide: Bool, now: Date) -> [Match] {
        let ranker = ranker(now)
        let explanation = MatchExplanation(catalog: catalog)
        var found: [Match] = []
        for tier in MatchRanker.Tier.allCases where found.count < limit {
            let scored = ranker.scored(profile, tier: tier, sameSide: sameSide)
            // Enough to fill the list past a few capped organisations; all of them if more were capped.
            var ranked = MatchRanker.best(scored, count: 2 * limit)
            var next = 0
            while found.count < limit && next < ranked.count {
                let candidate = ranked[next]
                next += 1
                if next == ranked.count && ranked.count < scored.count {
                    ranked = MatchRanker.best(scored, count: scored.count)
                }
                guard exposure.allows(candidate.id, for: list), let partner = profiles[candidate.id] else { continue }
                let why = ranker.explain(partner, for: profile, tier: tier)
                found.append(
                    Match(
                        organizationId: candidate.id, name: partner.name, side: partner.side,
                        country: partner.country, score: candidate.score, theyAnswerYou: why.forYou?.score ?? 0,
                        youAnswerThem: why.forThem?.score ?? 0,
                        theirOpportunity: why.forYou?.offer.opportunityId ?? why.forThem?.request.opportunityId
                            ?? why.theirs!.opportunityId,
                        yourOpportunity: why.forThem?.offer.opportunityId ?? why.forYou?.request.opportunityId,
                        reasons: why.theirs.map { explanation.reasons(activeIn: $0, areas: profile.areas) }
                            ?? explanation.reasons(
                                forYou: why.forYou, forThem: why.forThem,
                                acceptance: history.acceptance(of: candidate.id))))
            }
        }
        exposure.record(found.map(\.organizationId), for: list)
        return found
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
            profiles[organization.id] =
                profiles[organization.id]?.with(organization)
                ?? MatchProfile(
                    organizationId: organization.id, name: organization.name, side: organization.side,
                    country: organization.country, areas: Set(organization.areas))
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
            update(owner) { $0[opportunity.id] = nil }
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
            partnerships: Set(opportunity.partnershipTypes), areaBits: areaCodes.bits(opportunity.areas),
            subtopicBits: subtopicCodes.bits(opportunity.subtopics),
            partnershipBits: CodeBits.bits(Set(opportunity.partnershipTypes)), stage: opportunity.stage,
            amount: opportunity.amount,
            terms: terms.set(of: extractor.terms(text)), publishedAt: opportunity.publishedAt ?? opportunity.createdAt,
            updatedAt: opportunity.updatedAt)
        update(opportunity.organizationId) { $0[opportunity.id] = signal }
        opportunityOwners[opportunity.id] = opportunity.organizationId
        if let expiresAt = opportunity.expiresAt {
            expiries[opportunity.id] = expiresAt
            nextExpiry = min(expiresAt, nextExpiry ?? expiresAt)
        }
    }

    /// Changes one profile's signals, and the candidate index with them.
    private func update(_ organizationId: UUID, _ change: (inout [UUID: MatchSignal]) -> Void) {
        guard let old = profiles[organizationId] else { return }
        var signals = old.signals
        change(&signals)
        let new = old.with(signals: signals)
        profiles[organizationId] = new
        candidates.update(from: old, to: new)
    }

    /// Publications are read when they change, not when they expire, so expiry is noticed here.
    private func dropExpired(now: Date) {
        for (id, expiresAt) in expiries where expiresAt <= now {
            if let owner = opportunityOwners.removeValue(forKey: id) { update(owner) { $0[id] = nil } }
            expiries[id] = nil
        }
        nextExpiry = expiries.values.min()
    }
}

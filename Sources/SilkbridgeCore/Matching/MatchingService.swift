import Foundation

/// Reciprocal matchmaking over the directory: for an organisation (or one of its opportunities), the partners
/// on the other side who answer what it seeks and seek what it offers, explained.
///
/// Profiles live in this process, built from published opportunities only (drafts never take part), and kept up
/// to date like the search index: each request first reads what changed since the last one, so a write costs
/// the update of one profile, never a recomputation of all. Candidates come from an index by area.
public actor MatchingService {
    static let margin: TimeInterval = 5

    let source: any SearchSource
    let interests: any InterestRepository
    let catalog: ReferenceCatalog
    let extractor: any TermExtractor
    private var profiles: [UUID: MatchProfile] = [:]
    private var opportunityOwners: [UUID: UUID] = [:]
    private var byArea: [String: Set<UUID>] = [:]
    private var watermark: Date?

    public init(
        source: any SearchSource, interests: any InterestRepository, catalog: ReferenceCatalog,
        extractor: any TermExtractor
    ) {
        self.source = source
        self.interests = interests
        self.catalog = catalog
        self.extractor = extractor
    }

    /// The best partners for an organisation, most reciprocal first.
    public func matches(for organizationId: UUID, limit: Int = 10, sameSide: Bool = false, now: Date = Date())
        async throws -> [Match]
    {
        try await refresh(now: now)
        guard let profile = profiles[organizationId] else { throw DirectoryError.organizationNotFound }
        return rank(profile, limit: limit, sameSide: sameSide, excluding: try await known(to: organizationId, now: now))
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
        return rank(focused, limit: limit, sameSide: sameSide, excluding: try await known(to: owner, now: now))
    }

    /// Organisations the interests already connect to this one: in contact (an accepted interest), waiting for an
    /// answer, or having declined either way. Suggestions are for partners not yet met, and a declined pair is
    /// not proposed again.
    private func known(to organizationId: UUID, now: Date) async throws -> Set<UUID> {
        var known = Set<UUID>()
        for interest in try await interests.interests(involving: [organizationId])
        where interest.status(at: now) != .expired {
            known.insert(interest.ownerOrganizationId)
            known.insert(interest.senderOrganizationId)
        }
        known.remove(organizationId)
        return known
    }

    private func rank(_ profile: MatchProfile, limit: Int, sameSide: Bool, excluding known: Set<UUID>) -> [Match] {
        let scorer = MatchScorer()
        let explanation = MatchExplanation(catalog: catalog)
        var candidates = Set<UUID>()
        for signal in profile.signals.values {
            for area in signal.areas { candidates.formUnion(byArea[area] ?? []) }
        }
        candidates.remove(profile.organizationId)
        candidates.subtract(known)
        var found: [Match] = []
        for id in candidates {
            guard let partner = profiles[id], sameSide || partner.side != profile.side,
                let pair = scorer.match(profile, partner)
            else { continue }
            found.append(
                Match(
                    organizationId: id, name: partner.name, side: partner.side, country: partner.country,
                    score: pair.score, theyAnswerYou: pair.forFirst.score, youAnswerThem: pair.forSecond.score,
                    theirOffer: pair.forFirst.offer.opportunityId, yourOffer: pair.forSecond.offer.opportunityId,
                    reasons: explanation.reasons(forYou: pair.forFirst, forThem: pair.forSecond)))
        }
        return Array(
            found.sorted { ($0.score, $1.organizationId.uuidString) > ($1.score, $0.organizationId.uuidString) }
                .prefix(limit))
    }

    /// Reads what changed since the watermark; rebuilds when rows were deleted elsewhere.
    func refresh(now: Date) async throws {
        let since = watermark.map { $0.addingTimeInterval(-Self.margin) }
        let organizations = try await source.organizations(changedSince: since)
        let opportunities = try await source.opportunities(changedSince: since)
        for organization in organizations { store(organization) }
        for opportunity in opportunities { store(opportunity, now: now) }
        let newest = (organizations.map(\.updatedAt) + opportunities.map(\.updatedAt)).max()
        if let newest, newest > (watermark ?? .distantPast) { watermark = newest }
        if try await source.indexableCounts().organizations != profiles.count {
            profiles = [:]
            opportunityOwners = [:]
            byArea = [:]
            watermark = nil
            for organization in try await source.organizations(changedSince: nil) { store(organization) }
            for opportunity in try await source.opportunities(changedSince: nil) { store(opportunity, now: now) }
        }
    }

    private func store(_ organization: Organization) {
        var profile =
            profiles[organization.id]
            ?? MatchProfile(
                organizationId: organization.id, name: organization.name, side: organization.side,
                country: organization.country, areas: [])
        profile.name = organization.name
        profile.side = organization.side
        profile.country = organization.country
        profile.areas = Set(organization.areas)
        profiles[organization.id] = profile
    }

    /// Takes a published opportunity into its organisation's profile, or drops one that is no longer published.
    private func store(_ opportunity: Opportunity, now: Date) {
        if let owner = opportunityOwners[opportunity.id] {
            profiles[owner]?.signals[opportunity.id] = nil
            opportunityOwners[opportunity.id] = nil
        }
        guard opportunity.status(at: now) == .published, profiles[opportunity.organizationId] != nil else { return }
        let labels = opportunity.areas.compactMap(catalog.area).flatMap { [$0.label.english, $0.label.chinese] }
        let text = ([opportunity.title, opportunity.summary].flatMap { [$0.english, $0.chinese] } + labels)
            .compactMap { $0 }.joined(separator: " ")
        let signal = MatchSignal(
            opportunityId: opportunity.id, type: opportunity.type, title: opportunity.title,
            areas: Set(opportunity.areas), subtopics: Set(opportunity.subtopics),
            targetSides: Set(opportunity.targetSides), targetCountries: Set(opportunity.targetCountries),
            partnerships: Set(opportunity.partnershipTypes), terms: extractor.terms(text),
            publishedAt: opportunity.publishedAt ?? opportunity.createdAt)
        profiles[opportunity.organizationId]?.signals[opportunity.id] = signal
        opportunityOwners[opportunity.id] = opportunity.organizationId
        for area in signal.areas { byArea[area, default: []].insert(opportunity.organizationId) }
    }
}

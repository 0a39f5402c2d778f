import Foundation

/// Which organisations could match a profile at all, without scoring the whole directory: those offering the
/// kind that answers one of its requests in the request's area, and those seeking, in an area of one of its
/// offers, a kind that offer answers. A reciprocal match needs both, so the candidates are the intersection.
struct CandidateIndex: Sendable {
    struct Key: Hashable, Sendable {
        let type: OpportunityType
        let area: String
    }

    private var byKey: [Key: Set<UUID>] = [:]
    private var byArea: [String: Set<UUID>] = [:]

    /// Replaces what the index holds for an organisation by what its profile now says.
    mutating func update(from old: MatchProfile?, to new: MatchProfile?) {
        let id = (old ?? new)!.organizationId
        for key in Self.keys(old) { byKey[key]?.remove(id) }
        for area in Self.areas(old) { byArea[area]?.remove(id) }
        for key in Self.keys(new) { byKey[key, default: []].insert(id) }
        for area in Self.areas(new) { byArea[area, default: []].insert(id) }
    }

    /// Organisations with an offer answering one of the profile's requests.
    func answering(_ profile: MatchProfile) -> Set<UUID> {
        union(
            profile.requests.flatMap { request in
                request.type.answeredBy.map { type in request.areas.map { Key(type: type, area: $0) } } ?? []
            })
    }

    /// Organisations with a request one of the profile's offers answers.
    func seeking(_ profile: MatchProfile) -> Set<UUID> {
        union(
            profile.signals.values.flatMap { offer in
                offer.type.answers.flatMap { type in offer.areas.map { Key(type: type, area: $0) } }
            })
    }

    /// Organisations with any opportunity in one of the profile's areas: the field plain similarity ranks.
    func sharingAnArea(with profile: MatchProfile) -> Set<UUID> {
        publishing(in: Set(profile.signals.values.flatMap(\.areas)))
    }

    /// Organisations with any opportunity in one of the areas.
    func publishing(in areas: Set<String>) -> Set<UUID> {
        var found = Set<UUID>()
        for area in areas { found.formUnion(byArea[area] ?? []) }
        return found
    }

    private func union(_ keys: [Key]) -> Set<UUID> {
        var found = Set<UUID>()
        for key in Set(keys) { found.formUnion(byKey[key] ?? []) }
        return found
    }

    private static func keys(_ profile: MatchProfile?) -> Set<Key> {
        Set(profile?.signals.values.flatMap { signal in signal.areas.map { Key(type: signal.type, area: $0) } } ?? [])
    }

    private static func areas(_ profile: MatchProfile?) -> Set<String> {
        Set(profile?.signals.values.flatMap(\.areas) ?? [])
    }
}

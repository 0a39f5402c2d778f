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
    func answering(_ profile: MatchProfile) -> Set<UUID> { union(Self.answeringKeys(profile)) }

    /// Organisations with a request one of the profile's offers answers.
    func seeking(_ profile: MatchProfile) -> Set<UUID> { union(Self.seekingKeys(profile)) }

    /// Organisations both answering and seeking: walks the smaller side and looks each up in the other, so a
    /// profile that offers everything (whose seekers are most of the directory) costs no more than its answerers.
    func mutual(_ profile: MatchProfile) -> Set<UUID> {
        let answering = Self.answeringKeys(profile).compactMap { byKey[$0] }
        let seeking = Self.seekingKeys(profile).compactMap { byKey[$0] }
        let (walk, check) =
            answering.map(\.count).reduce(0, +) <= seeking.map(\.count).reduce(0, +)
            ? (answering, seeking) : (seeking, answering)
        var found = Set<UUID>()
        for ids in walk {
            for id in ids where !found.contains(id) && check.contains(where: { $0.contains(id) }) { found.insert(id) }
        }
        return found
    }

    private static func answeringKeys(_ profile: MatchProfile) -> Set<Key> {
        Set(
            profile.requests.flatMap { request in
                request.type.answeredBy.map { type in request.areas.map { Key(type: type, area: $0) } } ?? []
            })
    }

    private static func seekingKeys(_ profile: MatchProfile) -> Set<Key> {
        Set(
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

    private func union(_ keys: Set<Key>) -> Set<UUID> {
        var found = Set<UUID>()
        for key in keys { found.formUnion(byKey[key] ?? []) }
        return found
    }

    private static func keys(_ profile: MatchProfile?) -> Set<Key> {
        Set(profile?.signals.values.flatMap { signal in signal.areas.map { Key(type: signal.type, area: $0) } } ?? [])
    }

    private static func areas(_ profile: MatchProfile?) -> Set<String> {
        Set(profile?.signals.values.flatMap(\.areas) ?? [])
    }
}

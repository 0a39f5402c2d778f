import Foundation

/// What organisations did with expressions of interest, as matching learns from it: who is already linked to
/// whom (not to be proposed again), and how each organisation answers the interests it receives.
struct InterestHistory: Sendable {
    /// Prior of the acceptance rate, as if each organisation had accepted two interests and declined two: a few
    /// answers move it a little, many answers move it more, and the count alone never does.
    static let priorAccepted = 2.0
    static let priorAnswered = 4.0

    private struct Link: Sendable {
        let owner: UUID
        let sender: UUID
        let interest: Interest
    }

    private var links: [UUID: Link] = [:]
    private var byOrganization: [UUID: Set<UUID>] = [:]
    private var answers: [UUID: (accepted: Int, declined: Int)] = [:]

    mutating func store(_ interest: Interest) {
        if let old = links[interest.id] { count(old.interest, by: -1) }
        links[interest.id] = Link(
            owner: interest.ownerOrganizationId, sender: interest.senderOrganizationId, interest: interest)
        byOrganization[interest.ownerOrganizationId, default: []].insert(interest.id)
        byOrganization[interest.senderOrganizationId, default: []].insert(interest.id)
        count(interest, by: 1)
    }

    /// Organisations an unexpired interest links to this one: in contact, waiting for an answer, or having
    /// declined either way.
    func linked(to organizationId: UUID, at now: Date) -> Set<UUID> {
        var found = Set<UUID>()
        for id in byOrganization[organizationId] ?? [] {
            guard let link = links[id], link.interest.status(at: now) != .expired else { continue }
            found.insert(link.owner == organizationId ? link.sender : link.owner)
        }
        return found
    }

    /// The smoothed share of the interests it answered that the organisation accepted, and how many it answered.
    func acceptance(of organizationId: UUID) -> (rate: Double, answered: Int, accepted: Int) {
        let counts = answers[organizationId] ?? (0, 0)
        let answered = counts.accepted + counts.declined
        let rate = (Double(counts.accepted) + Self.priorAccepted) / (Double(answered) + Self.priorAnswered)
        return (rate, answered, counts.accepted)
    }

    private mutating func count(_ interest: Interest, by step: Int) {
        var counts = answers[interest.ownerOrganizationId] ?? (0, 0)
        switch interest.state {
        case .accepted: counts.accepted += step
        case .declined: counts.declined += step
        case .pending, .expired: return
        }
        answers[interest.ownerOrganizationId] = counts
    }
}

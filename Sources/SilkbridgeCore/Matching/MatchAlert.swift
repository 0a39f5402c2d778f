import Foundation

/// An organisation's wish to be told (in its inbox and by webhook) when a new partner appears among its
/// suggestions with at least a given score.
public struct MatchAlert: Sendable, Hashable {
    public static let defaultMinimumScore = 0.4

    public let organizationId: UUID
    public var minimumScore: Double
    public let createdBy: UUID
    public let createdAt: Date

    public init(organizationId: UUID, minimumScore: Double, createdBy: UUID, createdAt: Date) {
        self.organizationId = organizationId
        self.minimumScore = minimumScore
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// Where alerts live, with the partners each organisation has already been told of.
public protocol MatchAlertRepository: Sendable {
    func alert(for organizationId: UUID) async throws -> MatchAlert?
    func alerts() async throws -> [MatchAlert]
    /// Stores the alert; `known` are the partners suggested at that moment, which are not news.
    func save(_ alert: MatchAlert, known: [UUID]) async throws
    func delete(organizationId: UUID) async throws
    /// Records the partners as told and stores the notices of those not told before, in one transaction, and
    /// returns how many were new. Of two processes telling of the same partner, only one does.
    func announce(_ partners: [(partner: UUID, notice: Notice)], to organizationId: UUID) async throws -> Int
}

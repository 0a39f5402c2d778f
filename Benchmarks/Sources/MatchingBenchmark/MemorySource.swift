import Foundation
import MultilingualText
import SilkbridgeCore

/// The directory held in memory, answering the change feed the matching service reads, so the benchmark
/// times matching itself and not a database.
final class MemorySource: SearchSource, @unchecked Sendable {
    private let lock = NSLock()
    private var organizations: [Organization] = []
    private var opportunities: [Opportunity] = []

    /// Adds rows; their `updatedAt` must not be older than those already held, as in a real change feed.
    func add(_ organizations: [Organization], _ opportunities: [Opportunity]) {
        lock.withLock {
            self.organizations += organizations
            self.opportunities += opportunities
        }
    }

    func organizations(changedSince date: Date?) async throws -> [Organization] {
        lock.withLock { Self.suffix(organizations, since: date) }
    }

    func opportunities(changedSince date: Date?) async throws -> [Opportunity] {
        lock.withLock { Self.suffix(opportunities, since: date) }
    }

    func indexableCounts() async throws -> (organizations: Int, opportunities: Int) {
        lock.withLock { (organizations.count, opportunities.count) }
    }

    /// The rows changed at or after the date, found by binary search over rows kept in change order.
    private static func suffix<T>(_ rows: [T], since date: Date?) -> [T] where T: Changed {
        guard let date else { return rows }
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].updatedAt < date { low = middle + 1 } else { high = middle }
        }
        return Array(rows[low...])
    }
}

protocol Changed { var updatedAt: Date { get set } }
extension Organization: Changed {}
extension Opportunity: Changed {}

/// No expressions of interest: the synthetic directory has no history to learn from.
struct NoInterests: InterestRepository {
    func create(_ interest: Interest, audit: [AuditEvent], notices: [Notice]) async throws {}
    func update(_ interest: Interest, audit: [AuditEvent], notices: [Notice]) async throws {}
    func interest(id: UUID) async throws -> Interest? { nil }
    func interests(inOpportunity opportunityId: UUID, sentBy senders: Set<UUID>?) async throws -> [Interest] { [] }
    func interests(involving organizations: Set<UUID>) async throws -> [Interest] { [] }
    func interests(changedSince: Date?) async throws -> [Interest] { [] }
    func add(_ message: InterestMessage, notices: [Notice]) async throws {}
    func messages(of interestId: UUID) async throws -> [InterestMessage] { [] }
}

/// The words of a text as the product's matching reads them.
struct TokenizerTerms: TermExtractor {
    func terms(_ text: String) -> Set<String> {
        Set(MultilingualTokenizer.standard.tokens(text, mode: .query).map(\.text))
    }
}

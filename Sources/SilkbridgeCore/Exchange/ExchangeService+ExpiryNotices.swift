import Foundation

extension ExchangeService {
    /// How many opportunities are told of at once, so a large backlog is sent in bounded transactions.
    static let expiryNoticeBatch = 100

    /// Tells the owners of every published opportunity expiring within `Opportunity.expiryNotice` that it will
    /// expire, in their inbox and through their webhooks: once per expiry, so a renewal that moves the expiry
    /// brings a new notice two weeks before the new date. Returns how many notices were sent.
    public func sendExpiryNotices(now: Date = Date()) async throws -> Int {
        var sent = 0
        while true {
            let due = try await repository.unnoticedExpiries(
                until: now.addingTimeInterval(Opportunity.expiryNotice), now: now, limit: Self.expiryNoticeBatch)
            for opportunity in due {
                let notice = Notice(
                    organizationId: opportunity.organizationId, kind: .opportunityExpiring, interestId: nil,
                    opportunityId: opportunity.id, actorName: "Silkbridge", at: now)
                if try await repository.recordExpiryNotice(notice, for: opportunity) { sent += 1 }
            }
            // A batch that was not full was the last; one another process claimed from is simply read again.
            if due.count < Self.expiryNoticeBatch { return sent }
        }
    }
}

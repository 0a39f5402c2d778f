import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct MatchExposureTests {
    /// Every requester wants the same hub first: once the floor is passed, the hub stays within its share of
    /// the lists, and re-serving a requester's list replaces it instead of counting twice.
    @Test func aPopularOrganisationStaysWithinItsShareOfAllLists() {
        var ledger = ExposureLedger(maxShare: 0.1, floor: 5)
        let hub = UUID()
        let others = (0..<300).map { _ in UUID() }
        var generator = SeededRandom(seed: 42)
        let requesters = (0..<200).map { _ in UUID() }
        for round in 0..<2 {
            for requester in requesters {
                let wanted = [hub] + others.shuffled(using: &generator).prefix(9)
                ledger.record(wanted.filter { ledger.allows($0, for: requester) }, for: requester)
                let report = ledger.report(organizations: 301)
                #expect(report.highest <= max(5, Int(0.1 * Double(report.lists))), "round \(round)")
            }
        }
        let report = ledger.report(organizations: 301)
        #expect(report.lists == 200)
        #expect(report.highest == 20)
        #expect(report.histogram.map(\.organizations).reduce(0, +) == report.shown)
    }

    @Test func giniIsZeroWhenEvenAndNearOneWhenConcentrated() {
        #expect(ExposureReport.gini([3, 3, 3, 3]) == 0)
        #expect(ExposureReport.gini([0, 0, 0, 4]) == 0.75)
        #expect(ExposureReport.gini([]) == 0)
    }

    @Test func interestHistoryLinksPartnersAndSmoothsAcceptance() {
        var history = InterestHistory()
        let owner = UUID()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(history.acceptance(of: owner).rate == 0.5)
        var senders: [UUID] = []
        for state in [InterestStatus.accepted, .accepted, .accepted, .declined, .pending] {
            let sender = UUID()
            senders.append(sender)
            history.store(
                Interest(
                    id: UUID(), opportunityId: UUID(), ownerOrganizationId: owner, senderOrganizationId: sender,
                    senderAccountId: UUID(), message: "", state: state, replyBy: now.addingTimeInterval(3600),
                    stage: nil, createdAt: now, updatedAt: now))
        }
        let acceptance = history.acceptance(of: owner)
        #expect(acceptance.answered == 4 && acceptance.accepted == 3)
        #expect(acceptance.rate == 5.0 / 8.0)
        #expect(history.linked(to: owner, at: now) == Set(senders))
        #expect(history.linked(to: senders[0], at: now) == [owner])
        // An unanswered interest past its deadline no longer links the pair.
        #expect(history.linked(to: senders[4], at: now.addingTimeInterval(7200)).isEmpty)
    }
}

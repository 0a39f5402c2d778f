import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// The signed-in person's notices.
protocol InboxAPI: FeatureAPI {
    var inbox: InboxService { get }
}

extension InboxAPI {
    func getInbox(_ input: Operations.GetInbox.Input) async throws -> Operations.GetInbox.Output {
        let (notices, unread) = try await inbox.inbox(of: try requireAccount())
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try notices.map { try Components.Schemas.Notice($0.0, unread: $0.unread) },
                        unread: unread))))
    }

    func markInboxRead(_ input: Operations.MarkInboxRead.Input) async throws -> Operations.MarkInboxRead.Output {
        try await inbox.markRead(by: try requireAccount())
        return .noContent(.init())
    }
}

extension Components.Schemas.Notice {
    init(_ notice: Notice, unread: Bool) throws {
        self.init(
            id: notice.id.uuidString.lowercased(), organizationId: notice.organizationId.uuidString.lowercased(),
            kind: try .init(mapping: notice.kind),
            interestId: notice.interestId?.uuidString.lowercased(),
            opportunityId: notice.opportunityId?.uuidString.lowercased(),
            agreementId: notice.agreementId?.uuidString.lowercased(), actorName: notice.actorName, at: notice.at,
            unread: unread)
    }
}

import Foundation
import SilkbridgeCore

/// The exchange's page routes: opportunities, interests and the inbox (see `SitePaths`).
enum ExchangePaths {
    static let opportunities = FixedRoute("/opportunities")
    static let newOpportunity = FixedRoute("/opportunities/new")
    static let opportunity = PageRoute<UUID>("/opportunities/:id")
    static let editOpportunity = PageRoute<UUID>("/opportunities/:id/edit")
    static let opportunityAction = PageRoute<UUID, OpportunityAction>("/opportunities/:id/:action")
    static let interests = PageRoute<UUID>("/opportunities/:id/interests")
    static let pipeline = FixedRoute("/interests")
    static let interest = PageRoute<UUID>("/interests/:id")
    static let interestAction = PageRoute<UUID, InterestAction>("/interests/:id/:action")
    static let inbox = FixedRoute("/inbox")
    static let readInbox = FixedRoute("/inbox/read")

    /// The page of what a notice is about, from the inbox and from mails: its thread, agreement or opportunity.
    @Sendable static func notice(_ notice: Notice) -> String {
        notice.interestId.map { interest($0) } ?? notice.agreementId.map { AgreementPaths.agreement($0) }
            ?? notice.opportunityId.map { opportunity($0) } ?? inbox()
    }
}

/// What the owners of an opportunity do to it from its page.
enum OpportunityAction: String, PathParameter {
    case publish, renew, close
}

/// What the two sides of an interest do from its thread.
enum InterestAction: String, PathParameter {
    case accept, decline, stage, messages
}

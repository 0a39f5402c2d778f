import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Expressions of interest and their messages.
protocol InterestsAPI: FeatureAPI {
    var interests: InterestService { get }
}

extension InterestsAPI {
    func listOpportunityInterests(_ input: Operations.ListOpportunityInterests.Input) async throws
        -> Operations.ListOpportunityInterests.Output
    {
        let interests = try await self.interests.interests(
            inOpportunity: try opportunityId(input.path.opportunityId), viewer: try requireAccount())
        let now = Date()
        return .ok(.init(body: .json(.init(items: try interests.map { try .init($0, now: now) }))))
    }

    func sendInterest(_ input: Operations.SendInterest.Input) async throws -> Operations.SendInterest.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let interest = try await interests.send(
            on: try opportunityId(input.path.opportunityId), from: try organizationId(body.organizationId),
            message: body.message, by: account)
        return .created(.init(body: .json(try .init(interest, now: Date()))))
    }

    func listInterests(_ input: Operations.ListInterests.Input) async throws -> Operations.ListInterests.Output {
        let pipeline = try await interests.pipeline(of: try requireAccount())
        let now = Date()
        return .ok(.init(body: .json(.init(items: try pipeline.map { try .init($0, now: now) }))))
    }

    func getInterest(_ input: Operations.GetInterest.Input) async throws -> Operations.GetInterest.Output {
        let interest = try await interests.interest(
            id: try interestId(input.path.interestId), viewer: try requireAccount())
        return .ok(.init(body: .json(try .init(interest, now: Date()))))
    }

    func acceptInterest(_ input: Operations.AcceptInterest.Input) async throws -> Operations.AcceptInterest.Output {
        let interest = try await interests.answer(
            id: try interestId(input.path.interestId), accept: true, by: try requireAccount())
        return .ok(.init(body: .json(try .init(interest, now: Date()))))
    }

    func declineInterest(_ input: Operations.DeclineInterest.Input) async throws -> Operations.DeclineInterest.Output {
        let interest = try await interests.answer(
            id: try interestId(input.path.interestId), accept: false, by: try requireAccount())
        return .ok(.init(body: .json(try .init(interest, now: Date()))))
    }

    func advanceInterest(_ input: Operations.AdvanceInterest.Input) async throws -> Operations.AdvanceInterest.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let interest = try await interests.advance(
            id: try interestId(input.path.interestId), to: try PipelineStage(mapping: body.stage),
            by: account)
        return .ok(.init(body: .json(try .init(interest, now: Date()))))
    }

    func listInterestMessages(_ input: Operations.ListInterestMessages.Input) async throws
        -> Operations.ListInterestMessages.Output
    {
        let messages = try await interests.messages(
            of: try interestId(input.path.interestId), viewer: try requireAccount())
        return .ok(.init(body: .json(.init(items: messages.map(Components.Schemas.InterestMessage.init)))))
    }

    func postInterestMessage(_ input: Operations.PostInterestMessage.Input) async throws
        -> Operations.PostInterestMessage.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let message = try await interests.post(body.body, to: try interestId(input.path.interestId), by: account)
        return .created(.init(body: .json(.init(message))))
    }

}

extension Components.Schemas.Interest {
    init(_ interest: Interest, now: Date) throws {
        self.init(
            id: interest.id.uuidString.lowercased(), opportunityId: interest.opportunityId.uuidString.lowercased(),
            ownerOrganizationId: interest.ownerOrganizationId.uuidString.lowercased(),
            senderOrganizationId: interest.senderOrganizationId.uuidString.lowercased(), message: interest.message,
            status: try Components.Schemas.InterestStatus(mapping: interest.status(at: now)),
            replyBy: interest.replyBy,
            stage: interest.stage.flatMap { Components.Schemas.PipelineStage(rawValue: $0.rawValue) },
            createdAt: interest.createdAt, updatedAt: interest.updatedAt)
    }
}

extension Components.Schemas.InterestMessage {
    init(_ message: InterestMessage) {
        self.init(
            id: message.id.uuidString.lowercased(), organizationId: message.organizationId.uuidString.lowercased(),
            authorName: message.authorName, body: message.body, at: message.at)
    }
}

import Foundation
import OpenAPIRuntime
import SilkbridgeAPI
import SilkbridgeCore

/// What meetings led to: ratings and outcomes.
protocol OutcomesAPI: FeatureAPI {
    var events: EventService { get }
}

extension OutcomesAPI {
    func rateMeeting(_ input: Operations.RateMeeting.Input) async throws -> Operations.RateMeeting.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let agreementId = try body.agreementId.map { text in
            guard let id = UUID(uuidString: text) else { throw EventError.agreementNotBetweenParties }
            return id
        }
        let rating = try await events.rate(
            meeting: try id(input.path.requestId, else: EventError.requestNotFound),
            at: try eventId(input.path.eventId), phase: body.phase.domain, outcome: body.outcome.domain,
            note: body.note, agreementId: agreementId, by: account)
        return .ok(.init(body: .json(.init(rating))))
    }

    func getEventOutcomes(_ input: Operations.GetEventOutcomes.Input) async throws
        -> Operations.GetEventOutcomes.Output
    {
        let outcomes = try await events.outcomes(of: try eventId(input.path.eventId), by: try requireAccount())
        return .ok(.init(body: .json(.init(outcomes))))
    }

    func listMyOutcomes(_ input: Operations.ListMyOutcomes.Input) async throws -> Operations.ListMyOutcomes.Output {
        let ratings = try await events.myOutcomes(at: try eventId(input.path.eventId), by: try requireAccount())
        return .ok(.init(body: .json(.init(items: ratings.map(Components.Schemas.MeetingRating.init)))))
    }
}

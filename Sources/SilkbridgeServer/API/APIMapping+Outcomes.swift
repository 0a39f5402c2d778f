import Foundation
import SilkbridgeAPI
import SilkbridgeCore

extension Components.Schemas.MeetingOutcome {
    init(_ outcome: MeetingOutcome) { self = Self(rawValue: outcome.rawValue)! }

    var domain: MeetingOutcome { MeetingOutcome(rawValue: rawValue)! }
}

extension Components.Schemas.OutcomePhase {
    init(_ phase: OutcomePhase) { self = Self(rawValue: phase.rawValue)! }

    var domain: OutcomePhase { OutcomePhase(rawValue: rawValue)! }
}

extension Components.Schemas.MeetingRating {
    init(_ rating: MeetingRating) {
        self.init(
            eventId: rating.eventId.uuidString.lowercased(), requestId: rating.requestId.uuidString.lowercased(),
            registrationId: rating.registrationId.uuidString.lowercased(), phase: .init(rating.phase),
            outcome: .init(rating.outcome), note: rating.note, agreementId: rating.agreementId?.uuidString.lowercased(),
            ratedAt: rating.ratedAt)
    }
}

extension Components.Schemas.EventOutcomes {
    init(_ outcomes: EventOutcomes) {
        let summary = outcomes.summary
        self.init(
            eventId: outcomes.eventId.uuidString.lowercased(),
            ratings: outcomes.ratings.map(Components.Schemas.MeetingRating.init),
            summary: .init(
                meetingsHeld: summary.meetingsHeld, meetingsRated: summary.meetingsRated,
                phases: summary.phases.map { phase in
                    Components.Schemas.PhaseOutcomes(
                        phase: .init(phase.phase), ratings: phase.ratings, meetingsRated: phase.meetingsRated,
                        counts: MeetingOutcome.allCases.map {
                            Components.Schemas.OutcomeCount(outcome: .init($0), count: phase.counts[$0] ?? 0)
                        })
                }))
    }
}

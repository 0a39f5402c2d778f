import Foundation

/// Every rating of an event's meetings and what they add up to, for the organisers.
public struct EventOutcomes: Sendable, Hashable {
    public let eventId: UUID
    /// Oldest first.
    public let ratings: [MeetingRating]
    public let summary: OutcomeSummary

    public init(eventId: UUID, ratings: [MeetingRating], summary: OutcomeSummary) {
        self.eventId = eventId
        self.ratings = ratings
        self.summary = summary
    }
}

/// How many meetings took place and what their participants said came of them.
public struct OutcomeSummary: Sendable, Hashable {
    /// Scheduled meetings whose slot has begun and neither of whose participants was marked as absent.
    public let meetingsHeld: Int
    /// Meetings with at least one rating, in any phase.
    public let meetingsRated: Int
    /// One entry per phase, in the order of `OutcomePhase.allCases`.
    public let phases: [PhaseSummary]

    public struct PhaseSummary: Sendable, Hashable {
        public let phase: OutcomePhase
        public let ratings: Int
        public let meetingsRated: Int
        /// How many ratings gave each outcome; every outcome is present, with 0 if nobody gave it.
        public let counts: [MeetingOutcome: Int]
    }

    public init(
        event: Event, schedule: EventSchedule?, registrations: [Registration], ratings: [MeetingRating], now: Date
    ) {
        let absent = Set(registrations.filter(\.noShow).map(\.id))
        meetingsHeld =
            schedule?.meetings.filter { meeting in
                guard let start = event.start(of: meeting), start <= now else { return false }
                return !absent.contains(meeting.requesterId) && !absent.contains(meeting.inviteeId)
            }.count ?? 0
        meetingsRated = Set(ratings.map(\.requestId)).count
        phases = OutcomePhase.allCases.map { phase in
            let given = ratings.filter { $0.phase == phase }
            return PhaseSummary(
                phase: phase, ratings: given.count, meetingsRated: Set(given.map(\.requestId)).count,
                counts: Dictionary(
                    uniqueKeysWithValues: MeetingOutcome.allCases.map { outcome in
                        (outcome, given.filter { $0.outcome == outcome }.count)
                    }))
        }
    }

    public func phase(_ phase: OutcomePhase) -> PhaseSummary? {
        phases.first { $0.phase == phase }
    }
}

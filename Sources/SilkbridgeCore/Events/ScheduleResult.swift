import Foundation

/// A schedule and how good it is.
public struct ScheduleResult: Sendable, Hashable {
    /// Where each of the problem's meetings is, in the problem's order; `nil` for those that did not fit.
    public var placements: [SchedulePlacement?]
    public var placedCount: Int
    /// The sum of the placed meetings' weights, which the scheduler maximises first.
    public var placedWeight: Int
    /// No schedule can place more weight than this (from a Lagrangian relaxation of the integer program).
    public var upperBound: Int
    /// Locked meetings left where they were published.
    public var keptLocked: Int
    /// Locked meetings that could not stay and were placed elsewhere or left out.
    public var movedLocked: Int
    /// Free slots (at which the participant is available) between a participant's first and last meeting of a
    /// day, summed over participants and days.
    public var idleGaps: Int
    /// Participants with at least one accepted meeting request of which none was placed.
    public var participantsWithoutMeetings: Int

    /// The share of the bound the schedule reaches, 1 when it is provably optimal.
    public var boundRatio: Double { upperBound == 0 ? 1 : Double(placedWeight) / Double(upperBound) }
}

import Foundation

/// Turns an event, its registrations and its accepted meeting requests into a `ScheduleProblem`, and the
/// scheduler's answer back into an `EventSchedule`. Once the event has begun, slots that have started are the
/// past: their meetings stay, nobody is put into them, and participants marked as no-shows are freed from the
/// rest of the event, so their partners' slots can be filled again.
public struct EventScheduling: Sendable {
    public var scheduler: MeetingScheduler

    public init(scheduler: MeetingScheduler = MeetingScheduler()) {
        self.scheduler = scheduler
    }

    public func schedule(
        _ event: Event, registrations: [Registration], requests: [MeetingRequest], published: EventSchedule?,
        now: Date
    ) -> EventSchedule {
        let slots = event.slots
        let people = registrations.filter { $0.eventId == event.id && $0.isApproved }
        let index = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let availability = people.map { person in
            slots.filter { person.availableSessions.contains($0.session) }.map(\.index)
        }
        let before = Dictionary(
            (published?.meetings ?? []).map { ($0.requestId, $0) }, uniquingKeysWith: { first, _ in first })
        let accepted = requests.filter {
            $0.eventId == event.id && $0.status(at: now) == .accepted && index[$0.requesterId] != nil
                && index[$0.inviteeId] != nil
        }
        var problem = ScheduleProblem(
            slotTables: slots.map(\.tables), slotDays: slots.map { event.days.firstIndex(of: $0.day) ?? 0 },
            availability: availability,
            meetings: accepted.map { request in
                ScheduleProblem.Meeting(
                    first: index[request.requesterId]!, second: index[request.inviteeId]!,
                    weight: request.priority.weight,
                    locked: before[request.id].map { SchedulePlacement(slot: $0.slot, table: $0.table - 1) })
            })
        let started = slots.filter { event.interval(of: $0).start <= now }.count
        if started > 0 || people.contains(where: \.noShow) {
            let noShows = Set(people.indices.filter { people[$0].noShow })
            problem = problem.rescheduling(
                previous: problem.meetings.map(\.locked), noShows: noShows, fromSlot: started)
        }
        let result = scheduler.schedule(problem)
        var meetings: [ScheduledMeeting] = []
        var unplaced: [UUID] = []
        for (position, request) in accepted.enumerated() {
            guard let placement = result.placements[position] else {
                unplaced.append(request.id)
                continue
            }
            meetings.append(
                ScheduledMeeting(
                    requestId: request.id, requesterId: request.requesterId, inviteeId: request.inviteeId,
                    slot: placement.slot, table: placement.table + 1))
        }
        return EventSchedule(
            eventId: event.id, meetings: meetings.sorted { ($0.slot, $0.table) < ($1.slot, $1.table) },
            unplaced: unplaced, placedWeight: result.placedWeight, upperBound: result.upperBound,
            idleGaps: result.idleGaps, movedMeetings: result.movedLocked, createdAt: now)
    }
}

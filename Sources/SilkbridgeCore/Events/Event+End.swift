import Foundation

extension Event {
    /// When the last session's last slot ends: the event is over and its follow-up survey opens.
    public var end: Date? {
        sessions.map { $0.day.instant(minute: $0.endMinute, in: timeZone) }.max()
    }

    /// When a scheduled meeting's slot starts, if the slot still exists.
    public func start(of meeting: ScheduledMeeting) -> Date? {
        let slots = slots
        guard slots.indices.contains(meeting.slot) else { return nil }
        return interval(of: slots[meeting.slot]).start
    }
}

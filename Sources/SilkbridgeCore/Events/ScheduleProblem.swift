import Foundation

/// A meeting's place in the schedule: a slot and a table in it, both numbered from 0.
public struct SchedulePlacement: Sendable, Hashable, Codable {
    public var slot: Int
    public var table: Int

    public init(slot: Int, table: Int) {
        self.slot = slot
        self.table = table
    }
}

/// The schedule to make, in numbers only: participants and slots are indexes, so the scheduler stays fast and
/// knows nothing of events (`EventScheduling` translates).
public struct ScheduleProblem: Sendable, Hashable, Codable {
    /// An accepted meeting between two participants.
    public struct Meeting: Sendable, Hashable, Codable {
        public var first: Int
        public var second: Int
        /// What placing it is worth: its priority.
        public var weight: Int
        /// Where it was published, if it was; it stays there while that is still possible.
        public var locked: SchedulePlacement?

        public init(first: Int, second: Int, weight: Int, locked: SchedulePlacement? = nil) {
            self.first = first
            self.second = second
            self.weight = weight
            self.locked = locked
        }
    }

    /// How many meetings fit in each slot, i.e. its tables.
    public var slotTables: [Int]
    /// The day each slot is on (any numbering), so that idle time is counted within a day. Slots are in time order.
    public var slotDays: [Int]
    /// For each participant, the slots at which they can meet.
    public var availability: [[Int]]
    public var meetings: [Meeting]

    public init(slotTables: [Int], slotDays: [Int], availability: [[Int]], meetings: [Meeting]) {
        self.slotTables = slotTables
        self.slotDays = slotDays
        self.availability = availability
        self.meetings = meetings
    }

    public var slotCount: Int { slotTables.count }
    public var participantCount: Int { availability.count }

    /// The problem of filling a running event again: meetings before `fromSlot` stay where they were, published
    /// meetings after it stay where they still can, and the slots of the participants in `noShows` are freed for
    /// the meetings that did not fit before.
    public func rescheduling(previous: [SchedulePlacement?], noShows: Set<Int>, fromSlot: Int) -> ScheduleProblem {
        var next = self
        var pastSlots = Array(repeating: [Int](), count: participantCount)
        for (index, placement) in previous.enumerated() {
            next.meetings[index].locked = placement
            guard let placement, placement.slot < fromSlot else { continue }
            pastSlots[meetings[index].first].append(placement.slot)
            pastSlots[meetings[index].second].append(placement.slot)
        }
        // Nobody can be given a meeting in the past; a past meeting keeps the two slots it used.
        for participant in 0..<participantCount {
            let future = noShows.contains(participant) ? [] : availability[participant].filter { $0 >= fromSlot }
            next.availability[participant] = (pastSlots[participant] + future).sorted()
        }
        return next
    }
}

import Foundation

/// The scheduler's working state in flat arrays, with an undo log so that a chain of moves can be tried and
/// taken back.
final class ScheduleState {
    let slotCount: Int
    let first: [Int]
    let second: [Int]
    let weight: [Int]
    let tables: [Int]
    let slotDays: [Int]
    /// `participant * slotCount + slot` → whether the participant can meet then.
    let available: [Bool]
    /// How many slots each participant can make, and the meetings each is in (placed or not).
    let availableCount: [Int]
    let meetingsByParticipant: [[Int]]
    /// The slots both participants of meeting `m` can make: `commonSlots[commonStart[m]..<commonStart[m + 1]]`.
    let commonStart: [Int]
    let commonSlots: [Int]
    /// The same as bits, for events of at most 64 slots (the usual case), to answer `canMeet` at once.
    private let commonMask: [UInt64]
    /// `participant * slotCount + slot` → the meeting they are in then, or -1.
    private(set) var busy: [Int]
    private(set) var slotOf: [Int]
    private(set) var load: [Int]
    private(set) var members: [[Int]]
    private var position: [Int]
    private(set) var meetingsOf: [Int]
    private(set) var placedWeight = 0
    private(set) var placedCount = 0
    let totalTables: Int
    /// Each meeting's weight less its participants' prices in the bound, which ranks meetings for the greedy pass.
    var reducedWeight: [Double]
    /// Meetings that must not move: locked ones left where they were published.
    var fixed: [Bool]
    private var log: [(meeting: Int, slot: Int, placed: Bool)] = []
    var logging = false

    init(_ problem: ScheduleProblem) {
        slotCount = problem.slotCount
        let participants = problem.participantCount
        first = problem.meetings.map(\.first)
        second = problem.meetings.map(\.second)
        weight = problem.meetings.map(\.weight)
        tables = problem.slotTables.map { max(0, $0) }
        totalTables = problem.slotTables.reduce(0) { $0 + max(0, $1) }
        // Days only group slots for idle gaps; without one day per slot, all slots count as one day.
        slotDays =
            problem.slotDays.count == problem.slotCount
            ? problem.slotDays : Array(repeating: 0, count: problem.slotCount)
        var available = [Bool](repeating: false, count: participants * slotCount)
        for (participant, slots) in problem.availability.enumerated() {
            for slot in slots where slot >= 0 && slot < slotCount { available[participant * slotCount + slot] = true }
        }
        self.available = available
        let slots = slotCount
        availableCount = (0..<participants).map { participant in
            (0..<slots).reduce(0) { $0 + (available[participant * slots + $1] ? 1 : 0) }
        }
        var byParticipant = [[Int]](repeating: [], count: participants)
        for (index, meeting) in problem.meetings.enumerated()
        where (0..<participants).contains(meeting.first) && (0..<participants).contains(meeting.second) {
            byParticipant[meeting.first].append(index)
            if meeting.second != meeting.first { byParticipant[meeting.second].append(index) }
        }
        meetingsByParticipant = byParticipant
        var start = [0]
        var common: [Int] = []
        for meeting in problem.meetings {
            let valid =
                meeting.first != meeting.second && meeting.weight > 0
                && (0..<participants).contains(meeting.first) && (0..<participants).contains(meeting.second)
            if valid {
                for slot in 0..<slotCount
                where available[meeting.first * slotCount + slot] && available[meeting.second * slotCount + slot] {
                    common.append(slot)
                }
            }
            start.append(common.count)
        }
        commonStart = start
        commonSlots = common
        commonMask = (0..<problem.meetings.count).map { meeting in
            common[start[meeting]..<start[meeting + 1]].reduce(UInt64(0)) { $0 | (1 << UInt64($1 & 63)) }
        }
        busy = [Int](repeating: -1, count: participants * slotCount)
        slotOf = [Int](repeating: -1, count: problem.meetings.count)
        load = [Int](repeating: 0, count: slotCount)
        members = [[Int]](repeating: [], count: slotCount)
        position = [Int](repeating: -1, count: problem.meetings.count)
        meetingsOf = [Int](repeating: 0, count: participants)
        fixed = [Bool](repeating: false, count: problem.meetings.count)
        reducedWeight = weight.map(Double.init)
    }

    var meetingCount: Int { first.count }

    /// Tables left free in all slots together.
    var spareTables: Int { totalTables - placedCount }

    func common(_ meeting: Int) -> ArraySlice<Int> { commonSlots[commonStart[meeting]..<commonStart[meeting + 1]] }

    /// Whether both participants of the meeting can make `slot`.
    func canMeet(_ meeting: Int, at slot: Int) -> Bool {
        slotCount <= 64 ? commonMask[meeting] & (1 << UInt64(slot)) != 0 : common(meeting).contains(slot)
    }

    /// Whether the meeting fits at `slot` as things are.
    func fits(_ meeting: Int, at slot: Int) -> Bool {
        load[slot] < tables[slot] && busy[first[meeting] * slotCount + slot] < 0
            && busy[second[meeting] * slotCount + slot] < 0
    }

    func place(_ meeting: Int, at slot: Int) {
        busy[first[meeting] * slotCount + slot] = meeting
        busy[second[meeting] * slotCount + slot] = meeting
        slotOf[meeting] = slot
        load[slot] += 1
        position[meeting] = members[slot].count
        members[slot].append(meeting)
        meetingsOf[first[meeting]] += 1
        meetingsOf[second[meeting]] += 1
        placedWeight += weight[meeting]
        placedCount += 1
        if logging { log.append((meeting, slot, true)) }
    }

    func remove(_ meeting: Int) {
        let slot = slotOf[meeting]
        busy[first[meeting] * slotCount + slot] = -1
        busy[second[meeting] * slotCount + slot] = -1
        slotOf[meeting] = -1
        load[slot] -= 1
        let index = position[meeting]
        let last = members[slot].removeLast()
        if last != meeting {
            members[slot][index] = last
            position[last] = index
        }
        position[meeting] = -1
        meetingsOf[first[meeting]] -= 1
        meetingsOf[second[meeting]] -= 1
        placedWeight -= weight[meeting]
        placedCount -= 1
        if logging { log.append((meeting, slot, false)) }
    }

    var mark: Int { log.count }

    /// Takes back every move made since `mark`.
    func undo(to mark: Int) {
        let wasLogging = logging
        logging = false
        while log.count > mark {
            let step = log.removeLast()
            if step.placed { remove(step.meeting) } else { place(step.meeting, at: step.slot) }
        }
        logging = wasLogging
    }

    func meeting(of participant: Int, at slot: Int) -> Int { busy[participant * slotCount + slot] }

    /// Whether the participant meets at every slot they can make, so no move can free one for them.
    func isFull(_ participant: Int) -> Bool { meetingsOf[participant] >= availableCount[participant] }

    func partner(of participant: Int, in meeting: Int) -> Int {
        first[meeting] == participant ? second[meeting] : first[meeting]
    }

    /// Free slots between a participant's first and last meeting of each day, counting only slots they can make.
    func idleGaps(of participant: Int) -> Int {
        let base = participant * slotCount
        var gaps = 0
        var slot = 0
        while slot < slotCount {
            let day = slotDays[slot]
            var end = slot
            while end < slotCount && slotDays[end] == day { end += 1 }
            var firstBusy = -1
            var lastBusy = -1
            var busyCount = 0
            var availableCount = 0
            for index in slot..<end where available[base + index] {
                if busy[base + index] >= 0 {
                    if firstBusy < 0 { firstBusy = index }
                    lastBusy = index
                    busyCount += 1
                }
            }
            if firstBusy >= 0 {
                for index in firstBusy...lastBusy where available[base + index] { availableCount += 1 }
                gaps += availableCount - busyCount
            }
            slot = end
        }
        return gaps
    }
}

import Foundation

/// Makes brokerage events shaped like real ones, for tests, benchmarks and demo data: participants from both
/// sides, half-day availability, a few very popular participants, and requests mostly across the border with
/// a mix of priorities. Only accepted requests matter to the schedule, so every generated request is one.
public struct BrokerageGenerator: Sendable {
    public var participants: Int
    public var requests: Int
    /// Slots per day, split into a morning and an afternoon session.
    public var slotsPerDay: Int
    public var days: Int
    /// Tables per slot as a share of the participants.
    public var tableShare: Double

    public init(participants: Int, requests: Int, slotsPerDay: Int = 16, days: Int = 1, tableShare: Double = 0.35) {
        self.participants = participants
        self.requests = requests
        self.slotsPerDay = slotsPerDay
        self.days = days
        self.tableShare = tableShare
    }

    /// Participants `0..<participants/2` are European, the rest Chinese.
    public func side(of participant: Int) -> Side { participant < participants / 2 ? .europe : .china }

    public func problem(seed: UInt64) -> ScheduleProblem {
        var random = SeededRandom(seed: seed)
        let slotCount = slotsPerDay * days
        let half = max(1, slotsPerDay / 2)
        let tables = max(1, Int((Double(participants) * tableShare).rounded()))
        let availability = (0..<participants).map { _ in availabilityOfOne(slotCount: slotCount, half: half, &random) }
        // Popularity falls off like 1 / (rank + 5): a few participants everyone wants to meet.
        let popularity = (0..<participants).map { 1 / Double(($0 * 7919) % max(1, participants) + 5) }
        let europe = Array(0..<(participants / 2))
        let china = Array((participants / 2)..<participants)
        let europeanPick = Picker(europe.map { popularity[$0] })
        let chinesePick = Picker(china.map { popularity[$0] })
        var seen = Set<Int>()
        var meetings: [ScheduleProblem.Meeting] = []
        var attempts = 0
        while meetings.count < requests && attempts < requests * 20 && participants >= 2 {
            attempts += 1
            let requester = Int.random(in: 0..<participants, using: &random)
            // Four in five requests cross the border; the rest stay on the requester's side.
            let across = Double.random(in: 0..<1, using: &random) < 0.8
            let europeanTarget = (side(of: requester) == .europe) != across
            let invitee =
                europeanTarget
                ? europe[europeanPick.pick(&random)] : china[chinesePick.pick(&random)]
            let key = min(requester, invitee) * participants + max(requester, invitee)
            guard invitee != requester, seen.insert(key).inserted else { continue }
            let roll = Double.random(in: 0..<1, using: &random)
            let weight = roll < 0.4 ? 1 : roll < 0.8 ? 2 : 3
            meetings.append(ScheduleProblem.Meeting(first: requester, second: invitee, weight: weight))
        }
        return ScheduleProblem(
            slotTables: Array(repeating: tables, count: slotCount),
            slotDays: (0..<slotCount).map { $0 / slotsPerDay }, availability: availability, meetings: meetings)
    }

    /// Most stay all day; some come only for the morning or the afternoon; some miss a slot or two.
    private func availabilityOfOne(slotCount: Int, half: Int, _ random: inout SeededRandom) -> [Int] {
        var slots: [Int] = []
        for day in 0..<days {
            let base = day * slotsPerDay
            let roll = Double.random(in: 0..<1, using: &random)
            let range = roll < 0.6 ? 0..<slotsPerDay : roll < 0.8 ? 0..<half : half..<slotsPerDay
            slots += range.map { base + $0 }
        }
        if Double.random(in: 0..<1, using: &random) < 0.2, !slots.isEmpty {
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                slots.remove(at: Int.random(in: 0..<slots.count, using: &random))
                if slots.isEmpty { break }
            }
        }
        return slots
    }
}

/// Draws indexes with given weights in O(log n).
private struct Picker {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        cumulative = weights.map {
            total += $0
            return total
        }
    }

    func pick(_ random: inout SeededRandom) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let target = Double.random(in: 0..<total, using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

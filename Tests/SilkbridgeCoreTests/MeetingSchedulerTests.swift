import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct MeetingSchedulerTests {
    /// Every rule a schedule must keep, checked from the problem alone.
    static func expectValid(_ result: ScheduleResult, for problem: ScheduleProblem) {
        #expect(result.placements.count == problem.meetings.count)
        var seen = Set<[Int]>()
        var tablesUsed = Set<[Int]>()
        var weight = 0
        for (index, placement) in result.placements.enumerated() {
            guard let placement else { continue }
            let meeting = problem.meetings[index]
            weight += meeting.weight
            #expect(problem.availability[meeting.first].contains(placement.slot))
            #expect(problem.availability[meeting.second].contains(placement.slot))
            #expect(seen.insert([meeting.first, placement.slot]).inserted, "a participant meets twice in a slot")
            #expect(seen.insert([meeting.second, placement.slot]).inserted, "a participant meets twice in a slot")
            #expect((0..<problem.slotTables[placement.slot]).contains(placement.table))
            #expect(tablesUsed.insert([placement.slot, placement.table]).inserted, "two meetings at one table")
        }
        #expect(result.placedCount == result.placements.compactMap { $0 }.count)
        #expect(result.placedWeight == weight)
        #expect(result.placedWeight <= result.upperBound)
    }

    /// A random instance, small enough to check by hand and varied enough to hit every branch.
    static func randomProblem(seed: UInt64) -> ScheduleProblem {
        var random = SeededRandom(seed: seed)
        let participants = Int.random(in: 2...40, using: &random)
        let slots = Int.random(in: 1...10, using: &random)
        let tables = (0..<slots).map { _ in Int.random(in: 1...max(1, participants / 3), using: &random) }
        let availability = (0..<participants).map { _ in
            (0..<slots).filter { _ in Double.random(in: 0..<1, using: &random) < 0.7 }
        }
        var meetings: [ScheduleProblem.Meeting] = []
        var pairs = Set<[Int]>()
        for _ in 0..<Int.random(in: 0...(participants * 4), using: &random) {
            let first = Int.random(in: 0..<participants, using: &random)
            let second = Int.random(in: 0..<participants, using: &random)
            guard first != second, pairs.insert([min(first, second), max(first, second)]).inserted else { continue }
            var meeting = ScheduleProblem.Meeting(
                first: first, second: second, weight: Int.random(in: 1...3, using: &random))
            if Double.random(in: 0..<1, using: &random) < 0.15 {
                meeting.locked = SchedulePlacement(
                    slot: Int.random(in: 0..<slots, using: &random), table: Int.random(in: 0..<3, using: &random))
            }
            meetings.append(meeting)
        }
        return ScheduleProblem(
            slotTables: tables, slotDays: (0..<slots).map { $0 / 4 }, availability: availability, meetings: meetings)
    }

    @Test(arguments: 1...60) func randomSchedulesKeepEveryRule(seed: Int) {
        let problem = Self.randomProblem(seed: UInt64(seed))
        let result = MeetingScheduler().schedule(problem)
        Self.expectValid(result, for: problem)
        Self.expectLockedKeptWherePossible(result, for: problem)
    }

    /// A published meeting leaves its slot only if it cannot stay: a participant can no longer make it, a
    /// participant's other published meeting kept there, or the slot's tables all taken by kept ones.
    static func expectLockedKeptWherePossible(_ result: ScheduleResult, for problem: ScheduleProblem) {
        var keptIn = [Int: [Int]]()
        for (index, meeting) in problem.meetings.enumerated() {
            if let locked = meeting.locked, result.placements[index]?.slot == locked.slot {
                keptIn[locked.slot, default: []].append(index)
            }
        }
        #expect(keptIn.values.reduce(0) { $0 + $1.count } == result.keptLocked)
        for (index, meeting) in problem.meetings.enumerated() {
            guard let locked = meeting.locked, result.placements[index]?.slot != locked.slot else { continue }
            let slot = locked.slot
            let available =
                problem.availability[meeting.first].contains(slot)
                && problem.availability[meeting.second].contains(slot)
            let kept = keptIn[slot] ?? []
            let clash = kept.contains { other in
                let pair = [problem.meetings[other].first, problem.meetings[other].second]
                return pair.contains(meeting.first) || pair.contains(meeting.second)
            }
            #expect(
                !available || clash || kept.count >= problem.slotTables[slot], "a published meeting moved needlessly")
        }
    }

    @Test(arguments: 1...3) func generatedBrokerageEventsKeepEveryRule(seed: Int) {
        let problem = BrokerageGenerator(participants: 120, requests: 700).problem(seed: UInt64(seed))
        #expect(problem.meetings.count == 700)
        let result = MeetingScheduler().schedule(problem)
        Self.expectValid(result, for: problem)
        #expect(result.placedCount > 0)
    }

    @Test(arguments: 1...40) func theBoundIsAtLeastTheExactOptimum(seed: Int) {
        let problem = Self.tinyProblem(seed: UInt64(seed))
        let optimum = Self.exactOptimum(problem)
        let result = MeetingScheduler().schedule(problem)
        Self.expectValid(result, for: problem)
        #expect(result.placedWeight <= optimum)
        #expect(result.upperBound >= optimum)
    }

    @Test func smallSchedulesReachTheExactOptimum() {
        var reached = 0
        var optimal = 0
        for seed in 100..<160 {
            let problem = Self.tinyProblem(seed: UInt64(seed))
            optimal += Self.exactOptimum(problem)
            reached += MeetingScheduler().schedule(problem).placedWeight
        }
        #expect(Double(reached) >= 0.99 * Double(optimal))
    }

    static func tinyProblem(seed: UInt64) -> ScheduleProblem {
        var random = SeededRandom(seed: seed &* 31)
        let participants = Int.random(in: 2...6, using: &random)
        let slots = Int.random(in: 1...3, using: &random)
        return ScheduleProblem(
            slotTables: (0..<slots).map { _ in Int.random(in: 1...2, using: &random) },
            slotDays: Array(repeating: 0, count: slots),
            availability: (0..<participants).map { _ in
                (0..<slots).filter { _ in Bool.random(using: &random) }
            },
            meetings: (0..<participants).flatMap { first in
                ((first + 1)..<participants).compactMap { second in
                    Double.random(in: 0..<1, using: &random) < 0.6
                        ? ScheduleProblem.Meeting(
                            first: first, second: second, weight: Int.random(in: 1...3, using: &random)) : nil
                }
            })
    }

    /// Tries every assignment; only for a handful of meetings.
    static func exactOptimum(_ problem: ScheduleProblem) -> Int {
        var busy = Set<[Int]>()
        var load = [Int](repeating: 0, count: problem.slotCount)
        func search(_ index: Int) -> Int {
            guard index < problem.meetings.count else { return 0 }
            let meeting = problem.meetings[index]
            var best = search(index + 1)
            for slot in 0..<problem.slotCount
            where problem.availability[meeting.first].contains(slot)
                && problem.availability[meeting.second].contains(slot) && load[slot] < problem.slotTables[slot]
                && !busy.contains([meeting.first, slot]) && !busy.contains([meeting.second, slot])
            {
                busy.insert([meeting.first, slot])
                busy.insert([meeting.second, slot])
                load[slot] += 1
                best = max(best, meeting.weight + search(index + 1))
                load[slot] -= 1
                busy.remove([meeting.first, slot])
                busy.remove([meeting.second, slot])
            }
            return best
        }
        return search(0)
    }

    @Test func aChainMovesAPlacedMeetingToMakeRoom() {
        // A–B can meet in slots 0 or 1, B–C only in slot 0. Placed greedily A–B may take slot 0; a chain
        // must move it to slot 1 so that B–C fits.
        let problem = ScheduleProblem(
            slotTables: [5, 5], slotDays: [0, 0], availability: [[0, 1], [0, 1], [0]],
            meetings: [
                .init(first: 0, second: 1, weight: 3), .init(first: 1, second: 2, weight: 1),
            ])
        let result = MeetingScheduler().schedule(problem)
        Self.expectValid(result, for: problem)
        #expect(result.placedCount == 2)
        #expect(result.placements[1]?.slot == 0)
        #expect(result.upperBound == 4)
    }

    @Test func aHeavierMeetingPushesOutALighterOneWhenOnlyOneFits() {
        // One table, one slot: the essential meeting wins whatever the order.
        let problem = ScheduleProblem(
            slotTables: [1], slotDays: [0], availability: [[0], [0], [0], [0]],
            meetings: [.init(first: 0, second: 1, weight: 1), .init(first: 2, second: 3, weight: 3)])
        let result = MeetingScheduler().schedule(problem)
        #expect(result.placements[0] == nil)
        #expect(result.placements[1] == SchedulePlacement(slot: 0, table: 0))
        #expect(result.upperBound == 3)
    }

    @Test func equalMeetingsGoToThoseWithFewerMeetings() {
        // Two slots of one table: participant 0 could have both, but then 3 and 4 would have none.
        let problem = ScheduleProblem(
            slotTables: [1, 1], slotDays: [0, 0], availability: [[0, 1], [0, 1], [0, 1], [0, 1], [0, 1]],
            meetings: [
                .init(first: 0, second: 1, weight: 2), .init(first: 0, second: 2, weight: 2),
                .init(first: 3, second: 4, weight: 2),
            ])
        let result = MeetingScheduler().schedule(problem)
        Self.expectValid(result, for: problem)
        #expect(result.placedWeight == 4)
        #expect(result.placements[2] != nil)
        #expect(result.participantsWithoutMeetings == 1)
    }

    @Test func malformedMeetingsAreLeftOutRatherThanCrashing() {
        let problem = ScheduleProblem(
            slotTables: [2, 0], slotDays: [0], availability: [[0, 1, 7], [0, 1]],
            meetings: [
                .init(first: 0, second: 0, weight: 1), .init(first: 0, second: 5, weight: 1),
                .init(first: 0, second: 1, weight: 0), .init(first: 1, second: 0, weight: 2),
            ])
        let result = MeetingScheduler().schedule(problem)
        #expect(result.placements == [nil, nil, nil, SchedulePlacement(slot: 0, table: 0)])
        #expect(result.upperBound == 2)
    }

    @Test(arguments: 1...20) func garbageInNeverCrashesAndPlacesOnlyRealMeetings(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 1000)
        let participants = Int.random(in: 1...12, using: &random)
        let slots = Int.random(in: 1...5, using: &random)
        let problem = ScheduleProblem(
            slotTables: (0..<slots).map { _ in Int.random(in: -1...2, using: &random) },
            slotDays: (0..<Int.random(in: 0...slots, using: &random)).map { _ in Int.random(in: 0...1, using: &random)
            },
            availability: (0..<participants).map { _ in
                (0..<Int.random(in: 0...6, using: &random)).map { _ in Int.random(in: -1...slots, using: &random) }
            },
            meetings: (0..<Int.random(in: 0...30, using: &random)).map { _ in
                ScheduleProblem.Meeting(
                    first: Int.random(in: -1...participants, using: &random),
                    second: Int.random(in: -1...participants, using: &random),
                    weight: Int.random(in: -1...3, using: &random),
                    locked: Bool.random(using: &random)
                        ? SchedulePlacement(
                            slot: Int.random(in: -1...slots, using: &random),
                            table: Int.random(in: -1...2, using: &random))
                        : nil)
            })
        let result = MeetingScheduler().schedule(problem)
        for (index, placement) in result.placements.enumerated() where placement != nil {
            let meeting = problem.meetings[index]
            #expect(meeting.weight > 0 && meeting.first != meeting.second)
            #expect((0..<participants).contains(meeting.first) && (0..<participants).contains(meeting.second))
        }
        Self.expectValid(result, for: problem)
    }

    @Test func idleGapsAreClosedWhenAMeetingCanMove() {
        // A meets B and C; left to itself a schedule could put them at 09:00 and 09:40 with nothing between.
        let problem = ScheduleProblem(
            slotTables: [1, 1, 1], slotDays: [0, 0, 0], availability: [[0, 1, 2], [0, 2], [0, 1, 2]],
            meetings: [.init(first: 0, second: 1, weight: 1), .init(first: 0, second: 2, weight: 1)])
        let result = MeetingScheduler().schedule(problem)
        Self.expectValid(result, for: problem)
        #expect(result.placedCount == 2)
        #expect(result.idleGaps == 0)
    }
}

import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct MeetingReschedulingTests {
    @Test(arguments: 1...20) func publishedMeetingsStayWhenNothingChanged(seed: Int) {
        var problem = BrokerageGenerator(participants: 60, requests: 300).problem(seed: UInt64(seed))
        let first = MeetingScheduler().schedule(problem)
        for index in problem.meetings.indices { problem.meetings[index].locked = first.placements[index] }
        let again = MeetingScheduler().schedule(problem)
        MeetingSchedulerTests.expectValid(again, for: problem)
        #expect(again.keptLocked == first.placedCount)
        #expect(again.movedLocked == 0)
        for (index, placement) in first.placements.enumerated() where placement != nil {
            #expect(again.placements[index] == placement)
        }
    }

    @Test func aLockedMeetingThatNoLongerFitsMovesAndTheHeavierClashingOneStays() {
        // Both meetings of participant 0 were published in slot 0 (say after a change of availability).
        let problem = ScheduleProblem(
            slotTables: [4, 4], slotDays: [0, 0], availability: [[0, 1], [0, 1], [0, 1]],
            meetings: [
                .init(first: 0, second: 1, weight: 1, locked: SchedulePlacement(slot: 0, table: 2)),
                .init(first: 0, second: 2, weight: 3, locked: SchedulePlacement(slot: 0, table: 1)),
            ])
        let result = MeetingScheduler().schedule(problem)
        MeetingSchedulerTests.expectValid(result, for: problem)
        #expect(result.placements[1] == SchedulePlacement(slot: 0, table: 1))
        #expect(result.placements[0]?.slot == 1)
        #expect(result.keptLocked == 1)
        #expect(result.movedLocked == 1)
    }

    @Test func aNoShowFreesSlotsThatAreRefilledAndThePastStays() {
        // Participant 3 must meet 1 in slot 2, where 1 was published with no-show 2; nothing else fits.
        let problem = ScheduleProblem(
            slotTables: [1, 1, 1], slotDays: [0, 0, 0], availability: [[0, 1, 2], [0, 1, 2], [2], [2]],
            meetings: [
                .init(first: 0, second: 1, weight: 2), .init(first: 1, second: 2, weight: 3),
                .init(first: 1, second: 3, weight: 1),
            ])
        let first = MeetingScheduler().schedule(problem)
        #expect(first.placements[1]?.slot == 2)
        #expect(first.placements[2] == nil)
        let pastSlot = first.placements[0]!.slot
        let revised = problem.rescheduling(previous: first.placements, noShows: [2], fromSlot: 1)
        let second = MeetingScheduler().schedule(revised)
        MeetingSchedulerTests.expectValid(second, for: revised)
        #expect(second.placements[0]?.slot == pastSlot)
        #expect(second.placements[1] == nil)
        #expect(second.placements[2]?.slot == 2)
    }

    @Test(arguments: 1...12) func nobodyIsScheduledIntoThePastAndNoShowsMeetNoMore(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let problem = BrokerageGenerator(participants: 40, requests: 200).problem(seed: UInt64(seed))
        let first = MeetingScheduler().schedule(problem)
        let now = Int.random(in: 0...problem.slotCount, using: &random)
        let noShows = Set((0..<5).map { _ in Int.random(in: 0..<40, using: &random) })
        let revised = problem.rescheduling(previous: first.placements, noShows: noShows, fromSlot: now)
        let second = MeetingScheduler().schedule(revised)
        MeetingSchedulerTests.expectValid(second, for: revised)
        for (index, meeting) in problem.meetings.enumerated() {
            // The past is what happened: the same meetings at the same tables, and nothing added.
            if let before = first.placements[index], before.slot < now {
                #expect(second.placements[index] == before)
            } else if let after = second.placements[index] {
                #expect(after.slot >= now, "a meeting was put into the past")
                #expect(!noShows.contains(meeting.first) && !noShows.contains(meeting.second))
            }
        }
        // Published meetings of people who came stay where they were, as nothing else changed.
        for (index, meeting) in problem.meetings.enumerated()
        where !noShows.contains(meeting.first) && !noShows.contains(meeting.second) {
            if let before = first.placements[index] { #expect(second.placements[index]?.slot == before.slot) }
        }
    }
}

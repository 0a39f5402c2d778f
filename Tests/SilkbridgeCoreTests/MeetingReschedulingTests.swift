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

    @Test func nobodyIsScheduledIntoThePast() {
        let problem = BrokerageGenerator(participants: 40, requests: 200).problem(seed: 7)
        let first = MeetingScheduler().schedule(problem)
        let revised = problem.rescheduling(previous: first.placements, noShows: [0, 1, 2, 3], fromSlot: 6)
        let second = MeetingScheduler().schedule(revised)
        MeetingSchedulerTests.expectValid(second, for: revised)
        for (index, placement) in second.placements.enumerated() {
            guard let placement, placement.slot < 6 else { continue }
            #expect(first.placements[index] == placement, "a meeting moved into or inside the past")
        }
        for (index, meeting) in problem.meetings.enumerated() where [0, 1, 2, 3].contains(meeting.first) {
            if let slot = second.placements[index]?.slot { #expect(slot < 6) }
        }
    }
}

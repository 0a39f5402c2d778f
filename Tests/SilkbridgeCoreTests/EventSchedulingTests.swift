import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct EventSchedulingTests {
    static let now = EventValidatorTests.now
    static let saturday = EventDay(year: 2026, month: 10, day: 24)
    static let sunday = EventDay(year: 2026, month: 10, day: 25)

    /// Two mornings in Brussels, either side of the end of summer time, four 20-minute slots each, two tables.
    static let event: Event = {
        var event = Event.blank(id: UUID(), kind: .brokerage, organizerId: UUID(), createdAt: now)
        event.title = LocalizedText(english: "China–EU brokerage", chinese: "中欧对接洽谈会")
        event.location = .venue(name: LocalizedText(english: "Square Brussels"), address: "Mont des Arts")
        event.timeZoneId = "Europe/Brussels"
        event.sessions = [saturday, sunday].map {
            EventSession(day: $0, startMinute: 9 * 60, slotMinutes: 20, slotCount: 4, breakMinutes: 10, tables: 2)
        }
        event.requestDeadline = now.addingTimeInterval(86_400)
        return event
    }()

    static func register(_ name: String, sessions: Set<Int> = [0, 1]) -> Registration {
        Registration(
            id: UUID(), eventId: event.id, organizationId: UUID(), accountId: UUID(), displayName: name,
            availableSessions: sessions, wants: LocalizedText(), status: .approved, createdAt: now)
    }

    static func accepted(_ from: Registration, _ to: Registration, _ priority: MeetingPriority = .wanted)
        -> MeetingRequest
    {
        var request = MeetingRequest(
            id: UUID(), eventId: event.id, requesterId: from.id, inviteeId: to.id, priority: priority, message: "",
            deadline: event.requestDeadline, createdAt: now)
        request.state = .accepted
        return request
    }

    let anna = register("Anna")
    let li = register("Li Wei")
    let zhang = register("Zhang Min", sessions: [1])
    let marco = register("Marco")

    @Test func acceptedRequestsArePlacedWhereBothCanMeetAndOthersAreLeftOut() {
        var declined = Self.accepted(anna, marco)
        declined.state = .declined
        let requests = [
            Self.accepted(anna, li, .essential), Self.accepted(anna, zhang), Self.accepted(li, zhang), declined,
        ]
        let schedule = EventScheduling().schedule(
            Self.event, registrations: [anna, li, zhang, marco], requests: requests, published: nil, now: Self.now)
        #expect(schedule.meetings.count == 3)
        #expect(schedule.unplaced.isEmpty)
        #expect(schedule.placedWeight == 3 + 2 + 2)
        #expect(schedule.upperBound == schedule.placedWeight)
        #expect(schedule.optimalityGap == 0)
        for meeting in schedule.meetings where meeting.involves(zhang.id) { #expect(meeting.slot >= 4) }
        #expect(schedule.meetings.allSatisfy { (1...2).contains($0.table) })
        #expect(!schedule.meetings.contains { $0.requestId == declined.id })
    }

    @Test func duringTheEventThePastStaysAndANoShowsSlotsAreFilledAgain() throws {
        // One table in each of two one-slot sessions. Zhang comes only to the second, so Anna meets Li in the
        // first; Marco, also only in the second, cannot meet Li too.
        var event = Self.event
        event.sessions = [540, 560].map {
            EventSession(day: Self.saturday, startMinute: $0, slotMinutes: 20, slotCount: 1, breakMinutes: 0, tables: 1)
        }
        let anna = Self.register("Anna")
        let li = Self.register("Li Wei")
        var zhang = Self.register("Zhang Min", sessions: [1])
        let marco = Self.register("Marco", sessions: [1])
        let requests = [
            Self.accepted(anna, li, .essential), Self.accepted(zhang, anna, .essential),
            Self.accepted(marco, li, .niceToHave),
        ]
        let first = EventScheduling().schedule(
            event, registrations: [anna, li, zhang, marco], requests: requests, published: nil, now: Self.now)
        #expect(first.meetings.map(\.requestId) == [requests[0].id, requests[1].id])
        #expect(first.unplaced == [requests[2].id])
        // At 09:10 the first slot has begun and Zhang has not turned up.
        zhang.noShow = true
        let second = EventScheduling().schedule(
            event, registrations: [anna, li, zhang, marco], requests: requests, published: first,
            now: Self.saturday.instant(minute: 550, in: event.timeZone))
        #expect(second.meetings.map(\.requestId) == [requests[0].id, requests[2].id])
        #expect(second.meetings[0] == first.meetings[0])
        #expect(second.meetings[1].slot == 1)
        #expect(second.movedMeetings == 1)
    }

    @Test func anAgendaListsAParticipantsMeetingsAsIcsInTheEventsZone() throws {
        let requests = [Self.accepted(anna, li), Self.accepted(zhang, anna)]
        let schedule = EventScheduling().schedule(
            Self.event, registrations: [anna, li, zhang, marco], requests: requests, published: nil, now: Self.now)
        let names = [anna.id: "Anna (Isar Energy)", li.id: "Li Wei (Huawei)", zhang.id: "Zhang Min (ZTE)"]
        let agenda = EventAgenda(event: Self.event, schedule: schedule, names: names, language: .english)
        let entries = agenda.entries(for: anna.id)
        #expect(entries.map(\.summary).sorted() == ["Meeting with Li Wei (Huawei)", "Meeting with Zhang Min (ZTE)"])
        let withZhang = try #require(entries.first { $0.summary.contains("Zhang") })
        // Zhang only comes on Sunday, after the change back to UTC+1.
        #expect(withZhang.start.timeIntervalSince(Self.sunday.instant(minute: 9 * 60, in: Self.event.timeZone)) >= 0)
        let ics = agenda.ics(for: anna.id, stamp: Self.now)
        let lines = ICalendarWriterTests.unfolded(ics)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.contains { $0.hasPrefix("DTSTART;TZID=Europe/Brussels:2026102") })
        let chinese = EventAgenda(event: Self.event, schedule: schedule, names: names, language: .simplifiedChinese)
        #expect(chinese.entries(for: li.id).map(\.summary) == ["与Anna (Isar Energy)会谈"])
        #expect(chinese.entries(for: nil).count == 2)
    }
}

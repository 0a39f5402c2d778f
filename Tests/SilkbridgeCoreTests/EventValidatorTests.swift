import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct EventValidatorTests {
    static let catalog = ReferenceCatalog(
        areas: [
            Area(code: "5g", label: LocalizedText(english: "5G", chinese: "5G"), subtopics: []),
            Area(code: "smart-energy", label: LocalizedText(english: "Smart energy", chinese: "智慧能源"), subtopics: []),
        ],
        countries: [], provinces: [])
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21
    static let day = EventDay(year: 2026, month: 10, day: 24)

    static let valid = EventInput(
        kind: .brokerage,
        title: LocalizedText(english: "China–EU digital roundtable", chinese: "中欧数字合作圆桌会议"),
        description: LocalizedText(english: "Bilateral meetings."),
        location: .venue(name: LocalizedText(english: "Square Brussels"), address: "Mont des Arts, 1000 Brussels"),
        timeZoneId: "Europe/Brussels",
        sessions: [
            EventSession(day: day, startMinute: 9 * 60, slotMinutes: 20, slotCount: 8, breakMinutes: 5, tables: 30),
            EventSession(day: day, startMinute: 14 * 60, slotMinutes: 20, slotCount: 8, breakMinutes: 5, tables: 30),
        ],
        registration: RegistrationWindow(opens: now, closes: now.addingTimeInterval(20 * 86_400)),
        capacity: 300, approvalRequired: true, themes: ["5g", "smart-energy", "5g"], requestCap: 15,
        requestDeadline: now.addingTimeInterval(30 * 86_400))

    func apply(_ input: EventInput) throws(ValidationError) -> Event {
        try EventValidator(catalog: Self.catalog).apply(
            input, to: .blank(id: UUID(), kind: .roundtable, organizerId: UUID(), createdAt: Self.now))
    }

    @Test func acceptsAValidEventAndNumbersItsSlotsAcrossSessions() throws {
        let event = try apply(Self.valid)
        #expect(event.themes == ["5g", "smart-energy"])
        #expect(event.days == [Self.day])
        let slots = event.slots
        #expect(slots.count == 16)
        #expect(slots[8].session == 1 && slots[8].startMinute == 14 * 60)
        #expect(slots[7].startMinute == 9 * 60 + 7 * 25 && slots[7].endMinute == 9 * 60 + 7 * 25 + 20)
        // 09:00 in Brussels on 24 October 2026 is summer time, UTC+2.
        #expect(event.interval(of: slots[0]).start.formatted(.iso8601) == "2026-10-24T07:00:00Z")
    }

    @Test(
        arguments: [
            ("title", { @Sendable (input: inout EventInput) in input.title = LocalizedText(english: "  ") }),
            ("title.zh-Hans", { $0.title = LocalizedText(chinese: String(repeating: "会", count: 201)) }),
            ("timeZoneId", { $0.timeZoneId = "Mars/Olympus" }),
            ("location.url", { $0.location = .online(url: "ftp://meet.example") }),
            ("location.address", { $0.location = .venue(name: LocalizedText(english: "Hall"), address: " ") }),
            ("location.name", { $0.location = .venue(name: LocalizedText(), address: "Rue 1") }),
            ("sessions", { $0.sessions = [] }),
            ("sessions[0].slotMinutes", { $0.sessions![0].slotMinutes = 2 }),
            ("sessions[0].tables", { $0.sessions![0].tables = 0 }),
            ("sessions[0].day", { $0.sessions![0].day = EventDay(year: 2026, month: 2, day: 30) }),
            ("sessions[1].slotCount", { $0.sessions![1].slotCount = 60 }),
            ("sessions[1].startMinute", { $0.sessions![1].startMinute = 10 * 60 }),
            (
                "registration.closes",
                { $0.registration = RegistrationWindow(opens: now, closes: now.addingTimeInterval(-1)) }
            ),
            (
                "registration.closes",
                { $0.registration = RegistrationWindow(opens: now, closes: now.addingTimeInterval(60 * 86_400)) }
            ),
            ("requestDeadline", { $0.requestDeadline = now.addingTimeInterval(60 * 86_400) }),
            ("capacity", { $0.capacity = 1 }),
            ("requestCap", { $0.requestCap = 0 }),
            ("themes", { $0.themes = ["quantum"] }),
        ] as [(String, @Sendable (inout EventInput) -> Void)])
    func rejectsInputThatBreaksARule(field: String, change: @Sendable (inout EventInput) -> Void) {
        var input = Self.valid
        change(&input)
        expectIssue(at: field) { try apply(input) }
    }

    @Test func explainsEveryRuleInBothLanguages() {
        var input = Self.valid
        input.timeZoneId = "CET+1"
        input.capacity = 0
        do {
            _ = try apply(input)
            Issue.record("expected a validation error")
        } catch {
            #expect(error.issues.map(\.field) == ["timeZoneId", "capacity"])
            #expect(error.issues.allSatisfy { !$0.message.english.isEmpty && !$0.message.chinese.isEmpty })
            #expect(error.issues[1].message.chinese == "必须在 2 到 10000 之间。")
        }
    }

    @Test func readsOnlyRealDays() {
        #expect(EventDay("2026-10-25") == EventDay(year: 2026, month: 10, day: 25))
        #expect(EventDay("2026-02-29") == nil)
        #expect(EventDay("2026-1-05") == nil)
        #expect(EventDay(year: 2028, month: 2, day: 29).description == "2028-02-29")
    }
}

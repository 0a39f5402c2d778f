import Foundation
import Hummingbird
import SilkbridgeCore

/// The organisers' form for a new event: one meeting session a day over consecutive days, which is how most
/// roundtables and brokerage events run; the API takes any pattern of sessions.
extension EventPages {
    static let timeZones = [
        "Europe/Brussels", "Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid", "Europe/Amsterdam",
        "Europe/Vienna", "Europe/Warsaw", "Europe/Prague", "Europe/Stockholm", "Europe/Helsinki", "Europe/Copenhagen",
        "Europe/Dublin", "Europe/Lisbon", "Europe/Athens", "Europe/Budapest", "Europe/Bucharest", "Europe/Sofia",
        "Europe/Zagreb", "Europe/Ljubljana", "Europe/Bratislava", "Europe/Vilnius", "Europe/Riga", "Europe/Tallinn",
        "Europe/Luxembourg", "Europe/Malta", "Asia/Nicosia", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau",
    ]

    func addEventFormRoutes(to router: some RouterMethods<AppRequestContext>) {
        site.addForm(to: router, EventPaths.newEvent, build: newEventForm) { form, account, _ in
            let organization = form.text("organizationId").flatMap(UUID.init(uuidString:))
            guard let organization else {
                throw ValidationError([FieldIssue("organizationId", Message("is required.", "为必填项。"))])
            }
            let event = try await events.create(try input(form), organizationId: organization, by: account)
            return EventPaths.event(event.id)
        }
    }

    /// Reads the form; times are the event's local times, as the organiser types them.
    private func input(_ form: FormData) throws -> EventInput {
        var issues: [FieldIssue] = []
        let zone = TimeZone(identifier: form["timeZoneId"] ?? "") ?? .gmt
        func number(_ name: String) -> Int? {
            guard let text = form.text(name) else { return nil }
            guard let value = Int(text) else {
                issues.append(FieldIssue(name, Message("must be a whole number.", "必须是整数。")))
                return nil
            }
            return value
        }
        func instant(_ name: String) -> Date? {
            guard let text = form.text(name) else {
                issues.append(FieldIssue(name, Message("is required.", "为必填项。")))
                return nil
            }
            let parts = text.split(separator: "T")
            guard parts.count == 2, let day = EventDay(String(parts[0])), let minute = Self.minutes(String(parts[1]))
            else {
                issues.append(FieldIssue(name, Message("must be a date and time.", "必须是日期和时间。")))
                return nil
            }
            return day.instant(minute: minute, in: zone)
        }
        var sessions: [EventSession] = []
        let day = form.text("day").flatMap(EventDay.init)
        let start = form.text("start").flatMap(Self.minutes)
        if day == nil { issues.append(FieldIssue("day", Message("must be a date.", "必须是日期。"))) }
        if start == nil { issues.append(FieldIssue("start", Message("must be a time.", "必须是时间。"))) }
        let days = number("days") ?? 1
        if !(1...EventValidator.maxSessions).contains(days) {
            issues.append(
                FieldIssue(
                    "days",
                    Message(
                        "must be from 1 to \(EventValidator.maxSessions).", "必须在 1 到 \(EventValidator.maxSessions) 之间。")
                ))
        }
        if let day, let start, (1...EventValidator.maxSessions).contains(days) {
            let first = day.instant(minute: 12 * 60, in: zone)
            for offset in 0..<days {
                sessions.append(
                    EventSession(
                        day: EventDay(containing: first.addingTimeInterval(Double(offset) * 86_400), in: zone),
                        startMinute: start, slotMinutes: number("slotMinutes") ?? 20,
                        slotCount: number("slotCount") ?? 8,
                        breakMinutes: number("breakMinutes") ?? 5, tables: number("tables") ?? 10))
            }
        }
        let url = form.text("url")
        let location: EventLocation =
            url != nil && form.text("venue_en") == nil && form.text("venue_zh") == nil
            ? .online(url: url ?? "")
            : .venue(name: form.localized("venue"), address: form["address"] ?? "")
        let closes = instant("registrationCloses")
        let deadline = instant("requestDeadline")
        let input = EventInput(
            kind: try form.choice("kind"), title: form.localized("title"),
            description: form.localized("description"), location: location, timeZoneId: form["timeZoneId"],
            sessions: sessions, registration: closes.map { RegistrationWindow(opens: Date(), closes: $0) },
            capacity: number("capacity"), approvalRequired: form["approvalRequired"] == "true",
            themes: form.all("themes"), requestCap: number("requestCap"), requestDeadline: deadline)
        guard issues.isEmpty else { throw ValidationError(issues) }
        return input
    }

    /// "14:30" as minutes after midnight.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    private func newEventForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?) async throws
        -> PageForm
    {
        let language = context.language
        let mine = try await site.directory.memberships(of: account)
            .filter { !$0.1.isPending && $0.1.role >= .admin }.map(\.0)
        guard !mine.isEmpty else { throw EventError.notOrganizer }
        func text(_ key: String) -> String { site.text(key, context) }
        func field(_ name: String, _ label: String, _ kind: FormField.Kind = .text, _ value: String = "")
            -> FormField
        {
            FormField(name: name, label: text(label), kind: kind, value: form?[name] ?? value)
        }
        let kind = form?["kind"] ?? EventKind.roundtable.rawValue
        let zone = form?["timeZoneId"] ?? "Europe/Brussels"
        // A month ahead, registration and requests closing the evening before.
        let timeZone = TimeZone(identifier: zone) ?? .gmt
        let day = EventDay(containing: Date().addingTimeInterval(30 * 86_400), in: timeZone)
        let eve = EventDay(containing: Date().addingTimeInterval(29 * 86_400), in: timeZone).description + "T18:00"
        return PageForm(
            title: text("event_new_title"), action: EventPaths.newEvent(), back: EventPaths.list(),
            submit: text("event_create"), intro: text("event_new_intro"),
            groups: [
                FormGroup(fields: [
                    FormField(
                        name: "organizationId", label: text("event_field_organizer"), kind: .select,
                        options: site.organizationOptions(mine, selected: [form?["organizationId"]], language)),
                    FormField(
                        name: "kind", label: text("event_field_kind"), kind: .select,
                        options: site.options(EventKind.allCases, selected: [kind], label: \.label, language)),
                ]),
                site.bilingual("title", label: text("event_field_title"), form, context),
                site.bilingual("description", label: text("event_field_description"), form, context, kind: .textarea),
                site.bilingual("venue", label: text("event_field_venue"), form, context)
                    .with(errorKeys: ["location_name", "location"]),
                FormGroup(fields: [
                    FormField(
                        name: "address", label: text("event_field_address"), value: form?["address"] ?? "",
                        errorKeys: ["location_address"]),
                    FormField(
                        name: "url", label: text("event_field_url"), value: form?["url"] ?? "",
                        hint: text("event_field_url_hint"), errorKeys: ["location_url"]),
                    FormField(
                        name: "timeZoneId", label: text("event_field_time_zone"), kind: .select,
                        options: Self.timeZones.map { Option(value: $0, label: $0, selected: $0 == zone) }),
                    field("day", "event_field_first_day", .date, day.description).with(errorKeys: ["sessions"]),
                    field("days", "event_field_days", .number, "1"),
                    field("start", "event_field_start", .time, "14:00"),
                    field("slotMinutes", "event_field_slot_minutes", .number, "20"),
                    field("slotCount", "event_field_slot_count", .number, "8"),
                    field("breakMinutes", "event_field_break_minutes", .number, "5"),
                    field("tables", "event_field_tables", .number, "10"),
                    field("registrationCloses", "event_field_registration_closes", .dateTime, eve)
                        .with(errorKeys: ["registration_closes", "registration"]),
                    field("requestDeadline", "event_field_request_deadline", .dateTime, eve),
                    field("capacity", "event_field_capacity", .number, "100"),
                    field("requestCap", "event_field_request_cap", .number, "10"),
                    FormField(
                        name: "approvalRequired", label: text("event_field_approval"), kind: .checkbox,
                        value: form == nil ? "true" : form?["approvalRequired"] ?? "false"),
                    FormField(
                        name: "themes", label: text("event_field_themes"), kind: .multiple,
                        options: site.areaOptions(selected: form?.all("themes") ?? [], language)),
                ]),
            ])
    }
}

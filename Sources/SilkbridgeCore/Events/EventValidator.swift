import Foundation

/// Applies an organiser's input to an event (a blank one when creating) and checks every rule.
public struct EventValidator {
    static let maxTitleLength = 200
    static let maxDescriptionLength = 8000
    static let maxThemes = 9
    public static let maxSessions = 20
    static let maxSlots = 256
    static let slotMinutes = 5...240
    static let slotsPerSession = 1...64
    static let breakMinutes = 0...120
    static let tables = 1...1000
    static let capacity = 2...10_000
    static let requestCap = 1...100

    let catalog: ReferenceCatalog

    func apply(_ input: EventInput, to base: Event) throws(ValidationError) -> Event {
        var event = base
        var validator = Validator()
        if let kind = input.kind { event.kind = kind }
        if let title = input.title { event.title = title.trimmed }
        if let description = input.description { event.description = description.trimmed }
        if event.title.isEmpty {
            validator.add("title", Message("is required in English or Chinese.", "需用英文或中文填写。"))
        }
        for (field, text, max) in [
            ("title", event.title, Self.maxTitleLength), ("description", event.description, Self.maxDescriptionLength),
        ] {
            validator.checkText(text.english, field: "\(field).en", maxLength: max)
            validator.checkText(text.chinese, field: "\(field).zh-Hans", maxLength: max)
        }
        if let location = input.location { event.location = location }
        check(event.location, in: &validator)
        if let zone = input.timeZoneId { event.timeZoneId = zone.trimmingCharacters(in: .whitespaces) }
        if TimeZone(identifier: event.timeZoneId) == nil {
            validator.add(
                "timeZoneId",
                Message(
                    "must be an IANA time zone such as Europe/Brussels or Asia/Shanghai.",
                    "必须是 IANA 时区，例如 Europe/Brussels 或 Asia/Shanghai。"))
        }
        if let sessions = input.sessions { event.sessions = sessions }
        check(event.sessions, in: &validator)
        applyRules(input, to: &event, in: &validator)
        try validator.finish()
        return event
    }

    private func applyRules(_ input: EventInput, to event: inout Event, in validator: inout Validator) {
        if let window = input.registration { event.registration = window }
        if let capacity = input.capacity { event.capacity = capacity }
        if let approval = input.approvalRequired { event.approvalRequired = approval }
        if let themes = input.themes { event.themes = Self.unique(themes) }
        if let cap = input.requestCap { event.requestCap = cap }
        if let deadline = input.requestDeadline { event.requestDeadline = deadline }
        if event.registration.opens >= event.registration.closes {
            validator.add(
                "registration.closes", Message("must be after registration opens.", "必须晚于报名开始时间。"))
        }
        let start = TimeZone(identifier: event.timeZoneId) != nil ? event.start : nil
        if let start, event.registration.closes > start {
            validator.add(
                "registration.closes", Message("must be no later than the first session.", "不得晚于第一场洽谈开始。"))
        }
        if let start, event.requestDeadline > start {
            validator.add("requestDeadline", Message("must be no later than the first session.", "不得晚于第一场洽谈开始。"))
        }
        if event.requestDeadline < event.registration.opens {
            validator.add("requestDeadline", Message("must be after registration opens.", "必须晚于报名开始时间。"))
        }
        checkRange(event.capacity, Self.capacity, field: "capacity", in: &validator)
        checkRange(event.requestCap, Self.requestCap, field: "requestCap", in: &validator)
        if event.themes.count > Self.maxThemes {
            validator.add("themes", Message("may name at most \(Self.maxThemes) areas.", "最多选择 \(Self.maxThemes) 个领域。"))
        }
        for code in event.themes where catalog.area(code) == nil {
            validator.add("themes", Message("'\(code.prefix(40))' is not an area code.", "“\(code.prefix(40))”不是领域代码。"))
        }
    }

    private func check(_ location: EventLocation, in validator: inout Validator) {
        switch location {
        case .venue(let name, let address):
            let name = name.trimmed
            if name.isEmpty {
                validator.add("location.name", Message("is required in English or Chinese.", "需用英文或中文填写。"))
            }
            validator.checkText(name.english, field: "location.name.en", maxLength: 200)
            validator.checkText(name.chinese, field: "location.name.zh-Hans", maxLength: 200)
            validator.checkText(
                address.trimmingCharacters(in: .whitespacesAndNewlines), field: "location.address", required: true,
                maxLength: 500)
        case .online(let url):
            let lowered = url.lowercased()
            if !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) || url.count > 2000
                || URL(string: url)?.host == nil
            {
                validator.add(
                    "location.url", Message("must be an http or https address.", "必须是 http 或 https 网址。"))
            }
        }
    }

    private func check(_ sessions: [EventSession], in validator: inout Validator) {
        if sessions.isEmpty || sessions.count > Self.maxSessions {
            validator.add(
                "sessions", Message("must list 1 to \(Self.maxSessions) sessions.", "必须包含 1 到 \(Self.maxSessions) 场洽谈。")
            )
        }
        for (index, session) in sessions.enumerated() {
            let field = "sessions[\(index)]"
            if !session.day.isValid {
                validator.add("\(field).day", Message("is not a date.", "不是有效日期。"))
            }
            checkRange(session.startMinute, 0...1439, field: "\(field).startMinute", in: &validator)
            checkRange(session.slotMinutes, Self.slotMinutes, field: "\(field).slotMinutes", in: &validator)
            checkRange(session.slotCount, Self.slotsPerSession, field: "\(field).slotCount", in: &validator)
            checkRange(session.breakMinutes, Self.breakMinutes, field: "\(field).breakMinutes", in: &validator)
            checkRange(session.tables, Self.tables, field: "\(field).tables", in: &validator)
            if session.endMinute > 24 * 60 {
                validator.add("\(field).slotCount", Message("must end the session by midnight.", "洽谈须在午夜前结束。"))
            }
            validator.checkText(session.title.english, field: "\(field).title.en", maxLength: 200)
            validator.checkText(session.title.chinese, field: "\(field).title.zh-Hans", maxLength: 200)
            // Slots are numbered in session order, so sessions must follow each other in time.
            if index > 0 {
                let previous = sessions[index - 1]
                if (session.day, session.startMinute) < (previous.day, previous.endMinute) {
                    validator.add(
                        "\(field).startMinute",
                        Message("must be after the previous session ends.", "必须晚于上一场洽谈结束时间。"))
                }
            }
        }
        let slots = sessions.reduce(0) { $0 + max(0, $1.slotCount) }
        if slots > Self.maxSlots {
            validator.add(
                "sessions", Message("may have at most \(Self.maxSlots) slots in all.", "时段总数最多 \(Self.maxSlots) 个。"))
        }
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }

    private func checkRange(_ value: Int, _ range: ClosedRange<Int>, field: String, in validator: inout Validator) {
        if !range.contains(value) {
            validator.add(
                field,
                Message(
                    "must be between \(range.lowerBound) and \(range.upperBound).",
                    "必须在 \(range.lowerBound) 到 \(range.upperBound) 之间。"))
        }
    }
}

extension Event {
    /// An event with nothing filled in, for `EventValidator.apply` to complete from an organiser's input.
    public static func blank(id: UUID, kind: EventKind, organizerId: UUID, createdAt: Date) -> Event {
        Event(
            id: id, kind: kind, organizerId: organizerId, title: LocalizedText(), description: LocalizedText(),
            location: .online(url: ""), timeZoneId: "", sessions: [],
            registration: RegistrationWindow(opens: createdAt, closes: createdAt), capacity: 0,
            approvalRequired: false, themes: [], requestCap: 20, requestDeadline: createdAt, createdAt: createdAt)
    }
}

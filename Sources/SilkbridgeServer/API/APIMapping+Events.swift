import Foundation
import OpenAPIRuntime
import SilkbridgeAPI
import SilkbridgeCore

extension Components.Schemas.Event {
    init(_ event: Event) throws {
        let slots = event.slots.map { slot in
            let interval = event.interval(of: slot)
            return Components.Schemas.EventSlot(
                index: slot.index, session: slot.session, start: interval.start, end: interval.end, tables: slot.tables)
        }
        self.init(
            id: event.id.uuidString.lowercased(), kind: try .init(mapping: event.kind),
            organizerId: event.organizerId.uuidString.lowercased(), title: .init(event.title),
            description: .init(event.description), location: .init(event.location), timeZone: event.timeZoneId,
            sessions: event.sessions.map(Components.Schemas.EventSession.init), slots: slots,
            registrationOpens: event.registration.opens, registrationCloses: event.registration.closes,
            capacity: event.capacity, approvalRequired: event.approvalRequired, themes: event.themes,
            requestCap: event.requestCap, requestDeadline: event.requestDeadline, published: event.isPublished,
            publishedAt: event.publishedAt, createdAt: event.createdAt, updatedAt: event.updatedAt)
    }
}

extension Components.Schemas.EventLocation {
    init(_ location: EventLocation) {
        switch location {
        case .venue(let name, let address): self.init(_type: .venue, name: .init(name), address: address)
        case .online(let url): self.init(_type: .online, url: url)
        }
    }

    var domain: EventLocation {
        switch _type {
        case .venue:
            .venue(
                name: LocalizedText(english: name?.en, chinese: name?.zhHans), address: address ?? "")
        case .online: .online(url: url ?? "")
        }
    }
}

extension Components.Schemas.EventSession {
    init(_ session: EventSession) {
        self.init(
            title: .init(session.title), day: session.day.description, startMinute: session.startMinute,
            slotMinutes: session.slotMinutes, slotCount: session.slotCount, breakMinutes: session.breakMinutes,
            tables: session.tables)
    }
}

extension EventInput {
    init(
        kind: Components.Schemas.EventKind?, title: Components.Schemas.LocalizedText?,
        description: Components.Schemas.LocalizedText?, location: Components.Schemas.EventLocation?,
        timeZone: String?, sessions: [Components.Schemas.EventSession]?, registrationOpens: Date?,
        registrationCloses: Date?, capacity: Int?, approvalRequired: Bool?, themes: [String]?, requestCap: Int?,
        requestDeadline: Date?, current: Event?
    ) throws {
        var issues: [FieldIssue] = []
        let days: [EventDay]? = sessions?.enumerated().map { index, session in
            guard let day = EventDay(session.day) else {
                issues.append(FieldIssue("sessions[\(index)].day", Message("is not a date.", "不是有效日期。")))
                return EventDay(year: 2000, month: 1, day: 1)
            }
            return day
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        var window: RegistrationWindow?
        if registrationOpens != nil || registrationCloses != nil {
            let base = current?.registration ?? RegistrationWindow(opens: .distantPast, closes: .distantPast)
            window = RegistrationWindow(
                opens: registrationOpens ?? base.opens, closes: registrationCloses ?? base.closes)
        }
        self.init(
            kind: kind.flatMap { EventKind(rawValue: $0.rawValue) },
            title: title.map { LocalizedText(english: $0.en, chinese: $0.zhHans) },
            description: description.map { LocalizedText(english: $0.en, chinese: $0.zhHans) },
            location: location?.domain, timeZoneId: timeZone,
            sessions: sessions.map { sessions in
                zip(sessions, days ?? []).map { session, day in
                    EventSession(
                        title: LocalizedText(english: session.title?.en, chinese: session.title?.zhHans), day: day,
                        startMinute: session.startMinute, slotMinutes: session.slotMinutes,
                        slotCount: session.slotCount, breakMinutes: session.breakMinutes ?? 0, tables: session.tables)
                }
            },
            registration: window, capacity: capacity, approvalRequired: approvalRequired, themes: themes,
            requestCap: requestCap, requestDeadline: requestDeadline)
    }
}

extension Components.Schemas.Registration {
    init(_ registration: Registration) throws {
        self.init(
            id: registration.id.uuidString.lowercased(), eventId: registration.eventId.uuidString.lowercased(),
            organizationId: registration.organizationId.uuidString.lowercased(),
            displayName: registration.displayName, availableSessions: registration.availableSessions.sorted(),
            wants: .init(registration.wants),
            status: try .init(mapping: registration.status), noShow: registration.noShow,
            createdAt: registration.createdAt)
    }
}

extension Components.Schemas.MeetingRequest {
    init(_ request: MeetingRequest, now: Date) throws {
        self.init(
            id: request.id.uuidString.lowercased(), eventId: request.eventId.uuidString.lowercased(),
            requesterId: request.requesterId.uuidString.lowercased(),
            inviteeId: request.inviteeId.uuidString.lowercased(), priority: request.priority.rawValue,
            message: request.message, status: try .init(mapping: request.status(at: now)),
            deadline: request.deadline, createdAt: request.createdAt)
    }
}

extension Components.Schemas.EventSchedule {
    init(_ schedule: EventSchedule, event: Event) {
        let slots = event.slots
        self.init(
            eventId: schedule.eventId.uuidString.lowercased(),
            meetings: schedule.meetings.compactMap { meeting in
                guard slots.indices.contains(meeting.slot) else { return nil }
                let interval = event.interval(of: slots[meeting.slot])
                return Components.Schemas.ScheduledMeeting(
                    requestId: meeting.requestId.uuidString.lowercased(),
                    requesterId: meeting.requesterId.uuidString.lowercased(),
                    inviteeId: meeting.inviteeId.uuidString.lowercased(), slot: meeting.slot, table: meeting.table,
                    start: interval.start, end: interval.end)
            },
            unplaced: schedule.unplaced.map { $0.uuidString.lowercased() }, placedWeight: schedule.placedWeight,
            upperBound: schedule.upperBound, optimalityGap: schedule.optimalityGap, idleGaps: schedule.idleGaps,
            movedMeetings: schedule.movedMeetings, createdAt: schedule.createdAt)
    }
}

extension Components.Schemas.Agenda {
    init(_ agenda: ParticipantAgenda) {
        let slots = agenda.event.slots
        let mine = agenda.registration.id
        self.init(
            eventId: agenda.event.id.uuidString.lowercased(), registrationId: mine.uuidString.lowercased(),
            items: agenda.schedule.meetings(of: mine).compactMap { meeting in
                guard slots.indices.contains(meeting.slot) else { return nil }
                let interval = agenda.event.interval(of: slots[meeting.slot])
                let partner = meeting.requesterId == mine ? meeting.inviteeId : meeting.requesterId
                return Components.Schemas.AgendaItem(
                    requestId: meeting.requestId.uuidString.lowercased(), partnerId: partner.uuidString.lowercased(),
                    partnerName: agenda.names[partner] ?? "", slot: meeting.slot, table: meeting.table,
                    start: interval.start, end: interval.end)
            })
    }
}

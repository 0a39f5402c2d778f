import Foundation
import OpenAPIRuntime
import SilkbridgeAPI
import SilkbridgeCore

/// Roundtables and brokerage events: sessions, registrations, meeting requests and schedules.
protocol EventsAPI: FeatureAPI {
    var events: EventService { get }
}

extension EventsAPI {
    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let list = try await events.events(viewer: try? context.account)
        return .ok(.init(body: .json(.init(items: try list.map(Components.Schemas.Event.init)))))
    }

    func createEvent(_ input: Operations.CreateEvent.Input) async throws -> Operations.CreateEvent.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let eventInput = try EventInput(
            kind: body.kind ?? .roundtable, title: body.title, description: body.description,
            location: body.location, timeZone: body.timeZone, sessions: body.sessions,
            registrationOpens: body.registrationOpens, registrationCloses: body.registrationCloses,
            capacity: body.capacity, approvalRequired: body.approvalRequired ?? false, themes: body.themes ?? [],
            requestCap: body.requestCap, requestDeadline: body.requestDeadline, current: nil)
        let event = try await events.create(
            eventInput, organizationId: try organizationId(body.organizationId), by: account)
        return .created(.init(body: .json(try .init(event))))
    }

    func getEvent(_ input: Operations.GetEvent.Input) async throws -> Operations.GetEvent.Output {
        let event = try await events.event(id: try eventId(input.path.eventId), viewer: try? context.account)
        return .ok(.init(body: .json(try .init(event))))
    }

    func updateEvent(_ input: Operations.UpdateEvent.Input) async throws -> Operations.UpdateEvent.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let id = try eventId(input.path.eventId)
        let current = try await events.event(id: id, viewer: account)
        let eventInput = try EventInput(
            kind: body.kind, title: body.title, description: body.description, location: body.location,
            timeZone: body.timeZone, sessions: body.sessions, registrationOpens: body.registrationOpens,
            registrationCloses: body.registrationCloses, capacity: body.capacity,
            approvalRequired: body.approvalRequired, themes: body.themes, requestCap: body.requestCap,
            requestDeadline: body.requestDeadline, current: current)
        return .ok(.init(body: .json(try .init(try await events.update(id, with: eventInput, by: account)))))
    }

    func publishEvent(_ input: Operations.PublishEvent.Input) async throws -> Operations.PublishEvent.Output {
        let event = try await events.publish(try eventId(input.path.eventId), by: try requireAccount())
        return .ok(.init(body: .json(try .init(event))))
    }

    func listEventRegistrations(_ input: Operations.ListEventRegistrations.Input) async throws
        -> Operations.ListEventRegistrations.Output
    {
        let list = try await events.registrations(of: try eventId(input.path.eventId), by: try requireAccount())
        return .ok(.init(body: .json(.init(items: try list.map(Components.Schemas.Registration.init)))))
    }

    func registerForEvent(_ input: Operations.RegisterForEvent.Input) async throws
        -> Operations.RegisterForEvent.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let registration = try await events.register(
            for: try eventId(input.path.eventId), organizationId: try organizationId(body.organizationId),
            RegistrationInput(
                displayName: body.displayName, availableSessions: body.availableSessions.map(Set.init),
                wants: body.wants.map { LocalizedText(english: $0.en, chinese: $0.zhHans) }),
            by: account)
        return .created(.init(body: .json(try .init(registration))))
    }

    func getMyRegistration(_ input: Operations.GetMyRegistration.Input) async throws
        -> Operations.GetMyRegistration.Output
    {
        let registration = try await events.myRegistration(
            for: try eventId(input.path.eventId), by: try requireAccount())
        return .ok(.init(body: .json(try .init(registration))))
    }

    func approveRegistration(_ input: Operations.ApproveRegistration.Input) async throws
        -> Operations.ApproveRegistration.Output
    {
        let registration = try await events.decide(
            try registrationId(input.path.registrationId), of: try eventId(input.path.eventId), approve: true,
            by: try requireAccount())
        return .ok(.init(body: .json(try .init(registration))))
    }

    func declineRegistration(_ input: Operations.DeclineRegistration.Input) async throws
        -> Operations.DeclineRegistration.Output
    {
        let registration = try await events.decide(
            try registrationId(input.path.registrationId), of: try eventId(input.path.eventId), approve: false,
            by: try requireAccount())
        return .ok(.init(body: .json(try .init(registration))))
    }

    func markNoShow(_ input: Operations.MarkNoShow.Input) async throws -> Operations.MarkNoShow.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let registration = try await events.markNoShow(
            try registrationId(input.path.registrationId), of: try eventId(input.path.eventId), noShow: body.noShow,
            by: account)
        return .ok(.init(body: .json(try .init(registration))))
    }

    func listEventParticipants(_ input: Operations.ListEventParticipants.Input) async throws
        -> Operations.ListEventParticipants.Output
    {
        let account = try requireAccount()
        let id = try eventId(input.path.eventId)
        let list = try await events.participants(of: id, viewer: account)
        let names = try await events.names(of: id)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: list.map {
                            Components.Schemas.Participant(
                                id: $0.id.uuidString.lowercased(),
                                organizationId: $0.organizationId.uuidString.lowercased(),
                                name: names[$0.id] ?? $0.displayName, wants: .init($0.wants))
                        }))))
    }

    func listMyMeetingRequests(_ input: Operations.ListMyMeetingRequests.Input) async throws
        -> Operations.ListMyMeetingRequests.Output
    {
        let list = try await events.myRequests(at: try eventId(input.path.eventId), by: try requireAccount())
        let now = Date()
        return .ok(.init(body: .json(.init(items: try list.map { try .init($0, now: now) }))))
    }

    func requestMeeting(_ input: Operations.RequestMeeting.Input) async throws -> Operations.RequestMeeting.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let invitee = UUID(uuidString: body.inviteeId) else {
            throw ValidationError([FieldIssue("inviteeId", Message("is not an id.", "不是有效的编号。"))])
        }
        let now = Date()
        let request = try await events.requestMeeting(
            at: try eventId(input.path.eventId),
            MeetingRequestInput(inviteeId: invitee, priority: body.priority, message: body.message ?? ""),
            by: account, now: now)
        return .created(.init(body: .json(try .init(request, now: now))))
    }

    func acceptMeetingRequest(_ input: Operations.AcceptMeetingRequest.Input) async throws
        -> Operations.AcceptMeetingRequest.Output
    {
        let now = Date()
        let request = try await events.answer(
            try id(input.path.requestId, else: EventError.requestNotFound), at: try eventId(input.path.eventId),
            accept: true, by: try requireAccount(), now: now)
        return .ok(.init(body: .json(try .init(request, now: now))))
    }

    func declineMeetingRequest(_ input: Operations.DeclineMeetingRequest.Input) async throws
        -> Operations.DeclineMeetingRequest.Output
    {
        let now = Date()
        let request = try await events.answer(
            try id(input.path.requestId, else: EventError.requestNotFound), at: try eventId(input.path.eventId),
            accept: false, by: try requireAccount(), now: now)
        return .ok(.init(body: .json(try .init(request, now: now))))
    }

    func runEventSchedule(_ input: Operations.RunEventSchedule.Input) async throws
        -> Operations.RunEventSchedule.Output
    {
        let account = try requireAccount()
        let id = try eventId(input.path.eventId)
        let schedule = try await events.runSchedule(id, by: account)
        let event = try await events.event(id: id, viewer: account)
        return .ok(.init(body: .json(.init(schedule, event: event))))
    }

    func getEventSchedule(_ input: Operations.GetEventSchedule.Input) async throws
        -> Operations.GetEventSchedule.Output
    {
        let account = try requireAccount()
        let id = try eventId(input.path.eventId)
        let event = try await events.event(id: id, viewer: account)
        let (schedule, names) = try await events.eventAgenda(of: id, by: account)
        if input.query.format == .ics {
            let agenda = EventAgenda(
                event: event, schedule: schedule, names: names, language: try language(input.query.lang?.rawValue))
            return .ok(.init(body: .textCalendar(HTTPBody(agenda.ics(for: nil, stamp: Date())))))
        }
        return .ok(.init(body: .json(.init(schedule, event: event))))
    }

    func getMyAgenda(_ input: Operations.GetMyAgenda.Input) async throws -> Operations.GetMyAgenda.Output {
        let agenda = try await events.agenda(of: try eventId(input.path.eventId), by: try requireAccount())
        if input.query.format == .ics {
            let calendar = EventAgenda(
                event: agenda.event, schedule: agenda.schedule, names: agenda.names,
                language: try language(input.query.lang?.rawValue))
            return .ok(.init(body: .textCalendar(HTTPBody(calendar.ics(for: agenda.registration.id, stamp: Date())))))
        }
        return .ok(.init(body: .json(.init(agenda))))
    }

    func registrationId(_ text: String) throws -> UUID {
        try id(text, else: EventError.registrationNotFound)
    }

    /// The calendar's language: the one asked for, else the request's.
    private func language(_ tag: String?) throws -> Language {
        if let tag, let language = Language(rawValue: tag) { return language }
        return try context.language
    }
}

import Foundation
import Hummingbird
import SilkbridgeCore

extension EventPages {
    func addParticipantRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post(EventPaths.register) { request, context in
            let account = try context.requireAccount()
            let id = try eventID(context)
            let form = try await FormData(request: request, context: context)
            do {
                let organization = try form.id("organizationId")
                let input = RegistrationInput(
                    displayName: form.text("displayName"),
                    availableSessions: Set(form.all("sessions").compactMap { Int($0) }),
                    wants: form.localized("wants"))
                _ = try await events.register(for: id, organizationId: organization, input, by: account)
                return PageRenderer.redirect(to: EventPaths.event(id))
            } catch let error as any DomainError where [.invalid, .conflict, .forbidden].contains(error.kind) {
                return try await eventPage(
                    request, context, form: form, errors: FormErrors(error, language: context.language),
                    status: error.kind == .invalid ? .badRequest : error.kind == .conflict ? .conflict : .forbidden)
            }
        }
        site.addPrivatePage(to: router, EventPaths.participants, participantsPage)
        router.post(EventPaths.requestMeeting) { request, context in
            let account = try context.requireAccount()
            let id = try eventID(context)
            let form = try await FormData(request: request, context: context)
            let invitee = form.text("inviteeId").flatMap(UUID.init(uuidString:))
            guard let invitee else {
                throw ValidationError([FieldIssue("inviteeId", Message("is required.", "为必填项。"))])
            }
            _ = try await events.requestMeeting(
                at: id,
                MeetingRequestInput(
                    inviteeId: invitee, priority: Int(form["priority"] ?? "") ?? 0, message: form["message"] ?? ""),
                by: account)
            return PageRenderer.redirect(to: EventPaths.requests(id))
        }
        site.addPrivatePage(to: router, EventPaths.requests, requestsPage)
        router.post(EventPaths.answer) { request, context in
            let account = try context.requireAccount()
            let id = try eventID(context)
            let requestId = try site.pathID(context, "request", missing: EventError.requestNotFound)
            let answer = try site.pathValue(context, "answer", as: MeetingAnswer.self)
            _ = try await events.answer(requestId, at: id, accept: answer == .accept, by: account)
            return PageRenderer.redirect(to: EventPaths.requests(id))
        }
        site.addPrivatePage(to: router, EventPaths.agenda, agendaPage)
        router.get(EventPaths.agendaCalendar) { request, context in
            let agenda = try await events.agenda(of: try eventID(context), by: try context.requireAccount())
            let calendar = EventAgenda(
                event: agenda.event, schedule: agenda.schedule, names: agenda.names, language: context.language)
            return calendarFile(calendar.ics(for: agenda.registration.id, stamp: Date()), name: "agenda")
        }
    }

    func registerForm(
        _ event: Event, account: Account, form: FormData?, errors: FormErrors?, _ language: Language
    ) async throws -> EventRegisterForm {
        let chosen = form?["organizationId"]
        let organizations = try await site.directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
        let sessions = form.map { Set($0.all("sessions")) }
        return EventRegisterForm(
            action: EventPaths.register(event.id),
            organizations: site.organizationOptions(organizations, selected: [chosen], language),
            hasOrganization: !organizations.isEmpty, newOrganizationLink: SitePaths.newOrganization(),
            displayName: form?["displayName"] ?? account.displayName,
            sessions: EventView(event: event, language: language, catalog: site.catalog).sessions.map {
                var session = $0
                session.checked = sessions?.contains(String($0.index)) ?? true
                return session
            },
            wantsEnglish: form?["wants_en"] ?? "", wantsChinese: form?["wants_zh"] ?? "",
            hasErrors: errors == nil ? nil : true,
            errors: errors.map { errors in
                [errors.general].compactMap { $0 }
                    + errors.fieldErrors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            })
    }

    /// The other participants, suggested partners first: the matchmaking's reciprocal partners of the viewer's
    /// organisation who are here, with the reason they fit, then everyone else by name.
    private func participantsPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try eventID(context)
        let language = context.language
        let event = try await events.event(id: id, viewer: account)
        let participants = try await events.participants(of: id, viewer: account)
        let mine = try await ifPresent { try await events.myRegistration(for: id, by: account) }
        let people = try await people(participants, language)
        var suggestions: [UUID: Match] = [:]
        if let mine {
            for match in try await ifPresent({ try await matching.matches(for: mine.organizationId, limit: 200) }) ?? []
            {
                suggestions[match.organizationId] = match
            }
        }
        let requests = mine == nil ? [] : try await events.myRequests(at: id, by: account)
        let now = Date()
        let rows = participants.map { participant in
            var row = EventParticipantsPage.Participant(
                id: participant.id.uuidString.lowercased(),
                wants: participant.wants.isEmpty ? nil : participant.wants.best(for: language))
            let match = suggestions[participant.organizationId]
            if let match {
                row.suggested = EventParticipantsPage.Suggestion(
                    score: Int((match.score * 100).rounded()), reason: match.reasons.first?.text(in: language) ?? "")
            }
            if let mine, participant.id != mine.id {
                if let existing = requests.first(where: {
                    $0.connects(mine.id, participant.id) && $0.status(at: now) != .declined
                }) {
                    row.requestStatus = existing.status(at: now).label.text(in: language)
                } else {
                    row.canRequest = true
                }
            }
            return (
                score: match?.score ?? -1, name: people[participant.id]?.label ?? "",
                row: Merged(row, people[participant.id]?.view)
            )
        }
        let view = EventParticipantsPage(
            event: EventView(event: event, language: language, catalog: site.catalog).summary,
            participants: rows.sorted { ($1.score, $0.name) < ($0.score, $1.name) }.map(\.row),
            empty: participants.isEmpty, requestAction: EventPaths.requestMeeting(id),
            requestsLink: EventPaths.requests(id),
            requestDeadline: EventView(event: event, language: language, catalog: site.catalog).local(
                event.requestDeadline),
            requestCap: event.requestCap,
            used: requests.filter { $0.requesterId == mine?.id && $0.status(at: now).isActive }.count,
            priorities: MeetingPriority.allCases.map {
                Option(value: String($0.rawValue), label: $0.label.text(in: language), selected: $0 == .wanted)
            })
        return renderer.render(
            "event-participants", title: site.text("event_participants_title", context), view: view,
            request: request, context: context)
    }

    private func requestsPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try eventID(context)
        let language = context.language
        let event = try await events.event(id: id, viewer: account)
        let mine = try await events.myRegistration(for: id, by: account)
        let requests = try await events.myRequests(at: id, by: account)
        let everyone = try await ifPresent { try await events.participants(of: id, viewer: account) } ?? []
        let people = try await people(everyone, language)
        let now = Date()
        func row(_ meeting: MeetingRequest, other: UUID, answerable: Bool = false) -> EventRequestsPage.Row {
            let pending = answerable && meeting.status(at: now) == .pending
            let request = EventRequestsPage.Request(
                status: meeting.status(at: now).label.text(in: language),
                statusCode: meeting.status(at: now).rawValue, priority: meeting.priority.label.text(in: language),
                message: meeting.message.isEmpty ? nil : meeting.message,
                acceptAction: pending ? EventPaths.answer(id, meeting.id, .accept) : nil,
                declineAction: pending ? EventPaths.answer(id, meeting.id, .decline) : nil)
            return Merged(request, people[other]?.view ?? EventPages.Person.View(name: "?"))
        }
        let received = requests.filter { $0.inviteeId == mine.id }.map {
            row($0, other: $0.requesterId, answerable: true)
        }
        let sent = requests.filter { $0.requesterId == mine.id }.map { row($0, other: $0.inviteeId) }
        let view = EventRequestsPage(
            event: EventView(event: event, language: language, catalog: site.catalog).summary,
            received: received, hasReceived: !received.isEmpty, sent: sent, hasSent: !sent.isEmpty,
            participantsLink: EventPaths.participants(id), agendaLink: EventPaths.agenda(id))
        return renderer.render(
            "event-requests", title: site.text("event_requests_title", context), view: view, request: request,
            context: context)
    }

    private func agendaPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try eventID(context)
        let language = context.language
        let agenda = try await events.agenda(of: id, by: account)
        let shown = EventView(event: agenda.event, language: language, catalog: site.catalog)
        let everyone =
            (try await ifPresent { try await events.participants(of: id, viewer: account) } ?? []) + [
                agenda.registration
            ]
        let people = try await people(everyone, language)
        let registrations = Dictionary(everyone.map { ($0.id, $0) }) { first, _ in first }
        let outcomes = try await outcomeContext(agenda, account: account, language: language)
        let meetings = agenda.schedule.meetings.map { meeting in
            let partner = meeting.requesterId == agenda.registration.id ? meeting.inviteeId : meeting.requesterId
            let row = EventAgendaPage.Meeting(
                id: meeting.requestId.uuidString.lowercased(), time: shown.slotText(meeting.slot), table: meeting.table,
                outcomes: self.outcomes(of: meeting, partner: registrations[partner], outcomes))
            return Merged(row, people[partner]?.view ?? EventPages.Person.View(name: agenda.names[partner] ?? "?"))
        }
        let view = EventAgendaPage(
            event: shown.summary, meetings: meetings, empty: meetings.isEmpty,
            calendarLink: EventPaths.agendaCalendar(id), requestsLink: EventPaths.requests(id),
            status: agenda.registration.status.label.text(in: language))
        return renderer.render(
            "event-agenda", title: site.text("event_agenda_title", context), view: view, request: request,
            context: context)
    }
}

struct EventRegisterForm {
    let action: String
    let organizations: [Option]
    let hasOrganization: Bool
    let newOrganizationLink: String
    let displayName: String
    let sessions: [EventView.Session]
    let wantsEnglish: String
    let wantsChinese: String
    /// A refused registration's messages, listed above the form.
    let hasErrors: Bool?
    let errors: [String]?
}

struct EventParticipantsPage {
    struct Suggestion {
        let score: Int
        let reason: String
    }

    struct Participant {
        let id: String
        let wants: String?
        var suggested: Suggestion?
        var requestStatus: String?
        var canRequest: Bool?
    }

    let event: EventView.Summary
    let participants: [Merged<Participant, EventPages.Person.View>]
    let empty: Bool
    let requestAction: String
    let requestsLink: String
    let requestDeadline: String
    let requestCap: Int
    let used: Int
    let priorities: [Option]
}

struct EventRequestsPage {
    struct Request {
        let status: String
        let statusCode: String
        let priority: String
        let message: String?
        /// The answers, for a pending request the viewer received.
        let acceptAction: String?
        let declineAction: String?
    }

    typealias Row = Merged<Request, EventPages.Person.View>

    let event: EventView.Summary
    let received: [Row]
    let hasReceived: Bool
    let sent: [Row]
    let hasSent: Bool
    let participantsLink: String
    let agendaLink: String
}

struct EventAgendaPage {
    struct Meeting {
        let id: String
        let time: String
        let table: Int
        let outcomes: EventMeetingOutcomes
    }

    let event: EventView.Summary
    let meetings: [Merged<Meeting, EventPages.Person.View>]
    let empty: Bool
    let calendarLink: String
    let requestsLink: String
    let status: String
}

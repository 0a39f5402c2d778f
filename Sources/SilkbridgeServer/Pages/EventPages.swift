import Foundation
import Hummingbird
import NIOCore
import SilkbridgeCore

/// The event pages: the programme of every published event, registration, the participants to meet (suggested
/// partners first), meeting requests, the personal agenda and its calendar file; for the organisers, the
/// registrations, one button to schedule and the printable table plan. They go through `EventService` like the
/// API, so drafts, registrations and agendas stay with the people they belong to.
struct EventPages: Sendable {
    let site: SitePages
    let events: EventService
    let matching: MatchingService
    let agreements: AgreementService

    var renderer: PageRenderer { site.renderer }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(EventPaths.list) { request, context in try await listPage(request, context) }
        addEventFormRoutes(to: router)
        router.get(EventPaths.event) { request, context in try await eventPage(request, context) }
        router.post(EventPaths.publish) { request, context in
            let id = try eventID(context)
            _ = try await events.publish(id, by: try context.requireAccount())
            return PageRenderer.redirect(to: EventPaths.event(id))
        }
        addParticipantRoutes(to: router)
        addOrganizerRoutes(to: router)
        addOutcomeRoutes(to: router)
    }

    func eventID(_ context: AppRequestContext) throws -> UUID {
        try site.pathID(context, missing: EventError.eventNotFound)
    }

    private func listPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let language = context.language
        let list = try await events.events(viewer: context.account)
        let view = EventsPage(
            events: list.map { EventView(event: $0, language: language, catalog: site.catalog).summary },
            empty: list.isEmpty, newLink: context.account == nil ? nil : EventPaths.newEvent())
        return renderer.render(
            "events", title: site.text("events_title", context), view: view, request: request, context: context)
    }

    /// The programme for everyone; below it what the viewer can do: log in, register, or go to their requests and
    /// agenda; the organisers also get the registrations and the schedule.
    func eventPage(
        _ request: Request, _ context: AppRequestContext, form: FormData? = nil, errors: FormErrors? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = try eventID(context)
        let event = try await events.event(id: id, viewer: context.account)
        let language = context.language
        let shown = EventView(event: event, language: language, catalog: site.catalog)
        var view = EventPage(
            sessions: shown.sessions, registrationOpens: shown.local(event.registration.opens),
            registrationCloses: shown.local(event.registration.closes),
            requestDeadline: shown.local(event.requestDeadline), requestCap: event.requestCap,
            approvalRequired: event.approvalRequired, listLink: EventPaths.list())
        guard let account = context.account else {
            view.loginLink = SitePaths.logIn(returningTo: request.uri.path)
            return renderer.render(
                "event", title: event.title.best(for: language), view: Merged(view, shown.summary), request: request,
                context: context)
        }
        if let role = try await site.directory.role(of: account, in: event.organizerId) {
            view.organizer = try await organizerView(event, role: role, account: account, shown: shown, context)
        }
        if let mine = try await ifPresent({ try await events.myRegistration(for: id, by: account) }) {
            view.mine = EventPage.Mine(
                status: mine.status.label.text(in: language), isApproved: mine.isApproved,
                participantsLink: EventPaths.participants(id), requestsLink: EventPaths.requests(id),
                agendaLink: EventPaths.agenda(id), calendarLink: EventPaths.agendaCalendar(id))
        } else if event.isPublished, event.registration.contains(Date()) {
            view.register = try await registerForm(event, account: account, form: form, errors: errors, language)
        } else if event.isPublished {
            view.registrationClosed = true
        }
        return renderer.render(
            "event", title: event.title.best(for: language), view: Merged(view, shown.summary), request: request,
            context: context, status: status)
    }

    /// A calendar file to download, named after the event.
    func calendarFile(_ text: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/calendar; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(name).ics\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Person and organisation of each registration, in the page's language.
    func people(_ registrations: [Registration], _ language: Language) async throws -> [UUID: Person] {
        let organizations = try await site.directory.organizations(ids: Set(registrations.map(\.organizationId)))
        var result: [UUID: Person] = [:]
        for registration in registrations {
            let organization = organizations[registration.organizationId]
            result[registration.id] = Person(
                name: registration.displayName, organization: organization?.name.best(for: language) ?? "",
                organizationId: registration.organizationId,
                side: organization?.side.label.text(in: language) ?? "",
                country: organization.flatMap { site.catalog.country($0.country)?.name.best(for: language) } ?? "")
        }
        return result
    }

    struct Person {
        let name: String
        let organization: String
        let organizationId: UUID
        let side: String
        let country: String

        var label: String { organization.isEmpty ? name : "\(name) · \(organization)" }

        var view: View {
            View(
                name: name, organization: organization, side: side, country: country,
                organizationLink: SitePaths.organization(organizationId))
        }

        /// What a row shows of its person; one no longer registered shows a name only.
        struct View {
            let name: String
            var organization: String?
            var side: String?
            var country: String?
            var organizationLink: String?
        }
    }
}

struct EventsPage {
    let events: [EventView.Summary]
    let empty: Bool
    /// The link to create an event, for people logged in.
    let newLink: String?
}

/// An event's page beyond its summary: the programme, and what the viewer can do.
struct EventPage {
    struct Mine {
        let status: String
        let isApproved: Bool
        let participantsLink: String
        let requestsLink: String
        let agendaLink: String
        let calendarLink: String
    }

    let sessions: [EventView.Session]
    let registrationOpens: String
    let registrationCloses: String
    let requestDeadline: String
    let requestCap: Int
    let approvalRequired: Bool
    let listLink: String
    var loginLink: String?
    var organizer: EventOrganizerView?
    var mine: Mine?
    var register: EventRegisterForm?
    var registrationClosed: Bool?
}

import Foundation
import Hummingbird
import SilkbridgeCore

extension EventPages {
    func addOrganizerRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post(EventPaths.decide) { request, context in
            let (id, registration, _) = try await registrationAction(request, context)
            let decision = try site.pathValue(context, "decision", as: RegistrationDecision.self)
            _ = try await events.decide(
                registration, of: id, approve: decision == .approve, by: try context.requireAccount())
            return PageRenderer.redirect(to: EventPaths.event(id) + "#registrations")
        }
        router.post(EventPaths.noShow) { request, context in
            let (id, registration, form) = try await registrationAction(request, context)
            _ = try await events.markNoShow(
                registration, of: id, noShow: form["noShow"] != "false", by: try context.requireAccount())
            return PageRenderer.redirect(to: EventPaths.event(id) + "#registrations")
        }
        router.post(EventPaths.schedule) { request, context in
            let id = try eventID(context)
            _ = try await events.runSchedule(id, by: try context.requireAccount())
            return PageRenderer.redirect(to: EventPaths.plan(id))
        }
        site.addPrivatePage(to: router, EventPaths.plan, planPage)
        router.get(EventPaths.planCalendar) { request, context in
            let account = try context.requireAccount()
            let id = try eventID(context)
            let event = try await events.event(id: id, viewer: account)
            let (schedule, names) = try await events.eventAgenda(of: id, by: account)
            let calendar = EventAgenda(event: event, schedule: schedule, names: names, language: context.language)
            return calendarFile(calendar.ics(for: nil, stamp: Date()), name: "meetings")
        }
    }

    /// The event and registration an organiser's button acts on, after the form's CSRF check.
    private func registrationAction(_ request: Request, _ context: AppRequestContext) async throws
        -> (UUID, UUID, FormData)
    {
        let form = try await FormData(request: request, context: context)
        let id = try eventID(context)
        let registration = try site.pathID(context, "registration", missing: EventError.registrationNotFound)
        return (id, registration, form)
    }

    /// What the organisers see under the programme: every registration with its buttons, and the schedule.
    func organizerView(
        _ event: Event, role: Role, account: Account, shown: EventView, _ context: AppRequestContext
    ) async throws -> EventOrganizerView {
        let language = context.language
        let mayChange = role >= .admin
        let registrations = try await events.registrations(of: event.id, by: account)
        let people = try await people(registrations, language)
        let rows = registrations.map { registration in
            var row = EventOrganizerView.Registration(
                status: registration.status.label.text(in: language), statusCode: registration.status.rawValue,
                sessions: registration.availableSessions.sorted().map { String($0 + 1) }.joined(separator: ", "),
                noShow: registration.noShow)
            if mayChange {
                if registration.status == .pending {
                    row.approveAction = EventPaths.decide(event.id, registration.id, .approve)
                    row.declineAction = EventPaths.decide(event.id, registration.id, .decline)
                }
                if registration.isApproved { row.noShowAction = EventPaths.noShow(event.id, registration.id) }
            }
            return Merged(row, people[registration.id]?.view)
        }
        var view = EventOrganizerView(
            registrations: rows, hasRegistrations: !rows.isEmpty, mayChange: mayChange,
            approved: registrations.filter(\.isApproved).count, planLink: EventPaths.plan(event.id))
        if mayChange {
            if event.isPublished {
                view.scheduleAction = EventPaths.schedule(event.id)
            } else {
                view.publishAction = EventPaths.publish(event.id)
            }
        }
        if let schedule = try await ifPresent({ try await events.schedule(of: event.id, by: account) }) {
            view.schedule = scheduleSummary(schedule, shown: shown)
            let outcomes = try await events.outcomes(of: event.id, by: account)
            if outcomes.summary.meetingsHeld > 0 { view.outcomes = outcomeSummary(outcomes.summary, language) }
        }
        return view
    }

    private func scheduleSummary(_ schedule: EventSchedule, shown: EventView) -> EventScheduleSummary {
        EventScheduleSummary(
            meetings: schedule.meetings.count, unplaced: schedule.unplaced.count,
            weight: schedule.placedWeight, bound: schedule.upperBound,
            gap: String(format: "%.1f", schedule.optimalityGap * 100), idleGaps: schedule.idleGaps,
            moved: schedule.movedMeetings, at: shown.local(schedule.createdAt))
    }

    /// The printable table plan: for every slot, who sits at which table.
    private func planPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try eventID(context)
        let language = context.language
        let event = try await events.event(id: id, viewer: account)
        let schedule = try await events.schedule(of: id, by: account)
        let shown = EventView(event: event, language: language, catalog: site.catalog)
        let people = try await people(try await events.registrations(of: id, by: account), language)
        let bySlot = Dictionary(grouping: schedule.meetings, by: \.slot)
        let slots = event.slots.compactMap { slot -> EventPlanPage.Slot? in
            guard let meetings = bySlot[slot.index], !meetings.isEmpty else { return nil }
            return EventPlanPage.Slot(
                time: shown.slotText(slot.index),
                tables: meetings.sorted { $0.table < $1.table }.map { meeting in
                    EventPlanPage.Table(
                        table: meeting.table, requester: people[meeting.requesterId]?.label ?? "?",
                        invitee: people[meeting.inviteeId]?.label ?? "?")
                })
        }
        let view = EventPlanPage(
            event: shown.summary, summary: scheduleSummary(schedule, shown: shown), slots: slots,
            empty: slots.isEmpty, calendarLink: EventPaths.planCalendar(id), eventLink: EventPaths.event(id))
        return renderer.render(
            "event-plan", title: site.text("event_plan_title", context), view: view, request: request,
            context: context)
    }
}

/// What the organisers see under an event's programme.
struct EventOrganizerView {
    struct Registration {
        let status: String
        let statusCode: String
        let sessions: String
        let noShow: Bool
        /// The buttons, for admins and owners.
        var approveAction: String?
        var declineAction: String?
        var noShowAction: String?
    }

    let registrations: [Merged<Registration, EventPages.Person.View>]
    let hasRegistrations: Bool
    let mayChange: Bool
    let approved: Int
    let planLink: String
    var scheduleAction: String?
    var publishAction: String?
    var schedule: EventScheduleSummary?
    var outcomes: EventOutcomeSummary?
}

struct EventScheduleSummary {
    let meetings: Int
    let unplaced: Int
    let weight: Int
    let bound: Int
    let gap: String
    let idleGaps: Int
    let moved: Int
    let at: String
}

struct EventPlanPage {
    struct Table {
        let table: Int
        let requester: String
        let invitee: String
    }

    struct Slot {
        let time: String
        let tables: [Table]
    }

    let event: EventView.Summary
    let summary: EventScheduleSummary
    let slots: [Slot]
    let empty: Bool
    let calendarLink: String
    let eventLink: String
}

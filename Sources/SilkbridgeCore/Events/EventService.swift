import Foundation

/// Roundtables and brokerage events: organisers (members of the organising organisation; owners and admins
/// change and schedule) create and publish events, participants register for their organisation, ask each other
/// for meetings and read their agenda; anyone reads a published event's programme. Drafts, registrations and
/// requests are hidden from everyone else: they read as not found.
public struct EventService: Sendable {
    let repository: any EventRepository
    let directory: DirectoryService
    let catalog: ReferenceCatalog
    let scheduling: EventScheduling
    /// Meeting outcomes move the two organisations' interests forward and link the agreements they signed.
    let interests: any InterestRepository
    let agreements: any AgreementRepository
    let gate = EventGate()

    public init(
        repository: any EventRepository, directory: DirectoryService, catalog: ReferenceCatalog,
        interests: any InterestRepository, agreements: any AgreementRepository,
        scheduling: EventScheduling = EventScheduling()
    ) {
        self.repository = repository
        self.directory = directory
        self.catalog = catalog
        self.interests = interests
        self.agreements = agreements
        self.scheduling = scheduling
    }

    /// Creates a draft event run by an organisation of which the caller is an owner or admin.
    public func create(
        _ input: EventInput, organizationId: UUID, by account: Account, now: Date = Date()
    ) async throws -> Event {
        _ = try await directory.requireRole(.admin, of: account, in: organizationId)
        let base = Event.blank(id: UUID(), kind: input.kind ?? .roundtable, organizerId: organizationId, createdAt: now)
        let event = try EventValidator(catalog: catalog).apply(input, to: base)
        try await repository.insert(event, audit: [audit(event, account, "event.created", now)])
        return event
    }

    /// Changes an event; owners and admins of the organising organisation.
    public func update(_ id: UUID, with input: EventInput, by account: Account, now: Date = Date()) async throws
        -> Event
    {
        let current = try await organizedEvent(id, by: account, role: .admin)
        var event = try EventValidator(catalog: catalog).apply(input, to: current)
        event.updatedAt = now
        try await repository.update(event, audit: [audit(event, account, "event.updated", now)])
        return event
    }

    /// Makes a draft public; publishing again changes nothing.
    public func publish(_ id: UUID, by account: Account, now: Date = Date()) async throws -> Event {
        var event = try await organizedEvent(id, by: account, role: .admin)
        guard !event.isPublished else { return event }
        event.publishedAt = now
        event.updatedAt = now
        try await repository.update(event, audit: [audit(event, account, "event.published", now)])
        return event
    }

    /// A published event for anyone, a draft for the organisers only.
    public func event(id: UUID, viewer: Account?) async throws -> Event {
        guard let event = try await repository.event(id: id) else { throw EventError.eventNotFound }
        if event.isPublished { return event }
        guard try await directory.role(of: viewer, in: event.organizerId) != nil else {
            throw EventError.eventNotFound
        }
        return event
    }

    /// Published events still to come, and every event (drafts too) of the viewer's organisations.
    public func events(viewer: Account?, now: Date = Date(), limit: Int = 100) async throws -> [Event] {
        var seen = Set<UUID>()
        var result: [Event] = []
        if let viewer {
            for (organization, _) in try await directory.memberships(of: viewer) {
                for event in try await repository.events(organizedBy: organization.id)
                where seen.insert(event.id).inserted {
                    result.append(event)
                }
            }
        }
        for event in try await repository.events(startingFrom: now, limit: limit)
        where event.isPublished && seen.insert(event.id).inserted {
            result.append(event)
        }
        return result.sorted {
            ($0.start ?? .distantPast, $0.id.uuidString) < ($1.start ?? .distantPast, $1.id.uuidString)
        }
    }

    // MARK: Registrations

    /// Registers the caller for their organisation while registration is open; approved at once unless the event
    /// requires an organiser's approval.
    public func register(
        for eventId: UUID, organizationId: UUID, _ input: RegistrationInput, by account: Account, now: Date = Date()
    ) async throws -> Registration {
        let event = try await publishedEvent(eventId, viewer: account)
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        guard event.registration.contains(now) else { throw EventError.registrationClosed }
        let base = Registration(
            id: UUID(), eventId: event.id, organizationId: organizationId, accountId: account.id,
            displayName: account.displayName, availableSessions: Set(event.sessions.indices), wants: LocalizedText(),
            status: event.approvalRequired ? .pending : .approved, createdAt: now)
        let registration = try RegistrationValidator(event: event).apply(input, to: base)
        return try await exclusively(event.id) { repository in
            if try await repository.registration(of: event.id, account: account.id) != nil {
                throw EventError.alreadyRegistered
            }
            if !event.approvalRequired, try await repository.approvedCount(of: event.id) >= event.capacity {
                throw EventError.eventFull
            }
            guard try await repository.insert(registration) else { throw EventError.alreadyRegistered }
            return registration
        }
    }

    /// Every registration of the event with its status; the organisers only.
    public func registrations(of eventId: UUID, by account: Account) async throws -> [Registration] {
        let event = try await organizedEvent(eventId, by: account, role: .member)
        return try await repository.registrations(of: event.id)
    }

    /// The caller's own registration for the event.
    public func myRegistration(for eventId: UUID, by account: Account) async throws -> Registration {
        let event = try await event(id: eventId, viewer: account)
        guard let mine = try await repository.registration(of: event.id, account: account.id) else {
            throw EventError.registrationNotFound
        }
        return mine
    }

    /// An organiser approves or declines a registration; approving respects the capacity.
    public func decide(
        _ registrationId: UUID, of eventId: UUID, approve: Bool, by account: Account, now: Date = Date()
    ) async throws -> Registration {
        let event = try await organizedEvent(eventId, by: account, role: .admin)
        return try await exclusively(event.id) { repository in
            guard var registration = try await repository.registration(id: registrationId),
                registration.eventId == event.id
            else { throw EventError.registrationNotFound }
            if approve, !registration.isApproved, try await repository.approvedCount(of: event.id) >= event.capacity {
                throw EventError.eventFull
            }
            registration.status = approve ? .approved : .declined
            registration.updatedAt = now
            try await repository.update(registration)
            return registration
        }
    }

    /// An organiser marks a participant as not having come (or takes the mark back); the next schedule frees
    /// their later slots.
    public func markNoShow(
        _ registrationId: UUID, of eventId: UUID, noShow: Bool, by account: Account, now: Date = Date()
    ) async throws -> Registration {
        let event = try await organizedEvent(eventId, by: account, role: .admin)
        guard var registration = try await repository.registration(id: registrationId),
            registration.eventId == event.id
        else { throw EventError.registrationNotFound }
        registration.noShow = noShow
        registration.updatedAt = now
        try await repository.update(registration)
        return registration
    }

    /// The other approved participants, for a participant with an approved registration, or for the organisers.
    public func participants(of eventId: UUID, viewer account: Account) async throws -> [Registration] {
        let event = try await event(id: eventId, viewer: account)
        let all = try await repository.registrations(of: event.id)
        let approved = all.filter(\.isApproved)
        if try await directory.role(of: account, in: event.organizerId) != nil { return approved }
        guard let mine = all.first(where: { $0.accountId == account.id }) else { throw EventError.registrationNotFound }
        guard mine.isApproved else { throw EventError.notApproved }
        return approved.filter { $0.id != mine.id }
    }

    // MARK: Meeting requests

    /// The caller asks another participant for a meeting, within the event's cap and deadline.
    public func requestMeeting(
        at eventId: UUID, _ input: MeetingRequestInput, by account: Account, now: Date = Date()
    ) async throws -> MeetingRequest {
        let event = try await event(id: eventId, viewer: account)
        guard let requester = try await repository.registration(of: event.id, account: account.id) else {
            throw EventError.registrationNotFound
        }
        guard let invitee = try await repository.registration(id: input.inviteeId), invitee.eventId == event.id else {
            throw ValidationError([
                FieldIssue("inviteeId", Message("is not a participant of this event.", "不是该活动的参会者。"))
            ])
        }
        return try await exclusively(event.id) { repository in
            let request = try MeetingRequestValidator(event: event).validate(
                input, requester: requester, invitee: invitee,
                existing: try await repository.requests(of: event.id, involving: [requester.id, invitee.id]),
                id: UUID(), now: now)
            try await repository.insert(request)
            return request
        }
    }

    /// The invitee accepts or declines a request.
    public func answer(
        _ requestId: UUID, at eventId: UUID, accept: Bool, by account: Account, now: Date = Date()
    ) async throws -> MeetingRequest {
        let (_, mine) = try await participant(eventId, account)
        guard var request = try await repository.request(id: requestId), request.eventId == eventId,
            request.requesterId == mine.id || request.inviteeId == mine.id
        else { throw EventError.requestNotFound }
        try request.answer(accept: accept, by: mine.id, at: now)
        try await repository.update(request)
        return request
    }

    /// The requests the caller made or received at the event, oldest first.
    public func myRequests(at eventId: UUID, by account: Account) async throws -> [MeetingRequest] {
        let (_, mine) = try await participant(eventId, account)
        return try await repository.requests(of: eventId, involving: [mine.id])
    }

    // MARK: Schedule and agendas

    /// Places the accepted meetings and publishes the schedule; published meetings stay where they still fit.
    public func runSchedule(_ eventId: UUID, by account: Account, now: Date = Date()) async throws -> EventSchedule {
        let event = try await organizedEvent(eventId, by: account, role: .admin)
        let registrations = try await repository.registrations(of: event.id)
        let requests = try await repository.requests(of: event.id)
        let previous = try await repository.schedule(of: event.id)
        let schedule = scheduling.schedule(
            event, registrations: registrations, requests: requests, published: previous, now: now)
        let detail =
            "\(schedule.meetings.count) meetings, weight \(schedule.placedWeight) of at most \(schedule.upperBound)"
        try await repository.save(schedule, audit: [audit(event, account, "event.scheduled", now, detail: detail)])
        return schedule
    }

    /// The whole published schedule; the organisers only.
    public func schedule(of eventId: UUID, by account: Account) async throws -> EventSchedule {
        let event = try await organizedEvent(eventId, by: account, role: .member)
        guard let schedule = try await repository.schedule(of: event.id) else { throw EventError.scheduleNotFound }
        return schedule
    }

    /// The caller's agenda: their registration, their meetings and the names of everyone in them.
    public func agenda(of eventId: UUID, by account: Account) async throws -> ParticipantAgenda {
        let (event, mine) = try await participant(eventId, account)
        let schedule =
            try await repository.schedule(of: event.id)
            ?? EventSchedule(
                eventId: event.id, meetings: [], unplaced: [], placedWeight: 0, upperBound: 0, idleGaps: 0,
                movedMeetings: 0, createdAt: event.createdAt)
        let meetings = schedule.meetings(of: mine.id)
        let names = try await names(of: event.id)
        var own = schedule
        own.meetings = meetings
        own.unplaced = []
        return ParticipantAgenda(event: event, registration: mine, schedule: own, names: names)
    }

    /// The whole event's schedule with the participants' names, for the organisers' calendar.
    public func eventAgenda(of eventId: UUID, by account: Account) async throws -> (EventSchedule, [UUID: String]) {
        let schedule = try await schedule(of: eventId, by: account)
        return (schedule, try await names(of: eventId))
    }

    /// "Anna Weber (Isar Energy)" for every registration of the event.
    public func names(of eventId: UUID) async throws -> [UUID: String] {
        var organizations: [UUID: String] = [:]
        var names: [UUID: String] = [:]
        for registration in try await repository.registrations(of: eventId) {
            if organizations[registration.organizationId] == nil {
                let organization = try? await directory.organization(id: registration.organizationId)
                organizations[registration.organizationId] = organization?.name.best(for: .english) ?? ""
            }
            let organization = organizations[registration.organizationId] ?? ""
            names[registration.id] =
                organization.isEmpty ? registration.displayName : "\(registration.displayName) (\(organization))"
        }
        return names
    }

    // MARK: Access

    /// One change at a time per event: the gate queues this process's changes, the database holds the event
    /// against other servers, and `work` reads and writes through the repository that holds it, so that checks
    /// made before a write (the capacity, the request cap, duplicate pairs) still hold when it lands.
    func exclusively<T: Sendable>(
        _ eventId: UUID, _ work: @escaping @Sendable (any EventRepository) async throws -> T
    ) async throws -> T {
        try await gate.run(eventId) { try await repository.exclusively(eventId, work) }
    }

    /// The event if the caller is a member (at least `role`) of the organising organisation; drafts of others read
    /// as not found.
    func organizedEvent(_ id: UUID, by account: Account, role: Role) async throws -> Event {
        let event = try await event(id: id, viewer: account)
        guard let held = try await directory.role(of: account, in: event.organizerId) else {
            throw EventError.notOrganizer
        }
        guard held >= role else { throw DirectoryError.roleTooLow(needed: role) }
        return event
    }

    private func publishedEvent(_ id: UUID, viewer: Account) async throws -> Event {
        let event = try await event(id: id, viewer: viewer)
        guard event.isPublished else { throw EventError.registrationClosed }
        return event
    }

    /// The event and the caller's registration, which must be approved.
    func participant(_ eventId: UUID, _ account: Account) async throws -> (Event, Registration) {
        let event = try await event(id: eventId, viewer: account)
        guard let mine = try await repository.registration(of: event.id, account: account.id) else {
            throw EventError.registrationNotFound
        }
        return (event, mine)
    }

    private func audit(_ event: Event, _ account: Account, _ action: String, _ now: Date, detail: String = "")
        -> AuditEvent
    {
        directory.audit(
            event.organizerId, account, action,
            "\(event.title.best(for: .english)) \(detail)".trimmingCharacters(in: .whitespaces), now)
    }
}

/// A participant's own meetings at an event, with the names of their partners.
public struct ParticipantAgenda: Sendable {
    public let event: Event
    public let registration: Registration
    /// Only the participant's meetings.
    public let schedule: EventSchedule
    public let names: [UUID: String]
}

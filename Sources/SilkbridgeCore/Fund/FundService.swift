import Foundation

/// How far a person may see into a fund.
public enum FundAccess: Sendable, Hashable {
    /// An owner or admin of the managing organisation: sees and changes everything.
    case manager
    /// Another member of the managing organisation: sees everything, changes nothing.
    case staff
    /// A member of contributing organisations: sees the fund and its projects, and these contributors' own
    /// positions only.
    case contributor(Set<UUID>)
}

/// The joint investment fund: funds, contributors and their pledges, the project pipeline, commitments,
/// disbursements and repayments, with the fund's rules; shared by the API and the pages.
public struct FundService: Sendable {
    let repository: any FundRepository
    let directory: DirectoryService
    let rates: ExchangeRates
    let ledger: any LedgerAppending
    let scheme: any SignatureScheme
    let catalog: ReferenceCatalog

    public init(
        repository: any FundRepository, directory: DirectoryService, rates: ExchangeRates,
        ledger: any LedgerAppending, scheme: any SignatureScheme, catalog: ReferenceCatalog
    ) {
        self.repository = repository
        self.directory = directory
        self.rates = rates
        self.ledger = ledger
        self.scheme = scheme
        self.catalog = catalog
    }

    /// Sets up a fund run by an organisation the caller is an owner or admin of.
    public func create(_ input: NewFund, by account: Account, now: Date = Date()) async throws -> Fund {
        var validator = Validator()
        let name = input.name.trimmed
        if name.isEmpty { validator.add("name", Message("is required.", "为必填项。")) }
        validator.checkText(name.english, field: "name.en", maxLength: 200)
        validator.checkText(name.chinese, field: "name.zh-Hans", maxLength: 200)
        let currency = CurrencyCode(code: input.reportingCurrency)
        if currency == nil || !CurrencyCode.reporting.contains(currency!) {
            validator.add("reportingCurrency", Message("must be EUR or CNY.", "必须是 EUR 或 CNY。"))
        }
        try validator.finish()
        _ = try await directory.organization(id: input.managerOrganizationId)
        _ = try await directory.requireRole(Fund.managerRole, of: account, in: input.managerOrganizationId)
        let fund = Fund(
            id: UUID(), name: name, reportingCurrency: currency!, managerOrganizationId: input.managerOrganizationId,
            createdAt: now)
        try await repository.insert(
            fund, audit: [directory.audit(fund.managerOrganizationId, account, "fund.created", title(fund), now)])
        return fund
    }

    /// The funds the caller manages, works at or contributes to (confirmed: an invitation is not yet a fund of
    /// theirs, see `invitations(of:)`).
    public func funds(of account: Account) async throws -> [Fund] {
        let organizations = Set(try await directory.memberships(of: account).map(\.0.id))
        guard !organizations.isEmpty else { return [] }
        return try await repository.funds(involving: organizations)
    }

    /// The fund as the viewer may see it: everything for its managers, only their own positions for
    /// contributors; anyone else is told there is no such fund, so its existence does not leak.
    public func book(of fundId: UUID, viewer: Account?) async throws -> (FundBook, FundAccess) {
        guard let book = try await repository.book(of: fundId) else { throw FundError.fundNotFound }
        let access = try await access(of: viewer, to: book)
        switch access {
        case .manager, .staff: return (book, access)
        case .contributor(let ids): return (book.positions(of: ids), access)
        }
    }

    func access(of viewer: Account?, to book: FundBook) async throws -> FundAccess {
        guard let viewer else { throw FundError.fundNotFound }
        if let membership = try await directory.repository.membership(
            of: viewer.id, in: book.fund.managerOrganizationId)
        {
            return membership.role >= Fund.managerRole ? .manager : .staff
        }
        let organizations = Set(try await directory.memberships(of: viewer).map(\.0.id))
        let own = Set(book.contributors.filter { organizations.contains($0.organizationId) }.map(\.id))
        guard !own.isEmpty else { throw FundError.fundNotFound }
        return .contributor(own)
    }

    /// Names an organisation of the directory as a contributor with its pledge; managers only. It is invited
    /// until an owner or admin of it confirms, unless the manager is one already, who consents by naming it; a
    /// declined invitation may be made again.
    public func addContributor(_ fundId: UUID, _ input: NewContributor, by account: Account, now: Date = Date())
        async throws -> Contributor
    {
        var validator = Validator()
        let pledge = input.pledge.money("pledge", into: &validator)
        let day = input.pledgedOn.map { validator.day($0, field: "pledgedOn", now: now) } ?? CalendarDay(now)
        try validator.finish()
        let organization = try await directory.organization(id: input.organizationId)
        // Reports convert a pledge at the rate of its day, so that day must have rates for both report currencies:
        // an unknown currency, or a day past the last imported rates, is refused now rather than in every report.
        let table = try await rates.table()
        for currency in CurrencyCode.reporting { _ = try table.convert(pledge!, to: currency, on: day!) }
        let consents = try await directory.role(of: account, in: organization.id).map { $0 >= .admin } ?? false
        var added: Contributor?
        _ = try await change(fundId, by: account, now: now) { book in
            let earlier = book.contributors.first { $0.organizationId == organization.id }
            guard earlier == nil || earlier?.status == .declined else { throw FundError.alreadyContributor }
            let contributor = Contributor(
                id: earlier?.id ?? UUID(), fundId: fundId, organizationId: organization.id, name: organization.name,
                side: organization.side, country: organization.country, pledge: pledge!, pledgedOn: day!,
                createdAt: now, status: consents ? .confirmed : .invited, answeredAt: consents ? now : nil)
            added = contributor
            let detail = "\(title(book.fund)): \(organization.name.best(for: .english)) pledges \(pledge!)"
            let action = consents ? "fund.contributor.added" : "fund.contributor.invited"
            return (
                FundChange(contributors: [contributor]),
                [
                    directory.audit(book.fund.managerOrganizationId, account, action, detail, now),
                    directory.audit(organization.id, account, action, detail, now),
                ]
            )
        }
        return added!
    }

    /// The contributing organisation's answer to being named; its owners and admins only, and once.
    public func answer(
        invitation contributorId: UUID, of fundId: UUID, confirming: Bool, by account: Account, now: Date = Date()
    ) async throws -> Contributor {
        var answered: Contributor?
        _ = try await change(fundId, by: account, now: now, as: .contributor) { book in
            var contributor = try book.contributor(contributorId)
            _ = try await directory.requireRole(.admin, of: account, in: contributor.organizationId)
            guard contributor.status == .invited else { throw FundError.invitationAnswered(contributor.status) }
            contributor.status = confirming ? .confirmed : .declined
            contributor.answeredAt = now
            answered = contributor
            let action = confirming ? "fund.contributor.confirmed" : "fund.contributor.declined"
            let detail = "\(title(book.fund)): \(contributor.name.best(for: .english))"
            return (
                FundChange(contributors: [contributor]),
                [
                    directory.audit(book.fund.managerOrganizationId, account, action, detail, now),
                    directory.audit(contributor.organizationId, account, action, detail, now),
                ]
            )
        }
        return answered!
    }

    /// The invitations to contribute that the caller's organisations have not answered.
    public func invitations(of account: Account) async throws -> [(Fund, Contributor)] {
        let organizations = Set(try await directory.memberships(of: account).map(\.0.id))
        guard !organizations.isEmpty else { return [] }
        return try await repository.contributors(of: organizations, status: .invited)
    }

    /// Enters a project into the pipeline at sourcing; managers only.
    public func addProject(_ fundId: UUID, _ input: NewProject, by account: Account, now: Date = Date())
        async throws -> FundProject
    {
        var validator = Validator()
        let title = input.title.trimmed
        let description = input.description.trimmed
        if title.isEmpty { validator.add("title", Message("is required.", "为必填项。")) }
        validator.checkText(title.english, field: "title.en", maxLength: 200)
        validator.checkText(title.chinese, field: "title.zh-Hans", maxLength: 200)
        validator.checkText(description.english, field: "description.en", maxLength: 10_000)
        validator.checkText(description.chinese, field: "description.zh-Hans", maxLength: 10_000)
        if catalog.area(input.area) == nil {
            validator.add("area", Message("is not one of the cooperation areas.", "不是合作领域之一。"))
        }
        let countries = input.countries.map { $0.uppercased() }
        if countries.isEmpty || countries.count > 20 {
            validator.add("countries", Message("must name 1 to 20 countries.", "必须列出 1 到 20 个国家。"))
        }
        for (index, code) in countries.enumerated() where ReferenceCatalog.side(ofCountry: code) == nil {
            validator.add(
                "countries[\(index)]",
                Message("must be China, Hong Kong, Macao or an EU member state.", "必须是中国、中国香港、中国澳门或欧盟成员国。"))
        }
        if input.sponsorIds.isEmpty || input.sponsorIds.count > 10 {
            validator.add("sponsorIds", Message("must name 1 to 10 organisations.", "必须列出 1 到 10 个机构。"))
        }
        let requested = input.requested.money("requested", into: &validator)
        try validator.finish()
        guard try await rates.table().currencies.contains(requested!.currency) else {
            throw ExchangeRateError.unknownCurrency(requested!.currency)
        }
        var sponsors: [ProjectSponsor] = []
        for (index, id) in input.sponsorIds.enumerated() where !sponsors.contains(where: { $0.organizationId == id }) {
            guard let organization = try? await directory.organization(id: id) else {
                throw ValidationError([
                    FieldIssue("sponsorIds[\(index)]", Message("is not an organisation.", "不是已登记的机构。"))
                ])
            }
            sponsors.append(ProjectSponsor(organizationId: id, name: organization.name, side: organization.side))
        }
        let project = FundProject(
            id: UUID(), fundId: fundId, title: title, description: description, sponsors: sponsors, area: input.area,
            countries: countries, requested: requested!, createdAt: now)
        _ = try await change(fundId, by: account, now: now) { book in
            (
                FundChange(projects: [project]),
                [
                    directory.audit(
                        book.fund.managerOrganizationId, account, "fund.project.added",
                        "\(self.title(book.fund)): \(title.best(for: .english))", now)
                ]
            )
        }
        return project
    }

    /// Moves a project to the next stage of the pipeline, or rejects it with a reason; managers only.
    public func changeStage(
        _ fundId: UUID, project projectId: UUID, to stage: ProjectStage, reason: String? = nil, by account: Account,
        now: Date = Date()
    ) async throws -> FundProject {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        validator.checkText(reason, field: "reason", required: stage == .rejected, maxLength: 2000)
        try validator.finish()
        var changed: FundProject?
        _ = try await change(fundId, by: account, now: now) { book in
            var project = try book.project(projectId)
            try book.checkStageChange(of: project, to: stage)
            project.history.append(
                StageChange(
                    from: project.stage, to: stage, reason: reason?.isEmpty == false ? reason : nil,
                    actorName: account.displayName, at: now))
            project.stage = stage
            if stage == .rejected { project.rejectionReason = reason }
            project.updatedAt = now
            changed = project
            return (
                FundChange(projects: [project]),
                [
                    directory.audit(
                        book.fund.managerOrganizationId, account, "fund.project.stage.\(stage.rawValue)",
                        "\(project.title.best(for: .english)) \(reason ?? "")".trimmingCharacters(in: .whitespaces),
                        now)
                ]
            )
        }
        return changed!
    }

    /// Records a document of a project by the SHA-256 of its bytes; managers only.
    public func addDocument(
        _ fundId: UUID, project projectId: UUID, name: String, sha256: String, by account: Account,
        now: Date = Date()
    ) async throws -> FundProject {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let digest = sha256.lowercased()
        var validator = Validator()
        validator.checkText(name, field: "name", required: true, maxLength: 200)
        if digest.count != 64 || !digest.allSatisfy({ $0.isHexDigit }) {
            validator.add("sha256", Message("must be 64 hexadecimal digits.", "必须是 64 位十六进制数字。"))
        }
        try validator.finish()
        var changed: FundProject?
        _ = try await change(fundId, by: account, now: now) { book in
            var project = try book.project(projectId)
            project.documents.append(ProjectDocument(name: name, sha256: digest, addedAt: now))
            project.updatedAt = now
            changed = project
            return (
                FundChange(projects: [project]),
                [
                    directory.audit(
                        book.fund.managerOrganizationId, account, "fund.project.document",
                        "\(project.title.best(for: .english)): \(name) \(digest)", now)
                ]
            )
        }
        return changed!
    }

    /// Who may make a change: the fund's managers, or (for their own answer) its contributors.
    enum Changer {
        case manager, contributor
    }

    /// Applies a change to the stored fund, retrying when another change landed in between. The body checks its
    /// rules against the book as read and returns what to store, with the audit events; managers only, unless
    /// the change is a contributor's own.
    func change(
        _ fundId: UUID, by account: Account, now: Date, as changer: Changer = .manager,
        _ body: (inout FundBook) async throws -> (FundChange, [AuditEvent])
    ) async throws -> FundBook {
        for _ in 0..<8 {
            guard var book = try await repository.book(of: fundId) else { throw FundError.fundNotFound }
            switch (try await access(of: account, to: book), changer) {
            case (.manager, _), (.contributor, .contributor): break
            default: throw FundError.notFundManager
            }
            let (change, audit) = try await body(&book)
            book.fund.revision += 1
            book.fund.updatedAt = now
            if try await repository.apply(change, to: book.fund, audit: audit) { return book }
        }
        throw FundError.busy
    }

    func title(_ fund: Fund) -> String { fund.name.best(for: .english) }
}
extension FundService {
    /// The last day with reference rates, which forms offer when today has none yet.
    public func lastRateDay() async throws -> CalendarDay? {
        try await rates.table().lastDay
    }
}

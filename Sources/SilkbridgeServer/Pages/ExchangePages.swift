import Foundation
import Hummingbird
import SilkbridgeCore

/// The exchange's pages: search and browse, the opportunity page and form, interests, thread and pipeline.
/// They answer from the same use cases as the API.
struct ExchangePages: Sendable {
    let site: SitePages
    let exchange: ExchangeService
    let interests: InterestService
    let search: SearchService
    let inbox: InboxService
    let agreements: AgreementService

    var renderer: PageRenderer { site.renderer }
    var catalog: ReferenceCatalog { site.catalog }
    var directory: DirectoryService { site.directory }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(ExchangePaths.opportunities) { request, context in
            try await searchPage(request, context)
        }
        addFormRoutes(to: router)
        router.get(ExchangePaths.opportunity) { request, context in try await opportunityPage(request, context) }
        router.post(ExchangePaths.opportunityAction) { request, context in
            let account = try context.requireAccount()
            let id = try opportunityID(context)
            switch try site.pathValue(context, "action", as: OpportunityAction.self) {
            case .publish: _ = try await exchange.publish(id: id, by: account)
            case .renew: _ = try await exchange.renew(id: id, by: account)
            case .close: _ = try await exchange.close(id: id, by: account)
            }
            return PageRenderer.redirect(to: ExchangePaths.opportunity(id))
        }
        router.post(ExchangePaths.interests) { request, context in
            let account = try context.requireAccount()
            let id = try opportunityID(context)
            let form = try await FormData(request: request, context: context)
            let interest = try await interests.send(
                on: id, from: try form.id("organization"), message: form["message"] ?? "", by: account)
            return PageRenderer.redirect(to: ExchangePaths.interest(interest.id))
        }
        addInboxRoutes(to: router)
        router.get(ExchangePaths.pipeline) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await pipelinePage(request, context)
        }
        router.get(ExchangePaths.interest) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await interestPage(request, context)
        }
        router.post(ExchangePaths.interestAction) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context, missing: InterestError.interestNotFound)
            let form = try await FormData(request: request, context: context)
            switch try site.pathValue(context, "action", as: InterestAction.self) {
            case .accept: _ = try await interests.answer(id: id, accept: true, by: account)
            case .decline: _ = try await interests.answer(id: id, accept: false, by: account)
            case .stage:
                guard let stage = form.text("stage").flatMap(PipelineStage.init) else {
                    throw ValidationError([FieldIssue("stage", Message("is not a stage.", "不是有效的阶段。"))])
                }
                _ = try await interests.advance(id: id, to: stage, by: account)
            case .messages: _ = try await interests.post(form["body"] ?? "", to: id, by: account)
            }
            return PageRenderer.redirect(to: ExchangePaths.interest(id))
        }
    }

    func opportunityID(_ context: AppRequestContext) throws -> UUID {
        try site.pathID(context, missing: ExchangeError.opportunityNotFound)
    }

    private func searchPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = FormData(query: request)
        let language = context.language
        // Unknown filter values are ignored rather than refused: a page should survive a hand-edited URL.
        let types = [SearchKind.organization.rawValue] + OpportunityType.allCases.map(\.rawValue)
        let search = SearchQuery(
            text: query.text("q").map { String($0.prefix(200)) },
            type: query.text("type").flatMap { types.contains($0) ? $0 : nil },
            area: query.text("area").flatMap { catalog.area($0)?.code }, side: query.text("side").flatMap(Side.init),
            country: query.text("country").map { String($0.prefix(2)) },
            status: query.text("status").flatMap(OpportunityStatus.init).flatMap { $0 == .draft ? nil : $0 })
        let cursor = query.text("cursor").flatMap { Int($0) != nil ? $0 : nil }
        let results = try await self.search.search(search, page: try Paging(limit: 20, cursor: cursor))
        func link(_ name: String, _ value: String?) -> String {
            var items = (URLComponents(string: request.uri.string)?.queryItems ?? []).filter {
                $0.name != name && $0.name != "cursor" && $0.name != "lang"
            }
            if let value { items.append(URLQueryItem(name: name, value: value)) }
            var components = URLComponents()
            components.path = ExchangePaths.opportunities()
            components.queryItems = items
            return components.string ?? ExchangePaths.opportunities()
        }
        func label(_ facet: String, _ value: String) -> String {
            switch facet {
            case "type":
                value == SearchKind.organization.rawValue
                    ? site.text("exchange_organizations", context)
                    : OpportunityType(rawValue: value)?.label.text(in: language) ?? value
            case "area": catalog.area(value)?.label.best(for: language) ?? value
            case "side": Side(rawValue: value)?.label.text(in: language) ?? value
            case "country": catalog.country(value)?.name.best(for: language) ?? value
            default: OpportunityStatus(rawValue: value)?.label.text(in: language) ?? value
            }
        }
        let chosen: [String: String?] = [
            "type": search.type, "area": search.area, "side": search.side?.rawValue, "country": search.country,
            "status": search.status?.rawValue,
        ]
        let facets = ["type", "area", "side", "country", "status"].map { name in
            OpportunitiesPage.Facet(
                name: site.text("facet_\(name)", context),
                values: (results.facets[name] ?? []).map { facet in
                    let selected = chosen[name] == facet.value
                    return OpportunitiesPage.FacetValue(
                        label: label(name, facet.value), count: facet.count, selected: selected,
                        link: link(name, selected ? nil : facet.value))
                })
        }
        let hits = results.items.map { hit in
            OpportunitiesPage.Hit(
                link: hit.kind == .organization ? SitePaths.organization(hit.id) : ExchangePaths.opportunity(hit.id),
                title: hit.title.best(for: language),
                type: label("type", hit.type),
                side: label("side", hit.side.rawValue), sideCode: hit.side.rawValue,
                areas: hit.areas.map { label("area", $0) },
                status: hit.status.flatMap { $0 == .published ? nil : $0.label.text(in: language) },
                // Pieces, not HTML: the template escapes each one and wraps the matches in <mark>.
                snippet: hit.snippet.best(for: language).map { snippet in
                    OpportunitiesPage.Snippet(
                        pieces: snippet.pieces.map { OpportunitiesPage.Piece(text: $0.text, match: $0.isMatch) })
                })
        }
        let view = OpportunitiesPage(
            q: search.text ?? "", hits: hits, empty: hits.isEmpty, total: results.total, facets: facets,
            canCreate: context.account != nil, newLink: ExchangePaths.newOpportunity(),
            next: results.nextCursor.map { link("cursor", $0) })
        return renderer.render(
            "opportunities", title: site.text("exchange_title", context), view: view, request: request,
            context: context)
    }

    private func opportunityPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try opportunityID(context)
        let language = context.language
        let opportunity = try await exchange.opportunity(id: id, viewer: context.account)
        let owner = try await directory.organization(id: opportunity.organizationId)
        let mine = try await myOrganizations(context)
        let isOwner = mine.contains { $0.id == opportunity.organizationId }
        let status = opportunity.status(at: Date())
        let may = try await exchange.permissions(on: opportunity, for: context.account)
        var view = OpportunityPage(
            opportunity: OpportunityView(opportunity, catalog: catalog, language: language),
            owner: OrganizationView(owner, catalog: catalog, language: language),
            isOwner: isOwner, canPublish: may.publish, canRenew: may.renew, canClose: may.close, canEdit: may.edit,
            editLink: ExchangePaths.editOpportunity(id),
            publishAction: ExchangePaths.opportunityAction(id, .publish),
            renewAction: ExchangePaths.opportunityAction(id, .renew),
            closeAction: ExchangePaths.opportunityAction(id, .close))
        let others = mine.filter { $0.id != opportunity.organizationId }
        if status == .published, !others.isEmpty {
            view.interestAction = ExchangePaths.interests(id)
            view.senders = others.map {
                Option(value: $0.id.uuidString.lowercased(), label: $0.name.best(for: language), selected: false)
            }
        }
        if let account = context.account, !mine.isEmpty {
            let list = try await interests.interests(inOpportunity: id, viewer: account)
            view.interests = try await interestViews(list, language: language)
            view.hasInterests = !list.isEmpty
        }
        return renderer.render(
            "opportunity", title: opportunity.title.best(for: language), view: view, request: request,
            context: context)
    }

    private func pipelinePage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let list = try await interests.pipeline(of: account)
        let views = try await interestViews(list, language: context.language)
        let view = PipelinePage(interests: views, empty: views.isEmpty)
        return renderer.render(
            "pipeline", title: site.text("pipeline_title", context), view: view, request: request, context: context)
    }

    private func interestPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try site.pathID(context, missing: InterestError.interestNotFound)
        let language = context.language
        let interest = try await interests.interest(id: id, viewer: account)
        let mine = Set(try await myOrganizations(context).map(\.id))
        let accepted = interest.state == .accepted
        var view = InterestPage(
            interest: try await interestViews([interest], language: language)[0],
            canAnswer: mine.contains(interest.ownerOrganizationId) && interest.status(at: Date()) == .pending,
            acceptAction: ExchangePaths.interestAction(id, .accept),
            declineAction: ExchangePaths.interestAction(id, .decline),
            accepted: accepted)
        if accepted, let current = interest.stage {
            let partner =
                mine.contains(interest.ownerOrganizationId)
                ? interest.senderOrganizationId : interest.ownerOrganizationId
            let names = try await organizationNames(interest.parties, language: context.language)
            view.pipeline = InterestPage.Pipeline(
                stages: PipelineStage.allCases.map {
                    InterestPage.Stage(
                        label: $0.label.text(in: language), reached: $0 <= current, current: $0 == current)
                },
                nextStages: site.options(
                    PipelineStage.allCases.filter { $0 > current }, selected: [], label: \.label, language),
                canAdvance: current != .agreement,
                stageAction: ExchangePaths.interestAction(id, .stage),
                messageAction: ExchangePaths.interestAction(id, .messages),
                draftAgreementLink: AgreementPaths.draftFrom(interest: id, party: partner),
                messages: try await interests.messages(of: id, viewer: account).map {
                    InterestPage.Message(
                        author: $0.authorName, organization: names[$0.organizationId] ?? "", body: $0.body,
                        at: $0.at.formatted(.iso8601), mine: mine.contains($0.organizationId))
                })
        }
        return renderer.render(
            "interest", title: site.text("interest_title", context), view: Merged(view, view.pipeline),
            request: request, context: context)
    }

    private func interestViews(_ list: [Interest], language: Language) async throws -> [InterestView] {
        let names = try await organizationNames(Set(list.flatMap(\.parties)), language: language)
        // Interests shown together mostly share their opportunity (all of them, on an opportunity's page).
        var opportunities: [UUID: Opportunity?] = [:]
        var views: [InterestView] = []
        for interest in list {
            if opportunities[interest.opportunityId] == nil {
                opportunities[interest.opportunityId] = try await ifPresent {
                    try await exchange.opportunity(id: interest.opportunityId, viewer: nil)
                }
            }
            let opportunity = opportunities[interest.opportunityId] ?? nil
            views.append(InterestView(interest, opportunity: opportunity, names: names, language: language))
        }
        return views
    }

    private func organizationNames(_ ids: Set<UUID>, language: Language) async throws -> [UUID: String] {
        try await directory.organizations(ids: ids).mapValues { $0.name.best(for: language) }
    }

    func myOrganizations(_ context: AppRequestContext) async throws -> [Organization] {
        guard let account = context.account else { return [] }
        return try await directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
    }
}

struct OpportunitiesPage {
    struct FacetValue {
        let label: String
        let count: Int
        let selected: Bool
        let link: String
    }

    struct Facet {
        let name: String
        let values: [FacetValue]
    }

    struct Piece {
        let text: String
        let match: Bool
    }

    struct Snippet {
        let pieces: [Piece]
    }

    struct Hit {
        let link: String
        let title: String
        let type: String
        let side: String
        let sideCode: String
        let areas: [String]
        /// Shown for anything but a published opportunity.
        let status: String?
        let snippet: Snippet?
    }

    let q: String
    let hits: [Hit]
    let empty: Bool
    let total: Int
    let facets: [Facet]
    let canCreate: Bool
    let newLink: String
    let next: String?
}

struct OpportunityPage {
    let opportunity: OpportunityView
    let owner: OrganizationView
    let isOwner: Bool
    let canPublish: Bool
    let canRenew: Bool
    let canClose: Bool
    let canEdit: Bool
    let editLink: String
    let publishAction: String
    let renewAction: String
    let closeAction: String
    /// The interest form, for members of other organisations while the opportunity is published.
    var interestAction: String?
    var senders: [Option]?
    var interests: [InterestView]?
    var hasInterests: Bool?
}

struct PipelinePage {
    let interests: [InterestView]
    let empty: Bool
}

struct InterestPage {
    struct Stage {
        let label: String
        let reached: Bool
        let current: Bool
    }

    struct Message {
        let author: String
        let organization: String
        let body: String
        let at: String
        let mine: Bool
    }

    /// What an accepted interest adds: its stages, the forms to move on and the messages between the two sides.
    struct Pipeline {
        let stages: [Stage]
        let nextStages: [Option]
        let canAdvance: Bool
        let stageAction: String
        let messageAction: String
        let draftAgreementLink: String
        let messages: [Message]
    }

    let interest: InterestView
    let canAnswer: Bool
    let acceptAction: String
    let declineAction: String
    let accepted: Bool
    var pipeline: Pipeline?
}

import Foundation
import Hummingbird
import SilkbridgeCore

/// "Suggested partners": an organisation's reciprocal matches with their reasons, and for its members one click to
/// express interest in the partner's opportunity that answers theirs, and to be alerted of new partners.
struct MatchingPages: Sendable {
    let site: SitePages
    let matching: MatchingService
    let alerts: MatchAlertService

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.matches) { request, context in try await matchesPage(request, context) }
        router.post(SitePaths.matchAlert) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context)
            let form = try await FormData(request: request, context: context)
            // The form speaks in percent, like the scores on the page.
            let percent = Double(form["minimumScore"]?.trimmingCharacters(in: .whitespaces) ?? "") ?? -1
            _ = try await alerts.subscribe(id, minimumScore: percent / 100, by: account)
            return PageRenderer.redirect(to: SitePaths.matches(id))
        }
        router.post(SitePaths.deleteMatchAlert) { request, context in
            let account = try context.requireAccount()
            let id = try site.pathID(context)
            try await alerts.unsubscribe(id, by: account)
            return PageRenderer.redirect(to: SitePaths.matches(id))
        }
    }

    private func matchesPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try site.pathID(context)
        let language = context.language
        let organization = try await site.directory.organization(id: id)
        let query = FormData(query: request)
        let sameSide = query.text("sameSide") == "true"
        let matches = try await matching.matches(for: id, limit: 20, sameSide: sameSide)
        let isMember = try await site.directory.role(of: context.account, in: id) != nil
        var view = MatchesPage(
            organization: OrganizationView(organization, catalog: site.catalog, language: language),
            sameSide: sameSide,
            toggleLink: SitePaths.matches(id) + (sameSide ? "" : "?sameSide=true"),
            empty: matches.isEmpty,
            isMember: isMember,
            organizationId: id.uuidString.lowercased(),
            matches: matches.map { match in
                MatchesPage.Match(
                    name: match.name.best(for: language), link: SitePaths.organization(match.organizationId),
                    side: match.side.label.text(in: language),
                    country: site.catalog.country(match.country)?.name.best(for: language) ?? match.country,
                    score: Int((match.score * 100).rounded()), mutual: match.isMutual,
                    theyAnswerYou: Int((match.theyAnswerYou * 100).rounded()),
                    youAnswerThem: Int((match.youAnswerThem * 100).rounded()),
                    reasons: match.reasons.map { $0.text(in: language) },
                    opportunityLink: ExchangePaths.opportunity(match.theirOpportunity),
                    interestAction: ExchangePaths.interests(match.theirOpportunity),
                    message: site.text("matches_interest_message", context))
            })
        if isMember, let account = context.account {
            let alert = try await alerts.alert(for: id, by: account)
            view.alert = MatchesPage.Alert(
                on: alert != nil,
                minimumScore: Int(((alert?.minimumScore ?? MatchAlert.defaultMinimumScore) * 100).rounded()),
                action: SitePaths.matchAlert(id), stopAction: SitePaths.deleteMatchAlert(id))
        }
        return site.renderer.render(
            "matches", title: site.text("matches_title", context), view: view, request: request, context: context)
    }
}

struct MatchesPage {
    struct Match {
        let name: String
        let link: String
        let side: String
        let country: String
        let score: Int
        let mutual: Bool
        let theyAnswerYou: Int
        let youAnswerThem: Int
        let reasons: [String]
        let opportunityLink: String
        let interestAction: String
        let message: String
    }

    struct Alert {
        let on: Bool
        let minimumScore: Int
        let action: String
        let stopAction: String
    }

    let organization: OrganizationView
    let sameSide: Bool
    let toggleLink: String
    let empty: Bool
    let isMember: Bool
    let organizationId: String
    let matches: [Match]
    /// The match alert's form, for members only.
    var alert: Alert?
}

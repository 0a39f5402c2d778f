import Foundation
import Hummingbird
import SilkbridgeCore

/// "Suggested partners": an organisation's reciprocal matches with their reasons, and for its members one click to
/// express interest in the partner's opportunity that answers theirs.
struct MatchingPages: Sendable {
    let site: SitePages
    let matching: MatchingService

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/organizations/:id/matches") { request, context in try await matchesPage(request, context) }
    }

    private func matchesPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try site.pathID(context)
        let language = context.language
        let organization = try await site.directory.organization(id: id)
        let query = FormData(query: request)
        let sameSide = query.text("sameSide") == "true"
        let matches = try await matching.matches(for: id, limit: 20, sameSide: sameSide)
        let isMember = try await site.directory.role(of: context.account, in: id) != nil
        let view: [String: Any] = [
            "organization": OrganizationView(organization, catalog: site.catalog, language: language),
            "sameSide": sameSide,
            "toggleLink": SitePaths.matches(id) + (sameSide ? "" : "?sameSide=true"),
            "empty": matches.isEmpty,
            "isMember": isMember,
            "organizationId": id.uuidString.lowercased(),
            "matches": matches.map { match in
                [
                    "name": match.name.best(for: language), "link": SitePaths.organization(match.organizationId),
                    "side": match.side.label.text(in: language),
                    "country": site.catalog.country(match.country)?.name.best(for: language) ?? match.country,
                    "score": Int((match.score * 100).rounded()),
                    "theyAnswerYou": Int((match.theyAnswerYou * 100).rounded()),
                    "youAnswerThem": Int((match.youAnswerThem * 100).rounded()),
                    "reasons": match.reasons.map { $0.text(in: language) },
                    "opportunityLink": ExchangePaths.opportunity(match.theirOffer),
                    "interestAction": ExchangePaths.interests(of: match.theirOffer),
                    "message": site.text("matches_interest_message", context),
                ] as [String: Any]
            },
        ]
        return site.renderer.render(
            "matches", title: site.text("matches_title", context), view: view, request: request, context: context)
    }
}

import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Suggested partners and match alerts.
protocol MatchingAPI: FeatureAPI {
    var matching: MatchingService { get }
    var matchAlerts: MatchAlertService { get }
}

extension MatchingAPI {
    func listOrganizationMatches(_ input: Operations.ListOrganizationMatches.Input) async throws
        -> Operations.ListOrganizationMatches.Output
    {
        let matches = try await matching.matches(
            for: try organizationId(input.path.organizationId), limit: try Self.matchLimit(input.query.limit),
            sameSide: input.query.sameSide ?? false)
        return .ok(.init(body: .json(.init(items: try matches.map(Components.Schemas.Match.init)))))
    }

    func listOpportunityMatches(_ input: Operations.ListOpportunityMatches.Input) async throws
        -> Operations.ListOpportunityMatches.Output
    {
        let matches = try await matching.matches(
            forOpportunity: try opportunityId(input.path.opportunityId),
            limit: try Self.matchLimit(input.query.limit), sameSide: input.query.sameSide ?? false)
        return .ok(.init(body: .json(.init(items: try matches.map(Components.Schemas.Match.init)))))
    }

    static func matchLimit(_ limit: Int?) throws -> Int {
        let limit = limit ?? 10
        guard (1...50).contains(limit) else {
            throw ValidationError([FieldIssue("limit", Message("must be between 1 and 50.", "必须在 1 到 50 之间。"))])
        }
        return limit
    }
}

extension Components.Schemas.Match {
    init(_ match: Match) throws {
        self.init(
            organizationId: match.organizationId.uuidString.lowercased(), name: .init(match.name),
            side: try Components.Schemas.Side(mapping: match.side), country: match.country,
            score: match.score, mutual: match.isMutual, theyAnswerYou: match.theyAnswerYou,
            youAnswerThem: match.youAnswerThem,
            theirOpportunityId: match.theirOpportunity.uuidString.lowercased(),
            yourOpportunityId: match.yourOpportunity?.uuidString.lowercased(),
            reasons: match.reasons.map { .init(en: $0.english, zhHans: $0.chinese) })
    }
}

extension MatchingAPI {
    func getMatchAlert(_ input: Operations.GetMatchAlert.Input) async throws -> Operations.GetMatchAlert.Output {
        let alert = try await matchAlerts.alert(
            for: try organizationId(input.path.organizationId), by: try requireAccount())
        return .ok(.init(body: .json(.init(alert))))
    }

    func putMatchAlert(_ input: Operations.PutMatchAlert.Input) async throws -> Operations.PutMatchAlert.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let alert = try await matchAlerts.subscribe(
            try organizationId(input.path.organizationId),
            minimumScore: body.minimumScore ?? MatchAlert.defaultMinimumScore, by: account)
        return .ok(.init(body: .json(.init(alert))))
    }

    func deleteMatchAlert(_ input: Operations.DeleteMatchAlert.Input) async throws
        -> Operations.DeleteMatchAlert.Output
    {
        try await matchAlerts.unsubscribe(try organizationId(input.path.organizationId), by: try requireAccount())
        return .noContent(.init())
    }

    func getMatchExposure(_ input: Operations.GetMatchExposure.Input) async throws
        -> Operations.GetMatchExposure.Output
    {
        let report = await matching.exposureReport()
        return .ok(
            .init(
                body: .json(
                    .init(
                        lists: report.lists, organizations: report.organizations, shown: report.shown,
                        cap: report.cap, maxShare: report.maxShare, highest: report.highest, gini: report.gini,
                        histogram: report.histogram.map {
                            .init(appearances: $0.appearances, organizations: $0.organizations)
                        }))))
    }
}

extension Components.Schemas.MatchAlert {
    init(_ alert: MatchAlert?) {
        self.init(
            enabled: alert != nil, minimumScore: alert?.minimumScore ?? MatchAlert.defaultMinimumScore,
            createdAt: alert?.createdAt)
    }
}

import Foundation

/// The agreement pages' routes (see `SitePaths`).
enum AgreementPaths {
    static let register = FixedRoute("/agreements")
    static let newAgreement = FixedRoute("/agreements/new")
    static let agreement = PageRoute<UUID>("/agreements/:id")
    static let edit = PageRoute<UUID>("/agreements/:id/edit")
    static let diff = PageRoute<UUID>("/agreements/:id/diff")
    static let action = PageRoute<UUID, AgreementAction>("/agreements/:id/:action")
    static let signingScript = "/static/agreement-sign.js"

    static func diff(_ id: UUID, from: Int, to: Int) -> String {
        diff(id, query: ["from": String(from), "to": String(to)])
    }
    static func bundle(_ id: UUID) -> String { "/api/v1/agreements/\(id.uuidString.lowercased())/bundle" }
    static func draftFrom(interest: UUID, party: UUID) -> String {
        newAgreement(query: ["interest": interest.pathSegment, "party": party.pathSegment])
    }
}

/// What the parties do to an agreement from its page.
enum AgreementAction: String, PathParameter {
    case open, withdraw, signatures, decline, terminate
}

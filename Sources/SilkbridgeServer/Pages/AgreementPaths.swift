import Foundation

/// The links of the agreement pages, beside `SitePaths`.
enum AgreementPaths {
    static let register = "/agreements"
    static let newAgreement = "/agreements/new"
    static let signingScript = "/static/agreement-sign.js"

    static func agreement(_ id: UUID) -> String { "/agreements/\(id.uuidString.lowercased())" }
    static func action(_ id: UUID, _ action: String) -> String { agreement(id) + "/\(action)" }
    static func edit(_ id: UUID) -> String { agreement(id) + "/edit" }
    static func diff(_ id: UUID, from: Int, to: Int) -> String { agreement(id) + "/diff?from=\(from)&to=\(to)" }
    static func bundle(_ id: UUID) -> String { "/api/v1/agreements/\(id.uuidString.lowercased())/bundle" }
    static func draftFrom(interest: UUID, party: UUID) -> String {
        newAgreement + "?interest=\(interest.uuidString.lowercased())&party=\(party.uuidString.lowercased())"
    }
}

import Foundation

/// Every link the pages make, in one place, so a renamed route cannot leave a dead link behind.
enum SitePaths {
    static let home = "/"
    static let signUp = "/signup"
    static let logIn = "/login"
    static let logOut = "/logout"
    static let account = "/account"
    static let accountTokens = "/account/tokens"
    static let directory = "/organizations"
    static let newOrganization = "/organizations/new"
    static let stylesheet = "/static/style.css"
    static let ledger = "/ledger"

    static func organization(_ id: UUID) -> String { "/organizations/\(id.uuidString.lowercased())" }
    static func editOrganization(_ id: UUID) -> String { organization(id) + "/edit" }
    static func deleteOrganization(_ id: UUID) -> String { organization(id) + "/delete" }
    static func members(_ id: UUID) -> String { organization(id) + "/members" }
    static func matches(_ id: UUID) -> String { organization(id) + "/matches" }
    static func member(_ id: UUID, _ memberId: UUID) -> String { members(id) + "/\(memberId.uuidString.lowercased())" }
    static func verifyLedgerEntry(_ index: UInt64) -> String { ledger + "?entry=\(index)" }
    static func revokeToken(_ id: UUID) -> String { accountTokens + "/\(id.uuidString.lowercased())/revoke" }

    /// Only local paths may be redirect targets, so a crafted link cannot send people to another site.
    static func safeReturn(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return nil }
        return path
    }
}

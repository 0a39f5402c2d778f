import Foundation

/// The site's own page routes: accounts, the directory, members, keys, webhooks, matches and the ledger. Each
/// route registers its handler and builds every link to it (see `PageRoute`); the other features keep theirs
/// beside it (`ExchangePaths`, `AgreementPaths`, `EventPaths`, `FundPaths`).
enum SitePaths {
    static let home = FixedRoute("/")
    static let signUp = FixedRoute("/signup")
    static let logIn = FixedRoute("/login")
    static let logOut = FixedRoute("/logout")
    static let account = FixedRoute("/account")
    static let accountTokens = FixedRoute("/account/tokens")
    static let revokeToken = PageRoute<UUID>("/account/tokens/:id/revoke")
    static let resendVerification = FixedRoute("/account/verification")
    static let accountEmail = FixedRoute("/account/email")
    static let accountNotifications = FixedRoute("/account/notifications")
    // The pages of mailed links: their paths are the links' purposes (`MailLinks.url`).
    static let verifyEmail = FixedRoute("/verify-email")
    static let changeEmail = FixedRoute("/change-email")
    static let forgotPassword = FixedRoute("/password-reset")
    static let resetPassword = FixedRoute("/reset-password")
    /// A mail's unsubscribe link (`MailLinks.unsubscribe`); mail programs post to `oneClickUnsubscribe`.
    static let unsubscribe = FixedRoute("/unsubscribe")
    static let oneClickUnsubscribe = FixedRoute("/unsubscribe/one-click")
    static let dashboard = FixedRoute("/dashboard")
    static let dashboardFile = PageRoute<ChartFile>("/dashboard/:chart")
    static let ledger = FixedRoute("/ledger")

    static let directory = FixedRoute("/organizations")
    static let newOrganization = FixedRoute("/organizations/new")
    static let organization = PageRoute<UUID>("/organizations/:id")
    static let editOrganization = PageRoute<UUID>("/organizations/:id/edit")
    static let deleteOrganization = PageRoute<UUID>("/organizations/:id/delete")
    static let members = PageRoute<UUID>("/organizations/:id/members")
    static let memberRole = PageRoute<UUID, UUID>("/organizations/:id/members/:member/role")
    static let removeMember = PageRoute<UUID, UUID>("/organizations/:id/members/:member/remove")
    static let memberSignatory = PageRoute<UUID, UUID>("/organizations/:id/members/:member/signatory")
    static let keys = PageRoute<UUID>("/organizations/:id/keys")
    static let revokeKey = PageRoute<UUID, UUID>("/organizations/:id/keys/:key/revoke")
    static let matches = PageRoute<UUID>("/organizations/:id/matches")
    static let matchAlert = PageRoute<UUID>("/organizations/:id/matches/alert")
    static let deleteMatchAlert = PageRoute<UUID>("/organizations/:id/matches/alert/delete")
    static let webhooks = PageRoute<UUID>("/organizations/:id/webhooks")
    static let deleteWebhook = PageRoute<UUID, UUID>("/organizations/:id/webhooks/:webhook/delete")
    static let webhookSecret = PageRoute<UUID, UUID>("/organizations/:id/webhooks/:webhook/secret")
    static let redeliver = PageRoute<UUID, UUID, UUID>(
        "/organizations/:id/webhooks/:webhook/deliveries/:delivery/redeliver")

    /// Files served as they are, and the links into the API and the ledger that pages show.
    static let stylesheet = "/static/style.css"
    static let script = "/static/site.js"
    static let checkpoint = "/ledger/checkpoint"
    static let ledgerAPI = "/api/v1/ledger"
    static let openAPI = "/api/v1/openapi.yaml"

    static func verifyLedgerEntry(_ index: UInt64) -> String { ledger(query: ["entry": String(index)]) }

    /// The log-in page that comes back to `path` afterwards.
    static func logIn(returningTo path: String) -> String { logIn(query: ["next": path]) }

    /// Only plain local paths may be redirect targets, so a crafted link cannot send people to another site:
    /// browsers drop tabs and line breaks from a `Location` and read a backslash as a slash, so `/\t/evil.example`
    /// and `/\\evil.example` would both lead to `//evil.example`.
    static func safeReturn(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"),
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" }),
            !path.dropFirst().hasPrefix("/")
        else { return nil }
        return path
    }
}

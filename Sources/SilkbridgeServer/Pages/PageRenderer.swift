import Foundation
import Hummingbird
import Mustache
import NIOCore
import SilkbridgeCore

/// Renders a view model with its template inside the common frame (header, language switch, account menu).
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let translations: Translations

    /// Loads every template at start-up, so a broken one stops the server instead of a user's request.
    static func load() async throws -> PageRenderer {
        let library = try await MustacheLibrary(directory: try templatesFolder().path)
        for name in pageTemplates where library.getTemplate(named: name) == nil {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(name).mustache"])
        }
        return PageRenderer(library: library, translations: try Translations.load())
    }

    static let pageTemplates = [
        "layout", "csrf", "field", "form-body", "home", "directory", "organization", "members", "account", "error",
        "ledger", "webhooks", "agreements", "agreement", "agreement-diff", "matches",
        "form", "funds", "fund", "fund-project", "fund-report", "dashboard",
        "events", "event", "event-participants", "event-requests", "event-agenda", "event-plan", "message",
    ]

    static func templatesFolder() throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil, subdirectory: "Resources")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Templates"]) }
        return folder
    }

    func render(
        _ template: String, title: String, view: Any = NoView(), request: Request,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        let frame = PageFrame(
            t: translations[language], lang: language.rawValue, isChinese: language == .simplifiedChinese,
            title: title, csrf: context.csrfToken,
            switchTo: switchLink(request, to: language == .english ? .simplifiedChinese : .english),
            user: context.account.map {
                PageFrame.User(displayName: $0.displayName, unverifiedEmail: $0.emailVerified ? nil : $0.email)
            },
            unread: context.unreadNotices > 0 ? context.unreadNotices : nil, view: view)
        let html = library.render(frame, withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func errorPage(_ failure: Failure, request: Request, context: AppRequestContext) -> Response {
        let view = ErrorPage(
            status: failure.status.code, message: failure.message.text(in: context.language),
            needsLogin: failure.status == .unauthorized)
        return render(
            "error", title: translations.text("error_title", context.language), view: view, request: request,
            context: context, status: failure.status)
    }

    /// The same page in the other language, keeping its filters.
    private func switchLink(_ request: Request, to language: Language) -> String {
        var items = URLComponents(string: request.uri.string)?.queryItems?.filter { $0.name != "lang" } ?? []
        items.append(URLQueryItem(name: "lang", value: language.rawValue))
        var components = URLComponents()
        components.path = request.uri.path
        components.queryItems = items
        return components.string ?? "/?lang=\(language.rawValue)"
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// What every template sees around its page's view: translations, language, header and account menu.
struct PageFrame {
    struct User {
        let displayName: String
        /// The address still to be confirmed, which the header asks for on every page until it is.
        let unverifiedEmail: String?
    }

    let t: [String: String]
    let lang: String
    let isChinese: Bool
    let title: String
    let csrf: String
    let switchTo: String
    let user: User?
    /// Absent when there is nothing unread, so the header shows no count.
    let unread: Int?
    let view: Any
    let paths = FrameLinks.shared
}

/// The fixed links templates show (the header's, the forms that post to a fixed page), from the route table, so
/// no template spells a path of its own.
struct FrameLinks: Sendable {
    static let shared = FrameLinks()

    let home = SitePaths.home()
    let signUp = SitePaths.signUp()
    let logIn = SitePaths.logIn()
    let logOut = SitePaths.logOut()
    let account = SitePaths.account()
    let resendVerification = SitePaths.resendVerification()
    let directory = SitePaths.directory()
    let newOrganization = SitePaths.newOrganization()
    let dashboard = SitePaths.dashboard()
    let ledger = SitePaths.ledger()
    let opportunities = ExchangePaths.opportunities()
    let pipeline = ExchangePaths.pipeline()
    let inbox = ExchangePaths.inbox()
    let events = EventPaths.list()
    let agreements = AgreementPaths.register()
    let funds = FundPaths.list()
    let stylesheet = SitePaths.stylesheet
    let script = SitePaths.script
    let signingScript = AgreementPaths.signingScript
    let checkpoint = SitePaths.checkpoint
    let ledgerAPI = SitePaths.ledgerAPI
    let openAPI = SitePaths.openAPI
}

/// The view of a page that shows only its frame.
struct NoView {}

struct ErrorPage {
    let status: Int
    let message: String
    let needsLogin: Bool
}

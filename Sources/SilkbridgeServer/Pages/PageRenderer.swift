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
        "home", "signup", "login", "directory", "organization", "organization-form", "members", "account", "error",
        "ledger", "webhooks", "agreements", "agreement", "agreement-form", "agreement-diff", "matches",
        "form", "funds", "fund", "fund-project", "fund-report", "dashboard",
        "events", "event", "event-participants", "event-requests", "event-agenda", "event-plan",
    ]

    static func templatesFolder() throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil, subdirectory: "Resources")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Templates"]) }
        return folder
    }

    func render(
        _ template: String, title: String, view: Any = [String: String](), request: Request,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        var frame: [String: Any] = [
            "t": translations[language],
            "lang": language.rawValue,
            "isChinese": language == .simplifiedChinese,
            "title": title,
            "csrf": context.csrfToken,
            "switchTo": switchLink(request, to: language == .english ? .simplifiedChinese : .english),
            "view": view,
        ]
        if let account = context.account { frame["user"] = ["displayName": account.displayName] }
        if context.unreadNotices > 0 { frame["unread"] = context.unreadNotices }
        let html = library.render(frame, withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func errorPage(_ failure: Failure, request: Request, context: AppRequestContext) -> Response {
        let language = context.language
        let view: [String: Any] = [
            "status": failure.status.code,
            "message": failure.message.text(in: language),
            "needsLogin": failure.status == .unauthorized,
        ]
        return render(
            "error", title: translations.text("error_title", language), view: view, request: request,
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

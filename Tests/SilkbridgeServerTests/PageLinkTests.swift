import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeServer
import Testing

/// Every page of the demo links only where a route is: a crawl from the home page, as a visitor and as the demo
/// account, checks each same-origin link and form against the routes the router registered, and follows the
/// page links (a few of each route) to check them in turn.
@Suite(.timeLimit(.minutes(10))) struct PageLinkTests {
    /// Pages read per route and visitor: enough to see each kind of page with its links, not every row.
    static let pagesPerRoute = 3

    @Test(arguments: [(login: false, language: "en"), (login: true, language: "zh-Hans")])
    func everyLinkOnTheDemoPagesResolvesToARegisteredRoute(login: Bool, language: String) async throws {
        let router = Router(context: AppRequestContext.self)
        let app = try await buildApplication(
            configuration: DemoTemplate.configuration(in: try await DemoTemplate.shared.copy()), router: router)
        let routes = router.routes.map { (method: $0.method, path: $0.path) }
        try await app.test(.router) { client in
            var browser = BrowserSession(client, language: language)
            if login {
                let session = try await browser.post(
                    "/login", [("email", "demo@silkbridge.example"), ("password", "silkbridge-demo")])
                #expect(session.status == .seeOther)
            }
            var queue = ["/"]
            var seen: Set<String> = ["/"]
            var readPerRoute: [String: Int] = [:]
            var pages = 0
            while !queue.isEmpty {
                let uri = queue.removeFirst()
                let page = try await browser.get(uri)
                #expect(page.status == .ok, "\(uri) answered \(page.status)")
                guard page.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                pages += 1
                // The content security policy runs no inline script: every script is a file, no handler an attribute.
                #expect(page.text.firstMatch(of: #/ on[a-z]+="|<script>/#) == nil, "\(uri) has an inline script")
                // An empty target is a link whose value did not render.
                #expect(
                    !page.text.contains(#"href="""#) && !page.text.contains(#"action="""#), "\(uri) has an empty link")
                for link in Self.links(in: page.text) {
                    let path = String(link.target.prefix { $0 != "?" && $0 != "#" })
                    let route = routes.first { candidate in
                        (link.isForm || candidate.method == .get) && Self.matches(path, candidate.path)
                    }
                    guard let route else {
                        Issue.record("\(uri) links to \(link.target), where no route is")
                        continue
                    }
                    // Follow the links to pages; the API, the ledger's files and the static files are checked
                    // by their own tests.
                    let pattern = route.path.description
                    guard !link.isForm, !PageRouteTests.notPages.contains(where: { pattern.hasPrefix($0) }),
                        !pattern.hasSuffix(".ics"), !pattern.hasSuffix(".csv"), !pattern.hasSuffix(".json"),
                        !seen.contains(link.target), readPerRoute[pattern, default: 0] < Self.pagesPerRoute
                    else { continue }
                    seen.insert(link.target)
                    readPerRoute[pattern, default: 0] += 1
                    queue.append(link.target)
                }
            }
            // A visitor sees the public pages; the demo account also its organisations', events' and funds'.
            #expect(pages > (login ? 60 : 30), "\(pages) pages read")
            #expect(readPerRoute.count > (login ? 25 : 10), "routes read: \(readPerRoute.keys.sorted())")
        }
    }

    /// The crawl's check itself: a link fits only the route of its own shape.
    @Test func aPathFitsOnlyARouteOfItsShape() {
        let member: RouterPath = "/organizations/:id/members/:member/role"
        #expect(Self.matches("/organizations/1/members/2/role", member))
        #expect(!Self.matches("/organizations/1/members/2", member))
        #expect(!Self.matches("/organizations/1/members/2/roles", member))
        #expect(!Self.matches("/organizations/1/members/2/role/x", member))
        #expect(Self.matches("/", ""))
        #expect(Self.matches("/ledger/tile/0/000", "/ledger/tile/**"))
        #expect(!Self.matches("/ledger/tile", "/ledger/tile/**"))
    }

    /// The same-origin targets of a page's links, forms, scripts and stylesheets.
    static func links(in html: String) -> [(target: String, isForm: Bool)] {
        let attribute = #/(href|action|src)="(/[^"]*)"/#
        return html.matches(of: attribute).map { match in
            (String(match.output.2).replacingOccurrences(of: "&amp;", with: "&"), match.output.1 == "action")
        }
    }

    /// Whether a path fits a registered route: constants equal, a parameter any one segment, `**` the rest.
    static func matches(_ path: String, _ route: RouterPath) -> Bool {
        let segments = path.split(separator: "/").map(String.init)
        let components = route.map(\.description)
        for (index, component) in components.enumerated() {
            if component == "**" { return segments.count > index }
            guard index < segments.count else { return false }
            if component.hasPrefix("{") || component == "*" { continue }
            if component != segments[index] { return false }
        }
        return segments.count == components.count
    }
}

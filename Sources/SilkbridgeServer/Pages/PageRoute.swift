import Foundation
import Hummingbird

/// A value that fills one `:name` segment of a page route.
protocol PathParameter: Sendable {
    var pathSegment: String { get }
    init?(pathSegment: String)
}

extension UUID: PathParameter {
    var pathSegment: String { uuidString.lowercased() }
    init?(pathSegment: String) { self.init(uuidString: pathSegment) }
}

/// A fixed choice in a path (an action, a decision) is its raw value.
extension PathParameter where Self: RawRepresentable<String> {
    var pathSegment: String { rawValue }
    init?(pathSegment: String) { self.init(rawValue: pathSegment) }
}

/// One page route: the pattern it is registered with and the link to it, from the same value, so a link cannot
/// point where no route is. The parameter types say what fills each `:name` segment, in order.
struct PageRoute<each Parameter: PathParameter>: Sendable {
    let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
    }

    /// The link for these values.
    func callAsFunction(_ values: repeat each Parameter) -> String {
        var segments: [String] = []
        for value in repeat each values { segments.append(value.pathSegment) }
        var filled = segments.makeIterator()
        let path = pattern.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? filled.next() ?? String(part) : String(part)
        }
        assert(filled.next() == nil, "\(pattern) has fewer parameters than its type")
        return path.joined(separator: "/")
    }

    /// This route's link followed by a query.
    func callAsFunction(_ values: repeat each Parameter, query: KeyValuePairs<String, String>) -> String {
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.key, value: $0.value) }
        return callAsFunction(repeat each values) + "?" + (components.percentEncodedQuery ?? "")
    }
}

/// A route without parameters: its link is always the same.
// swift-format-ignore
typealias FixedRoute = PageRoute< >

extension RouterMethods {
    @discardableResult
    func get<each Parameter>(
        _ route: PageRoute<repeat each Parameter>,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        get(RouterPath(route.pattern), use: handler)
    }

    @discardableResult
    func post<each Parameter>(
        _ route: PageRoute<repeat each Parameter>,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        post(RouterPath(route.pattern), use: handler)
    }
}

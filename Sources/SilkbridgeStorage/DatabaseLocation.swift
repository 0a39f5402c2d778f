import Foundation

/// Where the data lives: an SQLite file (the default, no set-up) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String, schema: String? = nil)

    /// Reads `postgres://…` URLs as PostgreSQL and anything else as an SQLite file path.
    public static func parse(_ text: String) -> DatabaseLocation {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") ? .postgres(url: text) : .sqlite(path: text)
    }

    /// Shown in logs: a PostgreSQL URL without its password.
    public var redacted: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url, _):
            guard var components = URLComponents(string: url) else { return "postgres" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres"
        }
    }
}

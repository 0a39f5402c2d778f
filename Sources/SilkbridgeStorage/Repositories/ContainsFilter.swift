import FluentKit
import FluentSQL
import SQLKit

/// A substring test that treats `%` and `_` as the plain characters users typed, on SQLite and PostgreSQL alike.
enum ContainsFilter {
    static func column(_ column: String, contains text: String) -> DatabaseQuery.Filter {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return .sql(embed: "\(ident: column) LIKE \(bind: "%\(escaped)%") ESCAPE '\\'")
    }
}

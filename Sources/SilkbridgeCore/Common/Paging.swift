import Foundation

/// A window on a long list: at most `limit` items after the opaque `cursor`.
public struct Paging: Sendable, Hashable {
    public static let defaultLimit = 20
    public static let maximumLimit = 100

    public let limit: Int
    public let cursor: String?

    public init(limit: Int? = nil, cursor: String? = nil) throws(ValidationError) {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw ValidationError([
                FieldIssue(
                    "limit",
                    Message(
                        "must be between 1 and \(Self.maximumLimit).", "必须在 1 到 \(Self.maximumLimit) 之间。"))
            ])
        }
        self.limit = limit
        self.cursor = cursor
    }
}

/// One page of a list and the cursor of the next, if there is one.
public struct Paged<Item: Sendable>: Sendable {
    public let items: [Item]
    public let nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

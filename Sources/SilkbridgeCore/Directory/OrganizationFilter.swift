import Foundation

/// What the directory is narrowed to; every field is optional.
public struct OrganizationFilter: Sendable, Hashable {
    public var side: Side?
    public var country: String?
    public var area: String?
    public var type: OrganizationType?
    /// Matched against the names in both languages, case-insensitively.
    public var query: String?

    public init(
        side: Side? = nil, country: String? = nil, area: String? = nil, type: OrganizationType? = nil,
        query: String? = nil
    ) {
        self.side = side
        self.country = country
        self.area = area
        self.type = type
        let trimmed = query?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.query = trimmed?.isEmpty == false ? trimmed : nil
    }
}

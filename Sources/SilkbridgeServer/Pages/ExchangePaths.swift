import Foundation

/// The links of the exchange's pages, beside `SitePaths`.
enum ExchangePaths {
    static let opportunities = "/opportunities"
    static let newOpportunity = "/opportunities/new"
    static let pipeline = "/interests"
    static let inbox = "/inbox"

    static func opportunity(_ id: UUID) -> String { "/opportunities/\(id.uuidString.lowercased())" }
    static func opportunityAction(_ id: UUID, _ action: String) -> String { opportunity(id) + "/\(action)" }
    static func interests(of id: UUID) -> String { opportunity(id) + "/interests" }
    static func interest(_ id: UUID) -> String { "/interests/\(id.uuidString.lowercased())" }
    static func interestAction(_ id: UUID, _ action: String) -> String { interest(id) + "/\(action)" }
}

import Foundation

/// The links of the fund pages, beside `SitePaths`.
enum FundPaths {
    static let list = "/funds"
    static let newFund = "/funds/new"

    static func fund(_ id: UUID) -> String { "/funds/\(id.uuidString.lowercased())" }
    static func newContributor(_ id: UUID) -> String { fund(id) + "/contributors/new" }
    static func newProject(_ id: UUID) -> String { fund(id) + "/projects/new" }
    static func project(_ fundId: UUID, _ id: UUID) -> String {
        fund(fundId) + "/projects/\(id.uuidString.lowercased())"
    }
    static func stage(_ fundId: UUID, _ id: UUID) -> String { project(fundId, id) + "/stage" }
    static func newCommitment(_ fundId: UUID, _ id: UUID) -> String { project(fundId, id) + "/commitments/new" }
    static func newDisbursement(_ fundId: UUID, _ id: UUID) -> String { project(fundId, id) + "/disbursements/new" }
    static func newDocument(_ fundId: UUID, _ id: UUID) -> String { project(fundId, id) + "/documents/new" }
    static func newRepayment(_ fundId: UUID, _ id: UUID) -> String { project(fundId, id) + "/repayments/new" }
    static func report(_ id: UUID, currency: String) -> String { fund(id) + "/report?currency=\(currency)" }
    /// The report as a file to download, `csv` or `json`.
    static func reportFile(_ id: UUID, currency: String, format: String) -> String {
        fund(id) + "/report.\(format)?currency=\(currency)"
    }
}

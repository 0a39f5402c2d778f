import Foundation
import SilkbridgeCore

/// The fund pages' routes (see `SitePaths`).
enum FundPaths {
    static let list = FixedRoute("/funds")
    static let newFund = FixedRoute("/funds/new")
    static let fund = PageRoute<UUID>("/funds/:id")
    static let newContributor = PageRoute<UUID>("/funds/:id/contributors/new")
    static let answer = PageRoute<UUID, UUID>("/funds/:id/contributors/:contributor/answer")
    static let newProject = PageRoute<UUID>("/funds/:id/projects/new")
    static let project = PageRoute<UUID, UUID>("/funds/:id/projects/:project")
    static let stage = PageRoute<UUID, UUID>("/funds/:id/projects/:project/stage")
    static let newCommitment = PageRoute<UUID, UUID>("/funds/:id/projects/:project/commitments/new")
    static let newDisbursement = PageRoute<UUID, UUID>("/funds/:id/projects/:project/disbursements/new")
    static let newRepayment = PageRoute<UUID, UUID>("/funds/:id/projects/:project/repayments/new")
    static let newDocument = PageRoute<UUID, UUID>("/funds/:id/projects/:project/documents/new")
    static let report = PageRoute<UUID>("/funds/:id/report")
    static let reportCSV = PageRoute<UUID>("/funds/:id/report.csv")
    static let reportJSON = PageRoute<UUID>("/funds/:id/report.json")

    static func newFlow(_ kind: CashFlowKind) -> PageRoute<UUID, UUID> {
        switch kind {
        case .disbursement: newDisbursement
        case .repayment: newRepayment
        }
    }

    static func report(_ id: UUID, currency: String) -> String { report(id, query: ["currency": currency]) }
    /// The report as a file to download, `csv` or `json`.
    static func reportFile(_ id: UUID, currency: String, csv: Bool) -> String {
        (csv ? reportCSV : reportJSON)(id, query: ["currency": currency])
    }
}

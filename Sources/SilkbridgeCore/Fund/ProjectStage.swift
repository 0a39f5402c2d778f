import Foundation

/// Where a project stands in the fund's pipeline. A project moves one stage forward at a time, or is rejected
/// (with a reason) before any money is committed to it.
public enum ProjectStage: String, Sendable, CaseIterable, Codable, Comparable {
    case sourcing
    case screening
    case dueDiligence = "due-diligence"
    case approved
    case committed
    case disbursing
    case completed
    case rejected

    /// The pipeline in order; `rejected` is off it.
    public static let pipeline: [ProjectStage] = [
        .sourcing, .screening, .dueDiligence, .approved, .committed, .disbursing, .completed,
    ]

    /// The stage after this one, nil at the end or once rejected.
    public var next: ProjectStage? {
        guard let index = Self.pipeline.firstIndex(of: self), index + 1 < Self.pipeline.count else { return nil }
        return Self.pipeline[index + 1]
    }

    /// A project may be turned down until money is committed to it; after that it is seen through.
    public var mayBeRejected: Bool { self < .committed }

    /// Commitments are taken once a project is approved and until it is being disbursed.
    public var takesCommitments: Bool { [.approved, .committed, .disbursing].contains(self) }

    /// Money is paid out once committed, until the project is completed.
    public var takesDisbursements: Bool { [.committed, .disbursing].contains(self) }

    public static func < (lhs: ProjectStage, rhs: ProjectStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var label: Message {
        switch self {
        case .sourcing: Message("Sourcing", "项目征集")
        case .screening: Message("Screening", "初步筛选")
        case .dueDiligence: Message("Due diligence", "尽职调查")
        case .approved: Message("Approved", "已批准")
        case .committed: Message("Committed", "已承诺出资")
        case .disbursing: Message("Disbursing", "拨款中")
        case .completed: Message("Completed", "已完成")
        case .rejected: Message("Rejected", "已否决")
        }
    }
}

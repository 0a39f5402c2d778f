import Foundation
import TrustLedger

/// What the last full check of the stored log found. The server withholds what it found wrong (a damaged tile,
/// bundle or entry row is answered 503, never served) and says so in `/healthz` and `/api/v1/ledger`, until an
/// operator repairs the log and a later check finds it whole.
package actor LedgerIntegrity {
    package struct Finding: Sendable {
        package let checkedAt: Date
        /// The checkpoint size the check read up to.
        package let size: UInt64
        package let problems: [IntegrityProblem]
    }

    package private(set) var last: Finding?

    package init() {}

    func record(_ report: IntegrityReport, at time: Date) {
        last = Finding(checkedAt: time, size: report.checkpoint?.size ?? 0, problems: report.problems)
    }

    /// Whether the last check found this tile or bundle wrong, at any width.
    package func isDamaged(tile id: TileID) -> Bool {
        last?.problems.contains { problem in
            switch problem {
            case .corruptTile(let damaged), .missingTile(let damaged), .truncatedTile(let damaged, _):
                damaged.kind == id.kind && damaged.index == id.index
            default: false
            }
        } ?? false
    }

    /// Whether the last check found this entry's row wrong.
    package func isDamaged(entry index: UInt64) -> Bool {
        last?.problems.contains { problem in
            switch problem {
            case .corruptEntry(let damaged), .oversizedEntry(let damaged): damaged == index
            default: false
            }
        } ?? false
    }
}

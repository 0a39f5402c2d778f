import Foundation
import SilkbridgeCore

/// Failures of the ledger's read and append routes, with the words a client needs to correct the request.
package enum LedgerError: DomainError, Equatable {
    case entryNotFound(index: UInt64, size: UInt64)
    case tileNotFound
    case invalidConsistencyRange(from: UInt64, to: UInt64, size: UInt64)
    case notSequencing
    case halted(reason: String)
    /// The entry waited past its deadline and was withdrawn: nothing was recorded.
    case timedOut
    /// The entry's batch was still being stored at the deadline; it may yet be recorded.
    case unconfirmed
    /// The full check found this tile, bundle or entry wrong; it is withheld rather than served.
    case damaged

    package var kind: FailureKind {
        switch self {
        case .entryNotFound, .tileNotFound: .notFound
        case .invalidConsistencyRange: .invalid
        case .notSequencing, .halted, .timedOut, .unconfirmed, .damaged: .unavailable
        }
    }

    package var message: Message {
        switch self {
        case .entryNotFound(let index, let size):
            Message(
                "index: the ledger has \(size) entries, so there is no entry \(index).",
                "index：账本共有 \(size) 条记录，不存在第 \(index) 条。")
        case .tileNotFound:
            Message(
                "No such tile: the path is not a canonical tlog-tiles path or the tile lies beyond the log.",
                "没有此瓦片：路径不是规范的 tlog-tiles 路径，或超出了日志范围。")
        case .invalidConsistencyRange(let from, let to, let size):
            Message(
                "from, to: need 1 ≤ from ≤ to ≤ \(size) (the ledger's size); got from=\(from), to=\(to).",
                "from、to：须满足 1 ≤ from ≤ to ≤ \(size)（账本大小）；收到 from=\(from)、to=\(to)。")
        case .notSequencing:
            Message(
                "Another server process is sequencing the ledger; try again in a few seconds.",
                "另一个服务器进程正在为账本排序；请几秒后重试。")
        case .halted:
            Message(
                "The ledger stopped accepting entries because its stored log contradicts what it signed; an operator "
                    + "must check it with `silkbridge ledger check`. Nothing was recorded.",
                "账本已停止接受记录：存储的日志与其签名不符；需要运维人员用 `silkbridge ledger check` 检查。未记录任何内容。")
        case .timedOut:
            Message(
                "The ledger is busy and nothing was recorded; try again in a few seconds.",
                "账本繁忙，未记录任何内容；请几秒后重试。")
        case .damaged:
            Message(
                "This part of the ledger failed its integrity check and is withheld until an operator repairs it "
                    + "(`silkbridge ledger check` names what is wrong).",
                "账本的这一部分未通过完整性检查，在运维人员修复之前不予提供（`silkbridge ledger check` 会指出问题所在）。")
        case .unconfirmed:
            Message(
                "The ledger is slow to store entries; yours may still be recorded. Check again in a few seconds "
                    + "before you retry.",
                "账本存储记录较慢；您的记录仍可能被保存。请几秒后查看，再决定是否重试。")
        }
    }
}

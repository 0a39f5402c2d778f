import Foundation
import SilkbridgeCore

/// Failures of the ledger's read and append routes, with the words a client needs to correct the request.
enum LedgerError: DomainError, Equatable {
    case entryNotFound(index: UInt64, size: UInt64)
    case tileNotFound
    case invalidConsistencyRange(from: UInt64, to: UInt64, size: UInt64)
    case notSequencing
    case halted

    var kind: FailureKind {
        switch self {
        case .entryNotFound, .tileNotFound: .notFound
        case .invalidConsistencyRange: .invalid
        case .notSequencing, .halted: .unavailable
        }
    }

    var message: Message {
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
                "The ledger stopped accepting entries after a storage failure; an operator must restart it.",
                "账本在存储故障后已停止接受记录；需要运维人员重启。")
        }
    }
}

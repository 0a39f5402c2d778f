import FluentPostgresDriver
import FluentSQLiteDriver
import NIOCore

/// Database failures that may pass if the same work is tried again: nothing was wrong with the work itself.
public enum TransientFailure {
    /// SQLSTATE classes and codes PostgreSQL uses for a conflict with concurrent work or a server that is
    /// starting, stopping or full: serialization failure, deadlock, a lock wait past `lock_timeout`, a session
    /// ended for idling in a transaction, too many connections, admin shutdown, crash shutdown, cannot connect now.
    private static let postgresStates: Set<String> = [
        "40001", "40P01", "55P03", "25P03", "53300", "57P01", "57P02", "57P03",
    ]

    public static func matches(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolTimeoutError, is ChannelError, is IOError:
            return true
        case let error as SQLiteError:
            switch error.reason {
            case .busy, .locked, .busyInRecovery, .busyInSnapshot, .busyTimeout: return true
            default: return false
            }
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState] { return postgresStates.contains(state) }
            return [.connectionError, .serverClosedConnection, .uncleanShutdown].contains(error.code)
        default:
            return false
        }
    }
}

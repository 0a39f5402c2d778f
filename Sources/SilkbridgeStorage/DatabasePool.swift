/// How many connections the database keeps and how long a caller waits for one.
public struct DatabasePool: Sendable {
    /// Bounds every wait for a connection; past it the operation fails with a transient error instead of waiting on.
    public var timeout: Duration
    /// PostgreSQL connections per event loop. Fluent's default of one (two on a two-core machine) made simultaneous
    /// transactions wait for each other under load; a few more keep a busy server answering. SQLite always has one
    /// writer connection and a read-only reader per event loop, whatever this says.
    public var postgresConnectionsPerEventLoop: Int

    public init(timeout: Duration = .seconds(30), postgresConnectionsPerEventLoop: Int = 4) {
        self.timeout = timeout
        self.postgresConnectionsPerEventLoop = postgresConnectionsPerEventLoop
    }

    /// One connection per event loop and a short wait: what tests use to show nothing needs more.
    public static let smallest = DatabasePool(timeout: .seconds(2), postgresConnectionsPerEventLoop: 1)
}

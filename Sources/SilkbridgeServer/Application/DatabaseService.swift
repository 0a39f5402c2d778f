import ServiceLifecycle
import SilkbridgeStorage

/// Closes the database connections after the server has drained, on SIGTERM or SIGINT.
struct DatabaseService: Service {
    let database: SilkbridgeDatabase

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}

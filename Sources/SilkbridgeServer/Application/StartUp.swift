import Logging
import ServiceLifecycle
import Synchronization

/// The work between building the application and its first request: migrating the database, taking up the
/// ledger, finishing what a crash interrupted and loading the demo. It runs before the server listens; the
/// background services wait for it, so none touches a database that is not migrated yet.
final class StartUp: Sendable {
    typealias Step = @Sendable () async throws -> Void

    private enum State {
        case running(waiters: [Int: CheckedContinuation<Bool, Never>], next: Int)
        case finished(succeeded: Bool)
    }

    private let steps: [Step]
    private let state = Mutex(State.running(waiters: [:], next: 0))

    init(_ steps: [Step]) {
        self.steps = steps
    }

    /// Runs every step in order. A failure stops the server with its error: the waiting services return, and the
    /// database service closes the connections, the one way the application shuts down.
    func run() async throws {
        do {
            for step in steps { try await step() }
            finish(succeeded: true)
        } catch {
            finish(succeeded: false)
            throw error
        }
    }

    private func finish(succeeded: Bool) {
        let waiters = state.withLock { state in
            guard case .running(let waiters, _) = state else { return [CheckedContinuation<Bool, Never>]() }
            state = .finished(succeeded: succeeded)
            return Array(waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: succeeded) }
    }

    /// Whether the start-up succeeded, once it has ended; false for a task cancelled meanwhile.
    func succeeded() async -> Bool {
        let id = state.withLock { state in
            guard case .running(let waiters, let next) = state else { return -1 }
            state = .running(waiters: waiters, next: next + 1)
            return next
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now: Bool? = state.withLock { state in
                    switch state {
                    case .finished(let succeeded): return succeeded
                    case .running(var waiters, let next):
                        // The cancellation handler may have run before this continuation was stored.
                        if Task.isCancelled { return false }
                        waiters[id] = continuation
                        state = .running(waiters: waiters, next: next)
                        return nil
                    }
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard case .running(var waiters, let next) = state else { return nil }
                let waiter = waiters.removeValue(forKey: id)
                state = .running(waiters: waiters, next: next)
                return waiter
            }
            waiter?.resume(returning: false)
        }
    }
}

/// A background service that starts once the start-up work has succeeded, and not at all if it failed.
struct AfterStartUp: Service {
    let startUp: StartUp
    let service: any Service

    func run() async throws {
        guard await startUp.succeeded() else { return }
        try await service.run()
    }
}

import Foundation

/// Thrown when an operation outlives its deadline.
struct DeadlineExceeded: Error {}

/// Runs work that may ignore cancellation, returning or failing by a deadline without waiting for it.
enum Deadline {
    static func run<T: Sendable>(
        within timeout: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Outcome(continuation)
            outcome.track(
                Task {
                    do {
                        try await Task.sleep(for: timeout)
                        outcome.resume(with: .failure(DeadlineExceeded()))
                    } catch {
                        // Cancelled because the work finished first.
                    }
                })
            outcome.track(
                Task {
                    do {
                        outcome.resume(with: .success(try await operation()))
                    } catch {
                        outcome.resume(with: .failure(error))
                    }
                })
        }
    }

    /// Resumes a continuation once, whichever of the work and the timer finishes first, then cancels the other.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?
        private var tasks: [Task<Void, Never>] = []

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = continuation
        }

        func track(_ task: Task<Void, Never>) {
            let alreadyResumed = lock.withLock {
                if continuation == nil { return true }
                tasks.append(task)
                return false
            }
            if alreadyResumed { task.cancel() }
        }

        func resume(with result: Result<T, any Error>) {
            let (pending, others) = lock.withLock {
                defer {
                    continuation = nil
                    tasks = []
                }
                return (continuation, tasks)
            }
            pending?.resume(with: result)
            if pending != nil { others.forEach { $0.cancel() } }
        }
    }
}

import Foundation

/// Checks at most `concurrent` passwords at a time and lets at most `waiting` more wait, refusing the rest with
/// `AccountError.busyCheckingPasswords`. bcrypt is slow on purpose: unbounded, a burst of wrong log-ins would take
/// every core and leave none for the requests of everybody else.
public actor BoundedPasswordHasher: PasswordHasher {
    private let hasher: any PasswordHasher
    private let concurrent: Int
    private let waiting: Int
    private var running = 0
    /// First come, first served; each is resumed holding the slot its predecessor gave up.
    private var queue: [CheckedContinuation<Void, Never>] = []
    var waitingCount: Int { queue.count }

    public init(_ hasher: any PasswordHasher, concurrent: Int, waiting: Int) {
        self.hasher = hasher
        self.concurrent = max(1, concurrent)
        self.waiting = max(0, waiting)
    }

    public func hash(_ password: String) async throws -> String {
        try await bounded { [hasher] in try await hasher.hash(password) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await bounded { [hasher] in try await hasher.verify(password, against: hash) }
    }

    private func bounded<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if running < concurrent {
            running += 1
        } else {
            guard queue.count < waiting else { throw AccountError.busyCheckingPasswords }
            await withCheckedContinuation { queue.append($0) }
        }
        defer {
            if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
        }
        return try await work()
    }
}

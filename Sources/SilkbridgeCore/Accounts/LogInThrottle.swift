import Foundation
import Synchronization

/// Slows guessing down. Failed log-ins are counted in three windows: per account from one client address, per
/// client address over every account (one machine trying many accounts), and per account over every address (many
/// machines trying one account). A count at its limit refuses further tries, the right password too, until its
/// oldest failure leaves the window.
///
/// Someone guessing from one address locks only that address out; the account's owner, logging in from elsewhere,
/// is refused only once many addresses together pass the account's limit, and then for at most its short window.
/// An unknown address is counted like a known one, so the refusal tells nothing about which addresses have accounts.
/// The counts live in this process: with several servers, each counts its own share.
public final class LogInThrottle: Sendable {
    public struct Limit: Sendable {
        public let failures: Int
        public let window: TimeInterval

        public init(failures: Int, window: TimeInterval) {
            self.failures = failures
            self.window = window
        }
    }

    public struct Limits: Sendable {
        public var accountFromAddress = Limit(failures: 5, window: 5 * 60)
        public var address = Limit(failures: 20, window: 10 * 60)
        public var account = Limit(failures: 50, window: 15 * 60)

        public init() {}
    }

    private enum Key: Hashable {
        case accountFromAddress(String, String)
        case address(String)
        case account(String)
    }

    private let limits: Limits
    /// Past this many counted keys, those whose failures have all left their windows are forgotten.
    private let keysBeforePruning: Int
    private let failures = Mutex<[Key: [Date]]>([:])
    var countedKeys: Int { failures.withLock { $0.count } }

    public init(limits: Limits = Limits(), keysBeforePruning: Int = 10_000) {
        self.limits = limits
        self.keysBeforePruning = keysBeforePruning
    }

    /// How long `email` must wait before another try from `client`, or nil if it may try now.
    public func wait(email: String, client: String?, now: Date) -> TimeInterval? {
        failures.withLock { failures in
            let waits = keys(email: email, client: client).compactMap { key, limit -> TimeInterval? in
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
                guard recent.count >= limit.failures, let oldest = recent.first else { return nil }
                return limit.window - now.timeIntervalSince(oldest)
            }
            return waits.max()
        }
    }

    public func recordFailure(email: String, client: String?, now: Date) {
        failures.withLock { failures in
            if failures.count >= keysBeforePruning { prune(&failures, now: now) }
            for (key, limit) in keys(email: email, client: client) {
                var times = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
                times.append(now)
                // Only the newest `limit.failures` can matter for a refusal.
                failures[key] = Array(times.suffix(limit.failures))
            }
        }
    }

    /// A right password from `client` clears what that client got wrong for the account; what other addresses got
    /// wrong still counts.
    public func recordSuccess(email: String, client: String?) {
        _ = failures.withLock { $0.removeValue(forKey: .accountFromAddress(email, client ?? "")) }
    }

    private func keys(email: String, client: String?) -> [(Key, Limit)] {
        let client = client ?? ""
        return [
            (.accountFromAddress(email, client), limits.accountFromAddress),
            (.address(client), limits.address),
            (.account(email), limits.account),
        ]
    }

    private func prune(_ failures: inout [Key: [Date]], now: Date) {
        let longest = max(limits.accountFromAddress.window, limits.address.window, limits.account.window)
        failures = failures.filter { _, times in times.last.map { now.timeIntervalSince($0) < longest } ?? false }
    }
}

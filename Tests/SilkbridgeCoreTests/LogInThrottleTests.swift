import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct LogInThrottleTests {
    let start = Date(timeIntervalSince1970: 1_796_000_000)

    /// Fails `count` log-ins of `email` from `client`, a second apart from `start`.
    func fail(_ throttle: LogInThrottle, _ email: String, from client: String, times count: Int, at offset: Int = 0) {
        for second in 0..<count {
            throttle.recordFailure(email: email, client: client, now: start + TimeInterval(offset + second))
        }
    }

    @Test func fiveWrongPasswordsFromOneAddressHoldThatAddressBackForFiveMinutes() {
        let throttle = LogInThrottle()
        fail(throttle, "anna@example.eu", from: "203.0.113.9", times: 4)
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 10) == nil)
        fail(throttle, "anna@example.eu", from: "203.0.113.9", times: 1, at: 10)
        // Refused until the first of the five failures is five minutes old.
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 11) == 289)
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 299) == 1)
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 300) == nil)
    }

    @Test func theOwnerLoggingInFromElsewhereIsNotHeldBackByAnotherAddress() {
        let throttle = LogInThrottle()
        fail(throttle, "anna@example.eu", from: "203.0.113.9", times: 5)
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 5) != nil)
        #expect(throttle.wait(email: "anna@example.eu", client: "198.51.100.7", now: start + 5) == nil)
    }

    @Test func oneAddressTryingManyAccountsIsHeldBack() {
        let throttle = LogInThrottle()
        for index in 0..<20 { fail(throttle, "person\(index)@example.eu", from: "203.0.113.9", times: 1, at: index) }
        #expect(throttle.wait(email: "someone.else@example.eu", client: "203.0.113.9", now: start + 20) == 580)
        #expect(throttle.wait(email: "someone.else@example.eu", client: "198.51.100.7", now: start + 20) == nil)
    }

    @Test func manyAddressesTryingOneAccountHoldItBackForAtMostFifteenMinutes() {
        let throttle = LogInThrottle()
        for index in 0..<10 { fail(throttle, "anna@example.eu", from: "203.0.113.\(index)", times: 5, at: 5 * index) }
        let wait = throttle.wait(email: "anna@example.eu", client: "198.51.100.7", now: start + 50)
        #expect(wait == 850)
        #expect(throttle.wait(email: "anna@example.eu", client: "198.51.100.7", now: start + 900) == nil)
    }

    @Test func theRightPasswordClearsOnlyWhatThatAddressGotWrong() {
        let throttle = LogInThrottle()
        fail(throttle, "anna@example.eu", from: "203.0.113.9", times: 4)
        throttle.recordSuccess(email: "anna@example.eu", client: "203.0.113.9")
        fail(throttle, "anna@example.eu", from: "203.0.113.9", times: 4, at: 10)
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 20) == nil)
        // The address's own count over every account is not cleared by one account's success.
        fail(throttle, "bert@example.eu", from: "203.0.113.9", times: 12, at: 20)
        #expect(throttle.wait(email: "carla@example.eu", client: "203.0.113.9", now: start + 40) != nil)
    }

    @Test func forgottenKeysArePrunedOnceTheirWindowsPass() {
        let throttle = LogInThrottle(keysBeforePruning: 3)
        fail(throttle, "anna@example.eu", from: "203.0.113.9", times: 4)
        #expect(throttle.countedKeys == 3)
        // An hour later Anna's keys are forgotten: only Bert's and the address's are left.
        fail(throttle, "bert@example.eu", from: "203.0.113.9", times: 1, at: 3600)
        #expect(throttle.countedKeys == 3)
        #expect(throttle.wait(email: "anna@example.eu", client: "203.0.113.9", now: start + 3602) == nil)
    }
}

/// A hasher that holds every call until the test lets it go, so that the bound can be watched at work.
private actor HeldHasher: PasswordHasher {
    private(set) var entered = 0
    private var held: [CheckedContinuation<Void, Never>] = []

    func hash(_ password: String) async throws -> String {
        await hold()
        return "hash of \(password)"
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        await hold()
        return hash == "hash of \(password)"
    }

    func releaseFirst() {
        held.removeFirst().resume()
    }

    private func hold() async {
        entered += 1
        await withCheckedContinuation { held.append($0) }
    }
}

@Suite struct BoundedPasswordHasherTests {
    @Test func pastTheRunningAndWaitingChecksTheNextIsRefusedAtOnce() async throws {
        let held = HeldHasher()
        let bounded = BoundedPasswordHasher(held, concurrent: 1, waiting: 1)
        let first = Task { try await bounded.verify("one", against: "hash of one") }
        while await held.entered < 1 { await Task.yield() }
        let second = Task { try await bounded.verify("two", against: "hash of two") }
        while await bounded.waitingCount < 1 { await Task.yield() }
        #expect(await held.entered == 1, "the second check waits for the first")

        await #expect(throws: AccountError.busyCheckingPasswords) {
            try await bounded.hash("three")
        }

        await held.releaseFirst()
        #expect(try await first.value)
        while await held.entered < 2 { await Task.yield() }
        await held.releaseFirst()
        #expect(try await second.value)
        // With both done, a new check runs again.
        let fourth = Task { try await bounded.hash("four") }
        while await held.entered < 3 { await Task.yield() }
        await held.releaseFirst()
        #expect(try await fourth.value == "hash of four")
    }
}

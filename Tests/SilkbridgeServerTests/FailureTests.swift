import AsyncKit
import Hummingbird
import SilkbridgeCore
import SilkbridgeLedger
import Testing

@testable import SilkbridgeServer

/// A database wait that runs out is the server being busy, not a fault: 503 with a reason, and nothing changed.
@Suite(.timeLimit(.minutes(10))) struct FailureTests {
    @Test func aTimedOutPoolWaitIsServiceUnavailable() {
        let failure = Failure(ConnectionPoolTimeoutError.connectionRequestTimeout)
        #expect(failure.status == .serviceUnavailable)
        #expect(failure.message.english.contains("nothing was changed"))
        #expect(!failure.message.chinese.isEmpty)
    }

    @Test func ledgerDeadlinesAreServiceUnavailableAndSayWhetherTheEntryMayStillLand() {
        #expect(Failure(LedgerError.timedOut).status == .serviceUnavailable)
        #expect(Failure(LedgerError.timedOut).message.english.contains("nothing was recorded"))
        #expect(Failure(LedgerError.unconfirmed).message.english.contains("may still be recorded"))
    }
}

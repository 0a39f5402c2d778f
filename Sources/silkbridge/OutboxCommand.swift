import ArgumentParser
import Configuration
import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeStorage

/// The operators' view of the mail outbox: what waits, what went, and what was given up and why.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "List the newest mails of the outbox, with their state and last error.")

    @Option(help: "Only mails in this state: queued, sent or failed.") var state: String?
    @Option(help: "How many mails at most, newest first (1 to 1000).") var limit = 50
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let state, MailState(rawValue: state) == nil {
            throw ValidationError("--state must be queued, sent or failed, not \"\(state)\".")
        }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
    }

    func run() async throws {
        let opened = try SilkbridgeDatabase(
            location: try database.location(ConfigReader.environment), logger: Logger(label: "silkbridge.outbox"))
        do {
            try await opened.migrate()
            let mails = try await opened.mailOutbox.recent(state: state.flatMap(MailState.init), limit: limit)
            await opened.shutdown()
            print(Self.table(mails), terminator: "")
        } catch {
            await opened.shutdown()
            throw error
        }
    }

    /// One line a mail, tab-separated so that it reads in a terminal and cuts with `cut -f`.
    static func table(_ mails: [OutgoingMail]) -> String {
        let header = ["created", "state", "attempts", "next try", "kind", "recipient", "subject", "last error"]
        let rows = mails.map { mail in
            [
                mail.createdAt.formatted(.iso8601), mail.state.rawValue, String(mail.attempts),
                mail.nextAttemptAt?.formatted(.iso8601) ?? "-", mail.kind.rawValue, mail.recipient, mail.subject,
                mail.lastError ?? "-",
            ]
        }
        return ([header] + rows).map { $0.joined(separator: "\t") + "\n" }.joined()
    }
}

import ArgumentParser

/// The command line: `serve`, `migrate`; each reads flags first, then `SILKBRIDGE_…` variables.
@main
struct Silkbridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silkbridge",
        abstract: "The open platform for China–EU digital cooperation. 中欧数字合作开放平台。",
        subcommands: [
            Serve.self, Migrate.self, Keys.self, LedgerCommand.self, WitnessCommand.self, AgreementCommand.self,
            RatesCommand.self, OutboxCommand.self,
        ],
        defaultSubcommand: Serve.self)
}

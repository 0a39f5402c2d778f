import ArgumentParser
import Configuration
import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeServer
import SilkbridgeStorage

struct RatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "The ECB euro reference rates the joint fund converts with.",
        subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load an ECB reference-rate CSV (eurofxref-hist.csv or eurofxref.csv) into the database.",
            discussion: "Days already stored take the file's rates; nothing is stored if any line is wrong.")

        @Argument(help: "The CSV file, unzipped from https://www.ecb.europa.eu (eurofxref-hist.zip).")
        var file: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let location = try database.location(ConfigReader.environment)
            let opened = try SilkbridgeDatabase(location: location, logger: Logger(label: "silkbridge.rates"))
            do {
                try await opened.migrate()
                let outcome = try await ExchangeRateImport.run(file: file, into: opened)
                await opened.shutdown()
                print(
                    "\(outcome.daysRead) days read, \(outcome.daysNew) new; rates now run to "
                        + "\(outcome.lastDay?.description ?? "-")")
            } catch let error as any DomainError {
                await opened.shutdown()
                FileHandle.standardError.write(Data("error: \(error.message.english)\n".utf8))
                throw ExitCode.failure
            } catch {
                await opened.shutdown()
                throw error
            }
        }
    }
}

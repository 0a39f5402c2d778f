import Foundation

/// The command line: a document count, then options with a value each.
struct BenchmarkOptions {
    var documentCount = 100_000
    var passes = 3
    var queriesPerClass = 20
    var postgresURL = ProcessInfo.processInfo.environment["SEARCH_BENCHMARK_POSTGRES_URL"]

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if !argument.hasPrefix("--") {
                guard let count = Int(argument), count > 0 else { throw BenchmarkError.badOption(argument) }
                documentCount = count
                continue
            }
            guard let value = remaining.popFirst() else {
                throw BenchmarkError.badOption(argument + " without a value")
            }
            switch argument {
            case "--passes": passes = try Self.positive(value, argument)
            case "--queries-per-class": queriesPerClass = try Self.positive(value, argument)
            case "--postgres-url": postgresURL = value
            default: throw BenchmarkError.badOption(argument)
            }
        }
    }

    private static func positive(_ value: String, _ option: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw BenchmarkError.badOption("\(option) \(value)") }
        return number
    }
}

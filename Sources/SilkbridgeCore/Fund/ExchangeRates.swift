import Foundation

/// The reference rates the fund converts with: read from the database, kept in memory, and read again when
/// another process (`silkbridge rates import`) has stored new days. An empty database is first filled from the
/// rates shipped with the platform.
public actor ExchangeRates {
    let repository: any ExchangeRateRepository
    let seed: @Sendable () throws -> ExchangeRateTable
    private var cached: (summary: RateSummary, table: ExchangeRateTable)?

    public init(repository: any ExchangeRateRepository, seed: @escaping @Sendable () throws -> ExchangeRateTable) {
        self.repository = repository
        self.seed = seed
    }

    /// The current table; one cheap query when nothing changed.
    public func table() async throws -> ExchangeRateTable {
        var summary = try await repository.summary()
        if summary.days == 0 {
            do {
                _ = try await repository.store(try seed())
            } catch {
                // Two processes starting on one empty database both seed; the one that loses finds the rows there.
                guard try await repository.summary().days > 0 else { throw error }
            }
            summary = try await repository.summary()
        }
        if let cached, cached.summary == summary { return cached.table }
        let table = try await repository.table()
        cached = (summary, table)
        return table
    }
}

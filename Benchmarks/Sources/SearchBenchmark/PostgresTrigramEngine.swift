import BenchmarkSupport
import Foundation
import Logging
import PostgresNIO

/// PostgreSQL with `pg_trgm`: one text column over title, summary and body with a GIN trigram index.
///
/// Every term is an `ILIKE '%…%'` condition, which the trigram index serves for terms of three or more
/// characters; shorter ones have no trigram and are checked row by row. Hits are ranked by `word_similarity` of
/// the query to the title: to the whole text it costs about 0.1 ms a row, seconds for a common word.
struct PostgresTrigramEngine: SearchEngine {
    let name = "PostgreSQL pg_trgm"
    let connection: PostgresConnection
    let logger: Logger

    /// Connects to `url` (postgres://user:password@host:port/database), replaces the benchmark table, loads the
    /// documents and builds the indexes; returns the engine with the load time, index build included.
    static func load(_ documents: [Opportunity], url: String) async throws -> (Self, milliseconds: Double) {
        guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
            throw BenchmarkError.badOption("PostgreSQL URL \(url)")
        }
        let database = parts.path.isEmpty ? nil : String(parts.path.dropFirst())
        let configuration = PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password, database: database,
            tls: .disable)
        let logger = Logger(label: "search-benchmark")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        let engine = Self(connection: connection, logger: logger)
        for statement in [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm", "DROP TABLE IF EXISTS search_benchmark_opportunity",
            """
            CREATE TABLE search_benchmark_opportunity (id integer PRIMARY KEY, country text NOT NULL,
                sector text NOT NULL, title text NOT NULL, summary text NOT NULL, body text NOT NULL,
                document text GENERATED ALWAYS AS (title || ' ' || summary || ' ' || body) STORED)
            """,
        ] {
            try await engine.run(statement)
        }
        let start = Measure.clock.now
        for batch in stride(from: 0, to: documents.count, by: 1000) {
            let rows = documents[batch..<min(batch + 1000, documents.count)]
            var binds = PostgresBindings(capacity: rows.count * 6)
            var marks: [String] = []
            for row in rows {
                let first = binds.count
                marks.append("(" + (1...6).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
                binds.append(row.id)
                for value in [row.country, row.sector, row.title, row.summary, row.body] { binds.append(value) }
            }
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: "INSERT INTO search_benchmark_opportunity (id, country, sector, title, summary, body) "
                        + "VALUES " + marks.joined(separator: ", "), binds: binds),
                logger: logger)
        }
        try await engine.run(
            "CREATE INDEX search_benchmark_trigram ON search_benchmark_opportunity USING gin (document gin_trgm_ops)")
        try await engine.run("CREATE INDEX search_benchmark_facets ON search_benchmark_opportunity (country, sector)")
        try await engine.run("ANALYZE search_benchmark_opportunity")
        return (engine, Measure.milliseconds(since: start))
    }

    func top(_ query: BenchmarkQuery, limit: Int) async throws -> [Int] {
        var (sql, binds) = select(query)
        binds.append(query.text)
        sql += " ORDER BY word_similarity($\(binds.count), title) DESC, id LIMIT \(limit)"
        return try await ids(sql, binds)
    }

    func allMatches(_ query: BenchmarkQuery) async throws -> Set<Int> {
        let (sql, binds) = select(query)
        return Set(try await ids(sql, binds))
    }

    func close() async throws {
        try await connection.close()
    }

    /// The table and its indexes in MiB.
    func megabytes() async throws -> Double {
        let rows = try await connection.query(
            "SELECT pg_total_relation_size('search_benchmark_opportunity')::bigint", logger: logger)
        var size = 0
        for try await value in rows.decode(Int.self) { size = value }
        return Double(size) / 1_048_576
    }

    /// Whether the server's character classes treat Chinese as letters, without which pg_trgm ignores it.
    func extractsChineseTrigrams() async throws -> Bool {
        let rows = try await connection.query("SELECT cardinality(show_trgm('智慧能源'))::bigint", logger: logger)
        var count = 0
        for try await value in rows.decode(Int.self) { count = value }
        return count > 0
    }

    private func run(_ sql: String) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    private func ids(_ sql: String, _ binds: PostgresBindings) async throws -> [Int] {
        var result: [Int] = []
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        for try await id in rows.decode(Int.self) { result.append(id) }
        return result
    }

    private func select(_ query: BenchmarkQuery) -> (sql: String, binds: PostgresBindings) {
        var conditions: [String] = []
        var binds = PostgresBindings()
        for term in query.terms {
            // ILIKE treats % and _ as wildcards; the vocabulary has neither, but a backslash keeps the term literal.
            binds.append(
                "%" + term.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%")
            conditions.append("document ILIKE $\(binds.count)")
        }
        for (column, value) in [("country", query.country), ("sector", query.sector)] {
            guard let value else { continue }
            binds.append(value)
            conditions.append("\(column) = $\(binds.count)")
        }
        return ("SELECT id FROM search_benchmark_opportunity WHERE " + conditions.joined(separator: " AND "), binds)
    }
}

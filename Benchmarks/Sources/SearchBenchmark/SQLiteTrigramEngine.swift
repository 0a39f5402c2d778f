import BenchmarkSupport
import Foundation
import SQLiteNIO

/// SQLite's FTS5 with the trigram tokenizer, in a file, with the facets in an ordinary indexed table.
///
/// Terms of three or more characters go through MATCH (a quoted trigram string is a substring search, ranked
/// with bm25 using our field weights). The trigram tokenizer has no trigram for shorter terms, such as 2-character
/// Chinese words, "5G" or "AI": they become `LIKE '%…%'` on each column, which SQLite answers with a full scan.
/// A query of short terms only has no MATCH and therefore no rank: it returns the first matches by rowid.
struct SQLiteTrigramEngine: SearchEngine {
    let name = "SQLite FTS5 trigram"
    let connection: SQLiteConnection
    let path: String

    /// Creates the file, loads every document in one transaction and returns the engine with the load time.
    static func load(_ documents: [Opportunity], in folder: URL) async throws -> (Self, milliseconds: Double) {
        let path = folder.appendingPathComponent("search.sqlite").path
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        for statement in [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
            "CREATE TABLE opportunity (id INTEGER PRIMARY KEY, country TEXT NOT NULL, sector TEXT NOT NULL)",
            "CREATE VIRTUAL TABLE opportunity_text USING fts5(title, summary, body, tokenize = 'trigram')",
        ] {
            _ = try await connection.query(statement)
        }
        let start = Measure.clock.now
        _ = try await connection.query("BEGIN")
        // Many rows a statement: one round trip through SQLiteNIO's thread pool per row would time the pool.
        for batch in stride(from: 0, to: documents.count, by: 200) {
            let rows = documents[batch..<min(batch + 200, documents.count)]
            let marks = Array(repeating: "(?, ?, ?, ?)", count: rows.count).joined(separator: ", ")
            _ = try await connection.query(
                "INSERT INTO opportunity_text (rowid, title, summary, body) VALUES \(marks)",
                rows.flatMap { row -> [SQLiteData] in
                    [.integer(SQLiteInt64(row.id)), .text(row.title), .text(row.summary), .text(row.body)]
                })
            _ = try await connection.query(
                "INSERT INTO opportunity (id, country, sector) VALUES "
                    + Array(repeating: "(?, ?, ?)", count: rows.count).joined(separator: ", "),
                rows.flatMap { row -> [SQLiteData] in
                    [.integer(SQLiteInt64(row.id)), .text(row.country), .text(row.sector)]
                })
        }
        _ = try await connection.query("CREATE INDEX opportunity_facets ON opportunity (country, sector)")
        _ = try await connection.query("COMMIT")
        return (Self(connection: connection, path: path), Measure.milliseconds(since: start))
    }

    func top(_ query: BenchmarkQuery, limit: Int) async throws -> [Int] {
        let (sql, binds, isRanked) = select(query)
        let order = isRanked ? " ORDER BY bm25(opportunity_text, 3.0, 2.0, 1.0)" : ""
        return try await connection.query(sql + order + " LIMIT \(limit)", binds).compactMap(Self.id)
    }

    func allMatches(_ query: BenchmarkQuery) async throws -> Set<Int> {
        let (sql, binds, _) = select(query)
        return Set(try await connection.query(sql, binds).compactMap(Self.id))
    }

    func close() async throws {
        try await connection.close()
    }

    /// The file's size in MiB, write-ahead log included.
    func fileMegabytes() -> Double {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            return total + Double(size) / 1_048_576
        }
    }

    private static func id(_ row: SQLiteRow) -> Int? {
        row.columns.first?.data.integer.map { Int($0) }
    }

    private func select(_ query: BenchmarkQuery) -> (sql: String, binds: [SQLiteData], isRanked: Bool) {
        var conditions: [String] = []
        var binds: [SQLiteData] = []
        let long = query.terms.filter { $0.count >= 3 }
        if !long.isEmpty {
            conditions.append("opportunity_text MATCH ?")
            binds.append(
                .text(long.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: " AND ")))
        }
        for term in query.terms where term.count < 3 {
            conditions.append("(title LIKE ? OR summary LIKE ? OR body LIKE ?)")
            binds += Array(repeating: .text("%\(term)%"), count: 3)
        }
        var sql = "SELECT opportunity_text.rowid FROM opportunity_text"
        if query.country != nil || query.sector != nil {
            sql += " JOIN opportunity ON opportunity.id = opportunity_text.rowid"
            if let country = query.country {
                conditions.append("opportunity.country = ?")
                binds.append(.text(country))
            }
            if let sector = query.sector {
                conditions.append("opportunity.sector = ?")
                binds.append(.text(sector))
            }
        }
        return (sql + " WHERE " + conditions.joined(separator: " AND "), binds, !long.isEmpty)
    }
}
